// The request pipeline for single-item operations (DESIGN "One pipeline"): options checked → write
// pipeline or key conversion → input built (pure) → `return: "request"` exits → table ready → send →
// read pipeline → result.
import type {
  AttributeValue,
  GetItemCommandOutput,
  PutItemCommandInput,
  UpdateItemCommandInput,
} from "@aws-sdk/client-dynamodb";
import { send } from "../client/send";
import { ownerOfImage } from "../table/binding";
import { withoutExpired } from "../table/expired";
import type { OperationName } from "../client/operations";
import { expressionTargetOf } from "../schema/expression-target";
import type { ExpressionTarget } from "../expressions/compile";
import { keyToDynamo } from "../schema/key";
import { readPipeline, storedFormFromDynamo } from "../schema/read";
import { isThenable } from "../schema/normalize";
import { writePipeline, type WriteResult } from "../schema/write";
import type { CompiledSchema, ObjectShape } from "../schema/compiled";
import { sameValue } from "../schema/same-value";
import { withHooks } from "../hooks/hooks";
import { buildDeleteInput, type DeleteSettings } from "../operations/delete";
import { buildGetInput, type GetSettings } from "../operations/get";
import { checkOptions, wantsRequest } from "../operations/options";
import { buildPutInput } from "../operations/put";
import { buildSaveChangesInput } from "../operations/save-changes";
import { attributeValuesEqual, diffImages } from "./diff";
import { modelRuntimeOf, schemaFor, type ModelRuntime } from "./runtime";
import { isConditionFailure, withStoredItem } from "./conflict";
import { setStoredImage, storedImageOf } from "./stored-images";
import { stampVersion, storedVersion, withVersionCheck } from "./version";

export interface SaveSettings {
  /** Replace an existing item (default true). `false`: fail if the item exists. */
  overwrite?: boolean;
  /** A Condition (or raw condition object) the stored item must meet. */
  condition?: unknown;
  /** `"request"`: resolve with the DynamoDB input instead of sending it. */
  return?: "item" | "request";
}

/** Creates a model item from the read pipeline's output without copying it again. */
export function hydrate(
  runtime: ModelRuntime,
  data: Record<string, unknown>,
  image: Record<string, AttributeValue>,
): object {
  const item = new runtime.model() as Record<string, unknown>;
  for (const key of Object.keys(data)) item[key] = data[key];
  setStoredImage(item, image);
  return item;
}

/** The model's way into the pipeline: waits for its table's setup, then sends through middleware and events. */
export async function sendForModel<Output = Record<string, unknown>>(
  runtime: ModelRuntime,
  operation: OperationName,
  input: object,
): Promise<Output> {
  const table = runtime.table;
  const setup = table.pendingSetup();
  if (setup !== undefined) await setup;
  const output = await send<Output>(runtime.sendContext(), {
    operation,
    input,
    model: runtime.name,
    table: table.name,
  });
  // `expires.items.returnExpired: false`: every read drops expired items here, before any is built.
  return withoutExpired(table, operation, output);
}

/**
 * The read pipeline, then a model item, built in place. Synchronous unless a `get` function is
 * asynchronous: hydrating a page must not cost a promise per item.
 */
export function itemFromImage(
  runtime: ModelRuntime,
  image: Record<string, AttributeValue>,
): object | Promise<object> {
  // In a table shared by several models, the item is built by the model it belongs to.
  const owner = ownerOfImage(runtime, image);
  if (owner !== runtime) return itemFromImage(owner, image);
  const schema = runtime.compiled.length === 1 ? runtime.compiled[0]! : schemaFor(runtime, image);
  // The constructor with no argument copies nothing: hydration fills the item in place.
  const item = new runtime.model() as Record<string, unknown>;
  setStoredImage(item, image);
  const data = readPipeline(schema, image, item);
  return isThenable(data) ? Promise.resolve(data).then(() => item) : item;
}

/**
 * A keyed request input (get, delete, their transaction elements): the key converted through the
 * model's primary schema, the builder given the table name and the schema's expression target.
 */
export async function buildKeyedInput<S, I>(
  runtime: ModelRuntime,
  key: unknown,
  settings: S,
  build: (tableName: string, key: Record<string, AttributeValue>, settings: S, target: ExpressionTarget) => I,
): Promise<I> {
  const schema = runtime.compiled[0]!;
  return build(runtime.table.name, await keyToDynamo(schema, key), settings, expressionTargetOf(schema));
}

export async function getByKey(
  runtime: ModelRuntime,
  key: unknown,
  rawSettings: GetSettings | undefined,
): Promise<unknown> {
  const settings = checkOptions(rawSettings, ["attributes", "consistent", "return"], "get");
  const input = await buildKeyedInput(runtime, key, settings, buildGetInput);
  if (wantsRequest(settings, "get")) return input;
  const output = await sendForModel<GetItemCommandOutput>(runtime, "GetItem", input);
  return output.Item ? itemFromImage(runtime, output.Item) : undefined;
}

export async function deleteByKey(
  runtime: ModelRuntime,
  key: unknown,
  rawSettings: DeleteSettings | undefined,
): Promise<unknown> {
  const settings = checkOptions(rawSettings, ["condition", "return"], "delete");
  const input = await buildKeyedInput(runtime, key, settings, buildDeleteInput);
  if (wantsRequest(settings, "delete")) return input;
  await sendForModel(runtime, "DeleteItem", input);
  return undefined;
}

function keyOfImage(
  image: Record<string, AttributeValue>,
  hashKey: string,
  rangeKey: string | undefined,
): Record<string, AttributeValue> {
  const key: Record<string, AttributeValue> = { [hashKey]: image[hashKey]! };
  if (rangeKey !== undefined) key[rangeKey] = image[rangeKey]!;
  return key;
}

/** Copies what the pipeline filled in (defaults, timestamps) back onto the item, under its names. */
function fillIn(
  runtime: ModelRuntime,
  item: Record<string, unknown>,
  written: Record<string, unknown>,
  schemaIndex: number,
): void {
  const schema = runtime.compiled[schemaIndex]!;
  const shape = schema.shape;
  for (const name of Object.keys(written)) {
    if (item[name] !== undefined) continue; // the common case: the item already holds it
    const attribute = shape.byName.get(name);
    if (attribute === undefined) item[name] = written[name];
    else if (!attribute.settings.aliases.some((alias) => item[alias] !== undefined))
      item[attribute.settings.outputName] = written[name];
  }
  for (const timestamp of schema.createdAt) item[timestamp.name] = written[timestamp.name];
  for (const timestamp of schema.updatedAt) item[timestamp.name] = written[timestamp.name];
  if (shape.flags.set || shape.flags.defaults) holdWrittenValues(shape, item, written);
}

/**
 * After a save, the item holds what was stored where `set` functions or nested defaults made that differ
 * from what it held: `original()`, `modifiedPaths()` and the next save then agree with the table. (An
 * attribute with a `get` function keeps the value the caller gave: the item holds display values there.)
 */
function holdWrittenValues(
  shape: ObjectShape,
  item: Record<string, unknown>,
  written: Record<string, unknown>,
): void {
  for (const attribute of shape.attributes) {
    const { flags, settings } = attribute;
    if ((!flags.set && !flags.defaults) || flags.get) continue;
    const value = written[attribute.name];
    if (value === undefined) continue;
    const used =
      item[attribute.name] !== undefined
        ? attribute.name
        : (settings.aliases.find((alias) => item[alias] !== undefined) ?? settings.outputName);
    if (!sameValue(item[used], value)) item[used] = value;
  }
}

/**
 * What saving an item will send, worked out without sending it: the request (`undefined` when nothing
 * changed and no condition asks for a write), a whole-item Put for fallbacks, and `commit()`, which
 * records the write on the item once it has succeeded. `item.save()` and transaction writes share it.
 */
export interface SavePlan {
  readonly runtime: ModelRuntime;
  readonly operation: "PutItem" | "UpdateItem";
  readonly request: PutItemCommandInput | UpdateItemCommandInput | undefined;
  readonly versioned: boolean;
  putInput(): PutItemCommandInput;
  commit(): void;
}

/** The write pipeline for saving `item`: `set(new, old)` sees the item as last read. */
function writeForSave(
  schema: CompiledSchema,
  item: object,
  stored: Record<string, AttributeValue> | undefined,
): Promise<WriteResult> {
  return writePipeline(schema, item as Record<string, unknown>, {
    isNew: stored === undefined,
    old: stored === undefined ? undefined : storedFormFromDynamo(schema, stored),
  });
}

/**
 * Saving's validation step, run before the user's `pre("save")` hooks as Mongoose does: the write
 * pipeline between the validate hooks, writing nothing.
 */
export async function validateBeforeSave(item: object): Promise<void> {
  const runtime = modelRuntimeOf(item.constructor);
  const schema = schemaFor(runtime, item as Record<string, unknown>);
  await withHooks(runtime.compiled[0]!.hooks, "validate", item, () =>
    writeForSave(schema, item, storedImageOf(item)),
  );
}

/**
 * Plans the save. `validated`: `validateBeforeSave` has run (with the validate hooks) before the
 * `pre("save")` hooks, so the pipeline runs again only to convert what those hooks changed. Otherwise
 * (no `pre("save")` hooks; transaction writes) the validate hooks run around this one pipeline.
 */
export async function planSave(
  item: object,
  rawSettings: SaveSettings,
  validated = false,
): Promise<SavePlan> {
  const runtime = modelRuntimeOf(item.constructor);
  let settings = checkOptions(rawSettings, ["overwrite", "condition", "return"], "save");
  const data = item as Record<string, unknown>;
  const schema = schemaFor(runtime, data);
  const schemaIndex = runtime.compiled.indexOf(schema);
  const stored = storedImageOf(item);
  const written = validated
    ? await writeForSave(schema, item, stored)
    : await withHooks(runtime.compiled[0]!.hooks, "validate", item, () => writeForSave(schema, item, stored));
  const target = expressionTargetOf(schema);
  const tableName = runtime.table.name;
  const sameKey =
    stored !== undefined &&
    [schema.hashKey, schema.rangeKey].every(
      (name) =>
        name === undefined ||
        (stored[name] !== undefined && attributeValuesEqual(stored[name]!, written.attributes[name]!)),
    );
  const version = schema.version;
  const updatesStored = stored !== undefined && sameKey && settings.overwrite !== false;
  const previousVersion = updatesStored && version !== undefined ? storedVersion(stored, version) : undefined;
  if (version !== undefined) {
    if (updatesStored) {
      // The version is the library's: what the caller put there is ignored, the stored one kept for the diff.
      if (previousVersion === undefined) delete written.attributes[version];
      else stampVersion(written, version, previousVersion);
      settings = { ...settings, condition: withVersionCheck(settings.condition, version, previousVersion) };
    } else {
      // A new item (or a new key): version 1, and only if nothing is stored under that key.
      stampVersion(written, version, 1);
      settings = { ...settings, overwrite: false };
    }
  }
  const putInput = (): PutItemCommandInput =>
    buildPutInput(tableName, schema.hashKey, written.attributes, settings, target);

  let request: PutItemCommandInput | UpdateItemCommandInput | undefined;
  let operation: "PutItem" | "UpdateItem" = "PutItem";
  if (updatesStored) {
    const changes = diffImages(stored, written.attributes);
    if (version !== undefined && (changes.length > 0 || rawSettings.condition !== undefined)) {
      const next = (previousVersion ?? 0) + 1;
      stampVersion(written, version, next);
      changes.push({ kind: "set", path: [version], value: { N: String(next) } });
    }
    if (changes.length > 0) {
      operation = "UpdateItem";
      request = buildSaveChangesInput(
        tableName,
        keyOfImage(written.attributes, schema.hashKey, schema.rangeKey),
        schema.hashKey,
        changes,
        settings.condition,
        target,
      );
    } else if (rawSettings.condition !== undefined) {
      // Nothing changed, but the caller asked for a condition to hold: a conditional put checks it.
      // (The version check added above is not the caller's: an unchanged versioned item sends nothing.)
      request = putInput();
    }
  } else {
    request = putInput();
  }
  const commit = (): void => {
    setStoredImage(item, written.attributes);
    fillIn(runtime, data, written.item, schemaIndex);
    if (version !== undefined && written.item[version] !== undefined) data[version] = written.item[version];
  };
  return { runtime, operation, request, versioned: version !== undefined, putInput, commit };
}

export async function saveItem<T extends object>(
  item: T,
  rawSettings: SaveSettings,
  validated = false,
): Promise<T> {
  const plan = await planSave(item, rawSettings, validated);
  const { runtime, operation, request } = plan;
  if (wantsRequest(rawSettings, "save")) return (request ?? plan.putInput()) as unknown as T;

  if (request !== undefined) {
    try {
      await sendForModel(runtime, operation, request);
    } catch (error) {
      // The item was deleted since it was read: write it whole, as a new save would. Not under optimistic
      // locking, where a deleted item is a conflict like any other.
      if (
        operation !== "UpdateItem" ||
        !isConditionFailure(error) ||
        error.Item !== undefined ||
        plan.versioned
      ) {
        throw await withStoredItem(runtime, error, itemFromImage);
      }
      await sendForModel(runtime, "PutItem", plan.putInput());
    }
  }
  plan.commit();
  return item;
}
