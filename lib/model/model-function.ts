// The type of `dynamodel.model()` (and `instance.model()`): its overloads infer a model's item types from
// a schema or definition, or take Dynamoose's `model<Cat>()` style.
import type { Item } from "./item";
import type { ModelOptions } from "./model";
import type { GetResult, ModelItem, ModelType } from "./types";
import type { UpdateOfItem } from "./update-of-item";
import type { AnyItem, ObjectType } from "../dynamoose-names";
import type { SchemaDefinition, SchemaSettings } from "../schema/definition-types";
import type {
  AttributePath,
  IndexNames,
  InputOf,
  InputOfItem,
  ItemOf,
  KeyOf,
  UpdateOf,
  WithRemovals,
} from "../schema/infer";
import type { DefinitionCheck } from "../schema/definition-check";
import type { Schema } from "../schema/schema";
import type { BatchWriteResult, BatchWriteSettings } from "../operations/batch-write";
import type { Callback } from "../callbacks";
import type {
  TransactionCreateSettings,
  TransactionUpdateSettings,
  TransactionWriteElement,
} from "../transaction/types";

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
 * Dynamoose types a class-typed model's `batchPut`, `transaction.create` and `transaction.update` loosely
 * (its `ObjectType`): a class often leaves out what its schema also has (counters, index keys,
 * timestamps). After the model's own signatures, which check `T`'s properties, these take what they refuse.
 */
interface LooseWrites {
  batchPut(
    objects: readonly ObjectType[],
    settings?: BatchWriteSettings,
  ): Promise<BatchWriteResult<ObjectType>>;
  batchPut(objects: readonly ObjectType[], callback: Callback<BatchWriteResult<ObjectType>>): undefined;
  readonly transaction: {
    create(
      object: ObjectType,
      settings?: TransactionCreateSettings,
      callback?: Callback<TransactionWriteElement>,
    ): Promise<TransactionWriteElement>;
    update(
      key: ObjectType,
      update?: ObjectType,
      settings?: TransactionUpdateSettings,
      callback?: Callback<TransactionWriteElement>,
    ): Promise<TransactionWriteElement>;
  };
}

/** What `model<Cat>()` (Dynamoose's style) returns: typed by `T`, with Dynamoose's loose members. */
type ClassTypedModel<T> = ModelType<T, InputOfItem<T>, unknown, UpdateOfItem<T>> &
  LooseMembers<T> &
  LooseConstructor<T> &
  LooseWrites;

/** The model a definition `D` (and schema settings `S`) infers: its item, input, key, update and path types. */
type InferredModel<D, S = object> = ModelType<
  ItemOf<D, S>,
  WithRemovals<InputOf<D, S>>,
  KeyOf<D, S>,
  UpdateOf<D, S>,
  AttributePath<D, S>,
  IndexNames<D>,
  GetResult<ItemOf<D, S>>
>;

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
  ): InferredModel<D, S>;
  <const D extends SchemaDefinition>(
    name: string,
    definition: D & DefinitionCheck<D>,
    options?: ModelOptions,
  ): InferredModel<D>;
  /** One schema given in an array (`model("Cat", [schema])`): typed from it, as when given alone. */
  <D extends SchemaDefinition, S extends SchemaSettings>(
    name: string,
    schemas: readonly [Schema<D, S>],
    options?: ModelOptions,
  ): InferredModel<D, S>;
  /**
   * Several schemas (single-table design): items are typed loosely, their attributes `any`, as Dynamoose
   * types them (an item fits one of the schemas, which no one property type can say).
   */
  (
    name: string,
    schemas: readonly (Schema | SchemaDefinition)[],
    options?: ModelOptions,
  ): ModelType<ObjectType, ObjectType, unknown, ObjectType, string, string, GetResult<ObjectType>>;
  /**
   * Dynamoose's style, `model<Cat>("Cat", schema)`, and a registered model by name: typed by `T`, whose
   * data properties `update` objects are checked against. Without `T` (`model("Cat")`), `AnyItem`, as in Dynamoose.
   */
  <T extends Item = AnyItem>(
    name: string,
    schema?: Schema | readonly (Schema | SchemaDefinition)[],
    options?: ModelOptions,
  ): ClassTypedModel<T>;
  /**
   * A schema or a definition, as Dynamoose's own parameter type has it (`Schema | SchemaDefinition`). A
   * definition inferred here (no explicit `T`) is checked as the inferring overload checks it.
   */
  <T extends Item = AnyItem, const D extends SchemaDefinition = SchemaDefinition>(
    name: string,
    schema: Schema | (D & DefinitionCheck<D>),
    options?: ModelOptions,
  ): ClassTypedModel<T>;
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
  ): ClassTypedModel<T>;
}
