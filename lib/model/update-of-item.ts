// The update object of a model typed Dynamoose-style (`model<Cat>("Cat", schema)` with `class Cat extends
// Item`): checked against the class's data properties, as Dynamoose checks it (`UpdatePartial<Cat>`), so a
// misspelt attribute is a compile error instead of an update the schema silently drops. Document paths
// below an attribute (`"address.city"`, `"tags[0]"`) are dynamodel's own and are accepted as they are.
import type { OperandShape, SetValue } from "../schema/infer-paths";
import type { Item } from "./item";

/** The data properties of an item class: not Item's own members, not methods. */
type DataKeys<T> = {
  [K in keyof T]-?: K extends keyof Item ? never : T[K] extends (...args: never[]) => unknown ? never : K;
}[keyof T] &
  string;
type Data<T> = { [K in DataKeys<T>]?: T[K] };
/** A document path below an attribute, which the class's properties cannot name. */
type NestedPath = `${string}.${string}` | `${string}[${string}`;
type NestedPaths = { [P in NestedPath]?: unknown };
type SetShapeOf<T> = { [K in DataKeys<T>]?: SetValue<T[K]> } & NestedPaths;

/**
 * What `Model.update` takes for `model<T>()`: T's data properties (and nested paths) as plain values or
 * under `$SET`, `$ADD`, `$REMOVE` and `$DELETE`.
 *
 * @example
 * ```ts
 * class Cat extends Item { id!: number; name!: string; lives!: number }
 * const update: UpdateOfItem<Cat> = { name: "Tom", $ADD: { lives: -1 } };
 * ```
 */
export type UpdateOfItem<T> = SetShapeOf<T> & {
  $SET?: SetShapeOf<T>;
  $ADD?: OperandShape<Data<T>, "add"> & NestedPaths;
  $REMOVE?:
    | DataKeys<T>
    | NestedPath
    | readonly (DataKeys<T> | NestedPath)[]
    | ({ [K in DataKeys<T>]?: null } & { [P in NestedPath]?: null });
  $DELETE?: OperandShape<Data<T>, "delete"> & NestedPaths;
};
