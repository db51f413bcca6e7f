// What a reference attribute (`{type: OtherModel}`) needs of the model it points to: its key's names and
// types, how to read the key off an item or key object, and how to fetch the item for populate().
import { InvalidParameter } from "../errors";
import type { CompiledSchema, ReferencedModel } from "../schema/compiled";
import { keyValueOf, referenceKeyVariant } from "../schema/key";
import { keyAttributeNamed, keyInSharedNames } from "../schema/key-names";
import { getByKey } from "./persist";
import type { ModelRuntime } from "./runtime";

/**
 * What references to the model need. The key's types come from the first schema (table attributes add no
 * key); its names from every schema, as a key argument takes them (key-names.ts), so an item read under a
 * later schema's key alias is a reference too.
 */
export function referenceView(runtime: ModelRuntime, schemas: readonly CompiledSchema[]): ReferencedModel {
  const schema = schemas[0]!;
  const typeOf = (name: string) => {
    const variant = schema.shape.byName.get(name)!.variants[0]!;
    const reference = referenceKeyVariant(variant);
    if (reference !== undefined) return reference.type;
    if (variant.kind !== "scalar")
      throw new InvalidParameter(`Key "${name}" of ${runtime.name} must have a scalar type.`);
    return variant.type;
  };
  const keyNames = new Set<string>();
  for (const each of schemas) {
    for (const name of [each.hashKey, each.rangeKey]) {
      if (name === undefined) continue;
      for (const alias of [name, ...each.shape.byName.get(name)!.settings.aliases])
        if (keyAttributeNamed(schemas, alias) !== undefined) keyNames.add(alias);
    }
  }
  const isItem = (value: unknown): value is Record<string, unknown> => value instanceof runtime.model;
  // An item holds its key under the names of the schema it was read or written by, and may hold another
  // schema's key alias as an ordinary attribute: each schema's names are tried in turn, the first's first.
  // A key object is read as key arguments are, by every schema's names (key-names.ts).
  const keyOf = (name: string, source: Record<string, unknown>): unknown => {
    if (!isItem(source)) {
      const named = keyInSharedNames(schemas, source) as Record<string, unknown>;
      return keyValueOf(schema.shape.byName.get(name)!, named);
    }
    for (const each of schemas) {
      const value = keyValueOf(each.shape.byName.get(name)!, source);
      if (value !== undefined) return value;
    }
    return undefined;
  };
  return {
    name: runtime.name,
    hashKey: schema.hashKey,
    rangeKey: schema.rangeKey,
    keyNames,
    hashOf: (source) => keyOf(schema.hashKey, source),
    rangeOf: (source) => (schema.rangeKey === undefined ? undefined : keyOf(schema.rangeKey, source)),
    get hashType() {
      return typeOf(schema.hashKey);
    },
    get rangeType() {
      return schema.rangeKey === undefined ? undefined : typeOf(schema.rangeKey);
    },
    isItem,
    get: (key) => getByKey(runtime, key, undefined),
  };
}
