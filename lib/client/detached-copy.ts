// What `request` and `response` listeners (the logger is one of them) receive: their own copy of the
// call's input and output. They observe after the fact (SPEC §9): what they do to it can never change
// what is sent or what the caller reads. Made only while someone listens; the quiet path copies nothing.

type Node = Record<string, unknown>;

/** `Object.prototype` or none: the objects DynamoDB requests and responses are made of. */
function isPlainObject(value: object): value is Node {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * A deep copy of DynamoDB request or response data: plain objects, arrays and bytes (`B`, `BS`) are
 * copied; numbers, strings and other objects (none in what the SDK sends or returns) are kept as they are.
 */
export function detachedCopy<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(detachedCopy) as T;
  if (Buffer.isBuffer(value)) return Buffer.from(value) as T;
  if (value instanceof Uint8Array) return value.slice() as T;
  if (!isPlainObject(value)) return value;
  const copy: Node = {};
  for (const key of Object.keys(value)) {
    const field = detachedCopy(value[key]);
    // An attribute may be named "__proto__": it stays a field of the copy, as it is of the original.
    if (key === "__proto__") {
      Object.defineProperty(copy, key, {
        value: field,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else copy[key] = field;
  }
  return copy as T;
}
