// Which entry of a batch call an error is about: with hundreds of objects in one batchPut, "\"age\" must
// be a number" alone does not say which one to fix.
import { DynamodelError } from "../errors";

/** How an entry is named in messages: `batchPut entry [3]` (its index in the caller's array). */
export const entryName = (operation: string, index: number) => `${operation} entry [${index}]`;

/**
 * Runs `convert` for the entry at `index` of a batch call. A dynamodel error it throws gets the entry's
 * name in front of its message; any other error (a user's `set` or `validate` function's own) passes
 * through untouched.
 *
 * @example
 * ```ts
 * await forEntry("batchPut", 3, () => writePipeline(schema, { id: 1, age: "x" }, context));
 * // TypeMismatch: batchPut entry [3]: "age" must be a number (got "x")
 * ```
 */
export async function forEntry<T>(
  operation: string,
  index: number,
  convert: () => T | Promise<T>,
): Promise<T> {
  try {
    return await convert();
  } catch (error) {
    if (error instanceof DynamodelError) {
      const { message } = error;
      error.message = `${entryName(operation, index)}: ${message}`;
      // The stack's first line was written with the old message.
      if (error.stack !== undefined) error.stack = error.stack.replace(message, error.message);
    }
    throw error;
  }
}
