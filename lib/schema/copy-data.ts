// A deep copy of plain data, for the schema layer and the model layer alike (a `get` given a stored value
// must not be able to change it in place).
import { setOwnMember as setMember } from "./own-member";

/** Copies a class instance the model layer knows (its items), or `undefined` for one it does not. */
type InstanceCopier = (value: object) => unknown;

let copyInstance: InstanceCopier = () => undefined;

/**
 * Lets the model layer copy its items where they sit in data (`new Cat({owner: user})`): otherwise the
 * copy would share the caller's item, and populating or changing one would change the other.
 */
export function copyInstancesWith(copier: InstanceCopier): void {
  copyInstance = copier;
}

/**
 * A deep copy of plain data (objects, arrays, Maps, Sets, Dates, Buffers) and of the model's items; other
 * objects are shared.
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
  if (prototype !== Object.prototype && prototype !== null) return copyInstance(value) ?? value;
  const output: Record<string, unknown> = {};
  for (const key of Object.keys(value))
    setMember(output, key, copyData((value as Record<string, unknown>)[key]));
  return output;
}
