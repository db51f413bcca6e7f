// The statics `update`, `batchGet`, `batchPut` and `batchDelete` of a Model class, with the
// trailing-callback convention of every public async method.
import { withCallback, type Callback } from "../callbacks";
import { batchGetByKeys, type BatchGetSettings } from "../operations/batch-get";
import { batchDeleteKeys, batchPutObjects, type BatchWriteSettings } from "../operations/batch-write";
import type { UpdateSettings } from "../operations/update";
import { updateByKey } from "../operations/update-run";
import { isObserved, operationContext, runHooked } from "./operation-hooks";
import type { ModelRuntime } from "./runtime";

/** Splits a trailing callback off `args`. */
function trailingCallback(args: unknown[]): [unknown[], Callback<unknown> | undefined] {
  const last = args[args.length - 1];
  return typeof last === "function" ? [args.slice(0, -1), last as Callback<unknown>] : [args, undefined];
}

/** Runs `work` on the next tick, so even a synchronous throw becomes a rejection (or a callback error). */
function run(work: () => Promise<unknown>, callback: Callback<unknown> | undefined) {
  return withCallback(Promise.resolve().then(work), callback);
}

/** A copy of an array argument for the hook context (anything else is passed on untouched). */
function asList(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? [...value] : undefined;
}

function listOrOriginal(list: unknown[] | undefined, original: unknown): unknown {
  return list ?? original;
}

/**
 * The settings an operation runs with: the caller's, unless a pre hook changed the context's copy.
 * (Passing the caller's own object keeps `undefined` settings and unknown-option errors as they were.)
 */
function callerSettings<S>(original: unknown, context: { settings: Record<string, unknown> }): S {
  // A non-object goes through as given, so the operation reports it as the invalid option it is.
  if (original !== undefined && (typeof original !== "object" || original === null)) return original as S;
  if (original === undefined && Object.keys(context.settings).length === 0) return undefined as S;
  return context.settings as S;
}

export function writeStatics(runtime: ModelRuntime): Record<string, unknown> {
  return {
    update(key: unknown, ...rest: unknown[]) {
      const [[update, settings], callback] = trailingCallback(rest);
      return run(() => {
        if (!isObserved(runtime, "update", "update")) {
          return updateByKey(runtime, key, update, settings as UpdateSettings | undefined);
        }
        // The one-argument form update({...key, ...changes}) is split by updateByKey itself.
        const context = operationContext(runtime, "update", { key, update, settings });
        return runHooked(
          runtime,
          "update",
          context,
          () => updateByKey(runtime, context.key, context.update, callerSettings(settings, context)),
          "update",
        );
      }, callback);
    },
    batchGet(keys: unknown, ...rest: unknown[]) {
      const [[settings], callback] = trailingCallback(rest);
      return run(() => {
        if (!isObserved(runtime, "batchGet")) {
          return batchGetByKeys(runtime, keys, settings as BatchGetSettings | undefined);
        }
        const context = operationContext(runtime, "batchGet", { keys: asList(keys), settings });
        return runHooked(runtime, "batchGet", context, () =>
          batchGetByKeys(runtime, listOrOriginal(context.keys, keys), callerSettings(settings, context)),
        );
      }, callback);
    },
    batchPut(objects: unknown, ...rest: unknown[]) {
      const [[settings], callback] = trailingCallback(rest);
      return run(() => {
        if (!isObserved(runtime, "batchPut", "batchPut")) {
          return batchPutObjects(runtime, objects, settings as BatchWriteSettings | undefined);
        }
        const context = operationContext(runtime, "batchPut", { items: asList(objects), settings });
        return runHooked(
          runtime,
          "batchPut",
          context,
          () =>
            batchPutObjects(
              runtime,
              listOrOriginal(context.items, objects),
              callerSettings(settings, context),
            ),
          "batchPut",
        );
      }, callback);
    },
    batchDelete(keys: unknown, ...rest: unknown[]) {
      const [[settings], callback] = trailingCallback(rest);
      return run(() => {
        if (!isObserved(runtime, "batchDelete", "batchDelete")) {
          return batchDeleteKeys(runtime, keys, settings as BatchWriteSettings | undefined);
        }
        const context = operationContext(runtime, "batchDelete", { keys: asList(keys), settings });
        return runHooked(
          runtime,
          "batchDelete",
          context,
          () =>
            batchDeleteKeys(runtime, listOrOriginal(context.keys, keys), callerSettings(settings, context)),
          "batchDelete",
        );
      }, callback);
    },
  };
}
