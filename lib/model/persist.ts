// The request pipeline for single-item operations (DESIGN "One pipeline"): options checked → key
// conversion → input built (pure) → `return: "request"` exits → table ready → send → read pipeline →
// result. Saving, which adds the write pipeline and change tracking, is in save.ts.
import type {
  AttributeValue,
  DeleteItemCommandInput,
  GetItemCommandOutput,
  PutItemCommandInput,
  UpdateItemCommandInput,
} from "@aws-sdk/client-dynamodb";
import { send } from "../client/send";
import { ownerOfImage } from "../table/binding";
import { withoutExpired } from "../table/expired";
import { withReadNeeds } from "./read-needs";
import type { OperationName } from "../client/operations";
import { expressionTargetOfModel } from "../schema/expression-target";
import type { ExpressionTarget } from "../expressions/compile";
import { readPipeline } from "../schema/read";
import { readWasExact, startRead } from "../schema/read-exactness";
import { isThenable } from "../schema/normalize";
import { buildDeleteInput, type DeleteSettings } from "../operations/delete";
import { buildGetInput, type GetSettings } from "../operations/get";
import { checkOptions, wantsRequest } from "../operations/options";
import { valuesSettled } from "../pending-values";
import { schemaForImage, type ModelRuntime } from "./runtime";
import {
  isPartialImage,
  listsInPartOf,
  markPartialImages,
  namesReadWholeOf,
  setStoredImage,
} from "./stored-images";
import { withStoredItem } from "./conflict";
import { keyOfArgument } from "./stored-key";
import { trackChanges, tracksLazily } from "./tracked-items";
import type { ConditionSetting } from "../operations/condition-input";
import { listsReadInPart, namesReadWhole } from "../expressions/projection-lists";
import { recordListsReadInPart } from "./lists-read-in-part";

export interface SaveSettings {
  /** Replace an existing item (default true). `false`: fail if the item exists. */
  overwrite?: boolean;
  /** A Condition (or raw `{ConditionExpression, …}` object) the stored item must meet. */
  condition?: ConditionSetting;
  /** `"request"`: resolve with the DynamoDB input instead of sending it. */
  return?: "item" | "request";
}

/**
 * What `item.save({return: "request"})` resolves with: a PutItem input for a new item (as in Dynamoose),
 * an UpdateItem input of the changed paths for an item read from the table.
 */
export type SaveRequest = PutItemCommandInput | UpdateItemCommandInput;

/** The model's way into the pipeline: waits for its table's setup, then sends through middleware and events. */
export async function sendForModel<Output = Record<string, unknown>>(
  runtime: ModelRuntime,
  operation: OperationName,
  input: object,
): Promise<Output> {
  const output = await sendForModelAsStored<Output>(runtime, operation, input);
  // `expires.items.returnExpired: false`: every read drops expired items here, before any is built.
  return withoutExpired(runtime.table, operation, output);
}

/**
 * {@link sendForModel} keeping expired items a read returns: for the library's own reads of what the
 * table holds, which an expired item DynamoDB has not deleted yet is part of.
 */
export async function sendForModelAsStored<Output = Record<string, unknown>>(
  runtime: ModelRuntime,
  operation: OperationName,
  input: object,
): Promise<Output> {
  const table = runtime.table;
  const setup = table.pendingSetup(runtime.name);
  if (setup !== undefined) await setup;
  return send<Output>(runtime.sendContext(), { operation, input, model: runtime.name, table: table.name });
}

/**
 * The read pipeline, then a model item, built in place. Synchronous unless a `get` function is
 * asynchronous: hydrating a page must not cost a promise per item.
 */
export function itemFromImage(
  runtime: ModelRuntime,
  image: Record<string, AttributeValue>,
  unasked?: readonly string[],
): object | Promise<object> {
  // In a table shared by several models, the item is built by the model it belongs to.
  const owner = ownerOfImage(runtime, image);
  // What a projection read only for the table's sake (read-needs.ts) leaves once the owner is known.
  return ownItemFromImage(owner, unasked === undefined ? image : withoutUnasked(image, unasked));
}

/**
 * The image without the attributes read only for the table's sake: a copy, because the image belongs to
 * DynamoDB's output, which a caching middleware may answer again and a `response` listener may keep.
 */
function withoutUnasked(
  image: Record<string, AttributeValue>,
  unasked: readonly string[],
): Record<string, AttributeValue> {
  const whole = namesReadWholeOf(image);
  // What the caller did not ask for is not read, whole or not: it leaves the names read whole too, even
  // when the image lacks it (else it would be known absent, and a save would write its default).
  if (!unasked.some((name) => Object.hasOwn(image, name) || whole.has(name))) return image;
  const copy = { ...image };
  for (const name of unasked) delete copy[name];
  if (isPartialImage(image)) {
    const asked = [...whole].filter((name) => !unasked.includes(name));
    markPartialImages([copy], listsInPartOf(image), new Set(asked));
  }
  return copy;
}

/** {@link itemFromImage} once the owner is known. */
function ownItemFromImage(
  runtime: ModelRuntime,
  image: Record<string, AttributeValue>,
): object | Promise<object> {
  const compiled = runtime.compiled;
  const schema = compiled.length === 1 ? compiled[0]! : schemaForImage(runtime, image);
  // The constructor with no argument copies nothing: hydration fills the item in place.
  const item = new runtime.model() as Record<string, unknown>;
  const lazy = tracksLazily(compiled) && !isPartialImage(image);
  if (lazy) startRead();
  const data = readPipeline(schema, image, item); // synchronous when lazy: no `get` functions
  // An item that is exactly what is stored remembers nothing until something changes (tracked-items.ts).
  if (lazy && readWasExact()) return trackChanges(item);
  setStoredImage(item, image);
  if (!isPartialImage(image)) return isThenable(data) ? Promise.resolve(data).then(() => item) : item;
  // What the lists a projection read in part hydrated to, once hydrated (lists-read-in-part.ts).
  const remember = (): object => {
    recordListsReadInPart(schema, item, image);
    return item;
  };
  return isThenable(data) ? Promise.resolve(data).then(remember) : remember();
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
  // Conditions and projections may name attributes of any of the model's schemas.
  const target = expressionTargetOfModel(runtime.compiled);
  return build(runtime.table.name, await keyOfArgument(runtime, key), settings, target);
}

const deleteOptions = ["condition", "return"];

export async function getByKey(
  runtime: ModelRuntime,
  key: unknown,
  rawSettings: GetSettings | undefined,
): Promise<unknown> {
  const settings = checkOptions(rawSettings, ["attributes", "consistent", "return"], "get");
  const { settings: projected, unasked } = withReadNeeds(runtime, settings);
  const input = await buildKeyedInput(runtime, key, projected, buildGetInput);
  if (wantsRequest(settings, "get")) return input;
  const output = await sendForModel<GetItemCommandOutput>(runtime, "GetItem", input);
  if (output.Item === undefined) return undefined;
  if (input.ProjectionExpression !== undefined) {
    const { ProjectionExpression: projection, ExpressionAttributeNames: names } = input;
    const whole = runtime.compiled.length === 1 ? namesReadWhole(projection, names) : undefined;
    markPartialImages([output.Item], listsReadInPart(projection, names), whole);
  }
  return itemFromImage(runtime, output.Item, unasked);
}

export async function deleteByKey(
  runtime: ModelRuntime,
  key: unknown,
  rawSettings: DeleteSettings | undefined,
): Promise<unknown> {
  const settings = checkOptions(rawSettings, deleteOptions, "delete");
  return sendDelete(runtime, await buildKeyedInput(runtime, key, settings, buildDeleteInput), settings);
}

/** Deletes by a key already in its stored form (no `set` runs on it): `item.delete()` of a stored item. */
export function deleteByStoredKey(
  runtime: ModelRuntime,
  key: Record<string, AttributeValue>,
  rawSettings: DeleteSettings | undefined,
): Promise<unknown> {
  const settings = checkOptions(rawSettings, deleteOptions, "delete");
  const target = expressionTargetOfModel(runtime.compiled);
  return sendDelete(runtime, buildDeleteInput(runtime.table.name, key, settings, target), settings);
}

async function sendDelete(
  runtime: ModelRuntime,
  input: DeleteItemCommandInput,
  settings: DeleteSettings,
): Promise<unknown> {
  if (wantsRequest(settings, "delete")) {
    await valuesSettled(input);
    return input;
  }
  try {
    await sendForModel(runtime, "DeleteItem", input);
  } catch (error) {
    throw await withStoredItem(runtime, error, itemFromImage);
  }
  return undefined;
}
