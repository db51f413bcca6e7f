// The public types of a Model class. TItem is what reads return, TInput what writes accept, TKey the
// key argument; they are inferred from the schema (see schema/infer.ts) or given Dynamoose-style.
import type { ModelEventName } from "../hooks/events";
import type { ModelUpdate } from "./model-update";
import type { ObjectType } from "../dynamoose-names";
import type {
  DeleteItemCommandInput,
  GetItemCommandInput,
  PutItemCommandInput,
  BatchGetItemCommandInput,
  BatchWriteItemCommandInput,
} from "@aws-sdk/client-dynamodb";
import type { Callback } from "../callbacks";
import type { Middleware } from "../client/send";
import type { Condition } from "../expressions/condition";
import type { ConditionObjectOf } from "../expressions/condition-object";
import type { RawCondition } from "../expressions/raw";
import type { BatchGetResult, BatchGetSettings } from "../operations/batch-get";
import type { BatchWriteResult, BatchWriteSettings } from "../operations/batch-write";
import type { DeleteSettings } from "../operations/delete";
import type { GetSettings } from "../operations/get";
import type { Schema } from "../schema/schema";
import type { Item } from "./item";
import type { QueryResponse, ScanResponse } from "./retrieve-response";
import type { Query, Scan } from "./query-scan";
import type { SaveSettings } from "./persist";
import type { SerializerOptions } from "./serializer";
import type { ModelMethods, ModelSerializers } from "./member-types";
import type { ModelTransaction } from "../transaction/types";
import type { Table } from "../table/table-class";
import type { InputOfItem, KeyObjectOf } from "../schema/infer";
import type { UpdateOfItem } from "./update-of-item";
import type { CallbackValue } from "../schema/definition-types";

/**
 * What `Model.Model` holds (Dynamoose exposes its internal model object there).
 *
 * @example
 * ```ts
 * Cat.Model.getHashKey(); // "id"
 * ```
 */
export interface InternalModel {
  readonly name: string;
  readonly schemas: readonly Schema[];
  getHashKey(): string;
  getRangeKey(): string | undefined;
  table(): TableHandle;
}

/** A read's settings with `attributes` checked against the schema's document paths `P`. */
export type ReadSettings<S extends { attributes?: readonly string[] }, P extends string> = Omit<
  S,
  "attributes"
> & {
  attributes?: readonly P[];
};

/** An item of a model: its data plus the Item methods. */
export type ModelItem<TItem> = TItem & Item;

/**
 * What `get` resolves with, for a model whose item type is inferred from its schema: the item, or
 * `undefined` when there is none. (ModelType's `TGot`; a model typed Dynamoose's way, `model<Cat>()` with
 * `class Cat extends Item`, `AnyItem` or a `ModelType<T>` written by hand, keeps Dynamoose's typing, the
 * item type alone, so code written for Dynamoose compiles under `strict` unchanged, generic code included;
 * it still resolves `undefined` at run time.)
 */
export type GetResult<TItem> = ModelItem<TItem> | undefined;

/**
 * Dynamoose's own update type (`UpdatePartial<T>`), which a `ModelType<T>` written by hand also takes: code
 * generic over `T extends Item` passes `Partial<T>` objects, which no type checked per attribute can take
 * while `T` is unknown. (`model()` returns models typed with the checked update object alone.)
 */
export type DynamooseUpdate<T> =
  | Partial<T>
  | { $SET: Partial<T> }
  | { $ADD: Partial<T> }
  | { $REMOVE: { [K in keyof T]?: null } | readonly string[] }
  | { $DELETE: Partial<T> };

/** What `Model.table()` returns: the model's Table. */
export type TableHandle = Table;

/** `TUpdate` is the update object of `update()` (`UpdateOf<D, S>` when inferred from a schema). */
export interface ModelType<
  TItem = Record<string, unknown>,
  TInput = InputOfItem<TItem>,
  TKey = unknown,
  TUpdate = UpdateOfItem<TItem> | DynamooseUpdate<TItem>,
  TPath extends string = string,
  TIndex extends string = string,
  TGot = ModelItem<TItem>,
> extends ModelUpdate<TItem, TKey, TUpdate> {
  new (object?: TInput): ModelItem<TItem>;
  /** Phantom: lets a model be used as an attribute type (a reference) in another schema. */
  readonly __isDynamodelModel: true;
  /** Phantom (never set): the key and item types a reference to this model holds. */
  readonly __reference?: { readonly key: TKey; readonly item: TItem };
  readonly prototype: ModelItem<TItem>;
  /**
   * The name the model was defined with (`model(name, …)`), under which its Instance registers it; the
   * table's name may differ (`tableName`, prefix, suffix: see `table().name`).
   *
   * @example
   * ```ts
   * dynamodel.model("Cat", { id: Number }, { tableName: "Pets" }).name; // "Cat"
   * ```
   */
  readonly name: string;
  readonly schema: Schema;
  readonly schemas: readonly Schema[];
  /** Dynamoose's `Model.Item`: the item class, which is the model itself (`new Cat.Item(obj)`). */
  readonly Item: this;
  /** Dynamoose's `Model.Model`: the model's name, schemas, keys and table. */
  readonly Model: InternalModel;

  /**
   * The item with this key, or `undefined`. `attributes` are checked against the schema's paths. (The item
   * keeps its full type: an attribute set on a projected item is saved as usual, docs/item.md.)
   */
  get(
    key: TKey,
    settings: ReadSettings<GetSettings, TPath> & { return: "request" },
  ): Promise<GetItemCommandInput>;
  get(key: TKey, settings?: ReadSettings<GetSettings, TPath>): Promise<TGot>;
  get(key: TKey, callback: Callback<TGot>): undefined;
  get(
    key: TKey,
    settings: ReadSettings<GetSettings, TPath> & { return: "request" },
    callback: Callback<GetItemCommandInput>,
  ): undefined;
  get(key: TKey, settings: ReadSettings<GetSettings, TPath>, callback: Callback<TGot>): undefined;

  /** Saves a new item; fails if an item with its key exists (unless `overwrite: true`). */
  create(object: TInput, settings: SaveSettings & { return: "request" }): Promise<PutItemCommandInput>;
  create(object: TInput, settings?: SaveSettings): Promise<ModelItem<TItem>>;
  create(object: TInput, callback: Callback<ModelItem<TItem>>): undefined;
  create(
    object: TInput,
    settings: SaveSettings & { return: "request" },
    callback: Callback<PutItemCommandInput>,
  ): undefined;
  create(object: TInput, settings: SaveSettings, callback: Callback<ModelItem<TItem>>): undefined;

  /** Deletes the item with this key. */
  delete(key: TKey, settings: DeleteSettings & { return: "request" }): Promise<DeleteItemCommandInput>;
  delete(key: TKey, settings?: DeleteSettings): Promise<void>;
  delete(key: TKey, callback: Callback<void>): undefined;
  delete(
    key: TKey,
    settings: DeleteSettings & { return: "request" },
    callback: Callback<DeleteItemCommandInput>,
  ): undefined;
  delete(key: TKey, settings: DeleteSettings, callback: Callback<void>): undefined;

  /**
   * A query builder: reads by key from the table or an index (chosen from the condition, or `using()`).
   * @example `await Cat.query("owner").eq("ann").where("age").gt(3).exec()`
   */
  query(
    init?: TPath | Condition | RawCondition | ConditionObjectOf<TPath>,
  ): Query<ModelItem<TItem>, QueryResponse<ModelItem<TItem>>, TPath, TIndex>;
  /** A scan builder: reads the whole table, filtered. @example `await Cat.scan("age").gt(3).all().exec()` */
  scan(
    init?: TPath | Condition | RawCondition | ConditionObjectOf<TPath>,
  ): Scan<ModelItem<TItem>, ScanResponse<ModelItem<TItem>>, TPath, TIndex>;

  /**
   * Reads many items by key: chunks of 100, retried, in the order of `keys` (missing ones left out).
   * @example `const cats = await Cat.batchGet([1, 2, 3]); cats.unprocessedKeys; // []`
   */
  batchGet(
    keys: readonly TKey[],
    settings: ReadSettings<BatchGetSettings, TPath> & { return: "request" },
  ): Promise<BatchGetItemCommandInput | BatchGetItemCommandInput[]>;
  batchGet(
    keys: readonly TKey[],
    settings?: ReadSettings<BatchGetSettings, TPath>,
  ): Promise<BatchGetResult<ModelItem<TItem>, KeyObjectOf<TKey>>>;
  batchGet(
    keys: readonly TKey[],
    callback: Callback<BatchGetResult<ModelItem<TItem>, KeyObjectOf<TKey>>>,
  ): undefined;
  batchGet(
    keys: readonly TKey[],
    settings: ReadSettings<BatchGetSettings, TPath> & { return: "request" },
    callback: Callback<BatchGetItemCommandInput | BatchGetItemCommandInput[]>,
  ): undefined;
  batchGet(
    keys: readonly TKey[],
    settings: ReadSettings<BatchGetSettings, TPath>,
    callback: Callback<BatchGetResult<ModelItem<TItem>, KeyObjectOf<TKey>>>,
  ): undefined;

  /**
   * Writes many items (each validated first): chunks of 25, retried; reports what is left unprocessed.
   * @example `const { unprocessedItems } = await Cat.batchPut([{ id: 1 }, { id: 2 }]);`
   */
  batchPut(
    objects: readonly TInput[],
    settings: BatchWriteSettings & { return: "request" },
  ): Promise<BatchWriteItemCommandInput | BatchWriteItemCommandInput[]>;
  batchPut(objects: readonly TInput[], settings?: BatchWriteSettings): Promise<BatchWriteResult<TInput>>;
  batchPut(objects: readonly TInput[], callback: Callback<BatchWriteResult<TInput>>): undefined;
  batchPut(
    objects: readonly TInput[],
    settings: BatchWriteSettings & { return: "request" },
    callback: Callback<BatchWriteItemCommandInput | BatchWriteItemCommandInput[]>,
  ): undefined;
  batchPut(
    objects: readonly TInput[],
    settings: BatchWriteSettings,
    callback: Callback<BatchWriteResult<TInput>>,
  ): undefined;

  /**
   * Deletes many items by key: chunks of 25, retried; reports the keys left unprocessed.
   * @example `await Cat.batchDelete([1, 2, 3]);`
   */
  batchDelete(
    keys: readonly TKey[],
    settings: BatchWriteSettings & { return: "request" },
  ): Promise<BatchWriteItemCommandInput | BatchWriteItemCommandInput[]>;
  batchDelete(
    keys: readonly TKey[],
    settings?: BatchWriteSettings,
  ): Promise<BatchWriteResult<KeyObjectOf<TKey>>>;
  batchDelete(keys: readonly TKey[], callback: Callback<BatchWriteResult<KeyObjectOf<TKey>>>): undefined;
  batchDelete(
    keys: readonly TKey[],
    settings: BatchWriteSettings & { return: "request" },
    callback: Callback<BatchWriteItemCommandInput | BatchWriteItemCommandInput[]>,
  ): undefined;
  batchDelete(
    keys: readonly TKey[],
    settings: BatchWriteSettings,
    callback: Callback<BatchWriteResult<KeyObjectOf<TKey>>>,
  ): undefined;

  /**
   * Elements of a transaction for this model (see `dynamodel.transaction`).
   * @example `await dynamodel.transaction([Cat.transaction.create({ id: 2 }), Cat.transaction.delete(1)])`
   */
  readonly transaction: ModelTransaction<ModelItem<TItem>, TInput, TKey, TUpdate>;
  /**
   * The model's Table: the one it was given to with `new Table(…)`, else its own table named by
   * `tableName` (default: the model's name). The same object on every call.
   *
   * @example
   * ```ts
   * Cat.table().name; // "Cat", with any prefix and suffix from the table options
   * await Cat.table().initialize();
   * ```
   */
  table(): TableHandle;
  /**
   * Custom methods (Dynamoose's API). `set` also returns the model typed with the new method, so
   * `const Cats = Cat.methods.set("byOwner", fn)` gives a typed `Cats.byOwner(...)`.
   */
  readonly methods: ModelMethods<TItem, TInput, TKey, TUpdate, TPath, TIndex, TGot, this>;

  /**
   * Named serializers: recipes (`include`, `exclude`, `modify`) that turn an item into a plain object for
   * `item.serialize(name?)` and `serializeMany(items, name?)`. Each model has its own.
   *
   * @example
   * ```ts
   * Cat.serializer.add("public", { exclude: ["owner.email"] });
   * Cat.serializer.default.set("public");
   * cat.serialize(); // without owner.email
   * ```
   */
  readonly serializer: ModelSerializers;
  /**
   * Serializes each item with the serializer `name`, the default one when none is named, or with the
   * given `{include?, exclude?, modify?}`, into plain objects. No items gives `[]`; an unknown name is an
   * `InvalidParameter`.
   *
   * @example
   * ```ts
   * const cats = await Cat.scan().exec();
   * const rows = Cat.serializeMany(cats, "summary"); // [{ id: 1, name: "Tom" }, …]
   * ```
   */
  serializeMany(
    items?: readonly ModelItem<TItem>[],
    nameOrOptions?: string | SerializerOptions,
  ): ObjectType[];
  /** Middleware around this model's DynamoDB calls; returns a function that removes it. */
  use(middleware: Middleware): () => void;
  /**
   * Model events: `save`, `delete`, `update`, `batchPut`, `batchDelete` (with the result and the
   * operation's target), `error` (with the error and the target).
   * Returns the model, so calls chain. Another event name is an `InvalidParameter` (and a compile error).
   * @example `Cat.on("save", (cat: CatItem) => audit.push(cat.id)).on("error", report)`
   */
  on(event: ModelEventName, listener: (...args: CallbackValue[]) => unknown): this;
  /** Like {@link on}, for the next event only. Returns the model. */
  once(event: ModelEventName, listener: (...args: CallbackValue[]) => unknown): this;
  /** Removes `listener` (or every listener of `event`). Returns the model. */
  off(event: ModelEventName, listener?: (...args: CallbackValue[]) => unknown): this;
}
