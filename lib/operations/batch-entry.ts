// Which entry of a batch call (or element of a transaction) an error is about: with hundreds of objects in
// one batchPut, "\"age\" must be a number" alone does not say which one to fix.
import { DynamodelError } from "../errors";

/** How an entry is named in messages: `batchPut entry [3]` (its index in the caller's array). */
export const entryName = (operation: string, index: number) => `${operation} entry [${index}]`;

/** How a transaction's element is named in messages: `transaction element [3]` (its index in the array). */
export const elementName = (index: number) => `transaction element [${index}]`;

/**
 * Runs `convert` for one entry of a batch call (or element of a transaction), named `name`. A dynamodel
 * error it throws is rethrown as a copy with the name in front of its message (the error may be shared:
 * a transaction element's promise is the caller's, and may be given to several transactions); any other
 * error (a user's `set` or `validate` function's own) passes through untouched.
 *
 * @example
 * ```ts
 * await forEntry(entryName("batchPut", 3), () => writePipeline(schema, { id: 1, age: "x" }, context));
 * // TypeMismatch: batchPut entry [3]: "age" must be a number (got "x")
 * ```
 */
export async function forEntry<T>(name: string, convert: () => T | Promise<T>): Promise<T> {
  try {
    return await convert();
  } catch (error) {
    if (!(error instanceof DynamodelError)) throw error;
    // A real Error (what structuredClone, util.types.isNativeError and loggers look for) of the same class,
    // with the same properties.
    const named = new Error(`${name}: ${error.message}`) as DynamodelError;
    Object.setPrototypeOf(named, Object.getPrototypeOf(error) as object);
    for (const key of Reflect.ownKeys(error)) {
      if (key !== "message" && key !== "stack") {
        Object.defineProperty(named, key, Object.getOwnPropertyDescriptor(error, key)!);
      }
    }
    // The stack's first line names the message it was written with: written again with the new one.
    if (error.stack !== undefined) {
      const head = `${error.name}: ${error.message}`;
      const newline = error.stack.indexOf("\n");
      const frames = error.stack.startsWith(head)
        ? error.stack.slice(head.length)
        : newline === -1
          ? ""
          : error.stack.slice(newline);
      named.stack = `${error.name}: ${named.message}${frames}`;
    }
    throw named;
  }
}

/**
 * Waits for every entry's conversion, then fails with the error of the first failed entry in the caller's
 * order (not the first to fail in time, which varies with asynchronous `set`, `validate` or hook functions),
 * once every conversion has settled: no user function is still running when the call rejects.
 *
 * @example
 * ```ts
 * const written = await allEntries(objects.map((object, index) => forEntry(entryName("batchPut", index), …)));
 * ```
 */
export async function allEntries<T>(conversions: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(conversions);
  const values: T[] = new Array(settled.length);
  for (let index = 0; index < settled.length; index += 1) {
    const outcome = settled[index]!;
    if (outcome.status === "rejected") throw outcome.reason;
    values[index] = outcome.value;
  }
  return values;
}
