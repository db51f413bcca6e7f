// The public types of transactions: elements (what `Model.transaction.*` resolve with, or raw
// `{Put|Update|Delete|ConditionCheck|Get}` objects), settings, and what `dynamodel.transaction` resolves
// with — item types follow the elements, so a get transaction of two models is typed per position.
import type {
  TransactGetItem,
  TransactGetItemsCommandInput,
  TransactWriteItem,
  TransactWriteItemsCommandInput,
} from "@aws-sdk/client-dynamodb";
import type { Callback } from "../callbacks";
import type { Condition, RawCondition } from "../expressions/condition";
import type { KeyAndUpdate } from "../schema/infer";

/** Type-only: carries the item type of a Get element to the transaction's result. Never set at run time. */
declare const elementItem: unique symbol;

/** A Get element of a model: `{Get: {TableName, Key, …}}`, typed with the model's item. */
export type TransactionGetElement<TItem = Record<string, unknown>> = TransactGetItem & {
  readonly [elementItem]?: TItem;
};

/** A write element: `{Put}`, `{Update}`, `{Delete}` or `{ConditionCheck}`. */
export type TransactionWriteElement = TransactWriteItem;

/** What `dynamodel.transaction` accepts in its array: an element or a promise of one. */
export type TransactionElement = TransactionGetElement<unknown> | TransactionWriteElement;
export type TransactionElementInput = TransactionElement | Promise<TransactionElement>;

export interface TransactionSettings {
  /** `"request"`: resolve with `{TransactItems, ClientRequestToken?}` instead of sending it. */
  return?: "items" | "request";
  /** Forces TransactGetItems or TransactWriteItems (by default: get when every element is a Get). */
  type?: "get" | "write";
  /**
   * Makes a write transaction idempotent: DynamoDB applies a replay with the same token (and the same
   * elements) within 10 minutes only once. 1 to 36 characters.
   */
  clientRequestToken?: string;
}

/** What `return: "request"` resolves with. */
export type TransactionRequest = TransactGetItemsCommandInput | TransactWriteItemsCommandInput;

type ItemOfElement<E> = E extends { readonly [elementItem]?: infer T }
  ? unknown extends T
    ? Record<string, unknown>
    : T
  : Record<string, unknown>;

/**
 * What a transaction of the elements `E` resolves with: for Get elements, their items in request order
 * (`undefined` where an item does not exist); for write elements, `null`.
 */
export type TransactionResult<E extends readonly unknown[]> = [Awaited<E[number]>] extends [TransactGetItem]
  ? { -readonly [K in keyof E]: ItemOfElement<Awaited<E[K]>> | undefined }
  : [Awaited<E[number]>] extends [TransactWriteItem]
    ? null
    : (Record<string, unknown> | undefined)[] | null;

export interface TransactionGetSettings {
  /** Only these attributes (document paths) are read. */
  attributes?: readonly string[];
  /** Accepted as `Model.get` takes it, and ignored: transaction reads are always strongly consistent. */
  consistent?: boolean;
  /** Accepted as `Model.get` takes it, and ignored: the element already is the request. */
  return?: "item" | "request";
}

export interface TransactionCreateSettings {
  /** Replace an existing item (default false: the Put requires that the item does not exist). */
  overwrite?: boolean;
  /** A Condition (or raw condition object) the stored item must meet. */
  condition?: Condition | RawCondition;
  /** Accepted as `item.save()` takes it, and ignored: the element already is the request. */
  return?: "item" | "request";
}

export interface TransactionConditionSettings {
  /** A Condition (or raw condition object) the stored item must meet. */
  condition?: Condition | RawCondition;
  /**
   * Accepted as `Model.delete`/`Model.update` take it (`null` too, Dynamoose's default for `delete`), and
   * ignored: the element already is the request.
   */
  return?: "item" | "request" | null;
}

export interface TransactionUpdateSettings extends TransactionConditionSettings {
  /** Checked as `Model.update` checks it, then dropped: transaction elements return nothing. */
  returnValues?: "NONE" | "ALL_OLD" | "UPDATED_OLD" | "ALL_NEW" | "UPDATED_NEW";
}

/**
 * `Model.transaction`: builds the elements of a transaction for this model, with the same pipelines as the
 * single-item operations (key conversion, write pipeline, timestamps, optimistic locking). Each helper
 * resolves with an element for `dynamodel.transaction`; given a trailing callback (which Dynamoose drops),
 * it also calls it with the element, and still returns the promise.
 *
 * @example
 * ```ts
 * await dynamodel.transaction([
 *   Account.transaction.update({ id: "a" }, { $ADD: { balance: -10 } }),
 *   Account.transaction.update({ id: "b" }, { $ADD: { balance: 10 } }),
 * ]);
 * ```
 */
export interface ModelTransaction<TItem, TInput, TKey, TUpdate> {
  /** `{Get}` of the item with this key. */
  get(
    key: TKey,
    settings?: TransactionGetSettings,
    callback?: Callback<TransactionGetElement<TItem>>,
  ): Promise<TransactionGetElement<TItem>>;
  get(key: TKey, callback: Callback<TransactionGetElement<TItem>>): Promise<TransactionGetElement<TItem>>;
  /**
   * `{Put}` of a new item (requires that it does not exist, unless `overwrite: true`). An item read from the
   * table is written as `item.save()` would write it: its changes, and under optimistic locking its version
   * + 1, on condition that the stored version is still the one it read.
   */
  create(
    object: TInput | TItem,
    settings?: TransactionCreateSettings,
    callback?: Callback<TransactionWriteElement>,
  ): Promise<TransactionWriteElement>;
  create(
    object: TInput | TItem,
    callback: Callback<TransactionWriteElement>,
  ): Promise<TransactionWriteElement>;
  /** `{Update}` as `Model.update` builds it (no `ReturnValues`: transactions return nothing). */
  update(
    key: TKey,
    update: TUpdate,
    settings?: TransactionUpdateSettings,
    callback?: Callback<TransactionWriteElement>,
  ): Promise<TransactionWriteElement>;
  update(
    key: TKey,
    update: TUpdate,
    callback: Callback<TransactionWriteElement>,
  ): Promise<TransactionWriteElement>;
  update(
    keyAndUpdate: KeyAndUpdate<TKey, TUpdate>,
    callback?: Callback<TransactionWriteElement>,
  ): Promise<TransactionWriteElement>;
  /** `{Delete}` of the item with this key. */
  delete(
    key: TKey,
    settings?: TransactionConditionSettings,
    callback?: Callback<TransactionWriteElement>,
  ): Promise<TransactionWriteElement>;
  delete(key: TKey, callback: Callback<TransactionWriteElement>): Promise<TransactionWriteElement>;
  /** `{ConditionCheck}`: the transaction fails unless the item with this key meets `condition`. */
  condition(
    key: TKey,
    condition: Condition | RawCondition,
    callback?: Callback<TransactionWriteElement>,
  ): Promise<TransactionWriteElement>;
}
