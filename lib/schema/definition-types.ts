// The shapes a schema definition may take (SPEC §2). Runtime compilation lives in compile.ts;
// type-level inference of item types from these shapes lives in infer.ts.
import type { AnyMarker, CombineType, ConstantType, NullMarker, ThisMarker } from "./type-markers";

/** Date storage choices. */
export type DateStorage = "milliseconds" | "seconds" | "iso";

/** `{value: Date, settings: {storage}}`: a type with settings. */
export interface TypeWithSettings<T = unknown, S = Record<string, unknown>> {
  readonly value: T;
  readonly settings?: S;
}

/** Something that compiles to a schema: a Schema instance (declared structurally to avoid a cycle). */
export interface SchemaLike {
  readonly __isDynamodelSchema: true;
}

/** A model class used as a reference type (declared structurally to avoid a cycle). */
export interface ModelLike {
  readonly __isDynamodelModel: true;
}

/** Type names accepted as case-insensitive strings. */
export type TypeName = string;

/**
 * Node's Buffer class, as a type, when Node's types are loaded; `never` otherwise. The public declarations
 * never name `Buffer` or `BufferConstructor` themselves: in a project without Node's types (`"types": []`, as
 * `tsc --init` writes) such a name does not resolve, TypeScript reads it as `any`, and a `T extends any`
 * among the attribute types made every Object, Array and Set attribute `any`.
 */
export type BufferClass = typeof globalThis extends { readonly Buffer: infer B }
  ? 0 extends 1 & B
    ? never // a `declare var Buffer: any` shim: as unresolved as no Buffer at all
    : B
  : never;

/** A Buffer attribute's value: Node's `Buffer` when its types are loaded, else the `Uint8Array` it extends. */
export type BufferValue = [BufferClass] extends [never]
  ? Uint8Array
  : BufferClass extends { isBuffer(value: unknown): value is infer B }
    ? B // `Buffer` itself, with its default type arguments (`alloc()` returns a narrower `Buffer<ArrayBuffer>`)
    : Uint8Array;

/** One attribute type, written without settings. */
export type AttributeType =
  | StringConstructor
  | NumberConstructor
  | BooleanConstructor
  | DateConstructor
  | BufferClass
  | ObjectConstructor
  | ArrayConstructor
  | SetConstructor
  | NullMarker
  | AnyMarker
  | ThisMarker
  | ConstantType
  | CombineType
  | TypeWithSettings
  | SchemaLike
  | ModelLike
  | TypeName;

/**
 * The value a user's `validate`, `get` or `set` function receives: `any`, a marked boundary, as in
 * Dynamoose. TypeScript cannot type a callback's parameter from the `type` beside it in the same object
 * literal, and with `unknown` Dynamoose's own examples (`validate: (val) => val > 0`) would not compile
 * after the import changes. Annotate the parameter (`(age: number) => …`) to have it checked.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- boundary: values handed to user callbacks
export type CallbackValue = any;

/** What schema-level `get`, `set` and `validate` receive: the whole item (Dynamoose's `ObjectType`). */
export type CallbackItem = Record<string, CallbackValue>;

/**
 * A (possibly async) predicate. Declared through a method so that its parameter is checked
 * bivariantly: `(age: number) => age >= 0` is accepted, and `(v) => v > 0` compiles as in Dynamoose.
 */
export type ValidatePredicate = { check(value: CallbackValue): unknown }["check"];

/**
 * Validation: a value that must match exactly, a RegExp, or a (possibly async) predicate. (`null` is no
 * validator, as every setting given as `null` is not set.)
 */
export type Validator = string | number | boolean | null | RegExp | ValidatePredicate;

/** An attribute's `get`: a method's type, so a typed parameter (`get(v: string)`) is accepted. */
export type AttributeGetter = { get(value: CallbackValue): unknown }["get"];
/** An attribute's `set(newValue, oldValue)`, typed as `AttributeGetter` is. */
export type AttributeSetter = { set(value: CallbackValue, oldValue?: CallbackValue): unknown }["set"];
/** A schema-level `get`, `set` or `validate` over the whole item, typed as `AttributeGetter` is. */
export type ItemFunction = { call(item: CallbackItem): unknown }["call"];

/** An index of an attribute. Every field may be `null`, which means "not set", as Dynamoose reads it. */
export interface IndexDefinition {
  name?: string | null;
  type?: "global" | "local" | null;
  rangeKey?: string | null;
  project?: boolean | readonly string[] | null;
  throughput?: number | { read: number; write: number } | "ON_DEMAND" | null;
  /**
   * Dynamoose v2's flag, still shown in Dynamoose's guide: accepted and ignored, as in Dynamoose. An index
   * is global unless `type` is `"local"`.
   *
   * @deprecated Use `type: "global"` or `type: "local"`.
   */
  global?: boolean | null;
}

/**
 * An attribute-definition object. Every setting but `type` may be `null`, which means "not set" (the same
 * as leaving it out), as Dynamoose reads it.
 */
export interface AttributeDefinitionObject {
  type: AttributeType | readonly AttributeType[];
  /** Object: a definition or a Schema; Array and Set: `[elementType]`. */
  schema?: SchemaDefinition | AttributeDefinition | null;
  default?: unknown;
  forceDefault?: boolean | null;
  required?: boolean | null;
  enum?: readonly unknown[] | null;
  validate?: Validator;
  get?: AttributeGetter | null;
  set?: AttributeSetter | null;
  hashKey?: boolean | null;
  rangeKey?: boolean | null;
  index?: boolean | IndexDefinition | readonly IndexDefinition[] | null;
  map?: string | readonly string[] | null;
  alias?: string | readonly string[] | null;
  aliases?: string | readonly string[] | null;
  defaultMap?: string | null;
  defaultAlias?: string | null;
  /**
   * dynamodel, for `type: Object`: `"json"` stores the value as one JSON string; `"flatten"` stores each
   * sub-attribute of `schema` as a top-level attribute named `prefix` + its name (SPEC §11).
   *
   * @example
   * ```ts
   * address: { type: Object, storage: "flatten", prefix: "addr_", schema: { city: String } }
   * // stored as { addr_city: "Oslo" }; read back as { address: { city: "Oslo" } }
   * ```
   */
  storage?: "json" | "flatten" | null;
  /** With `storage: "flatten"`: the stored names' prefix (default: the attribute's name and "_"). */
  prefix?: string | null;
}

/** What one key of a schema definition may hold. */
export type AttributeDefinition =
  AttributeType | AttributeDefinitionObject | readonly (AttributeType | AttributeDefinitionObject)[];

export type SchemaDefinition = { [name: string]: AttributeDefinition };

export type TimestampSpec =
  boolean | string | readonly string[] | null | undefined | Record<string, AttributeDefinition>;

/** The schema settings. Each may be `null`, which means "not set" (`timestamps: null`: no timestamps). */
export interface SchemaSettings {
  timestamps?: boolean | { createdAt?: TimestampSpec; updatedAt?: TimestampSpec } | null;
  saveUnknown?: boolean | readonly string[] | null;
  get?: ItemFunction | null;
  set?: ItemFunction | null;
  validate?: ItemFunction | null;
  /** Optimistic locking: `true` (attribute `version`) or the attribute's name. */
  version?: boolean | string | null;
}
