/**
 * dynamodel: a Mongoose-style object-document mapper for Amazon DynamoDB, with Dynamoose v4's API.
 *
 * @example
 * ```ts
 * import dynamodel from "dynamodel";
 *
 * const Cat = dynamodel.model("Cat", { id: Number, name: String });
 * await Cat.create({ id: 1, name: "Tom" });
 * const tom = await Cat.get(1); // { id: 1, name: "Tom" }
 * ```
 */
import { pool } from "./concurrency/pool";
import * as errors from "./errors";
import { Condition } from "./expressions/condition";
import { Instance } from "./instance";
import { logger } from "./logger/logger";
import { Item } from "./model/item";
import { defineModel, type ModelOptions } from "./model/model";
import type { GetResult, ModelItem, ModelType } from "./model/types";
import type { UpdateOfItem } from "./model/update-of-item";
import type { AnyItem, ObjectType } from "./dynamoose-names";
import type { SchemaDefinition, SchemaSettings } from "./schema/definition-types";
import type {
  AttributePath,
  IndexNames,
  InputOf,
  InputOfItem,
  ItemOf,
  KeyOf,
  UpdateOf,
  WithRemovals,
} from "./schema/infer";
import type { DefinitionCheck } from "./schema/definition-check";
import { Schema } from "./schema/schema";
import { type } from "./schema/type-markers";
import { transactionFunction } from "./transaction/transaction";

/**
 * An `AnyItem` model answers to any member, as in Dynamoose (whose model type includes its item type):
 * custom methods added with `methods.set()` can be called on it without a declared type.
 */
type LooseMembers<T> = [AnyItem] extends [T] ? ObjectType : unknown;
/**
 * Dynamoose's item constructor takes any object (`new Cat({...known, extra})`, for `saveUnknown`): after the
 * model's own construct signature, which checks `T`'s properties, this one takes what it refuses.
 */
type LooseConstructor<T> = new (object?: ObjectType) => ModelItem<T>;

/**
 * `dynamodel.model()`: defines a model, inferring its item types from the schema, or (without a
 * schema) returns the model registered under `name`. Dynamoose's style, `model<Cat>("Cat", schema)`
 * with `class Cat extends Item`, works too.
 */
export interface ModelFunction {
  <const D extends SchemaDefinition, const S extends SchemaSettings = object>(
    name: string,
    schema: Schema<D, S>,
    options?: ModelOptions,
  ): ModelType<
    ItemOf<D, S>,
    WithRemovals<InputOf<D, S>>,
    KeyOf<D, S>,
    UpdateOf<D, S>,
    AttributePath<D, S>,
    IndexNames<D>,
    GetResult<ItemOf<D, S>>
  >;
  <const D extends SchemaDefinition>(
    name: string,
    definition: D & DefinitionCheck<D>,
    options?: ModelOptions,
  ): ModelType<
    ItemOf<D>,
    WithRemovals<InputOf<D>>,
    KeyOf<D>,
    UpdateOf<D>,
    AttributePath<D>,
    IndexNames<D>,
    GetResult<ItemOf<D>>
  >;
  /** Several schemas (single-table design): items are typed loosely. */
  (
    name: string,
    schemas: readonly (Schema | SchemaDefinition)[],
    options?: ModelOptions,
  ): ModelType<
    Record<string, unknown>,
    Record<string, unknown>,
    unknown,
    Record<string, unknown>,
    string,
    string,
    GetResult<Record<string, unknown>>
  >;
  /**
   * Dynamoose's style, `model<Cat>("Cat", schema)`, and a registered model by name: typed by `T`, whose
   * data properties `update` objects are checked against. Without `T` (`model("Cat")`), `AnyItem`, as in Dynamoose.
   */
  <T extends Item = AnyItem>(
    name: string,
    schema?: Schema | readonly (Schema | SchemaDefinition)[],
    options?: ModelOptions,
  ): ModelType<T, InputOfItem<T>, unknown, UpdateOfItem<T>> & LooseMembers<T> & LooseConstructor<T>;
  /**
   * A schema or a definition, as Dynamoose's own parameter type has it (`Schema | SchemaDefinition`). A
   * definition inferred here (no explicit `T`) is checked as the inferring overload checks it.
   */
  <T extends Item = AnyItem, const D extends SchemaDefinition = SchemaDefinition>(
    name: string,
    schema: Schema | (D & DefinitionCheck<D>),
    options?: ModelOptions,
  ): ModelType<T, InputOfItem<T>, unknown, UpdateOfItem<T>> & LooseMembers<T> & LooseConstructor<T>;
  /**
   * A plain definition, typed loosely: with an explicit `T` (`model<Cat>("Cat", {…})`), or one the inferring
   * overload refused. Without `T` the definition is inferred and checked, so a mistake (a misspelt setting
   * in a variable, a dotted name, an unknown type name) is an error rather than an untyped model. (With an
   * explicit `T`, TypeScript infers nothing: only an inline literal's unknown keys are caught, by its
   * excess-property check.) Last, so that TypeScript reports a mistake at its property.
   */
  <T extends Item = AnyItem, const D extends SchemaDefinition = SchemaDefinition>(
    name: string,
    definition: D & DefinitionCheck<D>,
    options?: ModelOptions,
  ): ModelType<T, InputOfItem<T>, unknown, UpdateOfItem<T>> & LooseMembers<T> & LooseConstructor<T>;
}

/**
 * Defines a model (or returns a registered one).
 *
 * @example
 * ```ts
 * const Cat = model("Cat", { id: Number, name: String });
 * ```
 */
export const model = function model(
  name: string,
  schema?: Schema | SchemaDefinition,
  options?: ModelOptions,
) {
  // A function, not an arrow: Dynamoose's guide writes `new dynamoose.model(…)`, and `new` on a function
  // that returns an object (the Model class) yields that object.
  return defineModel(Instance.default, name, schema, options);
} as unknown as ModelFunction;

/**
 * The default instance's AWS connection: `aws.ddb`, the DynamoDB client, and `aws.converter`, the
 * functions that turn items into AttributeValues and back (see `docs/instances-and-connections.md`).
 *
 * @example
 * ```ts
 * dynamodel.aws.ddb.set(new DynamoDB({ region: "eu-west-1" }));
 * dynamodel.aws.ddb.local(); // or DynamoDB Local, at http://localhost:8000
 * const { unmarshall } = dynamodel.aws.converter();
 * ```
 */
export const aws = Instance.default.aws;
export const events = Instance.default.events;
/** Middleware around every DynamoDB call of the default instance. Returns a function that removes it. */
export const use = Instance.default.use.bind(Instance.default);
/** Atomic reads or writes of up to 100 items (see `docs/transactions.md`). */
export const transaction = transactionFunction(Instance.default);

/**
 * Tables of the default instance: `new Table(name, models, options)`, `Table.defaults.set/get`.
 *
 * @example
 * ```ts
 * const pets = new Table("Pets", [Cat, Dog], { entityAttribute: "_type" });
 * ```
 */
export const Table = Instance.default.Table;
export type Table = InstanceType<typeof Table>;
/**
 * One page of the default instance's table names, with `lastKey` when there are more.
 *
 * @example
 * ```ts
 * const names = await listTables({ limit: 10 });
 * const more = names.lastKey ? await listTables({ limit: 10, startAt: names.lastKey }) : [];
 * ```
 */
export const listTables = Instance.default.listTables.bind(Instance.default);
/**
 * Acquires a distributed lock held as one item in a table (a Table, a Model, or a table name): at most
 * one holder at a time; a crashed holder's lease runs out. Resolves with `{release(), extend(), …}`.
 *
 * @example
 * ```ts
 * const lock = await dynamodel.lock(Locks, "nightly-report", { leaseMs: 30_000, heartbeatMs: 10_000 });
 * try {
 *   await buildReport();
 * } finally {
 *   await lock.release();
 * }
 * ```
 */
export const lock = Instance.default.lock.bind(Instance.default);
export { pool };
export { logger } from "./logger/logger";

export { Condition, Instance, Item, Schema, type };
export * from "./errors";
export type { ModelOptions } from "./model/model";
export type { ModelItem, ModelType, TableHandle } from "./model/types";
export type { UpdateOfItem } from "./model/update-of-item";
export {
  AnyItem,
  IndexType,
  SortOrder,
  TransactionReturnOptions,
  type CallbackType,
  type InputKey,
  type KeyObject,
  type Model,
  type ModelTableOptions,
  type ObjectType,
  type TableOptionsOptional,
} from "./dynamoose-names";
export type {
  SchemaDefinition,
  SchemaSettings,
  CallbackItem,
  CallbackValue,
  AttributeDefinition,
  IndexDefinition,
} from "./schema/definition-types";
export type {
  InputOf,
  InputOfItem,
  ItemOf,
  KeyOf,
  KeyObjectOf,
  AttributePath,
  IndexNames,
  UpdateOf,
  WithRemovals,
} from "./schema/infer";
export type { DynamoCall, Middleware, SendingClient } from "./client/send";
export type { Converter, ConverterAccessor, DdbAccessor } from "./instance";
export type {
  ExpiresOptions,
  StreamType,
  TableOptions,
  Throughput,
  UpdatePart,
  WaitForActiveOptions,
} from "./table/options";
export type { CreateSettings, TableClass, TableDefaults } from "./table/table-class";
export type { ListTablesSettings, TableNames } from "./table/list-tables";
export type {
  LogEvent,
  LogFilter,
  LoggerApi,
  LogLevel,
  LogProvider,
  WrappedLogProvider,
} from "./logger/logger";
export { Retriever } from "./model/retriever";
export { Query, Scan } from "./model/query-scan";
export type {
  ParallelLastKey,
  QueryCount,
  QueryResponse,
  ScanCount,
  ScanResponse,
} from "./model/retrieve-response";
export type {
  ConditionGroupInit,
  ConditionInit,
  ConditionObject,
  RawCondition,
} from "./expressions/condition";
export type { UpdateSettings } from "./operations/update";
export type { BatchGetResult, BatchGetSettings, BatchProgress } from "./operations/batch-get";
export type { BatchWriteResult, BatchWriteSettings } from "./operations/batch-write";
export type { TransactionFunction } from "./transaction/transaction";
export type { Pool, PoolResults, PoolSettledResults } from "./concurrency/pool";
export type {
  ContextHookOperation,
  DocumentHookOperation,
  HookContext,
  HookOperation,
  HookOperations,
  NextHook,
} from "./hooks/hooks";
export type { Lock, LockOptions, LockTable } from "./lock/lock";
export type {
  ModelTransaction,
  TransactionElement,
  TransactionElementInput,
  TransactionGetElement,
  TransactionRequest,
  TransactionResult,
  TransactionSettings,
  TransactionWriteElement,
} from "./transaction/types";

const dynamodel = {
  model,
  Schema,
  Condition,
  Instance,
  Item,
  type,
  aws,
  events,
  use,
  transaction,
  Table,
  listTables,
  lock,
  pool,
  logger,
  ...errors,
};

export default dynamodel;
