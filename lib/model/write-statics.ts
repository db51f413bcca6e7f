// The statics `update`, `batchGet`, `batchPut` and `batchDelete` of a Model class, with the
// trailing-callback convention of every public async method.
import { withCallback, type Callback } from "../callbacks";
import { batchGetByKeys, type BatchGetSettings } from "../operations/batch-get";
import { autoPopulate } from "./auto-populate";
import { batchDeleteKeys, batchPutObjects, type BatchWriteSettings } from "../operations/batch-write";
import { splitKeyAndUpdate, type UpdateSettings } from "../operations/update";
import { updateByKey } from "../operations/update-run";
import { withConditionCopied } from "../operations/condition-input";
import type { HookContext } from "../hooks/hooks";
import { isObserved, operationContext, runHooked, writeEvent } from "./operation-hooks";
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

/** The `condition` of an operation's settings, if it has one (the hook context shows it as `condition`). */
function conditionOf(settings: unknown): unknown {
  return typeof settings === "object" && settings !== null
    ? (settings as { condition?: unknown }).condition
    : undefined;
}

/**
 * The settings with the context's condition: a pre hook that set `this.condition` changed the request;
 * otherwise `settings.condition` (which a hook may have changed instead) stands.
 */
function withContextCondition<S>(settings: S, context: HookContext, before: unknown): S {
  if (context.condition === before) return settings;
  if (settings === undefined) return { condition: context.condition } as S;
  // Settings that are not an object go through as given, for the operation to report.
  if (typeof settings !== "object" || settings === null) return settings;
  return { ...settings, condition: context.condition };
}

/**
 * `update({...key, ...changes})` split for the hooks by the schema's key attributes, as the operation
 * splits it. A value the operation would reject is left whole, for the operation to report.
 */
function splitForHooks(runtime: ModelRuntime, object: unknown): [unknown, unknown] {
  try {
    return splitKeyAndUpdate(runtime.compiled, object);
  } catch {
    return [object, undefined];
  }
}

export function writeStatics(runtime: ModelRuntime): Record<string, unknown> {
  return {
    update(key: unknown, ...rest: unknown[]) {
      const [[given, givenSettings], callback] = trailingCallback(rest);
      const settings = withConditionCopied(givenSettings);
      // update({...key, ...changes}, null, settings): no update object, as Dynamoose reads any falsy one.
      const update = given || undefined;
      // The item an update returns is read like any other (Dynamoose populates it too): the table's
      // `populate` option applies to it.
      return run(() => {
        const result = updateWithHooks(runtime, key, update, settings);
        // Only a table with the `populate` option pays for the extra step.
        return runtime.table.options.populate === false
          ? result
          : result.then(async (item) => (await autoPopulate(runtime, [item]), item));
      }, callback);
    },
    batchGet(keys: unknown, ...rest: unknown[]) {
      const [[settings], callback] = trailingCallback(rest);
      const read = (): Promise<unknown> => {
        if (!isObserved(runtime, "batchGet")) {
          return batchGetByKeys(runtime, keys, settings as BatchGetSettings | undefined);
        }
        const context = operationContext(runtime, "batchGet", { keys: asList(keys), settings });
        return runHooked(runtime, "batchGet", context, () =>
          batchGetByKeys(runtime, listOrOriginal(context.keys, keys), callerSettings(settings, context)),
        );
      };
      // autoPopulate looks the table up inside the run, so a model that cannot bind rejects.
      return run(async () => {
        const result = await read();
        if (Array.isArray(result)) await autoPopulate(runtime, result);
        return result;
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
          () => writeEvent("batchPut", context.settings),
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
          () => writeEvent("batchDelete", context.settings),
        );
      }, callback);
    },
  };
}

/** `update`'s operation between its hooks (when any are registered) and its events. */
function updateWithHooks(
  runtime: ModelRuntime,
  key: unknown,
  update: unknown,
  settings: unknown,
): Promise<unknown> {
  if (!isObserved(runtime, "update", "update")) {
    return updateByKey(runtime, key, update, settings as UpdateSettings | undefined);
  }
  // The hooks see the request as the operation reads it: the one-argument form
  // update({...key, ...changes}) split by the key attributes, the condition as `condition`.
  const [contextKey, contextUpdate] = update === undefined ? splitForHooks(runtime, key) : [key, update];
  const context = operationContext(runtime, "update", {
    key: contextKey,
    update: contextUpdate,
    condition: conditionOf(settings),
    settings,
  });
  const before = context.condition;
  return runHooked(
    runtime,
    "update",
    context,
    () =>
      updateByKey(
        runtime,
        context.key,
        context.update,
        withContextCondition(callerSettings<UpdateSettings | undefined>(settings, context), context, before),
      ),
    () => writeEvent("update", context.settings),
  );
}
