// Member names come from stored maps and from JSON, and `__proto__` is a valid name in both. Assigning
// `object["__proto__"] = value` sets the object's prototype instead of a member: the value is lost as
// data and its members show through as inherited ones. Such a member is defined as data instead.

/** Sets a member of a fresh plain object, `__proto__` included. */
export function setOwnMember(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  } else object[key] = value;
}
