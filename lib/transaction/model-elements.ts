// `Model.transaction.get/create/update/delete/condition`: each builds its element with the same pure
// builders and pipelines as the single-item operation (key conversion, write pipeline, optimistic
// locking), and records where it came from for the runner.
import { valuesSettled } from "../pending-values";
import type {
  ConditionCheck,
  TransactGetItem,
  TransactWriteItem,
  UpdateItemCommandInput,
} from "@aws-sdk/client-dynamodb";
import type { Callback } from "../callbacks";
import { InvalidParameter } from "../errors";
import { isPlainObject } from "../expressions/is-plain-object";
import { PlaceholderRegistry } from "../expressions/placeholders";
import { buildKeyedInput, type SaveSettings } from "../model/persist";
import { withReadNeeds } from "../model/read-needs";
import { planSave, type SavePlan } from "../model/save";
import type { ModelRuntime } from "../model/runtime";
import { hasStoredImage } from "../model/stored-images";
import { compileConditionSetting, withConditionCopied } from "../operations/condition-input";
import { buildDeleteInput, type DeleteSettings } from "../operations/delete";
import { buildGetInput, type GetSettings } from "../operations/get";
import { booleanSetting, checkOptions, wantsRequest } from "../operations/options";
import { splitKeyAndUpdate, type UpdateSettings } from "../operations/update";
import { buildModelUpdateInput } from "../operations/update-run";
import { expressionTargetOfModel } from "../schema/expression-target";
import { keyOfArgument, otherModelOfTable } from "../model/stored-key";
import { keyNamesAsGiven } from "../schema/key-names";
import { versionedDeleteCondition } from "../model/version";
import { untracked } from "../model/tracked-items";
import { recordOrigin, registerTransactionModel } from "./origins";

/**
 * The key as the caller gave it, reduced to the key attributes (under the names the caller used, aliases
 * included); a bare hash value becomes `{[hashKey]: value}`.
 */
function keyAsGiven(runtime: ModelRuntime, key: unknown): Record<string, unknown> {
  if (typeof key !== "object" || key === null || key instanceof Date || key instanceof Uint8Array) {
    return { [runtime.compiled[0]!.hashKey]: key };
  }
  // Under the names the caller used, by any of the model's schemas' aliases; an item of another model of
  // the table holds its key under that model's names.
  const owner = otherModelOfTable(runtime, key) ?? runtime;
  return keyNamesAsGiven(owner.compiled, untracked(key) as Record<string, unknown>);
}

/** A callback goes last (see handOut); one in the place of settings or a condition is refused. */
function refuseCallback(operation: string, ...args: unknown[]): void {
  if (args.some((arg) => typeof arg === "function")) {
    throw new InvalidParameter(
      `Model.transaction.${operation} takes a callback only as its last argument (got a function before it).`,
    );
  }
}

/**
 * The helpers take the settings of the single-item operation, as in Dynamoose, so code can pass the same
 * object to both. Those without meaning inside a transaction are checked as that operation checks them,
 * then ignored: `consistent` (transaction reads are always strongly consistent), `returnValues` (elements
 * return nothing) and `return` (the element already is the request).
 */
const GET_OPTIONS = ["attributes", "consistent", "return"];

/** Checks the ignored `return` and `consistent` settings, so a mistake there is an error, not a write. */
function checkIgnoredSettings(settings: { return?: unknown; consistent?: unknown }, operation: string): void {
  wantsRequest(settings, operation);
  booleanSetting(settings.consistent, `${operation}: consistent`);
}

async function getElement(
  runtime: ModelRuntime,
  key: unknown,
  rawSettings: unknown,
): Promise<TransactGetItem> {
  refuseCallback("get", rawSettings);
  const settings = checkOptions(rawSettings as GetSettings | undefined, GET_OPTIONS, "transaction.get");
  checkIgnoredSettings(settings, "transaction.get");
  const { settings: projected, unasked } = withReadNeeds(runtime, { attributes: settings.attributes });
  const Get = await buildKeyedInput(runtime, key, projected, buildGetInput);
  const origin = { runtime, key: keyAsGiven(runtime, key) };
  return recordOrigin({ Get }, unasked === undefined ? origin : { ...origin, unasked });
}

async function createElement(
  runtime: ModelRuntime,
  object: unknown,
  rawSettings: unknown,
): Promise<TransactWriteItem> {
  refuseCallback("create", rawSettings);
  const settings = checkOptions(
    rawSettings as SaveSettings | undefined,
    ["overwrite", "condition", "return"],
    "transaction.create",
  );
  checkIgnoredSettings(settings, "transaction.create");
  if (!isPlainObject(object) && !(object instanceof runtime.model)) {
    throw new InvalidParameter("Model.transaction.create needs an object (or an item of this model).");
  }
  // An item read from the table is saved as `item.save()` would save it; anything else is a new item,
  // as with `Model.create`. An item of the model (rather than a plain object) learns what was written
  // once the transaction succeeded, as after `save()`.
  const isItem = object instanceof runtime.model;
  const loaded = isItem && hasStoredImage(object);
  const item = isItem ? object : new runtime.model(object as Record<string, unknown>);
  const { return: _ignored, ...saveSettings } = settings;
  // `overwrite: undefined` or `null` is not given, as for `Model.create`.
  const plan = await planSave(
    item,
    loaded ? saveSettings : { ...saveSettings, overwrite: saveSettings.overwrite ?? false },
  );
  // A read item written whole (its key changed, or it deleted itself) is a new item, created as any other:
  // not over what is stored under its key now, unless the caller says `overwrite: true` (undefined or null
  // is not saying so).
  const writesNew = loaded && plan.operation === "PutItem" && plan.request !== undefined;
  const element =
    writesNew && settings.overwrite !== true ? { Put: plan.createInput() } : transactionWriteOf(plan);
  return recordOrigin(element as TransactWriteItem, {
    runtime,
    key: keyAsGiven(runtime, item),
    commit: isItem ? plan.commit : undefined,
  });
}

/**
 * The transaction element of a save plan. Without changes to write: a ConditionCheck that the item (still)
 * exists, with the plan's condition. (A Put of the item as read would undo what others wrote since; a
 * transaction Update needs an update expression.)
 */
function transactionWriteOf(plan: SavePlan): TransactWriteItem {
  const { request } = plan;
  if (request === undefined) return { ConditionCheck: plan.conditionOnly() } as TransactWriteItem;
  if (plan.operation === "PutItem") return { Put: request } as TransactWriteItem;
  const update = request as UpdateItemCommandInput;
  if (update.UpdateExpression === undefined) return { ConditionCheck: update } as TransactWriteItem;
  return { Update: update } as TransactWriteItem;
}

async function updateElement(
  runtime: ModelRuntime,
  keyOrObject: unknown,
  update: unknown,
  rawSettings: unknown,
): Promise<TransactWriteItem> {
  refuseCallback("update", update, rawSettings);
  const settings = checkOptions(
    rawSettings as UpdateSettings | undefined,
    ["condition", "returnValues", "return"],
    "transaction.update",
  );
  checkIgnoredSettings(settings, "transaction.update");
  const [key, changes] =
    update === undefined ? splitKeyAndUpdate(runtime.compiled, keyOrObject) : [keyOrObject, update];
  const input = await buildModelUpdateInput(runtime, key, changes, {
    condition: settings.condition,
    returnValues: settings.returnValues,
  });
  // TransactWriteItems has no ReturnValues for its elements.
  delete input.ReturnValues;
  return recordOrigin({ Update: input } as TransactWriteItem, { runtime, key: keyAsGiven(runtime, key) });
}

async function deleteElement(
  runtime: ModelRuntime,
  key: unknown,
  rawSettings: unknown,
): Promise<TransactWriteItem> {
  refuseCallback("delete", rawSettings);
  const settings = checkOptions(
    rawSettings as DeleteSettings | undefined,
    ["condition", "return"],
    "transaction.delete",
  );
  checkIgnoredSettings(settings, "transaction.delete");
  // A loaded item is deleted only if it is still the version it read, as its save would be (SPEC §11).
  const condition = versionedDeleteCondition(runtime, key, settings.condition);
  const input = await buildKeyedInput(runtime, key, { condition }, buildDeleteInput);
  return recordOrigin({ Delete: input } as TransactWriteItem, { runtime, key: keyAsGiven(runtime, key) });
}

async function conditionElement(
  runtime: ModelRuntime,
  key: unknown,
  condition: unknown,
): Promise<TransactWriteItem> {
  refuseCallback("condition", condition);
  const registry = new PlaceholderRegistry();
  const target = expressionTargetOfModel(runtime.compiled); // the condition may name any schema's attributes
  const expression = compileConditionSetting(condition, target, registry);
  if (expression === undefined) throw new InvalidParameter("Model.transaction.condition needs a condition.");
  const input: ConditionCheck = {
    TableName: runtime.table.name,
    Key: await keyOfArgument(runtime, key),
    ConditionExpression: expression,
  };
  if (registry.names) input.ExpressionAttributeNames = registry.names;
  if (registry.values) input.ExpressionAttributeValues = registry.values;
  // As the update and delete elements have it, and as the transaction sends it (transact.ts): a
  // cancellation then says what the stored item was.
  input.ReturnValuesOnConditionCheckFailure = "ALL_OLD";
  return recordOrigin({ ConditionCheck: input }, { runtime, key: keyAsGiven(runtime, key) });
}

/** What an element's body waits for before it is complete (pending-values.ts), or undefined. */
function elementSettled(element: object): Promise<void> | undefined {
  for (const body of Object.values(element)) {
    const settling = typeof body === "object" && body !== null ? valuesSettled(body) : undefined;
    if (settling !== undefined) return settling;
  }
  return undefined;
}

/** The `transaction` static of a model; registers the model so raw elements on its table are recognised. */
export function transactionStatics(runtime: ModelRuntime): Record<string, unknown> {
  registerTransactionModel(runtime);
  // Each builder runs on the next tick, so a synchronous throw (a bad key) is a rejection, as elsewhere. An
  // element is handed out complete: a condition value from an asynchronous `set` is filled in first (a copy
  // of its values, made by the caller or a hook, would not be).
  const later = <T extends object>(work: () => Promise<T>): Promise<T> =>
    Promise.resolve()
      .then(work)
      .then((element) => {
        const settling = elementSettled(element);
        return settling === undefined ? element : settling.then(() => element);
      });
  return {
    get: (...args: unknown[]) => handOut(args, (key, settings) => getElement(runtime, key, settings)),
    create: (...args: unknown[]) =>
      handOut(copiedAt(args, 1), (object, settings) => createElement(runtime, object, settings)),
    update: (...args: unknown[]) =>
      handOut(copiedAt(args, 2), (key, update, settings) => updateElement(runtime, key, update, settings)),
    delete: (...args: unknown[]) =>
      handOut(copiedAt(args, 1), (key, settings) => deleteElement(runtime, key, settings)),
    condition: (...args: unknown[]) =>
      handOut(copiedAt(args, 1), (key, condition) => conditionElement(runtime, key, condition)),
  };

  /** The arguments with the condition at `index` (a Condition, or settings holding one) copied now. */
  function copiedAt(args: unknown[], index: number): unknown[] {
    if (args.length <= index) return args;
    const copied = [...args];
    copied[index] = withConditionCopied(args[index]);
    return copied;
  }

  /**
   * Hands the element out as a promise (what `dynamodel.transaction` takes). A trailing callback, which
   * Dynamoose drops with a warning, is called with the element as well (SPEC §3: statics take one); the
   * promise is still returned, so code passing it to `dynamodel.transaction` works either way, and a
   * failure the caller hears of through the callback is not also an unhandled rejection.
   */
  function handOut(args: unknown[], build: (...args: unknown[]) => Promise<object>): Promise<object> {
    // Trailing `undefined`s (`get(key, {}, cb, undefined)`, a wrapper passing its optional arguments on)
    // do not hide the callback.
    let last = args.length - 1;
    while (last > 0 && args[last] === undefined) last -= 1;
    if (typeof args[last] !== "function") return later(() => build(...args));
    const callback = args[last] as Callback<object>;
    const element = later(() => build(...args.slice(0, last)));
    element.then(
      (value) => callback(null, value),
      (error: unknown) => callback(error),
    );
    return element;
  }
}
