// Type-level inference of item types from a schema definition (SPEC §10). Nothing here exists at
// runtime. Cost rules (DESIGN "Types"): every attribute is classified by a short chain of
// non-recursive conditionals; recursion happens only into nested schemas (bounded by the definition
// itself) and, for paths, is capped at `MaxPathDepth` levels. Optionality is decided per attribute
// by key-remapped mapped types, then flattened once so editors show one plain object.
import type { CombineType, ConstantType, AnyMarker, NullMarker, ThisMarker, UNDEFINED } from "./type-markers";
import type { ModelLike, SchemaLike } from "./definition-types";

/**
 * A Schema instance whose definition type is known. The runtime `Schema<D, S>` satisfies it through
 * two type-only phantoms: `declare readonly __definition: D; declare readonly __settings: S;`.
 */
export interface TypedSchemaLike<D = unknown, S = unknown> extends SchemaLike {
  readonly __definition: D;
  readonly __settings: S;
}

/**
 * The value of a reference attribute whose model's key type is not known (`type.THIS`, or a model typed
 * loosely): the referenced key, or the item.
 */
export type ModelReference = string | number | object;

/**
 * The value of a reference to a model typed from its schema (`owner: Owner`). Written: the referenced key
 * (bare, or as a key object) or an item of that model. Read: the key as stored (the bare hash value, or the
 * key object when the model has a range key), or the item after `populate()`.
 */
type ReferenceValue<K, I, M extends Mode> = unknown extends K
  ? ModelReference
  : M extends "in"
    ? K | I
    : ([Exclude<K, object>] extends [never] ? K : Exclude<K, object>) | I;

// "out": what reads return. "in": what writes accept (Dates as numbers, Sets as arrays).
type Mode = "out" | "in";
export type MaxPathDepth = 5;
export type Prev = [never, 0, 1, 2, 3, 4, 5];

/** One object type instead of an intersection (keeps `?` modifiers, drops `readonly`). */
export type Flatten<T> = { -readonly [K in keyof T]: T[K] } & unknown;

// ---- values -------------------------------------------------------------------------------------

/** The value type of one definition entry: a type, an attribute-definition object, or an array of those. */
export type AttrValue<V, M extends Mode> = V extends readonly unknown[]
  ? AttrValue<V[number], M>
  : V extends SchemaLike
    ? TypeValue<V, undefined, M>
    : V extends { readonly type: infer T }
      ? V extends { readonly enum: readonly (infer E)[] }
        ? E
        : TypeValue<T extends readonly unknown[] ? T[number] : T, SchemaOf<V>, M>
      : TypeValue<V, undefined, M>;

export type SchemaOf<V> = V extends { readonly schema: infer Sch } ? Sch : undefined;

type DateValue<M extends Mode, Settings> = M extends "out"
  ? Date
  : Settings extends { readonly storage: "iso" }
    ? Date | number | string
    : Date | number;

/** The value of one type (distributes over a union of types). `Sch` is the attribute's `schema`. */
type TypeValue<T, Sch, M extends Mode> = T extends StringConstructor
  ? string
  : T extends NumberConstructor
    ? number
    : T extends BooleanConstructor
      ? boolean
      : T extends DateConstructor
        ? DateValue<M, undefined>
        : T extends BufferConstructor
          ? Buffer
          : T extends ObjectConstructor
            ? ObjectValue<Sch, M>
            : T extends ArrayConstructor
              ? ArrayValue<Sch, M>
              : T extends SetConstructor
                ? SetValue<Sch, M>
                : T extends string
                  ? NamedValue<Lowercase<T>, Sch, M>
                  : T extends symbol
                    ? MarkerValue<T>
                    : ObjectTypeValue<T, Sch, M>;

type MarkerValue<T> = T extends NullMarker
  ? null
  : T extends AnyMarker
    ? unknown
    : T extends ThisMarker
      ? ModelReference
      : unknown;

type ObjectTypeValue<T, Sch, M extends Mode> =
  T extends ConstantType<infer C>
    ? C
    : T extends CombineType
      ? string
      : T extends TypedSchemaLike<infer D, infer S>
        ? Shape<D, S, M>
        : T extends SchemaLike
          ? Record<string, unknown>
          : T extends ModelLike
            ? T extends { readonly __reference?: { readonly key: infer K; readonly item: infer I } }
              ? ReferenceValue<K, I, M>
              : ModelReference
            : T extends { readonly value: infer X }
              ? X extends DateConstructor | DateName
                ? DateValue<M, T extends { readonly settings: infer St } ? St : undefined>
                : TypeValue<X, Sch, M>
              : unknown;

/** "Date" as a type name, in any case ("date", "DATE"). */
type DateName = `${"d" | "D"}${"a" | "A"}${"t" | "T"}${"e" | "E"}`;

/** Type names given as strings, case-insensitively ("string", "Date", "NUMBER"). */
type NamedValue<L extends string, Sch, M extends Mode> = L extends "string"
  ? string
  : L extends "number"
    ? number
    : L extends "boolean"
      ? boolean
      : L extends "date"
        ? DateValue<M, undefined>
        : L extends "buffer"
          ? Buffer
          : L extends "object"
            ? ObjectValue<Sch, M>
            : L extends "array"
              ? ArrayValue<Sch, M>
              : L extends "set"
                ? SetValue<Sch, M>
                : L extends "null"
                  ? null
                  : unknown;

type ObjectValue<Sch, M extends Mode> =
  Sch extends TypedSchemaLike<infer D, infer S>
    ? Shape<D, S, M>
    : Sch extends readonly unknown[] | SchemaLike
      ? Record<string, unknown>
      : Sch extends object
        ? Shape<Sch, object, M>
        : Record<string, unknown>;

/**
 * The element definition of an Array or Set: `schema: [element]`, or `schema: element` alone; `schema: []`
 * declares none, as no schema does.
 */
export type ElementOf<Sch> = Sch extends readonly []
  ? AnyMarker
  : Sch extends readonly (infer E)[]
    ? E
    : Sch extends undefined
      ? AnyMarker
      : Sch;

type ArrayValue<Sch, M extends Mode> = AttrValue<ElementOf<Sch>, M>[];

type SetValue<Sch, M extends Mode> = Sch extends undefined
  ? SetOf<string | number | Buffer, M>
  : SetOf<AttrValue<ElementOf<Sch>, M>, M>;

type SetOf<E, M extends Mode> = M extends "out" ? Set<E> : Set<E> | E[];

// ---- names and presence -------------------------------------------------------------------------

type FirstName<A> = A extends string
  ? A
  : A extends readonly [infer F extends string, ...unknown[]]
    ? F
    : never;
type AllNames<A> = A extends string ? A : A extends readonly (infer N extends string)[] ? N : never;

/** Aliases of an attribute: `alias`, `aliases` or `map` (a name or a list of names). */
type AliasesOf<V> = V extends readonly unknown[] | SchemaLike
  ? never
  : V extends { readonly alias: infer A }
    ? A
    : V extends { readonly aliases: infer A }
      ? A
      : V extends { readonly map: infer A }
        ? A
        : never;

/** The name an attribute is read under: `defaultAlias`/`defaultMap`, else its first alias, else its own. */
type OutName<K, V> = V extends { readonly defaultAlias: infer A extends string }
  ? A
  : V extends { readonly defaultMap: infer A extends string }
    ? A
    : [AliasesOf<V>] extends [never]
      ? K
      : FirstName<AliasesOf<V>>;

/** Every name an attribute may be written under: its own and all its aliases. */
export type AnyName<K, V> = K | AllNames<AliasesOf<V>>;

type Marked = { readonly hashKey: true } | { readonly rangeKey: true } | { readonly required: true };
/** What a default gives: its value, or what its (possibly asynchronous) function returns. */
type DefaultGives<D> = D extends (...args: never[]) => infer Result ? Awaited<Result> : D;
/** A default that always gives a value: `default: null` (or a function that may return null) is no default. */
type HasDefault<V> = V extends { readonly default: infer D }
  ? 0 extends 1 & DefaultGives<D> // `any` (an untyped function): trusted to give a value, as before
    ? true
    : null extends DefaultGives<D>
      ? false
      : undefined extends DefaultGives<D>
        ? false
        : true
  : false;
type PresentOnRead<V> = V extends Marked ? true : HasDefault<V>;
type RequiredOnWrite<V> = V extends { readonly type: CombineType }
  ? false
  : HasDefault<V> extends true
    ? false
    : V extends Marked
      ? true
      : false;

// ---- settings: timestamps, version, saveUnknown -------------------------------------------------

// `true` names the attribute after its kind; `false` (like null) leaves it out.
type TimestampFields<Spec, M extends Mode, Kind extends string> = [Spec] extends [true]
  ? { [N in Kind]: DateValue<M, undefined> }
  : Spec extends string
    ? { [N in Spec]: DateValue<M, undefined> }
    : Spec extends readonly string[]
      ? { [N in Spec[number]]: DateValue<M, undefined> }
      : Spec extends object
        ? { -readonly [N in keyof Spec]: AttrValue<Spec[N], M> }
        : unknown;

export type Timestamps<S, M extends Mode> = S extends { readonly timestamps: true }
  ? { createdAt: DateValue<M, undefined>; updatedAt: DateValue<M, undefined> }
  : S extends { readonly timestamps: infer T extends object }
    ? TimestampFields<T extends { readonly createdAt: infer C } ? C : undefined, M, "createdAt"> &
        TimestampFields<T extends { readonly updatedAt: infer U } ? U : undefined, M, "updatedAt">
    : unknown;

export type VersionName<S> = S extends { readonly version: true }
  ? "version"
  : S extends { readonly version: infer N extends string }
    ? N
    : never;

type Unknowns<S> = S extends { readonly saveUnknown: true | readonly unknown[] }
  ? { [name: string]: unknown }
  : unknown;

// ---- shapes -------------------------------------------------------------------------------------

type Shape<D, S, M extends Mode> = M extends "out" ? ItemShape<D, S> : InputShape<D, S>;

export type ItemShape<D, S> = Flatten<
  {
    -readonly [K in keyof D as PresentOnRead<D[K]> extends true ? OutName<K, D[K]> : never]-?: AttrValue<
      D[K],
      "out"
    >;
  } & {
    -readonly [K in keyof D as PresentOnRead<D[K]> extends true ? never : OutName<K, D[K]>]?: AttrValue<
      D[K],
      "out"
    >;
  } & Timestamps<S, "out"> & { [N in VersionName<S>]: number } & Unknowns<S>
>;

/** `type.UNDEFINED`, which leaves an attribute out of a write (and skips its default). */
type Removed = typeof UNDEFINED;

export type InputShape<D, S> = Flatten<
  {
    -readonly [K in keyof D as RequiredOnWrite<D[K]> extends true ? OutName<K, D[K]> : never]-?: AttrValue<
      D[K],
      "in"
    >;
  } & {
    -readonly [K in keyof D as RequiredOnWrite<D[K]> extends true ? never : OutName<K, D[K]>]?: AttrValue<
      D[K],
      "in"
    >;
  } & {
    -readonly [K in keyof D as Exclude<AnyName<K, D[K]>, OutName<K, D[K]>>]?: AttrValue<D[K], "in">;
  } & Partial<Timestamps<S, "in">> & { [N in VersionName<S>]?: number } & Unknowns<S>
>;

/**
 * What `new Model(…)`, `create()` and `batchPut()` accept: `I` (an `InputOf`), where each optional
 * attribute may also be `type.UNDEFINED`, Dynamoose's way to leave it out and skip its default. Required
 * ones may not: left out, they would fail `required`. (`InputOf` itself stays free of the symbol, so it
 * can type data read back or built by hand.)
 *
 * @example
 * ```ts
 * const User = model("User", { id: { type: String, hashKey: true }, name: { type: String, default: "?" } });
 * new User({ id: "1", name: type.UNDEFINED }); // no name is stored, not even the default
 * ```
 */
export type WithRemovals<I> = { [K in keyof I]: undefined extends I[K] ? I[K] | Removed : I[K] };

/**
 * What `new Model(…)` accepts for a model typed Dynamoose-style (`model<Cat>()`): any of the item's
 * properties, each also as `type.UNDEFINED`.
 */
export type InputOfItem<T> = { [K in keyof T]?: T[K] | Removed };

/**
 * What reads return for a schema definition `D` with settings `S`: keys, `required` and defaulted
 * attributes, timestamps and the version are present; the rest are optional. Aliased attributes
 * appear under their (default or first) alias; `saveUnknown` adds an index signature.
 *
 * @example
 * ```ts
 * const definition = { id: { type: String, hashKey: true }, age: Number } as const;
 * type User = ItemOf<typeof definition>; // { id: string; age?: number }
 * ```
 */
export type ItemOf<D, S = object> = ItemShape<D, S>;

/**
 * What `new Model(…)` and `create()` accept: keys and `required` attributes without a default are
 * required; everything else (defaults, COMBINE, timestamps, version) is optional. Dates accept
 * `Date | number` (and `string` with `storage: "iso"`); Sets accept `Set<T> | T[]`.
 *
 * @example
 * ```ts
 * const definition = { id: { type: String, hashKey: true }, born: Date } as const;
 * type NewUser = InputOf<typeof definition>; // { id: string; born?: Date | number }
 * ```
 */
export type InputOf<D, S = object> = InputShape<D, S>;

export type { KeyAndUpdate, KeyObjectOf, KeyOf } from "./infer-keys";
export type { AttributePath, IndexNames, UpdateOf } from "./infer-paths";
