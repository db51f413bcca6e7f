// The read pipeline (SPEC §2), the same for every read path: the stored form (read-stored.ts), then
// attribute `get`, schema `get`, and real names → aliases.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { CompiledAttribute, CompiledSchema, ObjectShape } from "./compiled";
import { isThenable } from "./normalize";
import { objectFromDynamo } from "./read-stored";
import { isPlainObject } from "./resolve-type";
import { walkShape } from "./rules";
import { keptUnknownValue } from "./unknown-values";
import { settingsFor } from "./settings-for";

const aliasCache = new WeakMap<ObjectShape, boolean>();
const attributeAliasCache = new WeakMap<CompiledAttribute, boolean>();

/** Whether the shape, or anything nested in it (maps, list elements, at any depth), has an alias. */
function shapeHasAliases(shape: ObjectShape): boolean {
  let cached = aliasCache.get(shape);
  if (cached === undefined) {
    aliasCache.set(shape, false); // a shape that contains itself (type.THIS) ends here
    cached = shape.hasAliases || shape.attributes.some(hasAliasesBelow);
    aliasCache.set(shape, cached);
  }
  return cached;
}

/** Whether any attribute nested in this one (in maps, list elements, at any depth) has an alias. */
export function hasAliasesBelow(attribute: CompiledAttribute): boolean {
  let cached = attributeAliasCache.get(attribute);
  if (cached === undefined) {
    attributeAliasCache.set(attribute, false);
    cached = attribute.variants.some(
      (variant) =>
        (variant.kind === "object" && typeof variant.shape === "object" && shapeHasAliases(variant.shape)) ||
        (variant.kind === "array" && typeof variant.element === "object" && hasAliasesBelow(variant.element)),
    );
    attributeAliasCache.set(attribute, cached);
  }
  return cached;
}

/** Renames real names to output names (aliases), recursively, in maps and in list elements. */
function renameToAliases(shape: ObjectShape, object: Record<string, unknown>): Record<string, unknown> {
  if (!shapeHasAliases(shape)) return object;
  const output: Record<string, unknown> = {};
  for (const key of Object.keys(object)) {
    const attribute = shape.byName.get(key);
    const value = object[key];
    output[attribute ? attribute.settings.outputName : key] = attribute
      ? renamedValue(attribute, value)
      : value;
  }
  return output;
}

function renamedValue(attribute: CompiledAttribute, value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  for (const variant of attribute.variants) {
    if (variant.kind === "object" && typeof variant.shape === "object" && isPlainObject(value)) {
      return renameToAliases(variant.shape, value);
    }
    // Of several list types, the one with aliases in it: elements of the others are left as they are.
    if (variant.kind === "array" && typeof variant.element === "object" && Array.isArray(value)) {
      const element = variant.element;
      if (hasAliasesBelow(element)) return value.map((member) => renamedValue(element, member));
    }
  }
  return value;
}

/**
 * Whether reading with this schema gives the stored form itself (no `get` functions, no aliases): an item
 * read with it then holds what is stored, converted by type only.
 */
export function readsStoredForm(schema: CompiledSchema): boolean {
  return !schema.shape.flags.get && !schema.get && !shapeHasAliases(schema.shape);
}

/**
 * The full read pipeline. Synchronous unless a `get` function returns a promise. With `target`, the
 * result is written into it (hydration builds model items without a second copy).
 */
export function readPipeline(
  schema: CompiledSchema,
  attributes: Record<string, AttributeValue>,
  target?: Record<string, unknown>,
): Record<string, unknown> | Promise<Record<string, unknown>> {
  if (readsStoredForm(schema)) {
    return objectFromDynamo(schema.shape, attributes, "", schema.keepUnknown, target);
  }
  const item = objectFromDynamo(schema.shape, attributes, "", schema.keepUnknown);
  const result =
    schema.shape.flags.get || schema.get
      ? finishWithGetters(schema, item)
      : renameToAliases(schema.shape, item);
  if (target === undefined) return result;
  const copyInto = (data: Record<string, unknown>) => Object.assign(target, data);
  return isThenable(result) ? Promise.resolve(result).then(copyInto) : copyInto(result);
}

function finishWithGetters(
  schema: CompiledSchema,
  item: Record<string, unknown>,
): Record<string, unknown> | Promise<Record<string, unknown>> {
  const pending: Promise<void>[] = [];
  walkShape(schema.shape, item, "", "get", (attribute, container, key) => {
    const value = container[key];
    if (value === undefined || value === null) return;
    const getter = settingsFor(attribute, value).get;
    if (!getter) return;
    const result = getter(value);
    if (isThenable(result))
      pending.push(Promise.resolve(result).then((resolved) => void (container[key] = resolved)));
    else container[key] = result;
  });
  const applySchemaGet = (): Record<string, unknown> | Promise<Record<string, unknown>> => {
    if (!schema.get) return renameToAliases(schema.shape, item);
    const result = schema.get(item);
    // A `get` may return the item or change it in place and return nothing: either way, what it added goes.
    const finish = (value: unknown) =>
      renameToAliases(schema.shape, declaredOrKept(schema, isPlainObject(value) ? value : item));
    return isThenable(result) ? Promise.resolve(result).then(finish) : finish(result);
  };
  return pending.length > 0 ? Promise.all(pending).then(applySchemaGet) : applySchemaGet();
}

/**
 * What the schema's `get` returned, without the top-level attributes it added that the schema neither
 * declares nor keeps by `saveUnknown`: SPEC §2 strips unknown attributes after the schema's `get`, and
 * Dynamoose's schema `get` cannot add attributes either.
 */
function declaredOrKept(schema: CompiledSchema, result: Record<string, unknown>): Record<string, unknown> {
  const { byName } = schema.shape;
  const keep = schema.keepUnknown;
  let output: Record<string, unknown> | undefined;
  for (const name of Object.keys(result)) {
    if (byName.has(name)) continue;
    const kept = keep === undefined ? undefined : keptUnknownValue(keep, name, result[name]);
    if (kept === result[name]) continue;
    output ??= { ...result };
    if (kept === undefined) delete output[name];
    else output[name] = kept;
  }
  return output ?? result;
}
