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
import { Condition } from "./expressions/condition";
import { Instance } from "./instance";
import { Item } from "./model/item";
import { Schema } from "./schema/schema";
import { type } from "./schema/type-markers";
import { dynamodel } from "./default-export";

export { aws, events, listTables, lock, model, Table, transaction, use } from "./default-instance";
export type { ModelFunction } from "./model/model-function";
export { pool };
export { logger } from "./logger/logger";

export { Condition, Instance, Item, Schema, type };
export {
  DynamodelError,
  InvalidFilterComparison,
  InvalidParameter,
  InvalidParameterType,
  InvalidType,
  LockError,
  MissingSchemaError,
  OtherError,
  TransactionCanceledError,
  TypeMismatch,
  UnknownAttribute,
  ValidationError,
  WaitForActiveTimeout,
  type TransactionCancellationReason,
  type ValidationRule,
} from "./errors";
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
  TableUpdateOptions,
  type FunctionType,
  type DeepPartial,
  type ItemArray,
  type ItemSaveSettings,
  type ConditionInitializer,
} from "./dynamoose-names";
export type {
  SchemaDefinition,
  SchemaSettings,
  CallbackItem,
  CallbackValue,
  AttributeDefinition,
  IndexDefinition,
} from "./schema/definition-types";
export type { AttributePathSettings } from "./schema/attribute-paths";
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
export type { DynamoCall, Middleware, SendingClient, SendOptions } from "./client/send";
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
export type { ModelEventName } from "./hooks/events";
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

export type { Dynamodel } from "./default-export";
export default dynamodel;
