/**
 * `dynamodel.type`: markers and helpers for attribute types that have no JavaScript constructor.
 *
 * @example
 * ```ts
 * new Schema({
 *   id: String,
 *   kind: dynamodel.type.CONSTANT("cat"),
 *   nothing: dynamodel.type.NULL,
 *   anything: dynamodel.type.ANY,
 *   parent: dynamodel.type.THIS,
 *   fullName: dynamodel.type.COMBINE(["first", "last"], " "),
 * });
 * ```
 */

/** DynamoDB `NULL`: the only valid value is `null`. */
export const NULL: unique symbol = Symbol("dynamodel.type.NULL");
/** Any value, stored with the generic converter. As a `schema`, keeps any nested content. */
export const ANY: unique symbol = Symbol("dynamodel.type.ANY");
/** A reference to the model being defined (stores the referenced item's key). */
export const THIS: unique symbol = Symbol("dynamodel.type.THIS");
/** As a value: store nothing and skip the default (in `update`: remove the attribute). */
export const UNDEFINED: unique symbol = Symbol("dynamodel.type.UNDEFINED");

export type NullMarker = typeof NULL;
export type AnyMarker = typeof ANY;
export type ThisMarker = typeof THIS;

/** The literal types a CONSTANT may hold. */
export type ConstantValue = string | number | boolean;

export interface ConstantType<V extends ConstantValue = ConstantValue> {
  readonly value: "Constant";
  readonly settings: { readonly value: V };
}

export interface CombineType<A extends readonly string[] = readonly string[]> {
  readonly value: "Combine";
  readonly settings: { readonly attributes: A; readonly separator?: string };
}

/** An attribute whose value must always equal `value` (stored as S, N or BOOL by its JS type). */
export function CONSTANT<const V extends ConstantValue>(value: V): ConstantType<V> {
  return { value: "Constant", settings: { value } };
}

/** A string attribute always computed as the non-missing values of `attributes` joined by `separator`. */
export function COMBINE<const A extends readonly string[]>(
  attributes: A,
  separator?: string,
): CombineType<A> {
  // Without a separator the marker holds none, as Dynamoose's does; "," is taken where it is compiled.
  return { value: "Combine", settings: separator === undefined ? { attributes } : { attributes, separator } };
}

/**
 * `dynamodel.type`: the attribute types that have no JavaScript constructor, and `UNDEFINED` for input.
 *
 * @example
 * ```ts
 * const Shape = dynamodel.model("Shape", {
 *   id: String,
 *   kind: dynamodel.type.CONSTANT("circle"),
 *   parent: dynamodel.type.THIS,
 *   label: dynamodel.type.COMBINE(["kind", "id"], "#"),
 * });
 * ```
 */
export const type = {
  /**
   * DynamoDB's `NULL` type: the only value it takes is `null`.
   *
   * @example
   * ```ts
   * new Schema({ id: String, deletedAt: dynamodel.type.NULL });
   * ```
   */
  NULL,
  /**
   * Any value, stored by its JavaScript type and read back by its DynamoDB type. As a `schema`, keeps
   * any nested content.
   *
   * @example
   * ```ts
   * new Schema({ id: String, payload: dynamodel.type.ANY });
   * ```
   */
  ANY,
  /**
   * A reference to an item of the model being defined: stores that item's key (`populate()` reads it).
   *
   * @example
   * ```ts
   * const Person = dynamodel.model("Person", { id: String, parent: dynamodel.type.THIS });
   * ```
   */
  THIS,
  /**
   * Not a type but a value: the attribute is left out and its default skipped (in `update`, removed).
   *
   * @example
   * ```ts
   * await Cat.create({ id: 1, lives: dynamodel.type.UNDEFINED }); // no `lives`, not even the default
   * ```
   */
  UNDEFINED,
  /**
   * `CONSTANT(value)`: an attribute whose value must always equal `value` (a string, number or boolean,
   * stored as S, N or BOOL).
   *
   * @example
   * ```ts
   * new Schema({ id: String, kind: dynamodel.type.CONSTANT("cat") });
   * ```
   */
  CONSTANT,
  /**
   * `COMBINE(attributes, separator = ",")`: a string attribute computed on every write from the present
   * values of `attributes`, each in its stored form, joined by `separator`.
   *
   * @example
   * ```ts
   * new Schema({
   *   id: String,
   *   first: String,
   *   last: String,
   *   fullName: dynamodel.type.COMBINE(["first", "last"], " "), // "Ada Lovelace"
   * });
   * ```
   */
  COMBINE,
} as const;
