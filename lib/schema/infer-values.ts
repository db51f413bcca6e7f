// Type-level: the value type of one attribute definition (SPEC §10), for reads ("out") and writes ("in").
// Nothing here exists at runtime; see infer.ts for the cost rules. Nested schemas recurse through
// infer.ts's shapes.
import type { CombineType, ConstantType, AnyMarker, NullMarker, ThisMarker } from "./type-markers";
import type { ModelLike, SchemaLike } from "./definition-types";
import type { Shape, TypedSchemaLike } from "./infer";

// "out": what reads return. "in": what writes accept (Dates as numbers, Sets as arrays).
export type Mode = "out" | "in";

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

// ---- values -------------------------------------------------------------------------------------

/** The value of a `storage: "json"` attribute: any plain object or array, stored as one JSON string. */
export type JsonValue = Record<string, unknown> | unknown[];

/** The value type of one definition entry: a type, an attribute-definition object, or an array of those. */
export type AttrValue<V, M extends Mode> = V extends readonly unknown[]
  ? AttrValue<V[number], M>
  : V extends SchemaLike
    ? TypeValue<V, undefined, M>
    : V extends { readonly storage: "json" }
      ? JsonValue
      : V extends { readonly type: infer T }
        ? V extends { readonly enum: readonly (infer E)[] }
          ? E
          : TypeValue<T extends readonly unknown[] ? T[number] : T, SchemaOf<V>, M>
        : TypeValue<V, undefined, M>;

export type SchemaOf<V> = V extends { readonly schema: infer Sch } ? Sch : undefined;

export type DateValue<M extends Mode, Settings> = M extends "out"
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
        ? Shape<D, NestedSettings<S>, M>
        : T extends SchemaLike
          ? Record<string, unknown>
          : T extends ModelLike
            ? T extends { readonly __reference?: { readonly key: infer K; readonly item: infer I } }
              ? ReferenceValue<K, I, M>
              : ModelReference
            : T extends { readonly value: infer X }
              ? X extends readonly unknown[]
                ? SettingsTypeValue<X[number], T, Sch, M>
                : SettingsTypeValue<X, T, Sch, M>
              : unknown;

/**
 * The value of `{value: X, settings}` (X one type, or each of the types Dynamoose's typings let `value`
 * list): a Date's storage setting decides its input forms.
 */
type SettingsTypeValue<X, T, Sch, M extends Mode> = X extends DateConstructor | DateName
  ? DateValue<M, T extends { readonly settings: infer St } ? St : undefined>
  : TypeValue<X, Sch, M>;

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

/**
 * What a Schema nested as an attribute's type (not as an Object's `schema`) brings along: its `saveUnknown`
 * (docs/schema.md). Its
 * `timestamps` and `version` are not applied (they are top-level attributes), so the types leave them out.
 */
type NestedSettings<S> = S extends { readonly saveUnknown: infer U } ? { readonly saveUnknown: U } : object;

/** `{type: Object, schema}`: a Schema given as the `schema` gives its attributes, not its `saveUnknown`. */
type ObjectValue<Sch, M extends Mode> =
  Sch extends TypedSchemaLike<infer D>
    ? Shape<D, object, M>
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
