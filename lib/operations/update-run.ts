// Runs `Model.update`: options checked → key split (one-argument form) → input built → `return:
// "request"` exits → send → the returned attributes through the read pipeline.
import type { UpdateItemCommandInput, UpdateItemCommandOutput } from "@aws-sdk/client-dynamodb";
import { withStoredItem } from "../model/conflict";
import { itemFromImage, sendForModel } from "../model/persist";
import type { ModelRuntime } from "../model/runtime";
import { schemaForUpdate } from "../model/update-schema";
import { valuesSettled } from "../pending-values";
import { checkOptions, wantsRequest } from "./options";
import { buildUpdateInput, buildUpdateInputForKey, splitKeyAndUpdate, type UpdateSettings } from "./update";
import { keyInSharedNames } from "../schema/key-names";
import { keyOfItem } from "../model/stored-key";

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
  // Every schema of a model shares its key: the first one splits key from changes.
  const [key, changes] =
    update === undefined ? splitKeyAndUpdate(runtime.compiled, keyOrObject) : [keyOrObject, update];
  const input = await buildModelUpdateInput(runtime, key, changes, settings);
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

/** The context of an update on a model of one schema (made once: this is every update's path). */
const ONE_SCHEMA = Object.freeze({});

/**
 * The UpdateItem input of a model's update (of `Model.update` or `transaction.update`). The changes are
 * planned with the schema that declares most of their attributes; one only another schema declares, with
 * that schema's definition. An item read from the table, given as the key, names the key it is stored
 * under, as it does for `get` and `delete` (model/stored-key.ts): its key is not converted (`set`) again.
 */
export async function buildModelUpdateInput(
  runtime: ModelRuntime,
  key: unknown,
  changes: unknown,
  settings: UpdateSettings,
): Promise<UpdateItemCommandInput> {
  const schema = schemaForUpdate(runtime, changes);
  const context =
    runtime.compiled.length === 1
      ? ONE_SCHEMA
      : { otherSchemas: runtime.compiled.filter((other) => other !== schema) };
  const stored = keyOfItem(runtime, key);
  if (stored !== undefined) {
    return buildUpdateInputForKey(schema, runtime.table.name, await stored, changes, settings, context);
  }
  return buildUpdateInput(
    schema,
    runtime.table.name,
    keyInSharedNames(runtime.compiled, key),
    changes,
    settings,
    context,
  );
}
