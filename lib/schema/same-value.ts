// Whether two JavaScript values stand for the same stored value: the write pipeline uses it to leave an
// attribute that an item read from the table still holds unchanged alone (its `set` is not run again).
import { isPlainObject } from "../expressions/is-plain-object";

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let index = 0; index < a.byteLength; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

function sameMembers(a: Set<unknown>, b: Set<unknown>): boolean {
  if (a.size !== b.size) return false;
  for (const member of a) {
    if (b.has(member)) continue;
    // Members that are objects (Buffers, Dates) are equal by content, not identity.
    let found = false;
    for (const other of b) {
      if (sameValue(member, other)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/**
 * Deep equality of values in their JavaScript form: Dates by time, bytes by content, Sets as sets, Maps by
 * their entries, arrays in order, plain objects by their keys.
 *
 * @example
 * ```ts
 * sameValue({ at: new Date(5), tags: new Set(["a"]) }, { at: new Date(5), tags: new Set(["a"]) }); // true
 * ```
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  // Object.is: an Invalid Date (a stored string that is no date) is still the value it was read as.
  if (a instanceof Date) return b instanceof Date && Object.is(a.getTime(), b.getTime());
  if (a instanceof Uint8Array) return b instanceof Uint8Array && sameBytes(a, b);
  if (a instanceof Set) return b instanceof Set && sameMembers(a, b);
  // A Map stores as a map of its entries (type.ANY): equal entries, the same stored value.
  if (a instanceof Map) {
    return (
      b instanceof Map &&
      a.size === b.size &&
      [...a].every(([key, value]) => b.has(key) && sameValue(value, b.get(key)))
    );
  }
  if (Array.isArray(a)) {
    return (
      Array.isArray(b) && a.length === b.length && a.every((element, index) => sameValue(element, b[index]))
    );
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => key in b && sameValue(a[key], b[key]));
}
