// `item.delete()`. A stored item is deleted by the key it is stored under: its key attributes hold
// what `set` made of them when it was written, and converting them as a key again would run `set` a
// second time and delete another key (`"p#1"` becomes `"p#p#1"`: nothing deleted, nothing reported).
// Key attributes of an item never stored, or changed since, are converted as `save()` would store them.
// Only the key is looked at: other attributes may hold anything (stored data that no longer fits the
// schema must stay deletable).
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { DeleteSettings } from "../operations/delete";
import type { CompiledAttribute } from "../schema/compiled";
import { keyToDynamo } from "../schema/key";
import { isThenable } from "../schema/normalize";
import { sameValue } from "../schema/same-value";
import { nameHeld } from "./item-paths";
import { deleteByStoredKey } from "./persist";
import type { ModelRuntime } from "./runtime";
import { hasStoredImage, storedImageOf } from "./stored-images";
import { untracked } from "./tracked-items";

export async function deleteItem(
  runtime: ModelRuntime,
  item: object,
  settings: DeleteSettings | undefined,
): Promise<unknown> {
  const schema = runtime.compiled[0]!;
  const keyNames = schema.rangeKey === undefined ? [schema.hashKey] : [schema.hashKey, schema.rangeKey];
  const stored: Record<string, AttributeValue> = {};
  if (hasStoredImage(item)) {
    const image = storedImageOf(item)!;
    const data = untracked(item) as Record<string, unknown>;
    for (const name of keyNames) {
      const value = image[name]; // absent when read with a projection that left it out
      const attribute = schema.shape.byName.get(name)!;
      if (value !== undefined && holdsStored(attribute, data[nameHeld(attribute, data)], value)) {
        stored[name] = value;
      }
    }
  }
  const key = keyNames.every((name) => stored[name] !== undefined)
    ? stored
    : { ...(await keyToDynamo(schema, item)), ...stored };
  return deleteByStoredKey(runtime, key, settings);
}

/** Does the item still hold the stored key value, as a read shows it (`get(stored)` with a `get`)? */
function holdsStored(attribute: CompiledAttribute, held: unknown, stored: AttributeValue): boolean {
  const variant = attribute.variants[0]!;
  const read =
    variant.kind === "scalar"
      ? variant.type.fromDynamo(stored)
      : variant.kind === "combine"
        ? stored.S
        : undefined;
  if (read === undefined) return false;
  const shown = attribute.settings.get === undefined ? read : attribute.settings.get(read);
  if (isThenable(shown)) {
    Promise.resolve(shown).catch(() => undefined);
    return false; // unknown without waiting: convert the held value instead
  }
  // As for save(): with a `get`, only `get(stored)` is the stored value; its stored form would be a new value.
  return sameValue(held, shown);
}
