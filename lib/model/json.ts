// `item.toJSON()`: a plain JSON-safe copy. Sets become arrays, Maps objects, Dates ISO strings, Buffers base64
// (Dynamoose turned Sets into `{}`, losing them), bigints their decimal digits (JSON.stringify throws on a
// bigint, and no JSON number holds one exactly).

import { setOwnMember as setMember } from "../own-member";

export function toJsonValue(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value === null || typeof value !== "object") return value;
  // An Invalid Date (another writer's unreadable date string, read as such) is `null`, as JSON.stringify
  // writes it; toISOString() would throw.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Set) return [...value].map(toJsonValue);
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64");
  if (Array.isArray(value)) return value.map(toJsonValue);
  // A Map (which a `type.ANY` value may hold, and is stored as a map of its entries): its entries, as
  // stored, where JSON.stringify writes `{}`.
  if (value instanceof Map) {
    const entries: Record<string, unknown> = {};
    for (const [key, entry] of value) {
      if (entry !== undefined && typeof entry !== "function" && typeof entry !== "symbol")
        setMember(entries, String(key), toJsonValue(entry));
    }
    return entries;
  }
  const output: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const entry = (value as Record<string, unknown>)[key];
    // Symbols, like functions, have no JSON form: `type.UNDEFINED` marks an attribute left out of the table.
    if (entry !== undefined && typeof entry !== "function" && typeof entry !== "symbol")
      setMember(output, key, toJsonValue(entry));
  }
  return output;
}

export { copyData } from "../copy-data";
