// DynamoDB refuses an empty string or binary as the value of a key attribute, of the table or of an index
// ("The AttributeValue for a key attribute cannot contain an empty string value"). Checked before sending,
// so the error names the attribute and the rule, and nothing is written.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { ValidationError } from "../errors";
import type { CompiledSchema } from "./compiled";

const keyNamesOf = new WeakMap<CompiledSchema, readonly string[]>();

/** The stored names of the table's and the indexes' key attributes, worked out once per schema. */
function keyAttributeNames(schema: CompiledSchema): readonly string[] {
  let names = keyNamesOf.get(schema);
  if (names === undefined) {
    const all = [schema.hashKey, schema.rangeKey];
    for (const index of schema.indexes) all.push(index.hashKey, index.rangeKey);
    names = [...new Set(all.filter((name): name is string => name !== undefined))];
    keyNamesOf.set(schema, names);
  }
  return names;
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
 * Refuses an item whose table or index key attributes hold an empty string or binary.
 *
 * @example
 * ```ts
 * checkKeysNotEmpty(schema, { id: { S: "" } }); // throws ValidationError: "id" is a key attribute …
 * ```
 */
export function checkKeysNotEmpty(schema: CompiledSchema, attributes: Record<string, AttributeValue>): void {
  for (const name of keyAttributeNames(schema)) {
    const value = attributes[name];
    if (value !== undefined && isEmpty(value)) throw emptyKeyError(name, value);
  }
}

/** Refuses an update that sets an index's key attribute (a top-level `name`) to an empty value. */
export function checkUpdatedKeyNotEmpty(schema: CompiledSchema, name: string, value: AttributeValue): void {
  if (isEmpty(value) && keyAttributeNames(schema).includes(name)) throw emptyKeyError(name, value);
}

/** Refuses an empty value given for the key attribute `name` (a key to get, delete or update by). */
export function checkKeyValueNotEmpty(name: string, value: AttributeValue): AttributeValue {
  if (isEmpty(value)) throw emptyKeyError(name, value);
  return value;
}

/**
 * Refuses an empty string or binary compared with the key attribute `name` in a query's key condition
 * (DynamoDB refuses it too, after a round trip and without naming the condition).
 *
 * @example
 * ```ts
 * checkKeyConditionValueNotEmpty("id", ""); // throws ValidationError: "id" is a key attribute …
 * ```
 */
export function checkKeyConditionValueNotEmpty(name: string, value: unknown): void {
  if (value === "" || (value instanceof Uint8Array && value.length === 0)) {
    throw new ValidationError(
      name,
      "key",
      value,
      "is a key attribute (of the table or an index), which DynamoDB does not allow to be empty, so a key condition cannot compare it with an empty value",
    );
  }
}
