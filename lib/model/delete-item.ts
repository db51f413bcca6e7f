// `item.delete()`. A stored item is deleted by the key it is stored under: its key attributes hold
// what `set` made of them when it was written, and converting them as a key again would run `set` a
// second time and delete another key (`"p#1"` becomes `"p#p#1"`: nothing deleted, nothing reported).
// Key attributes of an item never stored, or changed since, are converted as `save()` would store them.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { DeleteSettings } from "../operations/delete";
import { keyToDynamo } from "../schema/key";
import { storedChangesOf } from "./item-paths";
import { deleteByStoredKey } from "./persist";
import type { ModelRuntime } from "./runtime";
import { hasStoredImage, storedImageOf } from "./stored-images";

export async function deleteItem(
  runtime: ModelRuntime,
  item: object,
  settings: DeleteSettings | undefined,
): Promise<unknown> {
  const schema = runtime.compiled[0]!;
  const keyNames = schema.rangeKey === undefined ? [schema.hashKey] : [schema.hashKey, schema.rangeKey];
  const stored = unchangedStoredKeyParts(item, keyNames);
  const key = keyNames.every((name) => stored[name] !== undefined)
    ? stored
    : { ...(await keyToDynamo(schema, item)), ...stored };
  return deleteByStoredKey(runtime, key, settings);
}

/** The key attributes the item holds as stored (unchanged since its last read or save), as stored. */
function unchangedStoredKeyParts(item: object, keyNames: string[]): Record<string, AttributeValue> {
  const parts: Record<string, AttributeValue> = {};
  if (!hasStoredImage(item)) return parts;
  const changed = new Set(storedChangesOf(item).paths.map((path) => String(path[0])));
  const image = storedImageOf(item)!;
  for (const name of keyNames) {
    const value = image[name]; // absent when read with a projection that left it out
    if (value !== undefined && !changed.has(name)) parts[name] = value;
  }
  return parts;
}
