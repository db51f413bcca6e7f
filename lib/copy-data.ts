// A deep copy of plain data, for every layer: a `get` given a stored value must not be able to change it
// in place, nor a `request`/`response` listener the call it observes, nor a pre hook the caller's objects.
import { setOwnMember as setMember } from "./own-member";

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
