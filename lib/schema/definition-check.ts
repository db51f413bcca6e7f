// Compile-time check of a schema definition (SPEC §10: "errors in schema definitions surface at compile
// time where TypeScript allows"). `const` type parameters switch off TypeScript's excess-property check,
// so a misspelt setting (`hashkey`, `requried`) would compile and then be ignored at run time.
// `DefinitionCheck<D>` puts the check back, and also marks two construction errors TypeScript can see
// (SPEC §2): a dot in an attribute name and a type name no type has, and a `default` or `enum` member
// whose type the attribute's type never accepts (definition-values-check.ts). Nothing here exists at run
// time.
//
// Cost (DESIGN "Types"): a correct definition costs one walk that finds no unknown key and yields
// `unknown`, so the parameter stays plain `D` for inference. Only a definition with a mistake gets the
// mapped copy that makes TypeScript point at the misspelt key.
import type { CheckedValues, ScalarInputOf, ValueMistakes } from "./definition-values-check";
import type {
  AttributeDefinitionObject,
  DateStorage,
  IndexDefinition,
  SchemaLike,
  SchemaSettings,
} from "./definition-types";

/** What TypeScript shows as the expected type of a setting the attribute does not have. */
export interface UnknownSetting<K extends string> {
  readonly "unknown attribute setting": K;
}

/** What TypeScript shows as the expected type of an index setting that does not exist. */
export interface UnknownIndexSetting<K extends string> {
  readonly "unknown index setting": K;
}

/** What TypeScript shows as the expected type of a schema setting that does not exist. */
export interface UnknownSchemaSetting<K extends string> {
  readonly "unknown schema setting": K;
}

/** What TypeScript shows as the expected type of an attribute whose name has a dot (SPEC §2). */
export interface DottedAttributeName<K extends string> {
  readonly "attribute names must not contain dots": K;
}

/** What TypeScript shows as the expected type of a type name no type has (`"strng"`). */
export interface UnknownTypeName<T extends string> {
  readonly "unknown type name (String, Number, Boolean, Buffer, Date, Object, Array, Set)": T;
}

/** What TypeScript shows as the expected type of a Date `storage` setting no storage has (`"weeks"`). */
export interface UnknownDateStorage<T extends string> {
  readonly 'a Date\'s storage is "milliseconds", "seconds" or "iso"': T;
}

/** What TypeScript shows as the expected type of an Array or Set `schema` listing several elements. */
export interface SeveralElementTypes {
  readonly "an Array or Set schema lists exactly one element: [elementType]": true;
}

/** What TypeScript shows as the expected type of a second `hashKey: true` (or `rangeKey: true`). */
export interface SeveralKeys<K extends "hashKey" | "rangeKey"> {
  readonly "only one attribute may have this setting": K;
}

/** What TypeScript shows as the expected type of `rangeKey: true` beside `hashKey: true`. */
export interface HashAndRangeKey {
  readonly "an attribute cannot be both the hash key and the range key": true;
}

/** Intersected with a definition parameter: `unknown` when it has no mistake, else the marked copy. */
export type DefinitionCheck<D> = [MistakesIn<D> | KeyMistakes<D>] extends [never]
  ? unknown
  : CheckedDefinition<D> & KeyMarks<D>;

// ---- key settings (SPEC §2's construction errors: two hash or range keys, both on one attribute) ----

type MarkedNames<D, M> = { [K in keyof D]-?: D[K] extends M ? K : never }[keyof D];
type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;
type SeveralMarked<D, Role extends "hashKey" | "rangeKey"> =
  true extends IsUnion<MarkedNames<D, { readonly [R in Role]: true }>> ? Role : never;
type BothMarked<D> = MarkedNames<D, { readonly hashKey: true; readonly rangeKey: true }>;
type KeyMistakes<D> = SeveralMarked<D, "hashKey"> | SeveralMarked<D, "rangeKey"> | BothMarked<D>;

/** Marks each key setting that is a mistake, by the attributes that carry it. */
type KeyMarks<D> = {
  [K in MarkedNames<D, { readonly hashKey: true } | { readonly rangeKey: true }>]: KeyMarksOf<
    D[K],
    SeveralMarked<D, "hashKey"> | SeveralMarked<D, "rangeKey">
  >;
};
type KeyMarksOf<V, Several> = (V extends { readonly hashKey: true }
  ? "hashKey" extends Several
    ? { readonly hashKey: SeveralKeys<"hashKey"> }
    : unknown
  : unknown) &
  (V extends { readonly rangeKey: true }
    ? V extends { readonly hashKey: true }
      ? { readonly rangeKey: HashAndRangeKey }
      : "rangeKey" extends Several
        ? { readonly rangeKey: SeveralKeys<"rangeKey"> }
        : unknown
    : unknown);

/** Intersected with a settings parameter: `unknown` when every setting is known, else the marked copy. */
export type SettingsCheck<S> = [Exclude<keyof S, keyof SchemaSettings>] extends [never]
  ? unknown
  : { [K in keyof S]: K extends keyof SchemaSettings ? S[K] : UnknownSchemaSetting<K & string> };

type KnownIndexSetting = keyof IndexDefinition;

/** The type names written as strings that `new Schema()` accepts, in any case. */
type KnownTypeName = "string" | "number" | "boolean" | "buffer" | "date" | "object" | "array" | "set";

/** A written type name no type has; `never` for anything else (a widened `string` cannot be judged). */
type BadTypeName<T> = T extends string
  ? string extends T
    ? never
    : Lowercase<T> extends KnownTypeName
      ? never
      : T
  : never;

/** A written Date type: the constructor or its name in any case (`"date"`, `"Date"`), alone or in a list. */
type IsDateType<T> = T extends DateConstructor
  ? true
  : T extends string
    ? Lowercase<T> extends "date"
      ? true
      : false
    : T extends readonly (infer E)[]
      ? true extends IsDateType<E>
        ? true
        : false
      : false;

/** A written Date storage (`{value: Date, settings: {storage}}`) no storage has; `never` for anything else. */
type BadDateStorage<T> = T extends {
  readonly value: infer V;
  readonly settings: { readonly storage: infer S };
}
  ? IsDateType<V> extends false
    ? never
    : S extends string
      ? string extends S
        ? never
        : S extends DateStorage
          ? never
          : S
      : S extends undefined
        ? never
        : "storage"
  : never;

/** A written type's mistakes: an unknown name or a Date storage no storage has. */
type TypeMistakes<T> = BadTypeName<T> | BadDateStorage<T>;

/** A written list type: Array or Set, by constructor or name in any case, alone or among several types. */
type IsListType<T> = T extends ArrayConstructor | SetConstructor
  ? true
  : T extends string
    ? Lowercase<T> extends "array" | "set"
      ? true
      : false
    : T extends readonly (infer E)[]
      ? true extends IsListType<E>
        ? true
        : false
      : false;

/** An Array or Set whose `schema` lists several elements (a construction error). */
type SeveralElements<V> = V extends {
  readonly schema: readonly [unknown, unknown, ...unknown[]];
  readonly type: infer T;
}
  ? IsListType<T> extends false
    ? never
    : "schema"
  : never;

// ---- finding mistakes (the cheap walk every definition gets) --------------------------------------

/** Unknown setting keys, dotted attribute names and unknown type names, as one union (never: none). */
type MistakesIn<D> = {
  [K in keyof D]-?: (K extends `${string}.${string}` ? K : never) | UnknownKeysInAttribute<D[K]>;
}[keyof D];

// `0 extends 1 & V` holds only for `any` (an explicit `model<AnyItem>(…)` meets this overload too): stop there.
type UnknownKeysInAttribute<V> = 0 extends 1 & V
  ? never
  : V extends readonly unknown[]
    ? UnknownKeysInAttribute<V[number]>
    : V extends SchemaLike
      ? never
      : V extends { readonly type: infer T }
        ? | Exclude<keyof V, keyof AttributeDefinitionObject>
          | TypeMistakes<T extends readonly unknown[] ? T[number] : T>
          | SeveralElements<V>
          | ValueMistakes<V, ScalarInputOf<T>>
          | (V extends { readonly schema: infer N } ? UnknownKeysInNested<N> : never)
          | (V extends { readonly index: infer I } ? UnknownKeysInIndexes<I> : never)
        : TypeMistakes<V>;

/** `schema` holds a nested definition (Object), an element list (Array, Set) or a Schema. */
type UnknownKeysInNested<N> = N extends SchemaLike
  ? never
  : N extends readonly unknown[]
    ? UnknownKeysInAttribute<N[number]>
    : N extends object
      ? MistakesIn<N>
      : never;

type UnknownKeysInIndexes<I> = I extends readonly (infer E)[]
  ? Exclude<keyof E, KnownIndexSetting>
  : Exclude<keyof I, KnownIndexSetting>;

// ---- the marked copy (only for a definition with a mistake) ---------------------------------------

type CheckedDefinition<D> = {
  [K in keyof D]: K extends `${string}.${string}` ? DottedAttributeName<K> : CheckedAttribute<D[K]>;
};

/** A written type as it should be: an unknown name or Date storage is marked, anything else left as it is. */
type CheckedType<T> = [BadTypeName<T>] extends [never]
  ? [BadDateStorage<T>] extends [never]
    ? T
    : { [P in keyof T]: P extends "settings" ? CheckedDateSettings<T[P]> : T[P] }
  : UnknownTypeName<T & string>;

type CheckedDateSettings<S> = {
  [P in keyof S]: P extends "storage" ? UnknownDateStorage<S[P] & string> : S[P];
};

type CheckedAttribute<V> = 0 extends 1 & V
  ? V
  : V extends readonly unknown[]
    ? { [I in keyof V]: CheckedAttribute<V[I]> }
    : V extends SchemaLike
      ? V
      : V extends { readonly type: unknown }
        ? {
            [P in keyof V]: P extends "schema"
              ? CheckedSchemaOf<V>
              : P extends "default" | "enum"
                ? CheckedValues<P, V[P], V extends { readonly type: infer T } ? ScalarInputOf<T> : unknown>
                : CheckedSetting<P, V[P]>;
          }
        : CheckedType<V>;

/** An attribute's `schema`, marked whole when an Array or Set lists several elements. */
type CheckedSchemaOf<V> = [SeveralElements<V>] extends [never]
  ? V extends { readonly schema: infer N }
    ? CheckedNested<N>
    : never
  : SeveralElementTypes;

type CheckedSetting<P, V> = P extends "type"
  ? V extends readonly unknown[]
    ? { [I in keyof V]: CheckedType<V[I]> }
    : CheckedType<V>
  : P extends "schema"
    ? CheckedNested<V>
    : P extends "index"
      ? CheckedIndexes<V>
      : P extends keyof AttributeDefinitionObject
        ? V
        : UnknownSetting<P & string>;

type CheckedNested<N> = N extends SchemaLike
  ? N
  : N extends readonly unknown[]
    ? { [I in keyof N]: CheckedAttribute<N[I]> }
    : N extends object
      ? CheckedDefinition<N>
      : N;

type CheckedIndexes<I> = I extends readonly unknown[]
  ? { [N in keyof I]: CheckedIndex<I[N]> }
  : CheckedIndex<I>;

type CheckedIndex<I> = I extends object
  ? { [P in keyof I]: P extends KnownIndexSetting ? I[P] : UnknownIndexSetting<P & string> }
  : I;
