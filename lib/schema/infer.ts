// Type-level inference of item types from a schema definition (SPEC §10). Nothing here exists at
// runtime. Cost rules (DESIGN "Types"): every attribute is classified by a short chain of
// non-recursive conditionals; recursion happens only into nested schemas (bounded by the definition
// itself) and, for paths, is capped at `MaxPathDepth` levels. Optionality is decided per attribute
// by key-remapped mapped types, then flattened once so editors show one plain object.
// The value of each attribute is worked out in infer-values.ts; this file decides names and presence.
import type { CombineType, UNDEFINED } from "./type-markers";
import type { SchemaLike } from "./definition-types";
import type { AttrValue, DateValue, Mode } from "./infer-values";

/**
 * A Schema instance whose definition type is known. The runtime `Schema<D, S>` satisfies it through
 * two type-only phantoms: `declare readonly __definition: D; declare readonly __settings: S;`.
 */
export interface TypedSchemaLike<D = unknown, S = unknown> extends SchemaLike {
  readonly __definition: D;
  readonly __settings: S;
}

export type MaxPathDepth = 5;
export type Prev = [never, 0, 1, 2, 3, 4, 5];

/** One object type instead of an intersection (keeps `?` modifiers, drops `readonly`). */
export type Flatten<T> = { -readonly [K in keyof T]: T[K] } & unknown;

// ---- names and presence -------------------------------------------------------------------------

type FirstName<A> = A extends string
  ? A
  : A extends readonly [infer F extends string, ...unknown[]]
    ? F
    : never;
type AllNames<A> = A extends string ? A : A extends readonly (infer N extends string)[] ? N : never;

/**
 * Aliases one definition gives: `alias`, `aliases` or `map` (a name or a list of names). One given as `null`
 * is not set (as at run time), so it gives none.
 */
type AliasesOfOne<V> = V extends SchemaLike
  ? never
  : V extends { readonly alias: infer A extends Names }
    ? A
    : V extends { readonly aliases: infer A extends Names }
      ? A
      : V extends { readonly map: infer A extends Names }
        ? A
        : never;
type Names = string | readonly string[];

/** Aliases of an attribute: those of its definition, or of each of its definitions (several types). */
type AliasesOf<V> = V extends readonly (infer E)[] ? AliasesOfOne<E> : AliasesOfOne<V>;

/** The `defaultAlias`/`defaultMap` a definition gives. */
type DefaultNameOf<V> = V extends { readonly defaultAlias: infer A extends string }
  ? A
  : V extends { readonly defaultMap: infer A extends string }
    ? A
    : never;

/** The first alias of a list of definitions: that of the first definition that gives any. */
type FirstAliasOfList<L> = L extends readonly [infer H, ...infer T]
  ? [AliasesOfOne<H>] extends [never]
    ? FirstAliasOfList<T>
    : FirstName<AliasesOfOne<H>>
  : never;

/**
 * The name an attribute is read under: `defaultAlias`/`defaultMap` (of any of its definitions), else its
 * first alias, else its own.
 */
type OutName<K, V> = V extends readonly unknown[]
  ? [DefaultNameOf<V[number]>] extends [never]
    ? [FirstAliasOfList<V>] extends [never]
      ? K
      : FirstAliasOfList<V>
    : DefaultNameOf<V[number]>
  : [DefaultNameOf<V>] extends [never]
    ? [AliasesOf<V>] extends [never]
      ? K
      : FirstName<AliasesOf<V>>
    : DefaultNameOf<V>;

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
/** A `type.COMBINE` attribute: computed from its sources on every write, so no input takes it. */
type IsCombined<V> = V extends CombineType ? true : V extends { readonly type: CombineType } ? true : false;
/** Whether every write must leave the attribute holding a value: marked and without a default. */
export type RequiredOnWrite<V> = V extends { readonly type: CombineType }
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
        ? {
            -readonly [
              N in keyof Spec as M extends "out" ? OutName<N, Spec[N]> : AnyName<N, Spec[N]>
            ]: AttrValue<Spec[N], M>;
          }
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

/**
 * What `saveUnknown` keeps at one level of the item, carried down the one walk of the definition:
 * - `true`: unknown keys here and at every depth below (under a top-level `saveUnknown: true`, or a nested
 *   Schema's own, which keeps everything below it);
 * - `"below"`: only deeper, not here (a flattened object's own level, see infer-values.ts; an update's top
 *   level, whose settings say `saveUnknown: "below"`, see infer-paths.ts);
 * - `false`: what the level's own settings say;
 * - `"list"`: the same, under a list element, where a nested Schema's own `saveUnknown` does not apply.
 * The array form (`["meta.*"]`) keeps by pattern, which the types do not follow below the top level.
 */
export type KeptUnknown = boolean | "below" | "list";

type Unknowns<S, U extends KeptUnknown, Keys> = [U] extends [true]
  ? Keys
  : S extends { readonly saveUnknown: true | readonly unknown[] }
    ? Keys
    : unknown;
/** Undeclared keys as reads return them: values of any type, to be narrowed before use. */
type UnknownKeys = { [name: string]: unknown };
/**
 * Undeclared keys as writes take them. The values are `any` on purpose: TypeScript lets a value typed by an
 * interface (`meta: Meta`, where `interface Meta {a?: string}`) stand for an index signature only when its
 * values are `any`, and such values are what users keep unknown keys in. The declared keys beside it keep
 * their types. An `any` index signature would also take arrays, Dates, Maps, Sets, promises and functions,
 * which the runtime refuses where an object is declared: the well-known symbols they carry are refused here.
 * (A class instance cannot be told from a plain object by its type; the runtime refuses it.)
 */
export type UnknownInputKeys = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above: `unknown` refuses interfaces
  [name: string]: any;
  [Symbol.iterator]?: never;
  [Symbol.toPrimitive]?: never;
  [Symbol.toStringTag]?: never;
  [Symbol.hasInstance]?: never;
};

/** What the levels below keep: all that this one's keep, and everything under a `saveUnknown: true`. */
type KeptBelow<S, U extends KeptUnknown> = [U] extends [false]
  ? S extends { readonly saveUnknown: true | "below" }
    ? true
    : false
  : [U] extends ["list"]
    ? "list"
    : true;

// ---- shapes -------------------------------------------------------------------------------------

export type Shape<D, S, M extends Mode, U extends KeptUnknown = false> = M extends "out"
  ? ItemShape<D, S, U>
  : InputShape<D, S, U>;

export type ItemShape<D, S, U extends KeptUnknown = false> = ItemShapeWith<D, S, U, KeptBelow<S, U>>;
// `B`, what the attributes' values keep (`KeptBelow`), is worked out once per shape, not once per attribute.
type ItemShapeWith<D, S, U extends KeptUnknown, B extends KeptUnknown> = Flatten<
  {
    -readonly [K in keyof D as PresentOnRead<D[K]> extends true ? OutName<K, D[K]> : never]-?: AttrValue<
      D[K],
      "out",
      B
    >;
  } & {
    -readonly [K in keyof D as PresentOnRead<D[K]> extends true ? never : OutName<K, D[K]>]?: AttrValue<
      D[K],
      "out",
      B
    >;
  } & Timestamps<S, "out"> & { [N in VersionName<S>]: number } & Unknowns<S, U, UnknownKeys>
>;

/** `type.UNDEFINED`, which leaves an attribute out of a write (and skips its default). */
type Removed = typeof UNDEFINED;

/** Whether an attribute is written under one of several names: its own and at least one alias. */
type HasAliases<V> = [AliasesOf<V>] extends [never] ? false : true;
type RequiredSingleName<V> = RequiredOnWrite<V> extends true ? Not<HasAliases<V>> : false;
type RequiredAliased<V> = RequiredOnWrite<V> extends true ? HasAliases<V> : false;
type Not<B extends boolean> = B extends true ? false : true;

/**
 * Required attributes that have aliases are written either all under their read names (first alias or
 * `defaultAlias`) or all under their real names; each one's other names stay optional. Two shapes whatever
 * the number of such attributes: a shape per combination of names would grow as 2^n, which a schema of many
 * short stored names with long aliases (a common Dynamoose pattern) cannot afford.
 */
type RequiredUnderOneStyle<D, B extends KeptUnknown> = [RequiredAliasedKey<D>] extends [never]
  ? unknown
  : AliasStyles<D, B>;
type RequiredAliasedKey<D> = { [K in keyof D]: RequiredAliased<D[K]> extends true ? K : never }[keyof D];
type AliasStyles<D, B extends KeptUnknown> =
  | ({
      -readonly [K in keyof D as RequiredAliased<D[K]> extends true ? OutName<K, D[K]> : never]-?: AttrValue<
        D[K],
        "in",
        B
      >;
    } & {
      -readonly [
        K in keyof D as RequiredAliased<D[K]> extends true
          ? Exclude<AnyName<K, D[K]>, OutName<K, D[K]>>
          : never
      ]?: AttrValue<D[K], "in", B>;
    })
  | ({
      -readonly [K in keyof D as RequiredAliased<D[K]> extends true ? K : never]-?: AttrValue<D[K], "in", B>;
    } & {
      -readonly [
        K in keyof D as RequiredAliased<D[K]> extends true ? Exclude<AnyName<K, D[K]>, K> : never
      ]?: AttrValue<D[K], "in", B>;
    });

export type InputShape<D, S, U extends KeptUnknown = false> = InputShapeWith<D, S, U, KeptBelow<S, U>>;
type InputShapeWith<D, S, U extends KeptUnknown, B extends KeptUnknown> = Flatten<
  {
    -readonly [K in keyof D as RequiredSingleName<D[K]> extends true ? K : never]-?: AttrValue<D[K], "in", B>;
  } & {
    -readonly [
      K in keyof D as RequiredOnWrite<D[K]> extends true
        ? never
        : IsCombined<D[K]> extends true
          ? never
          : AnyName<K, D[K]>
    ]?: AttrValue<D[K], "in", B>;
  } & RequiredUnderOneStyle<D, B> &
    Partial<Timestamps<S, "in">> & { [N in VersionName<S>]?: number } & Unknowns<S, U, UnknownInputKeys>
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
export type WithRemovals<I> = {
  // Symbol keys are the guards of undeclared keys (UnknownInputKeys), not attributes: nothing to remove.
  [K in keyof I]: K extends symbol ? I[K] : undefined extends I[K] ? I[K] | Removed : I[K];
};

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

export type { AttrValue, ElementOf, ModelReference, SchemaOf } from "./infer-values";
export type { KeyAndUpdate, KeyObjectOf, KeyOf } from "./infer-keys";
export type { AttributePath, UpdateOf } from "./infer-paths";
export type { IndexNames } from "./infer-index-names";
