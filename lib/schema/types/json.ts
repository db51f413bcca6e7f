// `storage: "json"`: an attribute stored as a JSON string. JSON.stringify changes some values without a
// word (NaN and Infinity become null, functions and symbols vanish, a Map or Set becomes {}) and throws a
// bare TypeError on a BigInt or a cycle; each of those is a TypeMismatch naming the path instead.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { TypeMismatch } from "../../errors";

/**
 * The value as a JSON string, after checking that JSON holds all of it.
 *
 * @example
 * ```ts
 * jsonToDynamo({ a: 1 }, "settings"); // { S: '{"a":1}' }
 * jsonToDynamo({ a: NaN }, "settings"); // throws TypeMismatch: "settings.a" must be a finite number …
 * ```
 */
export function jsonToDynamo(value: unknown, path: string): AttributeValue {
  checkJsonValue(value, path, new Set());
  return { S: JSON.stringify(value) };
}

function checkJsonValue(value: unknown, path: string, ancestors: Set<object>): void {
  switch (typeof value) {
    case "string":
    case "boolean":
    case "undefined":
      return;
    case "number":
      if (!Number.isFinite(value))
        throw new TypeMismatch(path, "a finite number (JSON has no NaN or Infinity)", value);
      return;
    case "object":
      if (value === null) return;
      break;
    default:
      throw new TypeMismatch(path, "a value JSON can hold", value);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeMismatch(path, "a valid Date", value);
    return;
  }
  if (
    value instanceof Map ||
    value instanceof Set ||
    value instanceof Promise ||
    value instanceof WeakMap ||
    value instanceof WeakSet
  ) {
    throw new TypeMismatch(
      path,
      "a value JSON can hold (plain objects, arrays, strings, numbers, booleans)",
      value,
    );
  }
  // Binary data reads back as something else: a typed array as {"0": …}, a Buffer (through its toJSON) as
  // {type: "Buffer", data: […]}.
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    throw new TypeMismatch(
      path,
      "a value JSON can hold (binary data reads back as a plain object: store it in a Buffer attribute, or as a base64 string)",
      value,
    );
  }
  // An object with its own toJSON (a class instance) is stored as that method says.
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return;
  if (ancestors.has(value))
    throw new TypeMismatch(path, "a value without cycles (it contains itself)", value);
  ancestors.add(value);
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1)
      checkJsonValue(value[index], `${path}[${index}]`, ancestors);
  } else {
    for (const key of Object.keys(value)) {
      checkJsonValue((value as Record<string, unknown>)[key], `${path}.${key}`, ancestors);
    }
  }
  ancestors.delete(value);
}
