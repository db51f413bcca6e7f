// DynamoDB refuses an empty string or binary as the value of a key attribute, of the table or of an index
// ("The AttributeValue for a key attribute cannot contain an empty string value"), and a partition key
// value over 2048 bytes or a sort key value over 1024. Checked before sending, so the error names the
// attribute and the rule, and nothing is written.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { ValidationError } from "../errors";
import type { CompiledSchema } from "./compiled";
import { documentSegmentsOf } from "./flatten";

/** DynamoDB's limits on one key value, in bytes (UTF-8 for strings). */
export const PARTITION_KEY_BYTES = 2048;
export const SORT_KEY_BYTES = 1024;

const keyLimitsOf = new WeakMap<CompiledSchema, ReadonlyMap<string, number>>();

/**
 * The stored names of the table's and the indexes' key attributes with the byte limit of each (a sort key
 * of any index has the smaller limit), worked out once per schema.
 */
function keyLimits(schema: CompiledSchema): ReadonlyMap<string, number> {
  let limits = keyLimitsOf.get(schema);
  if (limits === undefined) {
    const found = new Map<string, number>();
    const add = (name: string | undefined, limit: number) => {
      if (name !== undefined) found.set(name, Math.min(limit, found.get(name) ?? limit));
    };
    add(schema.hashKey, PARTITION_KEY_BYTES);
    add(schema.rangeKey, SORT_KEY_BYTES);
    for (const index of schema.indexes) {
      add(index.hashKey, PARTITION_KEY_BYTES);
      add(index.rangeKey, SORT_KEY_BYTES);
    }
    limits = found;
    keyLimitsOf.set(schema, limits);
  }
  return limits;
}

/** The bytes of a string or binary key value over `limit`, else undefined (numbers are always small). */
function bytesOver(value: AttributeValue, limit: number): number | undefined {
  if (value.S !== undefined) {
    if (value.S.length * 3 <= limit) return undefined; // the cheap bound: at most 3 bytes per UTF-16 unit
    const bytes = Buffer.byteLength(value.S, "utf8");
    return bytes > limit ? bytes : undefined;
  }
  return value.B !== undefined && value.B.length > limit ? value.B.length : undefined;
}

/**
 * The name an error gives a key attribute: its document path (`address.city`) for a sub-attribute of a
 * flattened object, whose stored name (`addr_city`) the caller never wrote.
 */
export function keyDocumentName(schema: CompiledSchema | undefined, storedName: string): string {
  return schema === undefined ? storedName : documentSegmentsOf(schema.shape, [storedName]).join(".");
}

/** Throws for an empty key value or one over its byte limit; `schema` names a flattened one by its path. */
function checkKeyValue(name: string, value: AttributeValue, limit: number, schema?: CompiledSchema): void {
  if (isEmpty(value)) throw emptyKeyError(keyDocumentName(schema, name), value);
  const bytes = bytesOver(value, limit);
  if (bytes !== undefined) {
    throw new ValidationError(
      keyDocumentName(schema, name),
      "key",
      `${bytes} bytes`,
      `is a ${limit === PARTITION_KEY_BYTES ? "partition" : "sort"} key (of the table or an index), whose value DynamoDB allows at most ${limit} bytes`,
    );
  }
}

function isEmpty(value: AttributeValue): boolean {
  return value.S === "" || (value.B !== undefined && value.B.length === 0);
}

/** The error for an empty key value: `"id" is a key attribute, which DynamoDB does not allow to be empty`. */
function emptyKeyError(name: string, value: AttributeValue): ValidationError {
  return new ValidationError(
    name,
    "key",
    value.S ?? value.B,
    "is a key attribute (of the table or an index), which DynamoDB does not allow to be empty",
  );
}

/**
 * Refuses an item whose table or index key attributes hold an empty string or binary, or a value over
 * its byte limit (2048 for a partition key, 1024 for a sort key).
 *
 * @example
 * ```ts
 * checkKeysNotEmpty(schema, { id: { S: "" } }); // throws ValidationError: "id" is a key attribute …
 * ```
 */
export function checkKeysNotEmpty(schema: CompiledSchema, attributes: Record<string, AttributeValue>): void {
  for (const [name, limit] of keyLimits(schema)) {
    const value = attributes[name];
    if (value !== undefined) checkKeyValue(name, value, limit, schema);
  }
}

/** Refuses an update that sets an index's key attribute (a top-level `name`) to an empty value. */
export function checkUpdatedKeyNotEmpty(schema: CompiledSchema, name: string, value: AttributeValue): void {
  // Most values set are neither empty nor long enough to pass a key limit: no look-up for them.
  if (!isEmpty(value) && bytesOver(value, SORT_KEY_BYTES) === undefined) return;
  const limit = keyLimits(schema).get(name);
  if (limit !== undefined) checkKeyValue(name, value, limit, schema);
}

/**
 * Refuses an empty value, or one over `limit` bytes, given for the key attribute `name` (a key to get,
 * delete or update by).
 */
export function checkKeyValueNotEmpty(
  name: string,
  value: AttributeValue,
  limit: number = PARTITION_KEY_BYTES,
): AttributeValue {
  checkKeyValue(name, value, limit);
  return value;
}

/**
 * Refuses an empty string or binary compared with the key attribute `name` in a query's key condition, or
 * one over the key's byte limit (DynamoDB refuses both too, after a round trip and without naming the
 * condition; DynamoDB Local answers an over-long partition key with no items).
 *
 * @example
 * ```ts
 * checkKeyConditionValue("id", "", PARTITION_KEY_BYTES); // throws ValidationError: "id" is a key attribute …
 * ```
 */
export function checkKeyConditionValue(
  name: string,
  value: unknown,
  limit: number,
  named: (storedName: string) => string = (storedName) => storedName,
): void {
  if (value === "" || (value instanceof Uint8Array && value.length === 0)) {
    throw new ValidationError(
      named(name),
      "key",
      value,
      "is a key attribute (of the table or an index), which DynamoDB does not allow to be empty, so a key condition cannot compare it with an empty value",
    );
  }
  const bytes =
    typeof value === "string"
      ? bytesOver({ S: value }, limit)
      : value instanceof Uint8Array
        ? bytesOver({ B: value }, limit)
        : undefined;
  if (bytes !== undefined) {
    throw new ValidationError(
      named(name),
      "key",
      `${bytes} bytes`,
      `is a ${limit === PARTITION_KEY_BYTES ? "partition" : "sort"} key (of the table or an index), whose value DynamoDB allows at most ${limit} bytes, so a key condition cannot compare it with a longer one`,
    );
  }
}
