// Names Dynamoose's TypeScript users import (from "dynamoose" or its "dynamoose/dist/…" files) that
// dynamodel's own API spells differently: string unions where Dynamoose has enums, `AnyItem` where
// dynamodel infers item types. They exist so that changing the package name in an import is enough;
// each is the same value or type dynamodel already accepts.
import type { ConditionInit } from "./expressions/condition";
import type { ModelOptions } from "./model/model";
import type { SaveSettings } from "./model/persist";
import type { ModelType } from "./model/types";
import type { CallbackValue } from "./schema/definition-types";
import type { TableOptions } from "./table/options";
import { Item } from "./model/item";

/**
 * An item with any attributes, as Dynamoose types a model defined without a type argument. Use it to
 * keep Dynamoose's loose typing for a model: `model<AnyItem>("Cat", schema)`.
 *
 * @example
 * ```ts
 * const Cat = model<AnyItem>("Cat", { id: Number, name: String });
 * const cat = await Cat.get(1); // cat?.anything is allowed, as in Dynamoose
 * ```
 */
export type AnyItem = Item & Record<string, CallbackValue>;
/** The class of every item (the value `AnyItem` names): `Item`. */
export const AnyItem = Item;

/**
 * Dynamoose's `IndexType` enum: `index: {type: IndexType.global}` is `index: {type: "global"}`.
 *
 * @example
 * ```ts
 * new Schema({ id: String, owner: { type: String, index: { type: IndexType.global } } });
 * ```
 */
export const IndexType = { global: "global", local: "local" } as const;
export type IndexType = (typeof IndexType)[keyof typeof IndexType];

/**
 * Dynamoose's `SortOrder` enum, for `query.sort()`: `SortOrder.descending` is `"descending"`.
 *
 * @example
 * ```ts
 * await Cat.query("owner").eq("ann").sort(SortOrder.descending).exec();
 * ```
 */
export const SortOrder = { ascending: "ascending", descending: "descending" } as const;
export type SortOrder = (typeof SortOrder)[keyof typeof SortOrder];

/**
 * Dynamoose's `TransactionReturnOptions` enum, for `transaction(…, {return})`.
 *
 * @example
 * ```ts
 * await dynamodel.transaction([Cat.transaction.get(1)], { return: TransactionReturnOptions.request });
 * ```
 */
export const TransactionReturnOptions = { request: "request", items: "items" } as const;
export type TransactionReturnOptions =
  (typeof TransactionReturnOptions)[keyof typeof TransactionReturnOptions];

/** Dynamoose's `ObjectType`: a plain object of untyped values. */
export type ObjectType = Record<string, CallbackValue>;
/** Dynamoose's `CallbackType`: a Node-style callback. */
export type CallbackType<R, E> = (error?: E | null, response?: R) => void;
/** Dynamoose's `KeyObject`: a key given as an object. */
export type KeyObject = Record<string, string | number>;
/** Dynamoose's `InputKey`: a key given as a bare hash value or an object. */
export type InputKey = string | number | KeyObject;

/** Dynamoose's `Model<T>` type (`"dynamoose/dist/Model"`): a model typed Dynamoose's way, `ModelType<T>`. */
export type Model<T = AnyItem> = ModelType<T>;
/** Dynamoose's `ModelTableOptions`: what `model()` takes as options (the Table options plus `tableName`). */
export type ModelTableOptions = ModelOptions;
/** Dynamoose's `TableOptionsOptional` (`"dynamoose/dist/Table"`): the Table options, each optional. */
export type TableOptionsOptional = TableOptions;

/**
 * Dynamoose's `TableUpdateOptions` enum (`"dynamoose/dist/Table"`), for the Table option `update`:
 * `update: [TableUpdateOptions.ttl]` is `update: ["ttl"]`.
 *
 * @example
 * ```ts
 * new Table("Cats", [Cat], { update: [TableUpdateOptions.indexes, TableUpdateOptions.ttl] });
 * ```
 */
export const TableUpdateOptions = {
  ttl: "ttl",
  indexes: "indexes",
  throughput: "throughput",
  tags: "tags",
  tableClass: "tableClass",
  streams: "streams",
} as const;
export type TableUpdateOptions = (typeof TableUpdateOptions)[keyof typeof TableUpdateOptions];

/** Dynamoose's `FunctionType` (`"dynamoose/dist/General"`): a function, whatever it takes and returns. */
export type FunctionType = (...args: CallbackValue[]) => CallbackValue;
/** Dynamoose's `DeepPartial<T>` (`"dynamoose/dist/General"`): every property optional, at every depth. */
export type DeepPartial<T> = { [P in keyof T]?: DeepPartial<T[P]> };
/**
 * Dynamoose's `ItemArray<T>` (`"dynamoose/dist/General"`): an array of items with `populate()` and
 * `toJSON()`, as the results of `query`, `scan` and `batchGet` are.
 */
export interface ItemArray<T> extends Array<T> {
  populate(): Promise<ItemArray<T>>;
  toJSON(): ObjectType[];
}
/** Dynamoose's `ItemSaveSettings` (`"dynamoose/dist/Item"`): what `item.save()` takes. */
export type ItemSaveSettings = SaveSettings;
/** Dynamoose's `ConditionInitializer` (`"dynamoose/dist/Condition"`): what `new Condition()` takes. */
export type ConditionInitializer = ConditionInit;
