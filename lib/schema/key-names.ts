// The key of a model with several schemas, by any schema's names. The schemas share their key attributes
// (model() checks it) but each may give them its own aliases: `get({docId})`, `update({docId, …})` and
// the rest take a key by any of them. The first schema's reading of a name wins; beyond it, a name that
// one schema uses for a key alias and another for an ordinary attribute stays with the attribute, so a
// value is never taken for a key and dropped.
import { InvalidParameter } from "../errors";
import type { CompiledSchema } from "./compiled";

const keyNamesBySchema = new WeakMap<CompiledSchema, ReadonlyMap<string, string>>();

/** The real key attribute each key name and alias of a schema stands for (worked out once per schema). */
function keyNamesOf(schema: CompiledSchema): ReadonlyMap<string, string> {
  let names = keyNamesBySchema.get(schema);
  if (names === undefined) {
    const found = new Map<string, string>();
    for (const name of [schema.hashKey, schema.rangeKey]) {
      if (name === undefined) continue;
      found.set(name, name);
      for (const alias of schema.shape.byName.get(name)!.settings.aliases) found.set(alias, name);
    }
    keyNamesBySchema.set(schema, (names = found));
  }
  return names;
}

/** Does a schema hold `name` as an attribute that is not a key (by its name or an alias)? */
function isOtherAttribute(schema: CompiledSchema, name: string): boolean {
  const attribute = schema.shape.byInputName.get(name);
  return attribute !== undefined && attribute.name !== schema.hashKey && attribute.name !== schema.rangeKey;
}

/**
 * The real key attribute `name` stands for, or undefined. The first schema's reading wins (its own key
 * names and aliases, as before a model had several schemas); otherwise a later schema's key alias counts
 * unless some schema holds the name as an ordinary attribute.
 *
 * @example
 * ```ts
 * keyAttributeNamed([a, b], "docId"); // "id" when b aliases its hash key `id` as `docId`
 * ```
 */
export function keyAttributeNamed(schemas: readonly CompiledSchema[], name: string): string | undefined {
  const first = keyNamesOf(schemas[0]!).get(name);
  if (first !== undefined || schemas.length < 2) return first;
  let real: string | undefined;
  for (const schema of schemas) {
    if (isOtherAttribute(schema, name)) return undefined;
    real ??= keyNamesOf(schema).get(name);
  }
  return real;
}

/**
 * A key object with another schema's key aliases replaced by the real key names, which every schema takes;
 * anything else (one schema, a bare value, an unknown name) as it is, for the key conversion to accept or
 * refuse.
 *
 * @throws InvalidParameter when the key names one key attribute twice (by name and alias, or two aliases),
 * as the key conversion refuses it for one schema.
 *
 * @example
 * ```ts
 * keyInSharedNames([a, b], { docId: "d1" }); // { id: "d1" } when b aliases `id` as `docId`
 * ```
 */
export function keyInSharedNames(schemas: readonly CompiledSchema[], key: unknown): unknown {
  // A plain key object, or an item holding the key (`Model.delete` makes one of what it is given).
  if (schemas.length < 2 || typeof key !== "object" || key === null || Array.isArray(key)) return key;
  const given = key as Record<string, unknown>;
  let renamed: Record<string, unknown> | undefined;
  const namedBy = new Map<string, string>();
  for (const name of Object.keys(given)) {
    if (given[name] === undefined) continue;
    const real = keyAttributeNamed(schemas, name);
    if (real === undefined) continue;
    const earlier = namedBy.get(real);
    if (earlier !== undefined) {
      // Worded as the key conversion words it for one schema.
      const alias = earlier === real ? name : name === real ? earlier : undefined;
      throw new InvalidParameter(
        alias === undefined
          ? `The key names attribute "${real}" twice ("${earlier}" and "${name}").`
          : `Cannot map attribute "${real}" to "${alias}" because both are defined.`,
      );
    }
    namedBy.set(real, name);
    if (name === real || keyNamesOf(schemas[0]!).has(name)) continue;
    renamed ??= { ...given };
    renamed[real] = renamed[name];
    delete renamed[name];
  }
  return renamed ?? key;
}

/**
 * The key as the caller gave it: the key attributes under the names used (by any schema's aliases), for
 * reports such as a cancelled transaction's reasons.
 */
export function keyNamesAsGiven(
  schemas: readonly CompiledSchema[],
  key: Record<string, unknown>,
): Record<string, unknown> {
  const given: Record<string, unknown> = {};
  for (const name of Object.keys(key)) {
    if (key[name] !== undefined && keyAttributeNamed(schemas, name) !== undefined) given[name] = key[name];
  }
  return given;
}
