// The statics `update`, `batchGet`, `batchPut` and `batchDelete` of a Model class, with the
// trailing-callback convention of every public async method.
import { withCallback, type Callback } from "../callbacks";
import { batchGetByKeys, type BatchGetSettings } from "../operations/batch-get";
import { batchDeleteKeys, batchPutObjects, type BatchWriteSettings } from "../operations/batch-write";
import type { UpdateSettings } from "../operations/update";
import { updateByKey } from "../operations/update-run";
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

export function writeStatics(runtime: ModelRuntime): Record<string, unknown> {
  return {
    update(key: unknown, ...rest: unknown[]) {
      const [[update, settings], callback] = trailingCallback(rest);
      return run(() => updateByKey(runtime, key, update, settings as UpdateSettings | undefined), callback);
    },
    batchGet(keys: unknown, ...rest: unknown[]) {
      const [[settings], callback] = trailingCallback(rest);
      return run(() => batchGetByKeys(runtime, keys, settings as BatchGetSettings | undefined), callback);
    },
    batchPut(objects: unknown, ...rest: unknown[]) {
      const [[settings], callback] = trailingCallback(rest);
      return run(
        () => batchPutObjects(runtime, objects, settings as BatchWriteSettings | undefined),
        callback,
      );
    },
    batchDelete(keys: unknown, ...rest: unknown[]) {
      const [[settings], callback] = trailingCallback(rest);
      return run(() => batchDeleteKeys(runtime, keys, settings as BatchWriteSettings | undefined), callback);
    },
  };
}
