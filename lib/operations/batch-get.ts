// BatchGetItem for `Model.batchGet(keys, settings)`: keys validated and converted first, repeated
// keys sent once, chunks of 100 with bounded concurrency, unprocessed keys retried; the items come
// back through the read pipeline in the order of the keys.
import type { ObjectType } from "../dynamoose-names";
import type {
  AttributeValue,
  BatchGetItemCommandInput,
  BatchGetItemCommandOutput,
  KeysAndAttributes,
} from "@aws-sdk/client-dynamodb";
import { type Callback, withCallback } from "../callbacks";
import { InvalidParameterType } from "../errors";
import type { ExpressionTarget } from "../expressions/compile";
import { parseDocumentPath } from "../expressions/path";
import { PlaceholderRegistry } from "../expressions/placeholders";
import { itemFromImage, sendForModel } from "../model/persist";
import { withReadNeeds } from "../model/read-needs";
import { markPartialImages } from "../model/stored-images";
import type { ModelRuntime } from "../model/runtime";
import type { CompiledSchema } from "../schema/compiled";
import { expressionTargetOfModel } from "../schema/expression-target";
import { keyOfArgument } from "../model/stored-key";
import { callerOriginal } from "./hook-copies";
import { allEntries, entryName, forEntry } from "./batch-entry";
import { keyObjectOf } from "../schema/key";
import {
  canonicalKey,
  unprocessedInCallerOrder,
  checkOnProgress,
  chunk,
  concurrencyOf,
} from "./batch-chunks";
import { buildProjection, checkAttributePaths } from "./get";
import { booleanSetting, checkOptions, wantsRequest } from "./options";
import { retrySettingsOf, type RetryOptions } from "./retry";
import { sendChunks, withUnprocessed } from "./batch-send";
import { listsReadInPart, namesReadWhole } from "../expressions/projection-lists";

/** DynamoDB's limit of keys per BatchGetItem. */
export const BATCH_GET_LIMIT = 100;

export interface BatchProgress {
  /** Entries DynamoDB has processed so far. */
  done: number;
  /** Entries in the call (repeated keys counted once). */
  total: number;
}

export interface BatchGetSettings extends RetryOptions {
  /** Document paths to read (the key attributes are always read too, to match items to keys). */
  attributes?: readonly string[];
  consistent?: boolean;
  /** Chunks in flight at once (default 4). */
  concurrency?: number;
  onProgress?: (progress: BatchProgress) => void;
  /** `"request"`: resolve with the BatchGetItem input (an array of them beyond 100 keys). */
  return?: "items" | "request";
}

/** The items found, in the order of the keys, plus the keys still unprocessed after the retries. */
export type BatchGetResult<T, K = unknown> = T[] & {
  /** The caller's keys DynamoDB still left unprocessed after the retries. */
  unprocessedKeys: K[];
  /** The items' `toJSON()`. */
  toJSON(): ObjectType[];
  /** Populates every item's model references; resolves with the same array, or calls `callback(error, array)`. */
  populate(callback: Callback<BatchGetResult<T, K>>): undefined;
  populate(settings: object, callback: Callback<BatchGetResult<T, K>>): undefined;
  populate(settings?: object): Promise<BatchGetResult<T, K>>;
};

/**
 * The BatchGetItem input for up to 100 converted keys.
 *
 * @example
 * ```ts
 * buildBatchGetInput(schema, "Cat", [{ id: { N: "1" } }], { consistent: true }, target);
 * // { RequestItems: { Cat: { Keys: [{ id: { N: "1" } }], ConsistentRead: true } } }
 * ```
 */
export function buildBatchGetInput(
  schema: CompiledSchema,
  tableName: string,
  keys: readonly Record<string, AttributeValue>[],
  settings: Pick<BatchGetSettings, "attributes" | "consistent">,
  target: ExpressionTarget,
): BatchGetItemCommandInput {
  const request: KeysAndAttributes = { Keys: [...keys] };
  const consistent = booleanSetting(settings.consistent, "batchGet: consistent");
  if (consistent !== undefined) request.ConsistentRead = consistent;
  if (settings.attributes !== undefined) {
    checkAttributePaths(settings.attributes);
    const keyNames = [schema.hashKey, schema.rangeKey].filter((name): name is string => name !== undefined);
    const paths = [
      ...keyNames.filter((name) => !settings.attributes!.includes(name)),
      ...settings.attributes,
    ];
    const names = topLevelNames(paths, target);
    if (names !== undefined) {
      // Dynamoose sends `AttributesToGet` here; it serves whenever every path is a top-level attribute.
      request.AttributesToGet = names;
    } else {
      const registry = new PlaceholderRegistry();
      request.ProjectionExpression = buildProjection(paths, target, registry);
      request.ExpressionAttributeNames = registry.names;
    }
  }
  return { RequestItems: { [tableName]: request } };
}

/** The stored names of `paths` when each is one top-level attribute (aliases resolved), else undefined. */
function topLevelNames(paths: readonly string[], target: ExpressionTarget): string[] | undefined {
  if (!Array.isArray(paths) || paths.some((path) => typeof path !== "string")) return undefined;
  const names: string[] = [];
  for (const path of paths) {
    const segments = parseDocumentPath(path);
    if (segments.length !== 1) return undefined;
    const resolved = target.resolve(segments);
    if (resolved.storedPaths !== undefined || resolved.segments.length !== 1) return undefined;
    const name = resolved.segments[0];
    if (typeof name !== "string") return undefined;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** Runs `Model.batchGet`. */
export async function batchGetByKeys(
  runtime: ModelRuntime,
  keys: unknown,
  rawSettings: BatchGetSettings | undefined,
): Promise<unknown> {
  const settings = checkOptions(
    rawSettings,
    [
      "attributes",
      "consistent",
      "return",
      "concurrency",
      "maxRetries",
      "baseDelay",
      "maxDelay",
      "onProgress",
    ],
    "batchGet",
  );
  if (!Array.isArray(keys)) throw new InvalidParameterType("batchGet needs an array of keys.");
  const schema = runtime.compiled[0]!;
  const { hashKey, rangeKey } = schema;
  const concurrency = concurrencyOf(settings.concurrency, "batchGet");
  const retry = retrySettingsOf(settings);
  checkOnProgress(settings.onProgress);
  const target = expressionTargetOfModel(runtime.compiled); // projections may name any schema's attributes

  // Every key is converted (and so validated) before the first request.
  const converted = await allEntries(
    keys.map((key: unknown, index) =>
      forEntry(entryName("batchGet", index), () => keyOfArgument(runtime, key)),
    ),
  );
  const callerKeys = new Map<string, unknown>();
  const unique: Record<string, AttributeValue>[] = [];
  converted.forEach((key, index) => {
    const id = canonicalKey(key, hashKey, rangeKey);
    if (callerKeys.has(id)) return;
    callerKeys.set(id, keyObjectOf(schema, callerOriginal(keys[index])));
    unique.push(key);
  });
  const chunks = chunk(unique, BATCH_GET_LIMIT);
  const { settings: projected, unasked } = withReadNeeds(runtime, settings);
  const inputs = chunks.map((part) =>
    buildBatchGetInput(schema, runtime.table.name, part, projected, target),
  );
  if (wantsRequest(settings, "batchGet")) return inputs.length === 1 ? inputs[0] : inputs;

  const found = new Map<string, Record<string, AttributeValue>>();
  const tableName = runtime.table.name;
  const { left, failure } = await sendChunks(
    chunks,
    concurrency,
    retry,
    settings.onProgress,
    async (pending, index) => {
      const template = inputs[index]!.RequestItems![tableName]!;
      const input = { RequestItems: { [tableName]: { ...template, Keys: [...pending] } } };
      const output = await sendForModel<BatchGetItemCommandOutput>(runtime, "BatchGetItem", input);
      const images = output.Responses?.[tableName] ?? [];
      if (template.ProjectionExpression !== undefined || template.AttributesToGet !== undefined) {
        const { ProjectionExpression: projection, ExpressionAttributeNames: names } = template;
        markPartialImages(
          images,
          listsReadInPart(projection, names),
          runtime.compiled.length > 1
            ? undefined
            : projection === undefined
              ? new Set(template.AttributesToGet)
              : namesReadWhole(projection, names),
        );
      }
      for (const image of images) found.set(canonicalKey(image, hashKey, rangeKey), image);
      return output.UnprocessedKeys?.[tableName]?.Keys ?? [];
    },
  );
  const unprocessedKeys = unprocessedInCallerOrder(callerKeys, left, hashKey, rangeKey);
  const itemsRead = async (): Promise<object[]> => {
    const items: object[] = [];
    for (const key of unique) {
      const image = found.get(canonicalKey(key, hashKey, rangeKey));
      if (image !== undefined) items.push(await itemFromImage(runtime, image, unasked));
    }
    return items;
  };
  if (failure !== undefined) {
    // What the requests before the failure found is handed over too (not enumerable: a logged error
    // should not print every item), so asking again for only the unread keys loses nothing. The request's
    // failure is the error reported, even if reading those items fails too (a `get` function throwing).
    const error = withUnprocessed(failure.error, "unprocessedKeys", unprocessedKeys);
    const items = await itemsRead().catch(() => undefined);
    if (items !== undefined && typeof error === "object" && error !== null && Object.isExtensible(error)) {
      Object.defineProperty(error, "items", {
        value: withBatchMembers(items, unprocessedKeys),
        writable: true,
        configurable: true,
      });
    }
    throw error;
  }
  return withBatchMembers(await itemsRead(), unprocessedKeys);
}

/** Adds `unprocessedKeys`, `toJSON()` and `populate()` to the result array, as Dynamoose does. */
function withBatchMembers(items: object[], unprocessedKeys: unknown[]): BatchGetResult<object> {
  const result = items as BatchGetResult<object>;
  const hidden = (value: unknown) => ({ value, enumerable: false, writable: true, configurable: true });
  Object.defineProperties(result, {
    unprocessedKeys: hidden(unprocessedKeys),
    toJSON: hidden(() => items.map((item) => (item as { toJSON(): unknown }).toJSON())),
    populate: hidden(
      (settings?: Record<string, unknown> | Callback<unknown>, callback?: Callback<unknown>) => {
        const populated = (options: object) =>
          Promise.all(
            items.map((item) => (item as { populate(s?: object): Promise<unknown> }).populate(options)),
          ).then(() => result);
        if (typeof settings === "function") return withCallback(populated({}), settings);
        return withCallback(populated(settings ?? {}), callback);
      },
    ),
  });
  return result;
}
