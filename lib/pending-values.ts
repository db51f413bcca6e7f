// Condition values that are not known yet. Dynamoose awaits an attribute's asynchronous `set` for a
// condition value, so dynamodel does too; but a condition compiles in one synchronous pass, while the
// request is built. Such a value gets its placeholder at once, holding an empty AttributeValue object (a
// slot) that is filled in place when the `set` settles. The ExpressionAttributeValues object that holds
// slots is remembered here with the promise that fills them, and `valuesSettled(input)` is what the
// sending pipeline and the `return: "request"` exits wait for. A request without such values costs one
// WeakMap look-up.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";

const fillingOfValues = new WeakMap<object, Promise<void>>();

const ignore = (): void => undefined;

/** True for a promise or any object with a `then` method (an AttributeValue never has one). */
export function isPending(
  value: AttributeValue | PromiseLike<AttributeValue>,
): value is PromiseLike<AttributeValue> {
  return typeof (value as { then?: unknown }).then === "function";
}

/**
 * An empty AttributeValue object, filled with what `value` resolves to. The returned promise settles when
 * it is filled; a rejection is the operation's error, reported to whoever awaits it (never unhandled).
 *
 * @example
 * ```ts
 * const { slot, filled } = pendingSlot(Promise.resolve({ S: "abc" }));
 * await filled; // slot is now { S: "abc" }
 * ```
 */
export function pendingSlot(value: PromiseLike<AttributeValue>): {
  slot: AttributeValue;
  filled: Promise<void>;
} {
  const slot = {} as AttributeValue;
  const filled = Promise.resolve(value).then((resolved) => void Object.assign(slot, resolved));
  filled.catch(ignore);
  return { slot, filled };
}

/** Remembers that `values` (an ExpressionAttributeValues object) is complete once `filled` settles. */
export function markPendingValues(values: object, filled: Promise<void>): void {
  filled.catch(ignore);
  fillingOfValues.set(values, filled);
}

/**
 * The promise to wait for before `input` is sent or shown, or undefined when its values are all known.
 * Rejects with the error of an asynchronous `set`.
 *
 * @example
 * ```ts
 * const settling = valuesSettled(input);
 * if (settling) await settling;
 * ```
 */
export function valuesSettled(input: object | null | undefined): Promise<void> | undefined {
  // `raw("ListTables")` sends no input at all.
  if (typeof input !== "object" || input === null) return undefined;
  const values = (input as { ExpressionAttributeValues?: unknown }).ExpressionAttributeValues;
  return typeof values === "object" && values !== null ? fillingOfValues.get(values) : undefined;
}
