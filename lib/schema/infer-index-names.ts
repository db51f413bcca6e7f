// Type-level inference of the index names a schema definition declares (as compile.ts and indexes.ts name
// them at run time). Nothing here exists at runtime.

// An empty or null `name` is no name, as at run time (and in Dynamoose): the default one is given.
type IndexName<K extends string, I> = I extends true
  ? `${K}GlobalIndex`
  : I extends { readonly name: infer N extends string }
    ? N extends ""
      ? DefaultIndexName<K, I>
      : N
    : DefaultIndexName<K, I>;

type DefaultIndexName<K extends string, I> = I extends { readonly type: "local" }
  ? `${K}LocalIndex`
  : I extends object
    ? `${K}GlobalIndex`
    : never;

/** A flattened object's stored-name prefix: `prefix`, else the attribute's name and "_". */
type FlattenPrefix<K extends string, V> = V extends { readonly prefix: infer P extends string } ? P : `${K}_`;

// Expanded through `infer` below so editors show the names, not the alias. Indexes on a flattened object's
// sub-attributes are on their stored names (`addr_city`), which default index names are made from.
type IndexNamesOf<D, Prefix extends string = ""> = {
  [K in keyof D & string]-?: D[K] extends { readonly index: infer I }
    ? IndexName<`${Prefix}${K}`, I extends readonly (infer E)[] ? E : I>
    : D[K] extends { readonly storage: "flatten"; readonly schema: infer Sch }
      ? IndexNamesOf<Sch, FlattenPrefix<K, D[K]>>
      : never;
}[keyof D & string];

/**
 * Names of the indexes a definition declares: `index: true` on `x` → `"xGlobalIndex"`, a `name`
 * as given, `{type: "local"}` without one → `"xLocalIndex"`.
 *
 * @example
 * ```ts
 * const definition = { id: String, email: { type: String, index: { name: "byEmail" } } } as const;
 * type Index = IndexNames<typeof definition>; // "byEmail"
 * ```
 */
export type IndexNames<D> = string extends keyof D
  ? string
  : IndexNamesOf<D> & string extends infer N extends string
    ? N
    : never;
