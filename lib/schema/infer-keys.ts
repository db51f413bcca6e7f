// Type-level key types (SPEC §10): the key argument of get, delete, update… inferred from the attributes
// marked hashKey/rangeKey, with their aliases. Part of infer.ts's inference; nothing here exists at runtime.
import type { ObjectType } from "../dynamoose-names";
import type { AnyName, AttrValue, Flatten } from "./infer";

type NameMarked<D, Mark> = { [K in keyof D]-?: D[K] extends Mark ? K : never }[keyof D];
/** One key attribute, named by its real name or any alias: `{id: v} | {userId: v}`. */
type NamedKeyPart<D, K extends keyof D> = {
  [P in AnyName<K, D[K]> & string]: { -readonly [Q in P]: AttrValue<D[K], "in"> };
}[AnyName<K, D[K]> & string];
type KeyShape<D, H extends keyof D, R extends keyof D = never> = [R] extends [never]
  ? NamedKeyPart<D, H>
  : Flatten<NamedKeyPart<D, H> & NamedKeyPart<D, R>>;
type LooseKey<D> = string | number | { -readonly [K in keyof D]?: AttrValue<D[K], "in"> };

type KeyFor<D, H extends keyof D, R extends keyof D> = [H] extends [never]
  ? LooseKey<D>
  : [R] extends [never]
    ? AttrValue<D[H], "in"> | KeyShape<D, H>
    : KeyShape<D, H, R>;

/**
 * The key argument of `get`, `delete`, `update`…: `{hash, range}` by the attributes marked
 * `hashKey`/`rangeKey`, or the bare hash value when there is no range key. Without a `hashKey` mark
 * the hash key is "the first attribute", which types cannot see, so the key type is looser.
 *
 * @example
 * ```ts
 * const definition = { id: { type: String, hashKey: true }, at: { type: Number, rangeKey: true } } as const;
 * type Key = KeyOf<typeof definition>; // { id: string; at: number }
 * ```
 */
export type KeyOf<D, S = object> = KeyOfDefinition<D & StampDefinitions<S>>;
type KeyOfDefinition<D> = KeyFor<
  D,
  NameMarked<D, { readonly hashKey: true }>,
  NameMarked<D, { readonly rangeKey: true }>
>;

/** The attribute definitions of `timestamps` mini schemas, one of which may be a key (`rangeKey: true`). */
type StampDefinitions<S> = MiniSchema<S, "createdAt"> & MiniSchema<S, "updatedAt">;
type MiniSchema<S, Kind extends string> = S extends {
  readonly timestamps: { readonly [P in Kind]: infer Spec };
}
  ? Spec extends readonly unknown[]
    ? unknown
    : Spec extends object
      ? Spec
      : unknown
  : unknown;

/**
 * A key as batch results report it (`unprocessedKeys`, batchDelete's `unprocessedItems`): key objects
 * are the caller's own, a bare hash value comes back as `{hashKey: value}`.
 *
 * @example
 * ```ts
 * type Reported = KeyObjectOf<string | { id: string }>; // { id: string }
 * ```
 */
export type KeyObjectOf<K> = unknown extends K
  ? ObjectType
  : Exclude<K, string | number | bigint | boolean | Date | Uint8Array>;

/**
 * The one-argument form, `update({...key, ...changes})`: the key's attributes with the update object (which
 * leaves key attributes out, as an update may not change them).
 *
 * @example
 * ```ts
 * type Arg = KeyAndUpdate<string | { id: string }, { name?: string }>; // { id: string } & { name?: string }
 * ```
 */
export type KeyAndUpdate<TKey, TUpdate> = KeyObjectOf<TKey> & TUpdate;
