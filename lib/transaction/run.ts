// Runs `dynamodel.transaction`: elements awaited → each matched to its model (its origin, or its table
// for a raw element) → input built and checked (pure) → `return: "request"` exits → tables ready → one
// send through middleware and events → items through the read pipeline, or the cancellation's reasons.
import type {
  AttributeValue,
  TransactGetItemsCommandOutput,
  TransactWriteItemsCommandOutput,
} from "@aws-sdk/client-dynamodb";
import { type DynamoCall, send, type SendContext } from "../client/send";
import { InvalidParameter } from "../errors";
import type { Instance } from "../instance";
import { autoPopulate } from "../model/auto-populate";
import { itemFromImage } from "../model/persist";
import { markPartialImages } from "../model/stored-images";
import { isThenable } from "../schema/normalize";
import type { ModelRuntime } from "../model/runtime";
import { modelHooks, operationContext } from "../model/operation-hooks";
import { emitSafely } from "../hooks/events";
import { withHooks } from "../hooks/hooks";
import { checkOptions, wantsRequest } from "../operations/options";
import { valuesSettled } from "../pending-values";
import { allEntries, elementName, forEntry } from "../operations/batch-entry";
import {
  buildTransactionInput,
  elementKeyImage,
  elementParts,
  type PreparedElement,
} from "../operations/transact";
import { originOf, modelOfTable } from "./origins";
import { type SharedTransactionParts, TransactionHooks } from "./hooks";
import { cancellationError, isTransactionCancellation, type ElementContext } from "./reasons";
import type { TransactionSettings } from "./types";
import { listsReadInPart, namesReadWhole } from "../expressions/projection-lists";

interface ResolvedElement extends ElementContext {
  readonly prepared: PreparedElement;
  readonly commit: (() => void) | undefined;
  readonly unasked: readonly string[] | undefined;
}

/** A raw element's key, decoded with the instance's converter, for the reasons of a cancellation. */
function decodedKey(instance: Instance, image: Record<string, AttributeValue>): Record<string, unknown> {
  return instance.aws.converter().unmarshall(image);
}

function resolveElements(instance: Instance, elements: readonly unknown[]): ResolvedElement[] {
  const origins = elements.map((element) => originOf(element));
  // All elements must go to one endpoint: the instance of the first model element decides.
  const nearby: ModelRuntime[] = [];
  for (const origin of origins) if (origin !== undefined) nearby.push(origin.runtime);
  // Only raw elements: the instance whose table the first one names (this one's, else any other's), as
  // Dynamoose finds a table of any instance by its name.
  const home = nearby[0]?.instance ?? rawElementsHome(instance, elements);
  return elements.map((element, index) => {
    const { kind, body, tableName } = elementParts(element, index);
    const origin = origins[index];
    const runtime: ModelRuntime | undefined = origin?.runtime ?? modelOfTable(home, tableName, nearby);
    if (runtime === undefined) {
      throw new InvalidParameter(
        `Table "${tableName}" not found. Please register the table with dynamodel before using it in transactions (element ${index}).`,
      );
    }
    if (runtime.instance !== home) {
      throw new InvalidParameter(
        `You must use a single dynamodel Instance for all tables in a transaction (element ${index} belongs to another one).`,
      );
    }
    const schema = runtime.compiled[0]!;
    const prepared: PreparedElement = {
      kind,
      body,
      tableName,
      hashKey: schema.hashKey,
      rangeKey: schema.rangeKey,
    };
    const key = origin?.key ?? decodedKey(home, elementKeyImage(prepared, index));
    return { kind, runtime, key, prepared, commit: origin?.commit, unasked: origin?.unasked };
  });
}

function rawElementsHome(instance: Instance, elements: readonly unknown[]): Instance {
  if (elements.length === 0) return instance;
  const { tableName } = elementParts(elements[0], 0);
  return (
    (modelOfTable(instance, tableName, []) ?? modelOfTable(undefined, tableName, []))?.instance ?? instance
  );
}

/**
 * One model: its own middleware too, and its name on the call. Several: the instance's middleware, then
 * each model's (in the order the models first appear; a function used by several runs once), and the
 * table names, comma-separated, as the call's `table`.
 */
function sendContextFor(elements: readonly ResolvedElement[]): {
  context: SendContext;
  model: string | undefined;
  table: string;
} {
  const runtimes = [...new Set(elements.map((element) => element.runtime))];
  const tables = [...new Set(elements.map((element) => element.prepared.tableName))];
  if (runtimes.length === 1) {
    return { context: runtimes[0]!.sendContext(), model: runtimes[0]!.name, table: tables.join(", ") };
  }
  const modelMiddleware = [...new Set(runtimes.flatMap((runtime) => runtime.middleware))];
  return { context: runtimes[0]!.table.context(modelMiddleware), model: undefined, table: tables.join(", ") };
}

export async function runTransaction(
  instance: Instance,
  elementInputs: unknown,
  rawSettings: TransactionSettings | undefined,
): Promise<unknown> {
  if (!Array.isArray(elementInputs) || elementInputs.length === 0) {
    throw new InvalidParameter("You must pass in an array with items for the transactions parameter.");
  }
  let settings: TransactionSettings;
  try {
    settings = checkOptions(rawSettings, ["return", "type", "clientRequestToken"], "transaction");
  } catch (error) {
    // Refused before the elements are awaited: one still pending may reject, and nothing else would
    // handle that (an unhandled rejection ends the process).
    for (const input of elementInputs) if (isThenable(input)) Promise.resolve(input).catch(() => undefined);
    throw error;
  }
  // Elements are usually plain objects: only wait (a promise per element, a hop) when one is pending.
  // Either way `inputs` is the library's own array: hooks may replace its elements, never the caller's.
  const inputs: unknown[] = elementInputs.some(isThenable)
    ? await settledElements(elementInputs)
    : elementInputs.slice();
  const elements = resolveElements(instance, inputs);
  // The transaction hooks of every model taking part run once each, in the order the models first appear
  // (then in registration order), each with `this` naming its model; a pre hook may replace the elements
  // (`this.items`, which may hold elements still pending, as the call's own may) or the settings.
  const runtimes = [...new Set(elements.map((element) => element.runtime))];
  const outcome = runtimes.some((runtime) => modelHooks(runtime).has("transaction"))
    ? runWithHooks(instance, runtimes, inputs, settings)
    : sendTransaction(elements, settings);
  // Each model taking part emits `error` when the transaction fails (SPEC §9: once per operation).
  if (!runtimes.some((runtime) => runtime.events.listenerCount("error") > 0)) return outcome;
  return outcome.catch((error: unknown) => {
    for (const runtime of runtimes) {
      emitSafely(
        runtime.events,
        "error",
        error,
        operationContext(runtime, "transaction", { items: inputs, settings }),
      );
    }
    throw error;
  });
}

function runWithHooks(
  instance: Instance,
  runtimes: readonly ModelRuntime[],
  inputs: unknown[],
  settings: TransactionSettings,
): Promise<unknown> {
  const shared: SharedTransactionParts = { items: inputs, settings: { ...settings } };
  return withHooks(new TransactionHooks(runtimes, shared), "transaction", undefined, async () => {
    const settingsNow = shared.settings as TransactionSettings;
    // Resolved again whatever the hooks did: a hook may have replaced `this.items` or changed it in place
    // (push, splice, an element replaced), and resolving is cheap (no pipeline runs again).
    const items = shared.items ?? [];
    const settled = items.some(isThenable) ? await settledElements(items) : items;
    return sendTransaction(resolveElements(instance, settled), settingsNow);
  });
}

/**
 * The elements, once every pending one has settled; an element that failed ("lives" must be a number)
 * is named by its index, and the first in the array's order is the error, as for a batch's entries.
 */
const settledElements = (inputs: readonly unknown[]): Promise<unknown[]> =>
  allEntries(inputs.map((input, index) => forEntry(elementName(index), () => input)));

async function sendTransaction(elements: ResolvedElement[], settings: TransactionSettings): Promise<unknown> {
  const returnRequest = wantsRequest(settings, "transaction");
  // Condition values from an asynchronous `set` (pending-values.ts): known before the size check and the exit.
  for (const element of elements) {
    const settling = valuesSettled(element.prepared.body);
    if (settling !== undefined) await settling;
  }
  const built = buildTransactionInput(
    elements.map((element) => element.prepared),
    settings,
  );
  if (returnRequest) return built.input;

  const setups = new Set<Promise<void>>();
  for (const element of elements) {
    const setup = element.runtime.table.pendingSetup(element.runtime.name);
    if (setup !== undefined) setups.add(setup);
  }
  if (setups.size > 0) await Promise.all(setups);
  const { context, model, table } = sendContextFor(elements);
  const operation = built.type === "get" ? "TransactGetItems" : "TransactWriteItems";
  let output: TransactGetItemsCommandOutput | TransactWriteItemsCommandOutput;
  try {
    // A call of several models names none (no `model` key on the call or its events).
    const call: DynamoCall =
      model === undefined
        ? { operation, input: built.input, table }
        : { operation, input: built.input, model, table };
    output = await send(context, call);
  } catch (error) {
    throw isTransactionCancellation(error) ? await cancellationError(error, elements) : error;
  }
  if (built.type === "write") {
    for (const element of elements) element.commit?.();
    return null;
  }
  const responses = (output as TransactGetItemsCommandOutput).Responses ?? [];
  return Promise.all(
    elements.map((element, index) => {
      const image = responses[index]?.Item;
      // DynamoDB answers `{}` for a key that has no item; an expired item is hidden like on every read.
      if (image === undefined || element.runtime.table.hidesExpired(image)) return undefined;
      // Read with `attributes`: what it left out is unknown, not absent (model/unread.ts).
      const { ProjectionExpression: projection, ExpressionAttributeNames: names } = element.prepared.body;
      if (projection !== undefined) {
        // A raw element's body is the caller's: only a string projection and a names object are read.
        const named = typeof names === "object" && names !== null ? (names as Record<string, string>) : {};
        const text = typeof projection === "string" ? projection : undefined;
        const whole = element.runtime.compiled.length === 1 ? namesReadWhole(text, named) : undefined;
        markPartialImages([image], listsReadInPart(text, named), whole);
      }
      const item = itemFromImage(element.runtime, image, element.unasked);
      // Read like a get (Dynamoose populates these too): the table's `populate` option applies.
      if (element.runtime.table.options.populate === false) return item;
      return Promise.resolve(item).then(async (read) => (await autoPopulate(element.runtime, [read]), read));
    }),
  );
}
