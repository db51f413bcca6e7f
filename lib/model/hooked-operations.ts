// The single-item operations with their hooks and events (SPEC §9), shared by the Model statics and the
// item methods: `get` (context target), `save` and `delete` (the item as target; `Model.delete` uses an
// item holding the key), `validate`. An item's operations run the hooks of the schema it belongs to;
// `get` and `Model.delete(key)` (which cannot tell the stored item's shape) those of every schema.
import type { HookRunner } from "../hooks/hooks";
import type { DeleteSettings } from "../operations/delete";
import { wantsRequest } from "../operations/options";
import type { GetSettings } from "../operations/get";
import {
  isObserved,
  modelHooks,
  operationContext,
  refuseObserved,
  runHooked,
  runObserved,
  writeEvent,
} from "./operation-hooks";
import { deleteByKey, deleteByStoredKey, getByKey, type SaveSettings } from "./persist";
import { validateBeforeSave, type ValidatedWrite, writeForSave } from "./save-write";
import { saveItem } from "./save-item";
import { itemRuntimeOf, schemaFor, type ModelRuntime } from "./runtime";
import { hasStoredImage, markDeletedByItem, storedImageOf } from "./stored-images";
import { keyOfArgument, otherModelOfTable } from "./stored-key";
import { versionedDeleteCondition } from "./version";
import { missingHashKey } from "../schema/key";

export function getWithHooks(
  runtime: ModelRuntime,
  key: unknown,
  settings: GetSettings | undefined,
): Promise<unknown> {
  if (!isObserved(runtime, "get")) return getByKey(runtime, key, settings);
  const context = operationContext(runtime, "get", { key, settings });
  return runHooked(runtime, "get", context, () =>
    getByKey(
      runtime,
      context.key,
      settings === undefined && Object.keys(context.settings).length === 0 ? undefined : context.settings,
    ),
  );
}

/**
 * `item.save()`, ordered as in Mongoose, where validating is the first `pre("save")` step: pre validate,
 * validation, post validate, pre save, write, post save. Without `pre("save")` hooks the validation is
 * the write's own pipeline (one pass). With them it runs first, on its own, and the write converts the
 * item as those hooks left it.
 */
export function saveWithHooks<T extends object>(item: T, settings: SaveSettings): Promise<T> {
  const runtime = itemRuntimeOf(item);
  const hooks = schemaFor(runtime, item as Record<string, unknown>).hooks;
  if (!hooks.hasPre("save")) {
    const event = writeEvent("save", settings);
    return runHooked(runtime, "save", item, () => saveItem(item, settings), event, hooks);
  }
  return saveValidatingFirst(runtime, hooks, item, settings);
}

/** What `runHooked` does for save, with validation as a built-in first pre step. */
function saveValidatingFirst<T extends object>(
  runtime: ModelRuntime,
  hooks: HookRunner,
  item: T,
  settings: SaveSettings,
): Promise<T> {
  let validated: ValidatedWrite | undefined;
  return runObserved(
    runtime,
    hooks,
    "save",
    item,
    () => saveItem(item, settings, validated),
    writeEvent("save", settings),
    async () => {
      validated = await validateBeforeSave(item);
    },
  );
}

/**
 * `item.delete()`: deletes the key the item is stored under (or holds), running the delete hooks of the
 * item's schema with the item as target. Under optimistic locking, an item read from the table is
 * deleted only if it still has the version it was read with. Once the key it is stored under is deleted,
 * its next save writes it as a new item (stored-images.ts).
 */
export function deleteWithHooks(
  runtime: ModelRuntime,
  item: object,
  settings: DeleteSettings | undefined,
): Promise<unknown> {
  const run = async () => {
    const condition = versionedDeleteCondition(runtime, item, settings?.condition);
    const locked = condition === settings?.condition ? settings : { ...settings, condition };
    const key = await keyOfArgument(runtime, item);
    const result = await deleteByStoredKey(runtime, key, locked);
    if (!wantsRequest(locked ?? {}, "delete")) markDeletedByItem(item, key);
    return result;
  };
  const hooks = schemaFor(runtime, item as Record<string, unknown>).hooks;
  return runHooked(runtime, "delete", item, run, writeEvent("delete", settings), hooks);
}

/**
 * `Model.delete(key)`: the delete hooks see an item holding the key. They are the hooks of every schema,
 * as a key does not say which shape the stored item has. A stored item of the model given as the key is
 * deleted as `item.delete()` deletes it, by the key it is stored under. An item of another model of the
 * same table (a read through this model hands those back) names its key through its own model, and is
 * the hooks' target as it is; the delete is this model's, as `update` and `transaction.delete` of it are
 * (its condition in this model's names, its events and middleware this model's).
 */
export function deleteKeyWithHooks(
  runtime: ModelRuntime,
  key: unknown,
  settings: DeleteSettings | undefined,
): Promise<unknown> {
  if (key instanceof runtime.model && hasStoredImage(key)) return deleteWithHooks(runtime, key, settings);
  if (otherModelOfTable(runtime, key) !== undefined) {
    const item = key as object;
    const run = () => deleteByKey(runtime, item, settings);
    return runHooked(runtime, "delete", item, run, writeEvent("delete", settings), modelHooks(runtime));
  }
  const schema = runtime.compiled[0]!;
  // Refused here as `get` refuses it, before it becomes an item (which would word it as a bad item); the
  // error handlers see it with an item holding no key as `this`.
  if (key === undefined || key === null || Array.isArray(key)) {
    return refuseObserved(runtime, "delete", new runtime.model({}), missingHashKey(schema, key));
  }
  const data =
    typeof key === "object" && !(key instanceof Date)
      ? (key as Record<string, unknown>)
      : { [schema.hashKey]: key };
  const item = new runtime.model(data);
  const run = () => deleteByKey(runtime, item, settings);
  return runHooked(runtime, "delete", item, run, writeEvent("delete", settings), modelHooks(runtime));
}

/** `item.validate()`: the write pipeline between the validate hooks, writing nothing. */
export async function validateWithHooks(item: object): Promise<void> {
  const runtime = itemRuntimeOf(item);
  const data = item as Record<string, unknown>;
  await runHooked(
    runtime,
    "validate",
    item,
    async () => {
      // Chosen again after the pre validate hooks, which may fill the item in. The pipeline a save would
      // run: attributes a projected read did not fetch are not asked for (`required`), as on save.
      await writeForSave(schemaFor(runtime, data), item, storedImageOf(item));
      return item; // what the post validate hooks get, as in Mongoose
    },
    undefined,
    schemaFor(runtime, data).hooks,
  );
}
