// The read pipeline (SPEC §2), the same for every read path: AttributeValues → JavaScript values by
// the compiled types (Dates, Sets, Buffers), attribute `get`, schema `get`, real names → aliases,
// unknown attributes dropped unless `saveUnknown` keeps them.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { CompiledAttribute, CompiledSchema, ObjectShape, Variant } from "./compiled";
import { isThenable } from "./normalize";
import { isPlainObject } from "./resolve-type";
import { walkShape } from "./rules";
import { anyFromDynamo } from "./types/any";
import { NO_MATCH } from "./types/handler";

function variantFromDynamo(
  variant: Variant,
  value: AttributeValue,
  path: string,
  keep: KeepUnknown,
): unknown {
  switch (variant.kind) {
    case "scalar":
      return variant.type.fromDynamo(value);
    case "any":
      return anyFromDynamo(value);
    case "combine":
      return value.S ?? NO_MATCH;
    case "json":
      return value.S !== undefined ? JSON.parse(value.S) : NO_MATCH;
    case "object":
      if (value.M === undefined) return NO_MATCH;
      if (variant.shape === "empty") return {};
      if (variant.shape === "any") return anyFromDynamo(value);
      return objectFromDynamo(variant.shape, value.M, path, keep);
    case "array": {
      if (value.L === undefined) return NO_MATCH;
      const element = variant.element;
      if (element === "empty") return [];
      if (element === "any") return value.L.map(anyFromDynamo);
      return value.L.map((entry, index) => attributeFromDynamo(element, entry, `${path}[${index}]`, keep));
    }
    case "set": {
      const element = variant.element;
      if (!element) return NO_MATCH;
      const members = element.setType === "SS" ? value.SS : element.setType === "NS" ? value.NS : value.BS;
      if (members === undefined) return NO_MATCH;
      const set = new Set<unknown>();
      for (const member of members) set.add(element.fromSetMember!(member));
      return set;
    }
    case "reference": {
      const model = variant.target.resolve();
      if (model.rangeKey === undefined) return model.hashType.fromDynamo(value);
      return value.M !== undefined ? anyFromDynamo(value) : NO_MATCH;
    }
  }
}

type KeepUnknown = ((path: string) => boolean) | undefined;

function attributeFromDynamo(
  attribute: CompiledAttribute,
  value: AttributeValue,
  path: string,
  keep: KeepUnknown,
): unknown {
  for (const variant of attribute.variants) {
    const converted = variantFromDynamo(variant, value, path, keep);
    if (converted !== NO_MATCH) return converted;
  }
  // Stored data that no longer fits the schema is still returned, never dropped.
  return anyFromDynamo(value);
}

function objectFromDynamo(
  shape: ObjectShape,
  map: Record<string, AttributeValue>,
  path: string,
  keep: KeepUnknown,
): Record<string, unknown> {
  const output: Record<string, unknown> = {};
  for (const key of Object.keys(map)) {
    const attribute = shape.byName.get(key);
    const nestedPath = path === "" ? key : `${path}.${key}`;
    if (attribute) output[key] = attributeFromDynamo(attribute, map[key]!, nestedPath, keep);
    else if (keep?.(nestedPath)) output[key] = anyFromDynamo(map[key]!);
  }
  return output;
}

/** AttributeValues → JavaScript by the schema's types only (no `get`, real names): the stored form. */
export function storedFormFromDynamo(
  schema: CompiledSchema,
  attributes: Record<string, AttributeValue>,
): Record<string, unknown> {
  return objectFromDynamo(schema.shape, attributes, "", schema.keepUnknown);
}

const aliasCache = new WeakMap<ObjectShape, boolean>();

function shapeHasAliases(shape: ObjectShape): boolean {
  let cached = aliasCache.get(shape);
  if (cached === undefined) {
    cached =
      shape.hasAliases ||
      shape.attributes.some((attribute) =>
        attribute.variants.some(
          (variant) =>
            (variant.kind === "object" &&
              typeof variant.shape === "object" &&
              shapeHasAliases(variant.shape)) ||
            (variant.kind === "array" &&
              typeof variant.element === "object" &&
              variant.element.variants.some(
                (inner) =>
                  inner.kind === "object" && typeof inner.shape === "object" && shapeHasAliases(inner.shape),
              )),
        ),
      );
    aliasCache.set(shape, cached);
  }
  return cached;
}

/** Renames real names to output names (aliases), recursively. */
function renameToAliases(shape: ObjectShape, object: Record<string, unknown>): Record<string, unknown> {
  if (!shapeHasAliases(shape)) return object;
  const output: Record<string, unknown> = {};
  for (const key of Object.keys(object)) {
    const attribute = shape.byName.get(key);
    let value = object[key];
    if (attribute && value !== null && typeof value === "object") {
      for (const variant of attribute.variants) {
        if (variant.kind === "object" && typeof variant.shape === "object" && isPlainObject(value)) {
          value = renameToAliases(variant.shape, value);
          break;
        }
      }
    }
    output[attribute ? attribute.settings.outputName : key] = value;
  }
  return output;
}

/** The full read pipeline. Synchronous unless a `get` function returns a promise. */
export function readPipeline(
  schema: CompiledSchema,
  attributes: Record<string, AttributeValue>,
): Record<string, unknown> | Promise<Record<string, unknown>> {
  const item = objectFromDynamo(schema.shape, attributes, "", schema.keepUnknown);
  if (!schema.shape.flags.get && !schema.get) return renameToAliases(schema.shape, item);
  return finishWithGetters(schema, item);
}

function finishWithGetters(
  schema: CompiledSchema,
  item: Record<string, unknown>,
): Record<string, unknown> | Promise<Record<string, unknown>> {
  const pending: Promise<void>[] = [];
  walkShape(schema.shape, item, "", "get", (attribute, container, key) => {
    const getter = attribute.settings.get;
    const value = container[key];
    if (!getter || value === undefined || value === null) return;
    const result = getter(value);
    if (isThenable(result))
      pending.push(Promise.resolve(result).then((resolved) => void (container[key] = resolved)));
    else container[key] = result;
  });
  const applySchemaGet = (): Record<string, unknown> | Promise<Record<string, unknown>> => {
    if (!schema.get) return renameToAliases(schema.shape, item);
    const result = schema.get(item);
    const finish = (value: unknown) => renameToAliases(schema.shape, isPlainObject(value) ? value : item);
    return isThenable(result) ? Promise.resolve(result).then(finish) : finish(result);
  };
  return pending.length > 0 ? Promise.all(pending).then(applySchemaGet) : applySchemaGet();
}
