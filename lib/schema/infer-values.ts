// Type-level: the value type of one attribute definition (SPEC §10), for reads ("out") and writes ("in").
// Nothing here exists at runtime; see infer.ts for the cost rules. Nested schemas recurse through
// infer.ts's shapes.
import type { CombineType, ConstantType, AnyMarker, NullMarker, ThisMarker } from "./type-markers";
import type { BufferClass, BufferValue, ModelLike, SchemaLike } from "./definition-types";
import type { KeptUnknown, Shape, TypedSchemaLike, UnknownInputKeys } from "./infer";

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

/**
 * The value of a `storage: "json"` attribute: any plain object or array, stored as one JSON string. Written,
 * the object may be typed by an interface (see `FreeObject`).
 */
export type JsonValue<M extends Mode> = FreeObject<M> | unknown[];

/**
 * The value type of one definition entry: a type, an attribute-definition object, or an array of those.
 * `U` is what `saveUnknown` keeps here and below (see `KeptUnknown`), threaded through this one
 * walk of the definition rather than added by a second walk over the finished item type.
 */
export type AttrValue<V, M extends Mode, U extends KeptUnknown = false> = V extends readonly unknown[]
  ? AttrValue<V[number], M, U>
  : V extends SchemaLike
    ? TypeValue<V, undefined, M, U>
    : V extends { readonly storage: "json" }
      ? JsonValue<M>
      : V extends { readonly type: infer T }
        ? V extends { readonly enum: readonly (infer E)[] }
          ? E
          : TypeValue<T extends readonly unknown[] ? T[number] : T, SchemaOf<V>, M, FlattenedKeeps<V, U>>
        : TypeValue<V, undefined, M, U>;

// A flattened object stores no unknown keys of its own (each sub-attribute is a top-level attribute), but
// `saveUnknown` still reaches into the maps and lists among its sub-attributes.
type FlattenedKeeps<V, U extends KeptUnknown> = [U] extends [true]
  ? V extends { readonly storage: "flatten" }
    ? "below"
    : true
  : U;

export type SchemaOf<V> = V extends { readonly schema: infer Sch }
  ? [Sch] extends [null] // `schema: null` is not set, as at run time
    ? undefined
    : Sch
  : undefined;

/** A Buffer attribute's value: read, a Buffer; written, any Uint8Array (a Buffer is one), as stored alike. */
type BinaryValue<M extends Mode> = M extends "out" ? BufferValue : BufferValue | Uint8Array;

export type DateValue<M extends Mode, Settings> = M extends "out"
  ? Date
  : Settings extends { readonly storage: "iso" }
    ? Date | number | string
    : Date | number;

/** The value of one type (distributes over a union of types). `Sch` is the attribute's `schema`. */
type TypeValue<T, Sch, M extends Mode, U extends KeptUnknown> = T extends StringConstructor
  ? string
  : T extends NumberConstructor
    ? number
    : T extends BooleanConstructor
      ? boolean
      : T extends DateConstructor
        ? DateValue<M, undefined>
        : T extends BufferClass
          ? BinaryValue<M>
          : T extends ObjectConstructor
            ? ObjectValue<Sch, M, U>
            : T extends ArrayConstructor
              ? ArrayValue<Sch, M, U>
              : T extends SetConstructor
                ? SetValue<Sch, M>
                : T extends string
                  ? NamedValue<Lowercase<T>, Sch, M, U>
                  : T extends symbol
                    ? MarkerValue<T>
                    : ObjectTypeValue<T, Sch, M, U>;

type MarkerValue<T> = T extends NullMarker
  ? null
  : T extends AnyMarker
    ? unknown
    : T extends ThisMarker
      ? ModelReference
      : unknown;

type ObjectTypeValue<T, Sch, M extends Mode, U extends KeptUnknown> =
  T extends ConstantType<infer C>
    ? C
    : T extends CombineType
      ? string
      : T extends TypedSchemaLike<infer D, infer S>
        ? Shape<D, [U] extends ["list"] ? object : NestedSettings<S>, M, U>
        : T extends SchemaLike
          ? Record<string, unknown>
          : T extends ModelLike
            ? T extends { readonly __reference?: { readonly key: infer K; readonly item: infer I } }
              ? ReferenceValue<K, I, M>
              : ModelReference
            : T extends { readonly value: infer X }
              ? X extends readonly unknown[]
                ? SettingsTypeValue<X[number], T, Sch, M, U>
                : SettingsTypeValue<X, T, Sch, M, U>
              : unknown;

/**
 * The value of `{value: X, settings}` (X one type, or each of the types Dynamoose's typings let `value`
 * list): a Date's storage setting decides its input forms.
 */
type SettingsTypeValue<X, T, Sch, M extends Mode, U extends KeptUnknown> = X extends
  DateConstructor | DateName
  ? DateValue<M, T extends { readonly settings: infer St } ? St : undefined>
  : TypeValue<X, Sch, M, U>;

/** "Date" as a type name, in any case ("date", "DATE"). */
type DateName = `${"d" | "D"}${"a" | "A"}${"t" | "T"}${"e" | "E"}`;

/** Type names given as strings, case-insensitively ("string", "Date", "NUMBER"). */
type NamedValue<L extends string, Sch, M extends Mode, U extends KeptUnknown> = L extends "string"
  ? string
  : L extends "number"
    ? number
    : L extends "boolean"
      ? boolean
      : L extends "date"
        ? DateValue<M, undefined>
        : L extends "buffer"
          ? BinaryValue<M>
          : L extends "object"
            ? ObjectValue<Sch, M, U>
            : L extends "array"
              ? ArrayValue<Sch, M, U>
              : L extends "set"
                ? SetValue<Sch, M>
                : L extends "null"
                  ? null
                  : unknown;

/**
 * What a Schema nested as an attribute's type (not as an Object's `schema`, nor under a list element) brings
 * along: its `saveUnknown` (docs/schema.md). Its
 * `timestamps` and `version` are not applied (they are top-level attributes), so the types leave them out.
 */
type NestedSettings<S> = S extends { readonly saveUnknown: infer U } ? { readonly saveUnknown: U } : object;

/**
 * A map whose content no schema declares (`Object` without a `schema`): read, a record of unknown values;
 * written, also a value typed by an interface (see `UnknownInputKeys`).
 */
type FreeObject<M extends Mode> = M extends "in" ? UnknownInputKeys : Record<string, unknown>;

/** `{type: Object, schema}`: a Schema given as the `schema` gives its attributes, not its `saveUnknown`. */
type ObjectValue<Sch, M extends Mode, U extends KeptUnknown> =
  Sch extends TypedSchemaLike<infer D>
    ? Shape<D, object, M, U>
    : Sch extends readonly unknown[] | SchemaLike
      ? FreeObject<M>
      : Sch extends object
        ? Shape<Sch, object, M, U>
        : FreeObject<M>;

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

// Under a list element a nested Schema's own `saveUnknown` is not applied (its patterns, prefixed with where
// it is nested, cannot name list indexes): `"list"` says so to the levels below.
type ArrayValue<Sch, M extends Mode, U extends KeptUnknown> = ListOf<
  AttrValue<ElementOf<Sch>, M, [U] extends [true] ? true : "list">,
  M
>;

// Written, a readonly array or ReadonlySet is as good as a mutable one: nothing is changed in place.
type ListOf<E, M extends Mode> = M extends "out" ? E[] : readonly E[];

// A Set holds strings, numbers or Buffers only: no object for `saveUnknown` to reach into.
type SetValue<Sch, M extends Mode> = Sch extends undefined
  ? SetOf<string | number | BufferValue, M>
  : SetOf<AttrValue<ElementOf<Sch>, M>, M>;

type SetOf<E, M extends Mode> = M extends "out" ? Set<E> : ReadonlySet<E> | readonly E[];
