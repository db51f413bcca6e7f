// BatchWriteItem for `Model.batchPut(objects)` and `Model.batchDelete(keys)`: every entry validated
// (write pipeline / key conversion) before the first request, chunks of 25 with bounded concurrency,
// unprocessed entries and throttling retried; what is still unprocessed after the retries is reported
// as the caller's own objects or keys.
import type {
  AttributeValue,
  BatchWriteItemCommandInput,
  BatchWriteItemCommandOutput,
  WriteRequest,
} from "@aws-sdk/client-dynamodb";
import { describeValue, InvalidParameter, InvalidParameterType } from "../errors";
import { sendForModel } from "../model/persist";
import { schemaFor, type ModelRuntime } from "../model/runtime";
import { stampVersion } from "../model/version";
import { keyOfArgument } from "../model/stored-key";
import { keyObjectOf } from "../schema/key";
import type { CompiledSchema } from "../schema/compiled";
import { writePipeline, type WriteResult } from "../schema/write";
import { validateHooked } from "../model/save-write";
import { unmarshalledInput } from "../model/attribute-value-input";
import {
  canonicalKey,
  unprocessedInCallerOrder,
  checkOnProgress,
  chunk,
  concurrencyOf,
} from "./batch-chunks";
import type { BatchProgress } from "./batch-get";
import { callerOriginal } from "./hook-copies";
import { allEntries, entryName, forEntry } from "./batch-entry";
import { checkOptions, wantsRequest } from "./options";
import { retrySettingsOf, type RetryOptions } from "./retry";
import { sendChunks, withUnprocessed } from "./batch-send";

/** DynamoDB's limit of writes per BatchWriteItem. */
export const BATCH_WRITE_LIMIT = 25;

export interface BatchWriteSettings extends RetryOptions {
  /** Chunks in flight at once (default 4). */
  concurrency?: number;
  onProgress?: (progress: BatchProgress) => void;
  /** `"request"`: resolve with the BatchWriteItem input (an array of them beyond 25 entries). */
  return?: "response" | "request";
}

/** The caller's objects (batchPut) or keys (batchDelete) still unprocessed after the retries. */
export interface BatchWriteResult<T> {
  unprocessedItems: T[];
}

const OPTIONS = ["return", "concurrency", "maxRetries", "baseDelay", "maxDelay", "onProgress"];

/**
 * The BatchWriteItem input for up to 25 write requests.
 *
 * @example
 * ```ts
 * buildBatchWriteInput("Cat", [{ DeleteRequest: { Key: { id: { N: "1" } } } }]);
 * // { RequestItems: { Cat: [{ DeleteRequest: { Key: { id: { N: "1" } } } }] } }
 * ```
 */
export function buildBatchWriteInput(
  tableName: string,
  requests: readonly WriteRequest[],
): BatchWriteItemCommandInput {
  return { RequestItems: { [tableName]: [...requests] } };
}

/**
 * Collects requests by key: DynamoDB rejects a batch naming one key twice, so a repeated key keeps only
 * its last request (the result of writing them in order), and its caller entry.
 */
class RequestsByKey {
  readonly requests: WriteRequest[] = [];
  readonly owners = new Map<string, unknown>();
  readonly #positions = new Map<string, number>();

  add(id: string, request: WriteRequest, owner: unknown): void {
    const position = this.#positions.get(id);
    if (position === undefined) {
      this.#positions.set(id, this.requests.length);
      this.requests.push(request);
    } else {
      this.requests[position] = request;
    }
    this.owners.set(id, owner);
  }
}

async function sendAll(
  runtime: ModelRuntime,
  collected: RequestsByKey,
  settings: BatchWriteSettings,
  operation: string,
): Promise<unknown> {
  const tableName = runtime.table.name;
  const { hashKey, rangeKey } = runtime.compiled[0]!;
  const concurrency = concurrencyOf(settings.concurrency, operation);
  const retry = retrySettingsOf(settings);
  checkOnProgress(settings.onProgress);
  const chunks = chunk(collected.requests, BATCH_WRITE_LIMIT);
  if (wantsRequest(settings, operation)) {
    const inputs = chunks.map((part) => buildBatchWriteInput(tableName, part));
    return inputs.length === 1 ? inputs[0] : inputs;
  }
  const { left, failure } = await sendChunks(
    chunks,
    concurrency,
    retry,
    settings.onProgress,
    async (pending) => {
      const input = buildBatchWriteInput(tableName, pending);
      const output = await sendForModel<BatchWriteItemCommandOutput>(runtime, "BatchWriteItem", input);
      return output.UnprocessedItems?.[tableName] ?? [];
    },
  );
  const keyOf = (request: WriteRequest): Record<string, AttributeValue> =>
    request.PutRequest?.Item ?? request.DeleteRequest?.Key ?? {};
  const unprocessedItems = unprocessedInCallerOrder(collected.owners, left.map(keyOf), hashKey, rangeKey);
  // Chunks written before the failure stay written: the error says which entries were not.
  if (failure !== undefined) throw withUnprocessed(failure.error, "unprocessedItems", unprocessedItems);
  return { unprocessedItems };
}

/**
 * One batchPut object through the write pipeline. When its schema has `validate` hooks they run around
 * it, as Mongoose's `insertMany` runs them for each document: `this` is a new item made from the object,
 * and what the pre hooks leave in that item is what is written. Without hooks no item is made.
 */
function validateEntry(
  runtime: ModelRuntime,
  schema: CompiledSchema,
  object: Record<string, unknown>,
  now: Date,
): Promise<WriteResult> {
  if (!schema.hooks.has("validate")) return writePipeline(schema, object, { isNew: true, now });
  const item = new runtime.model(object);
  return validateHooked(schema, item, () => {
    // Chosen again after the pre hooks, which may have changed which schema the item fits (as on save).
    const data = { ...(item as Record<string, unknown>) };
    return writePipeline(schemaFor(runtime, data), data, { isNew: true, now });
  });
}

/**
 * A batch write cannot be conditional: under optimistic locking it starts items at version 1 (a version
 * the caller gave is kept). Stamped inside the entry's validation, so an item the version takes over
 * 400 KB is refused, naming its entry, before any chunk is sent.
 */
function firstVersion(result: WriteResult, schema: CompiledSchema): WriteResult {
  const version = schema.version!;
  if (result.attributes[version] === undefined) stampVersion(result, version, 1, schema.shape);
  return result;
}

/** Runs `Model.batchPut`: every object through the write pipeline first, then PutRequests. */
export async function batchPutObjects(
  runtime: ModelRuntime,
  objects: unknown,
  rawSettings: BatchWriteSettings | undefined,
): Promise<unknown> {
  const settings = checkOptions(rawSettings, OPTIONS, "batchPut");
  if (!Array.isArray(objects)) throw new InvalidParameterType("batchPut needs an array of objects.");
  // Check every entry's shape before any pipeline starts: a synchronous throw in the middle of starting
  // them would leave the earlier pipelines' rejections unhandled.
  objects.forEach((object: unknown, index) => {
    if (typeof object !== "object" || object === null || Array.isArray(object)) {
      throw new InvalidParameterType(
        `batchPut needs objects (got ${describeValue(object)} as ${entryName("batchPut", index)}).`,
      );
    }
  });
  const now = new Date();
  // DynamoDB-JSON objects are read as `new Model(object)` reads them (attribute-value-input.ts), so an
  // object is written the same way whether or not its schema has validate hooks.
  const inputs = objects.map(
    (object: Record<string, unknown>) => unmarshalledInput(runtime.model, object) ?? object,
  );
  const schemas = inputs.map((input) => schemaFor(runtime, input));
  const written = await allEntries(
    inputs.map((input, index) =>
      forEntry(entryName("batchPut", index), () => {
        const schema = schemas[index]!;
        const validated = validateEntry(runtime, schema, input, now);
        return schema.version === undefined
          ? validated
          : validated.then((result) => firstVersion(result, schema));
      }),
    ),
  );
  const { hashKey, rangeKey } = runtime.compiled[0]!;
  const collected = new RequestsByKey();
  const entryOfKey = new Map<string, number>();
  written.forEach((result, index) => {
    const id = canonicalKey(result.attributes, hashKey, rangeKey);
    const earlier = entryOfKey.get(id);
    if (earlier !== undefined) throw duplicateKey(earlier, index, result.attributes, hashKey, rangeKey);
    entryOfKey.set(id, index);
    collected.add(id, { PutRequest: { Item: result.attributes } }, callerOriginal(objects[index]));
  });
  return sendAll(runtime, collected, settings, "batchPut");
}

/**
 * Two `batchPut` entries for one item: DynamoDB refuses a key twice in one request (Dynamoose's batchPut
 * fails so, writing nothing), and keeping either would silently drop the other.
 */
function duplicateKey(
  first: number,
  second: number,
  attributes: Record<string, AttributeValue>,
  hashKey: string,
  rangeKey: string | undefined,
): InvalidParameter {
  const key = rangeKey === undefined ? [hashKey] : [hashKey, rangeKey];
  const shown = key.map((name) => `${name}: ${describeValue(keyValue(attributes[name]!))}`).join(", ");
  return new InvalidParameter(
    `batchPut entries [${first}] and [${second}] have the same key ({${shown}}): one item can be written ` +
      "once per batch (DynamoDB refuses a key twice). Merge them, or write them one after the other.",
  );
}

/** A stored key value (S, N or B) as the error shows it. */
function keyValue(value: AttributeValue): unknown {
  return value.S ?? (value.N === undefined ? value.B : Number(value.N));
}

/** Runs `Model.batchDelete`: every key converted first, then DeleteRequests. */
export async function batchDeleteKeys(
  runtime: ModelRuntime,
  keys: unknown,
  rawSettings: BatchWriteSettings | undefined,
): Promise<unknown> {
  const settings = checkOptions(rawSettings, OPTIONS, "batchDelete");
  if (!Array.isArray(keys)) throw new InvalidParameterType("batchDelete needs an array of keys.");
  const schema = runtime.compiled[0]!;
  // forEntry is async: every conversion's failure is a rejection allEntries handles, never a stray one.
  const converted = await allEntries(
    keys.map((key: unknown, index) =>
      forEntry(entryName("batchDelete", index), () => keyOfArgument(runtime, key)),
    ),
  );
  const collected = new RequestsByKey();
  converted.forEach((key, index) => {
    collected.add(
      canonicalKey(key, schema.hashKey, schema.rangeKey),
      { DeleteRequest: { Key: key } },
      keyObjectOf(schema, callerOriginal(keys[index])),
    );
  });
  return sendAll(runtime, collected, settings, "batchDelete");
}
