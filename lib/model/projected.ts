// The item type of a query or scan with a projection (`attributes([...])`): type-level only.
import type { Item } from "./item";

/** The top-level attribute a document path starts with: "address.city" → "address", "tags[0]" → "tags". */
export type TopAttribute<P extends string> = P extends `${infer Head}.${string}`
  ? TopAttribute<Head>
  : P extends `${infer Head}[${string}`
    ? Head
    : P;

/**
 * An item read with a projection: only the attributes the paths `A` name (whole, for nested paths), plus
 * the item methods. A loosely typed model (its `Paths` are plain strings: several schemas, or Dynamoose's
 * `model<Cat>()`) keeps its item type, so its builders stay assignable to `Query<Cat>`, as in Dynamoose.
 * A path may name an attribute by its real name while the item holds it under its alias: the item type
 * cannot tell which property that is, so then the other properties stay, as optional.
 */
export type Projected<T, A extends string, Paths extends string = A> = string extends Paths
  ? T
  : [Exclude<TopAttribute<A>, keyof T>] extends [never]
    ? Pick<T, Extract<keyof T, TopAttribute<A>>> & Item
    : Pick<T, Extract<keyof T, TopAttribute<A>>> & Partial<Omit<T, TopAttribute<A>>> & Item;
