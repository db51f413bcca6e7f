// Links from public objects to their compiled internals, kept off the objects themselves (no
// string-keyed "internal properties") and free of import cycles: Schema and model() register here,
// the compiler and the pipelines look up here.
import type { CompiledSchema, ReferencedModel } from "./compiled";

const compiledSchemas = new WeakMap<object, CompiledSchema>();
const referencedModels = new WeakMap<object, ReferencedModel>();

export function linkCompiledSchema(schema: object, compiled: CompiledSchema): void {
  compiledSchemas.set(schema, compiled);
}

/** The compiled form of a Schema instance, or undefined for anything else. */
export function compiledSchemaOf(value: unknown): CompiledSchema | undefined {
  return typeof value === "object" && value !== null ? compiledSchemas.get(value) : undefined;
}

export function linkReferencedModel(model: object, reference: ReferencedModel): void {
  referencedModels.set(model, reference);
}

/** The reference view of a Model class, or undefined for anything else. */
export function referencedModelOf(value: unknown): ReferencedModel | undefined {
  return typeof value === "function" ? referencedModels.get(value) : undefined;
}
