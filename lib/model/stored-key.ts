// Where a key is expected, an item of the model that was read from (or written to) the table stands
// for the key it is stored under. Its key attributes hold what `set` made of them when it was written,
// and converting them as a key again would run `set` a second time and name another key (`"p#1"`
// becomes `"p#p#1"`): a delete would delete nothing, a get would find nothing, and neither would say so.
// Key attributes of an item never stored, or changed since, are converted as `save()` would store them.
// Only the key is looked at: other attributes may hold anything (stored data that no longer fits the
// schema must stay deletable).
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { CompiledAttribute, CompiledSchema } from "../schema/compiled";
import { keyPartToDynamo, keyToDynamo } from "../schema/key";
import { keyInSharedNames } from "../schema/key-names";
import { isThenable } from "../schema/normalize";
import { sameValue } from "../schema/same-value";
import { nameHeld } from "./item-paths";
import { ownRuntimeOf, schemaForImage, type ModelRuntime } from "./runtime";
import { hasStoredImage, storedImageOf } from "./stored-images";
import { untracked } from "./tracked-items";

type Key = Record<string, AttributeValue>;

/**
 * The key a key argument names: an item's key (see `keyOfItem`), anything else converted through the
 * primary schema (type checks and `set`). Synchronous unless an asynchronous `set` or `get` runs.
 */
export function keyOfArgument(runtime: ModelRuntime, key: unknown): Key | Promise<Key> {
  // A model's schemas may alias the key differently: a key by another schema's alias is taken too.
  return (
    keyOfItem(runtime, key) ?? keyToDynamo(runtime.compiled[0]!, keyInSharedNames(runtime.compiled, key))
  );
}

/**
 * The key an item given as a key stands for, or `undefined` when `key` is no such item: a stored item of
 * the model names its stored key; an item of another model of the same table (a read through this model
 * hands back the items of the others) names its key through its own model's schemas, which may alias the
 * shared key attributes differently.
 */
export function keyOfItem(runtime: ModelRuntime, key: unknown): Key | Promise<Key> | undefined {
  if (key instanceof runtime.model) return hasStoredImage(key) ? storedKeyOf(runtime, key) : undefined;
  const owner = otherModelOfTable(runtime, key);
  // For its own model, the item is one of its items: its stored key, or converted by its schemas.
  return owner === undefined ? undefined : keyOfArgument(owner, key);
}

/** The model `value` is an item of, when that is another model stored in the same table as `runtime`'s. */
export function otherModelOfTable(runtime: ModelRuntime, value: unknown): ModelRuntime | undefined {
  const owner = ownRuntimeOf(value);
  return owner !== undefined && owner !== runtime && owner.table === runtime.table ? owner : undefined;
}

/**
 * The schema whose names the item holds its key under (the key attributes are shared, their aliases may
 * not be): the one its stored image fits, else the first under whose names the item holds the hash key.
 */
function schemaHoldingKey(
  runtime: ModelRuntime,
  data: Record<string, unknown>,
  image: Record<string, AttributeValue>,
): CompiledSchema {
  if (runtime.compiled.length === 1) return runtime.compiled[0]!;
  const holdsHashKey = (schema: CompiledSchema): boolean =>
    data[nameHeld(schema.shape.byName.get(schema.hashKey)!, data)] !== undefined;
  const fitting = schemaForImage(runtime, image);
  return holdsHashKey(fitting) ? fitting : (runtime.compiled.find(holdsHashKey) ?? fitting);
}

/** A stored item's key: the stored parts it still holds, the others converted from what it holds. */
function storedKeyOf(runtime: ModelRuntime, item: object): Key | Promise<Key> {
  const data = untracked(item) as Record<string, unknown>;
  const image = storedImageOf(item)!;
  const schema = schemaHoldingKey(runtime, data, image);
  const keyNames = schema.rangeKey === undefined ? [schema.hashKey] : [schema.hashKey, schema.rangeKey];
  const stored: Key = {};
  const waiting: Promise<void>[] = [];
  for (const name of keyNames) {
    const value = image[name]; // absent when read with a projection that left it out
    if (value === undefined) continue;
    const attribute = schema.shape.byName.get(name)!;
    const holds = holdsStored(attribute, data[nameHeld(attribute, data)], value);
    if (isThenable(holds)) {
      waiting.push(
        Promise.resolve(holds).then((held) => {
          if (held) stored[name] = value;
        }),
      );
    } else if (holds) stored[name] = value;
  }
  const complete = (): Key | Promise<Key> => {
    const changed = keyNames.filter((name) => stored[name] === undefined);
    if (changed.length === 0) return stored;
    // Only the changed part is converted: the other holds what a read shows (after `get`), which converting
    // again could refuse or turn into another key.
    const part = changed.length === 1 ? keyPartToDynamo(schema, changed[0]!, data) : undefined;
    if (part !== undefined) {
      const name = changed[0]!;
      return isThenable(part)
        ? Promise.resolve(part).then((value) => ({ ...stored, [name]: value }))
        : { ...stored, [name]: part };
    }
    const converted = keyToDynamo(schema, item);
    return isThenable(converted)
      ? Promise.resolve(converted).then((key) => ({ ...key, ...stored }))
      : { ...converted, ...stored };
  };
  return waiting.length === 0 ? complete() : Promise.all(waiting).then(complete);
}

/**
 * Does the item still hold the stored key value, as a read shows it (`get(stored)` with a `get`)? Waits for
 * an asynchronous `get`, whose display value the item holds after its read.
 */
function holdsStored(
  attribute: CompiledAttribute,
  held: unknown,
  stored: AttributeValue,
): boolean | Promise<boolean> {
  const variant = attribute.variants[0]!;
  const read =
    variant.kind === "scalar"
      ? variant.type.fromDynamo(stored)
      : variant.kind === "combine"
        ? stored.S
        : undefined;
  if (read === undefined) return false;
  const shown = attribute.settings.get === undefined ? read : attribute.settings.get(read);
  // A rejecting `get` rejects the call, as a throwing one does: with nothing to compare with, neither the
  // stored key nor the display value held is known to be the one meant.
  if (isThenable(shown)) return Promise.resolve(shown).then((value) => sameValue(held, value));
  // As for save(): with a `get`, only `get(stored)` is the stored value; its stored form would be a new value.
  return sameValue(held, shown);
}
