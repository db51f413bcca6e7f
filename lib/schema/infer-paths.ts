// Type-level inference, continued: document paths and update objects, built on the attribute
// classification in infer.ts (index names: infer-index-names.ts). Nothing here exists at runtime.
import type { SchemaLike } from "./definition-types";
import type {
  AnyName,
  ElementOf,
  InputShape,
  MaxPathDepth,
  Prev,
  RequiredOnWrite,
  SchemaOf,
  Timestamps,
  TypedSchemaLike,
  VersionName,
} from "./infer";
import type { AnyMarker, UNDEFINED } from "./type-markers";

// ---- paths --------------------------------------------------------------------------------------

/** What a path may continue into: `{o: definition}`, `{l: element}`, `{any: true}` or never. */
type Container<V> = V extends AnyMarker
  ? { anyValue: true }
  : V extends TypedSchemaLike<infer D>
    ? { o: D }
    : V extends { readonly storage: "json" }
      ? never // one JSON string: DynamoDB has no path into it
      : V extends { readonly type: infer T }
        ? ContainerOfType<T extends readonly unknown[] ? T[number] : T, SchemaOf<V>>
        : V extends ObjectConstructor | ArrayConstructor
          ? ContainerOfType<V, undefined>
          : never;

type ContainerOfType<T, Sch> = T extends AnyMarker
  ? { anyValue: true }
  : T extends ObjectConstructor
    ? ObjectContainer<Sch>
    : T extends ArrayConstructor
      ? { l: ElementOf<Sch> }
      : T extends TypedSchemaLike<infer D>
        ? { o: D }
        : T extends string
          ? Lowercase<T> extends "object"
            ? ObjectContainer<Sch>
            : Lowercase<T> extends "array"
              ? { l: ElementOf<Sch> }
              : never
          : never;

type ObjectContainer<Sch> =
  Sch extends TypedSchemaLike<infer D>
    ? { o: D }
    : Sch extends readonly unknown[] | SchemaLike
      ? { any: true }
      : Sch extends object
        ? { o: Sch }
        : { any: true };

type Suffix<C, Depth extends number> = [Depth] extends [never]
  ? never
  : C extends { o: infer D }
    ? `.${Paths<D, Depth>}`
    : C extends { l: infer E }
      ? `[${number}]` | `[${number}]${Suffix<Container<E>, Prev[Depth]>}`
      : C extends { any: true }
        ? `.${string}`
        : C extends { anyValue: true }
          ? `.${string}` | `[${number}]` | `[${number}].${string}` | `[${number}][${string}`
          : never;

type Paths<D, Depth extends number> = {
  [K in keyof D & string]-?: AnyName<K, D[K]> extends infer N extends string
    ? N | `${N}${Suffix<Container<D[K]>, Prev[Depth]>}`
    : never;
}[keyof D & string];

/**
 * The names of the required attributes without a default, by every name: an update may not remove them.
 * (Required members inside maps are refused at run time; naming their paths here would multiply the work
 * of checking every update object by the number of paths.)
 */
type RequiredNames<D> = string extends keyof D
  ? never // a definition the types do not know (\`Schema\` without inference): nothing is told apart
  : { [K in keyof D & string]-?: RequiredOnWrite<D[K]> extends true ? AnyName<K, D[K]> : never }[keyof D &
      string];

type SettingNames<S> =
  | VersionName<S>
  | keyof Timestamps<S, "out">
  | (S extends { readonly saveUnknown: true | readonly unknown[] } ? string & {} : never);

/**
 * Document paths usable in `where()`, `filter()`, `attributes()` and `$REMOVE`: attribute names and
 * aliases, nested object paths joined by dots and list elements as `[n]`, up to 5 levels deep.
 *
 * @example
 * ```ts
 * const definition = { id: String, address: { type: Object, schema: { city: String } } } as const;
 * type Path = AttributePath<typeof definition>; // "id" | "address" | "address.city"
 * ```
 */
export type AttributePath<D, S = object> = (Paths<D, MaxPathDepth> | SettingNames<S>) &
  string extends infer P extends string
  ? P
  : never;

// ---- update objects -----------------------------------------------------------------------------

// Non-distributive on purpose: a `string | number` attribute is not a counter.
type Addable<V> = [V] extends [number]
  ? number
  : [V] extends [Set<infer E>]
    ? E | E[] | Set<E>
    : [V] extends [(infer E)[]]
      ? E | E[]
      : never;
type Deletable<V> = [V] extends [Set<infer E>] ? E | E[] | Set<E> : never;

/** Attributes of the item whose values `Op` accepts, with what it accepts (an item class's properties). */
export type OperandShape<I, Op extends "add" | "delete"> = unknown & {
  [K in keyof I as [Operand<NonNullable<I[K]>, Op>] extends [never] ? never : K]?: Operand<
    NonNullable<I[K]>,
    Op
  >;
};
type Operand<V, Op> = [V] extends [never] ? never : Op extends "add" ? Addable<V> : Deletable<V>;

// The same on input types, where a Set attribute takes `ReadonlySet<E> | readonly E[]` and a list
// `readonly E[]`: a set is told apart by its Set member, and its elements are what `$ADD`/`$DELETE` take
// (readonly or not: nothing is changed in place).
type SetElement<V> = V extends ReadonlySet<infer E> ? E : never;
type SetOperand<E> = [E] extends [never] ? never : E | readonly E[] | ReadonlySet<E>;
type InputOperand<V, Op> = [V] extends [never]
  ? never
  : IsAnyValue<V> extends true
    ? unknown
    : Op extends "delete"
      ? SetOperand<SetElement<V>>
      : [V] extends [number]
        ? number
        : [V] extends [Date | number] // a Date stored as a number (its input takes one) moves by a number
          ? number extends V
            ? number
            : never
          : [SetElement<V>] extends [never]
            ? [V] extends [readonly (infer E)[]]
              ? E | readonly E[]
              : never
            : SetOperand<SetElement<V>>;

/**
 * Whether `V` (an input type without null and undefined) is exactly `NonNullable<unknown>` (`{}`): the
 * input of `type.ANY` and of content in a map or list without a schema. An identity test: a union such as
 * `string | {z?: number}` has no common keys and takes `{}` too, but is not one. Its operand is `unknown`,
 * checked by the runtime (a number, a BigInt, a Set or a list to `$ADD`): a union of those made the
 * compiler's work on update objects explode.
 */
type IsAnyValue<V> =
  (<T>() => T extends V ? 1 : 2) extends <T>() => T extends NonNullable<unknown> ? 1 : 2 ? true : false;

/**
 * What `$ADD` or `$DELETE` takes: every name of an attribute (real name or alias) and every document path
 * whose value the operation accepts, keys left out.
 */
type OperandsOf<D, S, Op extends "add" | "delete"> =
  IsSavingUnknown<S> extends true
    ? OperandShapeOf<D, Declared<S>, Op> & UnknownAttributes
    : NothingIfEmpty<OperandShapeOf<D, S, Op>>;

// With `saveUnknown` the input type has an index signature, which would turn every mapped key below into
// `string` and switch the declared attributes' checks off: update shapes are built from the declared
// attributes, and attributes the schema does not declare are allowed beside them. `saveUnknown: true` still
// reaches the values (`{meta: {b: 1}}`): `"below"` keeps unknown keys in them, not at the top (infer.ts).
type IsSavingUnknown<S> = S extends { readonly saveUnknown: true | readonly unknown[] } ? true : false;
type Declared<S> = Omit<S, "saveUnknown"> &
  (S extends { readonly saveUnknown: true } ? { readonly saveUnknown: "below" } : unknown);
type UnknownAttributes = { [path: string]: unknown };
/**
 * No attribute takes the operation (`$DELETE` in a schema without a Set): an object of `never` values, since
 * an empty object type `{}` would accept any object literal, misspelt names and all.
 */
type NothingIfEmpty<T> = [keyof T] extends [never] ? { readonly [name: string]: never } : T;
type OperandShapeOf<D, S, Op extends "add" | "delete"> = {
  [
    K in Exclude<Updatable<D, keyof InputShape<D, S>>, VersionName<S>> as [
      InputOperand<NonNullable<InputShape<D, S>[K]>, Op>,
    ] extends [never]
      ? never
      : K
  ]?: InputOperand<NonNullable<InputShape<D, S>[K]>, Op>;
} & {
  [
    P in NestedPaths<D, S> as [InputOperand<NonNullable<ValueAt<InputShape<D, S>, P>>, Op>] extends [never]
      ? never
      : P
  ]?: InputOperand<NonNullable<ValueAt<InputShape<D, S>, P>>, Op>;
};

/**
 * Every name (real name and aliases) of the attributes marked `hashKey` or `rangeKey`: an update may not
 * change a key (SPEC §3), so update objects leave them out. An unmarked hash key (the first attribute)
 * cannot be told apart in types and stays in.
 */
type KeyNames<D> = {
  [K in keyof D]-?: D[K] extends { readonly hashKey: true } | { readonly rangeKey: true }
    ? AnyName<K, D[K]>
    : never;
}[keyof D];
type Updatable<D, K> = Exclude<K, KeyNames<D>>;
/** The document paths into attributes (`address.city`, `tags[0]`); the attributes themselves are not. */
type NestedPaths<D, S> = Extract<AttributePath<D, S>, `${string}.${string}` | `${string}[${string}`>;

/** A `$SET` value: the attribute's input, `type.UNDEFINED`, or `{$IF_NOT_EXISTS}` / `{$LIST_PREPEND}`. */
export type SetValue<V> =
  | V
  | typeof UNDEFINED
  | { $IF_NOT_EXISTS: V }
  | ([NonNullable<V>] extends [readonly (infer E)[]] ? { $LIST_PREPEND: E | readonly E[] } : never);

/** A member of an object type by name; `unknown` where the type does not say (a map of any content). */
type Member<T, K extends string> = T extends object ? (K extends keyof T ? T[K] : unknown) : unknown;
/** The element type of a list (or set) type. */
type Element<T> = T extends readonly (infer E)[] ? E : T extends ReadonlySet<infer E> ? E : unknown;
type Indexed<T, More extends string> = More extends `[${string}]${infer Rest}`
  ? Indexed<Element<NonNullable<T>>, Rest>
  : Element<NonNullable<T>>;
type SegmentValue<T, Segment extends string> = Segment extends `${infer Name}[${string}]${infer More}`
  ? Indexed<Member<NonNullable<T>, Name>, More>
  : Member<NonNullable<T>, Segment>;
/** The input type at a document path (`address.city`, `tags[0]`); `unknown` where the schema does not say. */
type ValueAt<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? ValueAt<SegmentValue<T, Head>, Rest>
  : SegmentValue<T, P>;

/**
 * The attributes, and (where the schema has nested attributes) their document paths. Each part is left
 * out when it has no members: an empty `{}` in the intersection would switch off TypeScript's
 * check that an all-optional object type is not given a primitive (`update(key, 0)` would compile).
 */
type SetShape<D, S> =
  IsSavingUnknown<S> extends true
    ? DeclaredSetShape<D, Declared<S>> & UnknownAttributes
    : DeclaredSetShape<D, S>;
type DeclaredSetShape<D, S> = OptionalSetShape<
  D,
  S,
  Exclude<Updatable<D, keyof InputShape<D, S>>, RequiredNames<D>>
> &
  RequiredSetShape<D, S, Extract<Updatable<D, keyof InputShape<D, S>>, RequiredNames<D>>> &
  NestedSetShape<D, S, NestedPaths<D, S>>;
type OptionalSetShape<D, S, Names> = [Names] extends [never]
  ? unknown
  : { [K in Names & keyof InputShape<D, S>]?: SetValue<InputShape<D, S>[K]> };
/** A required attribute takes no `type.UNDEFINED`: that would remove it (refused at run time too). */
type RequiredSetShape<D, S, Names> = [Names] extends [never]
  ? unknown
  : { [K in Names & keyof InputShape<D, S>]?: Exclude<SetValue<InputShape<D, S>[K]>, typeof UNDEFINED> };
type NestedSetShape<D, S, Nested extends string> = [Nested] extends [never]
  ? unknown
  : { [P in Nested]?: SetValue<ValueAt<InputShape<D, S>, P>> };

/**
 * The update object of `Model.update(key, update)`: attribute values (or `type.UNDEFINED` to remove),
 * plus `$SET`, `$ADD` (numbers, sets, lists), `$REMOVE` (paths) and `$DELETE` (set elements). Attributes
 * go by their real name or an alias, nested ones by document path; key attributes are left out.
 *
 * @example
 * ```ts
 * const definition = { id: String, name: String, age: Number, nickname: String } as const;
 * const update: UpdateOf<typeof definition> = { name: "Bob", $ADD: { age: 1 }, $REMOVE: ["nickname"] };
 * ```
 */
export type UpdateOf<D, S = object> = SetShape<D, S> & {
  $SET?: SetShape<D, S>;
  $ADD?: OperandsOf<D, S, "add">;
  $REMOVE?: RemoveShape<RemovablePath<D, S>>;
  $DELETE?: OperandsOf<D, S, "delete">;
};
/**
 * `$REMOVE`'s paths, as a list or an object. With nothing removable (every attribute a key or required)
 * it takes nothing: the object form over no paths would be `{}`, which takes anything.
 */
type RemoveShape<P extends string> = [P] extends [never]
  ? never
  : P | readonly P[] | { [Path in P]?: null | typeof UNDEFINED };
// The version attribute (optimistic locking) moves only by the library: `$ADD` or `$REMOVE` of it is refused;
// a required attribute cannot be removed either.
type RemovablePath<D, S> = Exclude<Updatable<D, AttributePath<D, S>>, VersionName<S> | RequiredNames<D>>;
