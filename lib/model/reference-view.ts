// What a reference attribute (`{type: OtherModel}`) needs of the model it points to: its key's names and
// types, how to read the key off an item or key object, and how to fetch the item for populate().
import { InvalidParameter } from "../errors";
import type { CompiledSchema, ReferencedModel } from "../schema/compiled";
import { keyValueOf } from "../schema/key";
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
    if (variant.kind !== "scalar")
      throw new InvalidParameter(`Key "${name}" of ${runtime.name} must have a scalar type.`);
    return variant.type;
  };
  // An item holds a key attribute under the name it was given by: its real name or an alias (read as key
  // arguments read it, key.ts).
  const hash = schema.shape.byName.get(schema.hashKey)!;
  const range = schema.rangeKey === undefined ? undefined : schema.shape.byName.get(schema.rangeKey)!;
  const keyNames = new Set<string>();
  for (const each of schemas) {
    for (const name of [each.hashKey, each.rangeKey]) {
      if (name === undefined) continue;
      for (const alias of [name, ...each.shape.byName.get(name)!.settings.aliases])
        if (keyAttributeNamed(schemas, alias) !== undefined) keyNames.add(alias);
    }
  }
  const inSharedNames = (source: Record<string, unknown>) =>
    keyInSharedNames(schemas, source) as Record<string, unknown>;
  return {
    name: runtime.name,
    hashKey: schema.hashKey,
    rangeKey: schema.rangeKey,
    keyNames,
    hashOf: (source) => keyValueOf(hash, inSharedNames(source)),
    rangeOf: (source) => (range === undefined ? undefined : keyValueOf(range, inSharedNames(source))),
    get hashType() {
      return typeOf(schema.hashKey);
    },
    get rangeType() {
      return schema.rangeKey === undefined ? undefined : typeOf(schema.rangeKey);
    },
    isItem: (value): value is Record<string, unknown> => value instanceof runtime.model,
    get: (key) => getByKey(runtime, key, undefined),
  };
}
