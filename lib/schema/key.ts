// Key arguments (SPEC §3): a bare hash value or an object holding the hash (and range) key, by real
// name or alias. Values are type-checked (a number for a String key is a TypeMismatch, not a silent
// N), converted by type (Dates work) and passed through the attribute's `set`.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { InvalidParameter, TypeMismatch } from "../errors";
import type { CompiledAttribute, CompiledSchema, ReferenceTarget, Variant } from "./compiled";
import { referenceMemberType } from "./types/reference";
import type { ScalarType } from "./types/handler";
import { isThenable } from "./normalize";
import { isPlainObject } from "./resolve-type";
import { variantFor } from "./to-dynamo";
import { NO_MATCH } from "./types/handler";
import { numberRangeNote } from "./types/number";
import { stringType } from "./types/string";
import { checkKeyValueNotEmpty, PARTITION_KEY_BYTES, SORT_KEY_BYTES } from "./empty-key";

function isKeyObject(key: unknown): key is Record<string, unknown> {
  return typeof key === "object" && key !== null && !(key instanceof Date) && !(key instanceof Uint8Array);
}

/**
 * The key attribute's value in a key object or item, by real name or alias; naming it twice is ambiguous
 * (an InvalidParameter). Also how references read the key of the model they point to.
 */
export function keyValueOf(attribute: CompiledAttribute, source: Record<string, unknown>): unknown {
  let named = source[attribute.name] !== undefined ? attribute.name : undefined;
  for (const alias of attribute.settings.aliases) {
    if (source[alias] === undefined) continue;
    // As for items (normalize.ts) and in Dynamoose: `{id: "1", key: "2"}` must not quietly mean "1".
    if (named === attribute.name)
      throw new InvalidParameter(`Cannot map attribute "${named}" to "${alias}" because both are defined.`);
    if (named !== undefined)
      throw new InvalidParameter(
        `The key names attribute "${attribute.name}" twice ("${named}" and "${alias}").`,
      );
    named = alias;
  }
  return named === undefined ? undefined : source[named];
}

/** The key value as `set` makes it, type-checked: a JS value of the attribute's scalar type. */
function keyValueAfterSet(attribute: CompiledAttribute, value: unknown): unknown {
  const variant = scalarVariant(attribute, value);
  const normalized = variant.type.normalize(value);
  if (normalized === NO_MATCH)
    throw new TypeMismatch(attribute.name, `of type ${variant.type.name}${numberRangeNote(value)}`, value);
  const setter = attribute.settings.set;
  return setter ? setter(normalized, undefined) : normalized;
}

/** A key value (after every `set`) in stored form; what `set` returned must still be of the type. */
function keyValueToDynamo(attribute: CompiledAttribute, value: unknown, limit: number): AttributeValue {
  const variant = scalarVariant(attribute, value);
  const checked = variant.type.normalize(value);
  if (checked === NO_MATCH)
    throw new TypeMismatch(attribute.name, `of type ${variant.type.name}${numberRangeNote(value)}`, value);
  return checkKeyValueNotEmpty(attribute.name, variant.type.toDynamo(checked), limit);
}

// A COMBINE attribute is stored as a string (Dynamoose's docs: Combine → S); as a key, it is given as that string.
const COMBINED_KEY = Object.freeze({ kind: "scalar", type: stringType } as const);

// A model reference as a key is stored as the referenced hash key (Dynamoose: the target's key type), given
// as an item, a key object or the bare value, as a Set of references takes its members.
const referenceKeys = new WeakMap<ReferenceTarget, { kind: "scalar"; type: ScalarType }>();

/**
 * A reference variant as a key's scalar variant (the referenced hash key's type, taking items and key
 * objects too), or undefined for any other variant and for a reference to a model with a range key.
 */
export function referenceKeyVariant(variant: Variant): { kind: "scalar"; type: ScalarType } | undefined {
  if (variant.kind !== "reference" || variant.target.resolve().rangeKey !== undefined) return undefined;
  let key = referenceKeys.get(variant.target);
  if (key === undefined)
    referenceKeys.set(variant.target, (key = { kind: "scalar", type: referenceMemberType(variant.target) }));
  return key;
}

function scalarVariant(attribute: CompiledAttribute, value: unknown) {
  const variant = variantFor(attribute, value);
  if (variant.kind === "combine") return COMBINED_KEY;
  const reference = referenceKeyVariant(variant);
  if (reference !== undefined) return reference;
  if (variant.kind !== "scalar")
    throw new InvalidParameter(`Key attribute "${attribute.name}" must have a scalar type.`);
  return variant;
}

function convertKeyValue(
  attribute: CompiledAttribute,
  value: unknown,
  limit: number,
): AttributeValue | Promise<AttributeValue> {
  if (attribute.settings.set === undefined) return keyValueToDynamo(attribute, value, limit); // one normalize
  const set = keyValueAfterSet(attribute, value);
  return isThenable(set)
    ? Promise.resolve(set).then((result) => keyValueToDynamo(attribute, result, limit))
    : keyValueToDynamo(attribute, set, limit);
}

/**
 * A schema-level `set` sees the key as the item it names (`{id: …, sort: …}`, after the attributes'
 * own `set`), as on a write; Dynamoose's docs: it "will also be used when retrieving an item (ie.
 * `get`, `query`, `update`, etc)". Without it the key would not name what a save stored.
 */
async function keyThroughSchemaSet(
  schema: CompiledSchema,
  attributes: readonly CompiledAttribute[],
  values: readonly unknown[],
): Promise<Record<string, AttributeValue>> {
  const item: Record<string, unknown> = {};
  const settled = await Promise.all(
    values.map((value, index) => keyValueAfterSet(attributes[index]!, value)),
  );
  attributes.forEach((attribute, index) => (item[attribute.name] = settled[index]));
  const result = await schema.set!(item);
  const named = isPlainObject(result) ? result : item;
  const key: Record<string, AttributeValue> = {};
  for (const attribute of attributes) {
    const value = named[attribute.name];
    if (value === undefined || value === null) {
      throw new InvalidParameter(
        `The schema's set function left the key attribute "${attribute.name}" empty.`,
      );
    }
    // The first attribute is the partition key, a second the sort key.
    key[attribute.name] = keyValueToDynamo(
      attribute,
      value,
      attribute === attributes[0] ? PARTITION_KEY_BYTES : SORT_KEY_BYTES,
    );
  }
  return key;
}

/** The error for a key that does not give the hash key (`undefined`, `null`, `[…]`, `{}`, …). */
export function missingHashKey(schema: CompiledSchema, key: unknown): InvalidParameter {
  return new InvalidParameter(
    `The key must include the hash key "${schema.hashKey}" (got ${describeKey(key)}).`,
  );
}

/**
 * One part of a key (`name`: the hash or range key) converted as `keyToDynamo` converts it, for a key whose
 * other part is already known in stored form. `undefined` where this cannot be done part by part: the
 * schema's own `set` sees the whole key, and a missing value is for `keyToDynamo` to report.
 */
export function keyPartToDynamo(
  schema: CompiledSchema,
  name: string,
  source: Record<string, unknown>,
): AttributeValue | Promise<AttributeValue> | undefined {
  if (schema.set !== undefined) return undefined;
  const attribute = schema.shape.byName.get(name)!;
  const value = keyValueOf(attribute, source);
  if (value === undefined || value === null) return undefined;
  return convertKeyValue(attribute, value, name === schema.hashKey ? PARTITION_KEY_BYTES : SORT_KEY_BYTES);
}

/** The key as AttributeValues. Synchronous unless a key attribute's `set` is asynchronous. */
export function keyToDynamo(
  schema: CompiledSchema,
  key: unknown,
): Record<string, AttributeValue> | Promise<Record<string, AttributeValue>> {
  const hashAttribute = schema.shape.byName.get(schema.hashKey)!;
  const rangeAttribute =
    schema.rangeKey === undefined ? undefined : schema.shape.byName.get(schema.rangeKey)!;
  const source = isKeyObject(key) ? key : undefined;
  const hashValue = source ? keyValueOf(hashAttribute, source) : key;
  if (hashValue === undefined || hashValue === null) throw missingHashKey(schema, key);
  let rangeValue: unknown;
  if (rangeAttribute) {
    rangeValue = source ? keyValueOf(rangeAttribute, source) : undefined;
    if (rangeValue === undefined || rangeValue === null) {
      throw new InvalidParameter(
        `The key must include the range key "${schema.rangeKey}" (got ${describeKey(key)}).`,
      );
    }
  }
  if (schema.set !== undefined) {
    return rangeAttribute
      ? keyThroughSchemaSet(schema, [hashAttribute, rangeAttribute], [hashValue, rangeValue])
      : keyThroughSchemaSet(schema, [hashAttribute], [hashValue]);
  }
  const parts: [string, AttributeValue | Promise<AttributeValue>][] = [
    [schema.hashKey, convertKeyValue(hashAttribute, hashValue, PARTITION_KEY_BYTES)],
  ];
  if (rangeAttribute) {
    parts.push([schema.rangeKey!, convertKeyValue(rangeAttribute, rangeValue, SORT_KEY_BYTES)]);
  }
  if (!parts.some(([, value]) => isThenable(value))) {
    return Object.fromEntries(parts) as Record<string, AttributeValue>;
  }
  return Promise.all(parts.map(([, value]) => value)).then((values) =>
    Object.fromEntries(parts.map(([name], index) => [name, values[index]!])),
  );
}

/**
 * A key argument as a key object: an object is the caller's own, returned as is; a bare hash value
 * becomes `{hashKey: value}`, named as reads name the attribute (its default alias, if any). Batch
 * results report unprocessed keys this way, as Dynamoose does.
 *
 * @example
 * ```ts
 * keyObjectOf(schema, 1); // { id: 1 }
 * ```
 */
export function keyObjectOf(schema: CompiledSchema, key: unknown): unknown {
  if (isKeyObject(key)) return key;
  const hashAttribute = schema.shape.byName.get(schema.hashKey)!;
  return { [hashAttribute.settings.outputName]: key };
}

function describeKey(key: unknown): string {
  try {
    return JSON.stringify(key) ?? String(key);
  } catch {
    return String(key);
  }
}

/** A range key's name for messages: `"sk"`, or `no range key`. */
export function describeRangeKey(name: string | undefined): string {
  return name === undefined ? "no range key" : `"${name}"`;
}
