// Runs `Model.update`: options checked → key split (one-argument form) → input built → `return:
// "request"` exits → send → the returned attributes through the read pipeline.
import type { UpdateItemCommandOutput } from "@aws-sdk/client-dynamodb";
import { withStoredItem } from "../model/conflict";
import { itemFromImage, sendForModel } from "../model/persist";
import type { ModelRuntime } from "../model/runtime";
import { schemaForUpdate } from "../model/update-schema";
import { valuesSettled } from "../pending-values";
import { checkOptions, wantsRequest } from "./options";
import { buildUpdateInput, splitKeyAndUpdate, type UpdateSettings } from "./update";
import { keyInSharedNames } from "../schema/key-names";

/**
 * `update(key, update, settings)`, or `update({...key, ...changes})` when `update` is undefined.
 * Resolves with the item DynamoDB returned (`returnValues`, default ALL_NEW), or `undefined` for none.
 */
export async function updateByKey(
  runtime: ModelRuntime,
  keyOrObject: unknown,
  update: unknown,
  rawSettings: UpdateSettings | undefined,
): Promise<unknown> {
  const settings = checkOptions(rawSettings, ["condition", "returnValues", "return"], "update");
  // Every schema of a model shares its key: the first one splits key from changes; the changes are planned
  // with the schema that declares their attributes (Dynamoose always used the first, dropping the rest).
  const [key, changes] =
    update === undefined ? splitKeyAndUpdate(runtime.compiled, keyOrObject) : [keyOrObject, update];
  const schema = schemaForUpdate(runtime, changes);
  const shared = keyInSharedNames(runtime.compiled, key);
  const input = await buildUpdateInput(schema, runtime.table.name, shared, changes, settings);
  if (wantsRequest(settings, "update")) {
    await valuesSettled(input);
    return input;
  }
  let output: UpdateItemCommandOutput;
  try {
    output = await sendForModel<UpdateItemCommandOutput>(runtime, "UpdateItem", input);
  } catch (error) {
    throw await withStoredItem(runtime, error, itemFromImage);
  }
  return output.Attributes ? itemFromImage(runtime, output.Attributes) : undefined;
}
