// The only place that knows about Node-style callbacks: every public async method returns a Promise,
// or, given a trailing callback, calls it with (error, result) and returns undefined. (A few call back
// with fewer arguments on success, exactly as Dynamoose calls them: see the Success strategies.)

import type { CallbackValue } from "./schema/definition-types";

/**
 * A Node-style callback. Declared through a method so that its parameters are checked bivariantly: a
 * callback written for Dynamoose's typings, `(error: Error | null | undefined, cat?: Cat) => …` or a
 * `CallbackType<Cat, Error>`, is accepted. An unannotated one gets `error` typed as Dynamoose types it,
 * `any` (`CallbackValue`), so Dynamoose code reading `error.message` compiles unchanged.
 */
export type Callback<T> = { callback(error: CallbackValue, result?: T): void }["callback"];

/** How a callback hears of success. Most operations call it with `(null, result)`. */
export type Success<T> = (callback: Callback<T>, result: T) => void;

function withResult<T>(callback: Callback<T>, result: T): void {
  callback(null, result);
}

/**
 * Success as Dynamoose reports a delete: `callback()` with no arguments ("nothing will be passed into the
 * result"), or `(null, request)` for `return: "request"`.
 */
export function nothingOrRequest<T>(callback: Callback<T>, result: T): void {
  if (result === undefined) (callback as () => void)();
  else callback(null, result);
}

/** Success as Dynamoose reports `table.initialize()`: `callback(null)`. */
export function nullOnly<T>(callback: Callback<T>): void {
  (callback as (error: null) => void)(null);
}

/** Routes a promise to `callback` when one is given; otherwise returns the promise. */
export function withCallback<T>(
  promise: Promise<T>,
  callback: Callback<T> | undefined,
  success: Success<T> = withResult,
): Promise<T> | undefined {
  if (typeof callback !== "function") return promise;
  promise.then(
    (result) => success(callback, result),
    (error: unknown) => callback(error),
  );
  return undefined;
}

/**
 * An implementation's callback parameter, typed `Callback<never>` so that every overload's callback type
 * fits it, as the callback of the promise it is given to. (Which result a callback receives is what the
 * overloads promise; the implementation only routes it.)
 */
export function asCallback(callback: Callback<never> | undefined): Callback<unknown> | undefined {
  return callback as Callback<unknown> | undefined;
}

/**
 * Splits optional trailing arguments: `(settings?, callback?)` in either arity. Returns the settings
 * (or undefined) and the callback (or undefined).
 */
export function settingsAndCallback<S>(
  first: S | Callback<unknown> | undefined,
  second?: unknown,
): [S | undefined, Callback<unknown> | undefined] {
  if (typeof first === "function") return [undefined, first as Callback<unknown>];
  return [first, typeof second === "function" ? (second as Callback<unknown>) : undefined];
}
