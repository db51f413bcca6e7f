/**
 * `lastKey` ↔ `ExclusiveStartKey`. A page's `LastEvaluatedKey` is handed to the user as a plain object in
 * the item's own form — attribute names as items show them (aliases), values read through the schema's
 * types (a Date key comes back as a Date) — and `startAt()` takes that object back. Neither direction runs
 * `get` or `set`: a key must round-trip to exactly the stored value, so one that would not is handed out in
 * its stored AttributeValue form.
 *
 * @example
 * ```ts
 * const lastKey = lastKeyFromDynamo(schema, { id: { S: "a" }, at: { N: "5" } }); // { id: "a", at: new Date(5) }
 * startKeyToDynamo(schema, lastKey); // { id: { S: "a" }, at: { N: "5" } }
 * ```
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { describeValue, InvalidParameter, TypeMismatch } from "../errors";
import { isAttributeValue, plainToAttributeValue } from "../expressions/attribute-value";
import { isPlainObject } from "../expressions/is-plain-object";
import type { CompiledSchema } from "../schema/compiled";
import { attributeValuesEqual } from "../model/diff";
import { storedFormFromDynamo } from "../schema/read-stored";
import { NO_MATCH } from "../schema/types/handler";

/**
 * The user-facing form of a `LastEvaluatedKey`: each key attribute (table and index keys alike) by the name
 * items use, with its JavaScript value.
 */
export function lastKeyFromDynamo(
  schema: CompiledSchema,
  key: Record<string, AttributeValue>,
): Record<string, unknown> {
  const stored = storedFormFromDynamo(schema, key);
  const output: Record<string, unknown> = {};
  for (const name of Object.keys(key)) {
    const attribute = schema.shape.byName.get(name);
    // An index key on a flattened sub-attribute keeps its stored name (`addr_city`), with its JS value.
    const flattened = attribute === undefined ? schema.shape.flattened?.byStoredName.get(name) : undefined;
    if (flattened !== undefined) {
      const value = (stored[flattened.owner.name] as Record<string, unknown>)[flattened.attribute.name];
      output[name] = keyValueOrStored(schema, name, value, key[name]!);
      continue;
    }
    // Key attributes are always in the schema; the fallback keeps a foreign key usable rather than lost.
    const outputName = attribute ? attribute.settings.outputName : name;
    output[outputName] =
      attribute && stored[name] !== undefined
        ? keyValueOrStored(schema, outputName, stored[name], key[name]!)
        : key[name];
  }
  return output;
}

/**
 * The JavaScript value of a key attribute, if `startAt()` turns it back into exactly the stored value;
 * otherwise the stored AttributeValue itself, which `startAt()` takes as it is. A key another program stored
 * in another spelling (`"…T00:30:00-01:00"` for an ISO Date, `1700000000.25` seconds, a decimal beyond a
 * JavaScript number) would come back as another value, and a `startAt(lastKey)` loop would skip items or
 * repeat a page forever. A bigint is kept stored too, as JSON (a page cursor's usual trip) cannot hold one.
 */
function keyValueOrStored(
  schema: CompiledSchema,
  name: string,
  value: unknown,
  stored: AttributeValue,
): unknown {
  if (typeof value === "bigint") return stored;
  try {
    const [, back] = keyValueToDynamo(schema, name, value);
    // Numbers compare by value: DynamoDB hands back `"0.0000001"` for the `"1e-7"` JavaScript wrote.
    return attributeValuesEqual(back, stored) ? value : stored;
  } catch {
    return stored;
  }
}

function keyValueToDynamo(schema: CompiledSchema, name: string, value: unknown): [string, AttributeValue] {
  const known = schema.shape.byInputName.get(name);
  // An index key on a flattened sub-attribute is given by its stored name, which it keeps.
  const attribute = known ?? schema.shape.flattened?.byStoredName.get(name)?.attribute;
  const storedName = known?.name ?? name;
  // Also the form Dynamoose accepted: a key already in DynamoDB's `{S: "…"}` form.
  if (isAttributeValue(value)) return [storedName, value];
  if (attribute === undefined) return [name, plainToAttributeValue(value)];
  // A COMBINE key (an index's) is stored as the string it joins, which is its value in an item too.
  if (typeof value === "string" && attribute.variants.some((variant) => variant.kind === "combine"))
    return [storedName, { S: value }];
  for (const variant of attribute.variants) {
    if (variant.kind !== "scalar") continue;
    const normalized = variant.type.normalize(value);
    if (normalized !== NO_MATCH) return [storedName, variant.type.toDynamo(normalized)];
  }
  // A key in a `lastKey` sent through JSON (an API's page cursor) comes back in JSON's form: a Date as its
  // ISO string, a Buffer as `{type: "Buffer", data: [bytes]}`.
  const buffer = bufferFromJson(value);
  if (
    buffer !== undefined &&
    attribute.variants.some((variant) => variant.kind === "scalar" && variant.type.dynamoType === "B")
  ) {
    return [storedName, { B: buffer }];
  }
  const revived = typeof value === "string" ? dateFromJson(value) : undefined;
  if (revived !== undefined) {
    for (const variant of attribute.variants) {
      if (variant.kind !== "scalar" || variant.type.name !== "date") continue;
      const normalized = variant.type.normalize(revived);
      if (normalized !== NO_MATCH) return [storedName, variant.type.toDynamo(normalized)];
    }
  }
  const types = attribute.variants.flatMap((variant) =>
    variant.kind === "scalar" ? [variant.type.name] : [],
  );
  throw new TypeMismatch(
    attribute.name,
    `of type ${types.join(" or ") || "string, number or binary"}`,
    value,
  );
}

/** The Buffer `JSON.stringify` wrote as `{type: "Buffer", data: [bytes]}`, or undefined. */
function bufferFromJson(value: unknown): Buffer | undefined {
  if (!isPlainObject(value) || value.type !== "Buffer" || !Array.isArray(value.data)) return undefined;
  const bytes = value.data;
  const isByte = (byte: unknown) =>
    Number.isInteger(byte) && (byte as number) >= 0 && (byte as number) <= 255;
  return Object.keys(value).length === 2 && bytes.every(isByte) ? Buffer.from(bytes as number[]) : undefined;
}

/** The Date `JSON.stringify` wrote as `text` (exactly its `toISOString()` form), or undefined. */
function dateFromJson(text: string): Date | undefined {
  const date = new Date(text);
  return !Number.isNaN(date.getTime()) && date.toISOString() === text ? date : undefined;
}

/**
 * `startAt(key)` → `ExclusiveStartKey`. Accepts a `lastKey` as returned (names or aliases, JavaScript
 * values), the same after a trip through JSON (a Date as its ISO string, a Buffer as `{type, data}`), or a key in DynamoDB's
 * AttributeValue form. `undefined`/`null` mean "from the start".
 *
 * @throws InvalidParameter for anything that is not a plain object; TypeMismatch for a value of the wrong type.
 */
export function startKeyToDynamo(
  schema: CompiledSchema,
  key: unknown,
): Record<string, AttributeValue> | undefined {
  if (key === undefined || key === null) return undefined;
  if (!isPlainObject(key) || Object.keys(key).length === 0) {
    throw new InvalidParameter(
      `startAt() needs a key object such as a result's lastKey (got ${describeValue(key)}).`,
    );
  }
  const startKey = Object.fromEntries(
    Object.entries(key).map(([name, value]) => keyValueToDynamo(schema, name, value)),
  );
  // Every lastKey holds the table's key (an index's adds its own keys): without it DynamoDB only says
  // "The provided starting key is invalid", not what is missing.
  for (const keyName of [schema.hashKey, schema.rangeKey]) {
    if (keyName !== undefined && startKey[keyName] === undefined) {
      throw new InvalidParameter(
        `startAt() needs the table's key attribute "${keyName}" (got ${describeValue(key)}): pass a result's lastKey.`,
      );
    }
  }
  return startKey;
}
