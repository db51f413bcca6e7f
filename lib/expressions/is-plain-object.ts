/**
 * Whether a value is a plain object literal (`{}` or `Object.create(null)`), as opposed to an array, a Date,
 * a Set, a Uint8Array or a class instance.
 *
 * @example
 * ```ts
 * isPlainObject({ gt: 5 }); // true
 * isPlainObject(new Date()); // false
 * ```
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Whether a value is an object holding named values: a plain object or a class instance (a model's item), not an array. */
export function isRecordLike(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
