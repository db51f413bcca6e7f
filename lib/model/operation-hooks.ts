// Hooks and events around a model-level operation (SPEC §9): the pre hooks see a context whose request
// parts they may change, the operation runs with the context as it is then, the post hooks see the
// result; afterwards the model emits the operation's event (or `error`). Document operations (save,
// delete of an item) use the same helper with the item as the target.
import { emitSafely, type ModelEventName } from "../hooks/events";
import { withHooks, type HookContext, type HookOperation } from "../hooks/hooks";
import type { ModelRuntime } from "./runtime";

/** The schema whose hooks a model operation runs: the model's first (primary) schema. */
function hooksOf(runtime: ModelRuntime) {
  return runtime.compiled[0]!.hooks;
}

/**
 * Whether anything observes `operation`: hooks registered for it, or listeners for its event or for
 * `error`. When nothing does, callers run the operation directly and build no context (hot path).
 */
export function isObserved(runtime: ModelRuntime, operation: HookOperation, event?: ModelEventName): boolean {
  const events = runtime.events;
  return (
    hooksOf(runtime).has(operation) ||
    events.listenerCount("error") > 0 ||
    (event !== undefined && events.listenerCount(event) > 0)
  );
}

/** A fresh context for a model-level operation. */
export function operationContext(
  runtime: ModelRuntime,
  operation: HookOperation,
  parts: Omit<HookContext, "model" | "operation" | "settings"> & { settings?: unknown },
): HookContext {
  const settings = parts.settings;
  return {
    ...parts,
    model: runtime.name,
    operation,
    settings:
      typeof settings === "object" && settings !== null ? { ...(settings as Record<string, unknown>) } : {},
  };
}

/**
 * Runs `work` between the operation's hooks with `target` as `this`, then emits `event` with the result
 * (and the target), or `error` with the error. Listeners never affect the outcome.
 */
export function runHooked<T>(
  runtime: ModelRuntime,
  operation: HookOperation,
  target: object,
  work: () => Promise<T>,
  event?: ModelEventName,
): Promise<T> {
  // Nothing observes it (the common case): no hook chain, no event, not even an extra promise.
  if (!isObserved(runtime, operation, event)) {
    try {
      return work();
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }
  return runObserved(runtime, operation, target, work, event);
}

async function runObserved<T>(
  runtime: ModelRuntime,
  operation: HookOperation,
  target: object,
  work: () => Promise<T>,
  event: ModelEventName | undefined,
): Promise<T> {
  try {
    const result = await withHooks(hooksOf(runtime), operation, target, work);
    if (event !== undefined) emitSafely(runtime.events, event, result, target);
    return result;
  } catch (error) {
    emitSafely(runtime.events, "error", error, target);
    throw error;
  }
}
