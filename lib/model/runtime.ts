// What a Model class knows about itself at run time. Kept in a WeakMap keyed by the class, so the
// class's own properties are only its public API.
import type { EventEmitter } from "eventemitter3";
import type { SendContext } from "../client/send";
import type { Middleware } from "../client/send";
import type { Instance } from "../instance";
import type { CompiledSchema } from "../schema/compiled";
import type { Schema } from "../schema/schema";
import type { TableRuntime } from "../table/table";

export interface ModelRuntime {
  readonly name: string;
  readonly instance: Instance;
  readonly schemas: readonly Schema[];
  readonly compiled: readonly CompiledSchema[];
  readonly table: TableRuntime;
  readonly middleware: Middleware[];
  readonly events: EventEmitter;
  /** The model class itself. */
  readonly model: ModelClass;
  sendContext(): SendContext;
}

/** The minimal view of a generated model class used inside the library. */
export interface ModelClass {
  new (object?: Record<string, unknown>): object;
  readonly prototype: object;
  readonly name: string;
}

const runtimes = new WeakMap<object, ModelRuntime>();

export function linkModelRuntime(model: object, runtime: ModelRuntime): void {
  runtimes.set(model, runtime);
}

export function modelRuntimeOf(model: object): ModelRuntime {
  const runtime = runtimes.get(model);
  if (!runtime) throw new TypeError("Not a dynamodel model.");
  return runtime;
}

/**
 * The schema an object (an item's data, or a stored image) belongs to: in a multi-schema model, the one
 * matching most attribute names.
 */
export function schemaFor(runtime: ModelRuntime, object: Record<string, unknown>): CompiledSchema {
  const compiled = runtime.compiled;
  if (compiled.length === 1) return compiled[0]!;
  let best = compiled[0]!;
  let bestScore = -1;
  for (const schema of compiled) {
    const flattened = schema.shape.flattened?.byStoredName;
    let score = 0;
    // A stored image holds a flattened object as `prefix + sub-name` attributes (`addr_city`): they
    // name the schema as much as the object's own name does in an item's data.
    for (const key of Object.keys(object)) {
      if (schema.shape.byInputName.has(key) || flattened?.has(key)) score += 1;
    }
    if (score > bestScore) {
      best = schema;
      bestScore = score;
    }
  }
  return best;
}

const UPDATE_OPERATORS = new Set(["$SET", "$ADD", "$REMOVE", "$DELETE"]);

/**
 * The schema an update is planned with: in a multi-schema model, the one declaring most of the attributes
 * the update names (top-level names of its document paths, in every operator); the first on a tie.
 */
export function schemaForUpdate(runtime: ModelRuntime, update: unknown): CompiledSchema {
  const compiled = runtime.compiled;
  if (compiled.length === 1 || typeof update !== "object" || update === null) return compiled[0]!;
  const named: Record<string, true> = {};
  const name = (path: string) => void (named[path.split(/[.[]/, 1)[0]!] = true);
  for (const [key, value] of Object.entries(update)) {
    if (!UPDATE_OPERATORS.has(key)) name(key);
    else if (Array.isArray(value)) for (const path of value) name(String(path));
    else if (typeof value === "string") name(value);
    else if (typeof value === "object" && value !== null) for (const path of Object.keys(value)) name(path);
  }
  return schemaFor(runtime, named);
}
