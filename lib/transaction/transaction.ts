// `dynamodel.transaction(elements, settings?, callback?)`: the public entry, with the callback convention of
// every async method.
import { settingsAndCallback, withCallback, type Callback } from "../callbacks";
import type { Instance } from "../instance";
import { runTransaction } from "./run";
import type {
  TransactionElementInput,
  TransactionRequest,
  TransactionResult,
  TransactionSettings,
} from "./types";

/**
 * Runs up to 100 reads (TransactGetItems) or writes (TransactWriteItems) atomically: all succeed or none.
 * Get transactions resolve with the items in request order (`undefined` for a missing one), write
 * transactions with `null`. A cancelled transaction rejects with a `TransactionCanceledError` whose
 * `reasons` say, per element, its model, key, DynamoDB's reason code and — for a failed condition — the
 * stored item.
 *
 * @example
 * ```ts
 * await dynamodel.transaction([
 *   Account.transaction.update({ id: "a" }, { $ADD: { balance: -10 } }, { condition: new Condition("balance").ge(10) }),
 *   Account.transaction.update({ id: "b" }, { $ADD: { balance: 10 } }),
 *   Log.transaction.create({ id: "t-1", from: "a", to: "b", amount: 10 }),
 * ]);
 * const [a, b] = await dynamodel.transaction([Account.transaction.get("a"), Account.transaction.get("b")]);
 * ```
 */
export interface TransactionFunction {
  <const E extends readonly TransactionElementInput[]>(
    elements: E,
    settings: TransactionSettings & { return: "request" },
  ): Promise<TransactionRequest>;
  <const E extends readonly TransactionElementInput[]>(
    elements: E,
    settings?: TransactionSettings,
  ): Promise<TransactionResult<E>>;
  <const E extends readonly TransactionElementInput[]>(
    elements: E,
    callback: Callback<TransactionResult<E>>,
  ): undefined;
  <const E extends readonly TransactionElementInput[]>(
    elements: E,
    settings: TransactionSettings & { return: "request" },
    callback: Callback<TransactionRequest>,
  ): undefined;
  <const E extends readonly TransactionElementInput[]>(
    elements: E,
    settings: TransactionSettings,
    callback: Callback<TransactionResult<E>>,
  ): undefined;
}

/** The `transaction` function of an instance. */
export function transactionFunction(instance: Instance): TransactionFunction {
  const transaction = (elements: unknown, settings?: unknown, callback?: unknown) => {
    // `transaction(callback)`, the elements forgotten: the callback hears the error, as in Dynamoose (it
    // would otherwise be taken for the elements, and the rejection would go unheard).
    if (typeof elements === "function") return transaction(undefined, undefined, elements);
    const [options, done] = settingsAndCallback<TransactionSettings>(
      settings as TransactionSettings | Callback<unknown> | undefined,
      callback,
    );
    // On the next tick, so even a synchronous throw becomes a rejection (or a callback error).
    const work = Promise.resolve().then(() => runTransaction(instance, elements, options));
    return withCallback(work, done);
  };
  return transaction as TransactionFunction;
}
