// Hooks and events around a model-level operation (SPEC §9): the pre hooks see a context whose request
// parts they may change, the operation runs with the context as it is then, the post hooks see the
// result; afterwards the model emits the operation's event (or `error`). Document operations (save,
// delete of an item) use the same helpers with the item as the target and its schema's hooks.
import { CombinedHooks } from "../hooks/combined";
import { emitSafely, type ModelEventName } from "../hooks/events";
import { withHooks, type HookContext, type HookOperation, type HookRunner } from "../hooks/hooks";
import type { ModelRuntime } from "./runtime";
import { copyData } from "../copy-data";
import { copyForHooks } from "../operations/hook-copies";

const combinedHooks = new WeakMap<ModelRuntime, CombinedHooks>();

/**
 * The hooks a model-level operation runs: those of every schema of the model (schema order, then
 * registration order; a function on several schemas once). A one-schema model uses its schema's own
 * registry, so it pays nothing for this; a multi-schema model builds its combined view once.
 */
export function modelHooks(runtime: ModelRuntime): HookRunner {
  const compiled = runtime.compiled;
  if (compiled.length === 1) return compiled[0]!.hooks;
  let combined = combinedHooks.get(runtime);
  if (combined === undefined) {
    combined = new CombinedHooks(compiled.map((schema) => schema.hooks));
    combinedHooks.set(runtime, combined);
  }
  return combined;
}

/**
 * Whether anything observes `operation`: hooks registered for it (in `hooks`: by default the model's,
 * for a document operation its schema's), or listeners for its event or for `error`. When nothing does,
 * callers run the operation directly and build no context (hot path).
 */
export function isObserved(
  runtime: ModelRuntime,
  operation: HookOperation,
  event?: ModelEventName,
  hooks: HookRunner = modelHooks(runtime),
): boolean {
  const events = runtime.events;
  return (
    hooks.has(operation) ||
    events.listenerCount("error") > 0 ||
    (event !== undefined && events.listenerCount(event) > 0)
  );
}

/**
 * A fresh context for a model-level operation. When pre hooks may change its request parts, the key,
 * update, items and keys are copies of the caller's plain data (items of the model stay the caller's), so a
 * hook's change reaches this run and not the caller's objects, as for settings and conditions.
 */
export function operationContext(
  runtime: ModelRuntime,
  operation: HookOperation,
  parts: Omit<HookContext, "model" | "operation" | "settings"> & { settings?: unknown },
): HookContext {
  const settings = parts.settings;
  const changeable = modelHooks(runtime).hasPre(operation);
  return {
    ...parts,
    ...(changeable ? copiedRequestParts(parts) : undefined),
    model: runtime.name,
    operation,
    settings:
      settings === undefined || settings === null
        ? {}
        : typeof settings === "object" && !Array.isArray(settings)
          ? { ...(settings as Record<string, unknown>) }
          : // Settings that are no options object (`5`, `"x"`, `[]`) go through as given, so the operation
            // refuses them as it does when nothing observes it, instead of running with none.
            (settings as Record<string, unknown>),
  };
}

/**
 * The event a write emits once it has succeeded; none when its settings ask for the request only
 * (`return: "request"`): nothing was written, and a listener recording writes must not see one.
 */
export function writeEvent(event: ModelEventName, settings: unknown): ModelEventName | undefined {
  const requestOnly =
    typeof settings === "object" &&
    settings !== null &&
    (settings as { return?: unknown }).return === "request";
  return requestOnly ? undefined : event;
}

/**
 * The event of a write, or a function that names it once the operation has run: a pre hook may change a
 * model-level write's settings (`this.settings.return = "request"`), and with them whether it writes.
 */
export type EventOfWrite = ModelEventName | (() => ModelEventName | undefined);

/**
 * Runs `work` between the operation's hooks (`hooks`: by default the model's) with `target` as `this`,
 * then emits `event` with the result (and the target), or `error` with the error. Listeners never affect
 * the outcome.
 */
export function runHooked<T>(
  runtime: ModelRuntime,
  operation: HookOperation,
  target: object,
  work: () => Promise<T>,
  event?: EventOfWrite,
  hooks: HookRunner = modelHooks(runtime),
): Promise<T> {
  // Nothing observes it (the common case): no hook chain, no event, not even an extra promise. (An event
  // named only after the run comes from a caller that has asked isObserved itself.)
  if (typeof event !== "function" && !isObserved(runtime, operation, event, hooks)) {
    try {
      return work();
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }
  return runObserved(runtime, hooks, operation, target, work, event);
}

/**
 * `runHooked`'s observed path (`first`: a step before the pre hooks, as validation is for a save). The
 * write event follows the write: when a post hook then fails, the operation rejects and emits `error`,
 * but what was written is still announced first, so a listener mirroring writes misses none.
 */
export async function runObserved<T>(
  runtime: ModelRuntime,
  hooks: HookRunner,
  operation: HookOperation,
  target: object,
  work: () => Promise<T>,
  event: EventOfWrite | undefined,
  first?: () => Promise<unknown>,
): Promise<T> {
  let written: { result: T } | undefined;
  const writing = async (): Promise<T> => {
    const result = await work();
    written = { result };
    return result;
  };
  let result: T;
  try {
    result = await withHooks(hooks, operation, target, writing, first);
  } catch (error) {
    if (written !== undefined) emitWrite(runtime, event, written.result, target);
    emitSafely(runtime.events, "error", error, target);
    throw error;
  }
  emitWrite(runtime, event, result, target);
  return result;
}

/**
 * An operation refused before it could start (a missing key, bad options): its error handlers and the
 * `error` event see the refusal, as they see one found later, but no pre hook runs for a call that cannot.
 */
export function refuseObserved(
  runtime: ModelRuntime,
  operation: HookOperation,
  target: object,
  error: unknown,
  hooks: HookRunner = modelHooks(runtime),
): Promise<never> {
  if (!isObserved(runtime, operation, undefined, hooks)) return Promise.reject(error as Error);
  const refused = () => Promise.reject(error as Error);
  return runObserved<never>(runtime, hooks, operation, target, refused, undefined, refused);
}

function emitWrite(
  runtime: ModelRuntime,
  event: EventOfWrite | undefined,
  result: unknown,
  target: object,
): void {
  const emitted = typeof event === "function" ? event() : event;
  if (emitted !== undefined) emitSafely(runtime.events, emitted, result, target);
}

/** The request parts of `parts` that are present, each a deep copy of its plain data. */
function copiedRequestParts(
  parts: Pick<HookContext, "key" | "update" | "items" | "keys">,
): Partial<HookContext> {
  const copies: Partial<Pick<HookContext, "key" | "update" | "items" | "keys">> = {};
  if ("key" in parts) copies.key = copyData(parts.key);
  if ("update" in parts) copies.update = copyData(parts.update);
  // Batch entries remember the caller's, which the batch reports as unprocessed (hook-copies.ts).
  if (parts.items !== undefined) copies.items = parts.items.map(copyForHooks);
  if (parts.keys !== undefined) copies.keys = parts.keys.map(copyForHooks);
  return copies;
}
