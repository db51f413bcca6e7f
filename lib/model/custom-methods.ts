// Model.methods: custom statics (`methods.set`) and item methods (`methods.item.set`), Dynamoose-style.
// A trailing callback argument gets the result of a promise-returning method; built-ins are never
// replaced.
import type { Callback } from "../callbacks";
import { Item } from "./item";
import type { ModelClass } from "./runtime";

/** Built-in statics a custom method may not replace. */
export const BUILT_INS = new Set([
  "get",
  "create",
  "delete",
  "update",
  "batchGet",
  "batchPut",
  "batchDelete",
  "query",
  "scan",
  "table",
  "methods",
  "serializer",
  "serializeMany",
  "transaction",
  "name",
  "schema",
  "schemas",
  "on",
  "once",
  "off",
  "use",
]);

export function methodsApi(model: ModelClass) {
  const wrap = (fn: (...args: unknown[]) => unknown, self: () => unknown) =>
    function (this: unknown, ...args: unknown[]) {
      const callback =
        typeof args[args.length - 1] === "function"
          ? (args[args.length - 1] as Callback<unknown>)
          : undefined;
      const result = fn.apply(self() ?? this, args);
      if (callback && result instanceof Promise) {
        result.then(
          (value) => callback(null, value),
          (error: unknown) => callback(error),
        );
        return undefined;
      }
      return result;
    };
  const target = model as unknown as Record<string, unknown>;
  const prototype = model.prototype as Record<string, unknown>;
  return {
    set(name: string, fn: (...args: unknown[]) => unknown) {
      if (BUILT_INS.has(name)) return model; // built-ins cannot be replaced, as in Dynamoose
      Object.defineProperty(target, name, {
        value: wrap(fn, () => model),
        writable: true,
        configurable: true,
      });
      return model;
    },
    delete(name: string) {
      if (!BUILT_INS.has(name)) delete target[name];
    },
    item: {
      set(name: string, fn: (...args: unknown[]) => unknown) {
        if (name in Item.prototype) return model;
        Object.defineProperty(prototype, name, {
          value: wrap(fn, () => undefined),
          writable: true,
          configurable: true,
        });
        return model;
      },
      delete(name: string) {
        if (!(name in Item.prototype)) delete prototype[name];
      },
    },
  };
}
