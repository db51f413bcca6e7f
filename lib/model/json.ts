// `item.toJSON()`: a plain JSON-safe copy. Sets become arrays, Dates ISO strings, Buffers base64
// (Dynamoose turned Sets into `{}`, losing them), bigints their decimal digits (JSON.stringify throws on a
// bigint, and no JSON number holds one exactly).

import { setOwnMember as setMember } from "../schema/own-member";

export function toJsonValue(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Set) return [...value].map(toJsonValue);
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64");
  if (Array.isArray(value)) return value.map(toJsonValue);
  const output: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const entry = (value as Record<string, unknown>)[key];
    // Symbols, like functions, have no JSON form: `type.UNDEFINED` marks an attribute left out of the table.
    if (entry !== undefined && typeof entry !== "function" && typeof entry !== "symbol")
      setMember(output, key, toJsonValue(entry));
  }
  return output;
}

/**
 * A deep copy of plain data (objects, arrays, Maps, Sets, Dates, Buffers); other objects are shared.
 * Data that contains itself overflows the stack here: the item constructor reports that as a TypeMismatch.
 */
export function copyData(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(copyData);
  if (value instanceof Date) return new Date(value.getTime());
  if (value instanceof Set) {
    const copy = new Set<unknown>();
    for (const member of value) copy.add(copyData(member));
    return copy;
  }
  if (value instanceof Map) {
    const copy = new Map<unknown, unknown>();
    for (const [key, entry] of value) copy.set(key, copyData(entry));
    return copy;
  }
  if (Buffer.isBuffer(value)) return Buffer.from(value);
  if (value instanceof Uint8Array) return new Uint8Array(value);
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const output: Record<string, unknown> = {};
  for (const key of Object.keys(value))
    setMember(output, key, copyData((value as Record<string, unknown>)[key]));
  return output;
}
