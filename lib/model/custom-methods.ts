// Model.methods: custom statics (`methods.set`) and item methods (`methods.item.set`), Dynamoose-style:
// a method may return a value, return a promise, or report through a Node-style callback. Built-ins are
// never replaced, except item methods Dynamoose does not have (see ITEM_METHODS_A_CUSTOM_ONE_REPLACES).
import { describeValue, InvalidParameterType } from "../errors";
import { isThenable } from "../schema/normalize";
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
  "Item",
  "Model",
]);

/**
 * Item methods dynamodel adds to Dynamoose's. Code written for Dynamoose may have given one of these names
 * a meaning of its own with `methods.item.set` (Dynamoose had no such built-in to protect), and switching
 * the import must not silently run dynamodel's method instead: the custom method replaces it on that
 * model's items, and `methods.item.delete` brings the built-in back.
 */
const ITEM_METHODS_A_CUSTOM_ONE_REPLACES: ReadonlySet<string> = new Set([
  "validate",
  "isDirty",
  "modifiedPaths",
]);

/** Whether `methods.item.set(name, …)` leaves `name` alone: a built-in item member Dynamoose has too. */
function isProtectedItemMember(name: string): boolean {
  return name in Item.prototype && !ITEM_METHODS_A_CUSTOM_ONE_REPLACES.has(name);
}

type CustomMethod = (...args: unknown[]) => unknown;

const takesAnyCount = new WeakMap<CustomMethod, boolean>();
// A rest parameter is always last: `...name)` right before the body.
const REST_PARAMETER = /\.\.\.\s*[A-Za-z_$][\w$]*\s*\)\s*(?:=>|\{)/;
const READS_ARGUMENTS = /\barguments\b/;

/**
 * Whether a method takes any number of arguments (a rest parameter, or `arguments`), as Dynamoose-style
 * callback methods often do (`function (...args) { const cb = args.at(-1); … }`): `length` does not count
 * those, so without this they would get no callback. An async method settles through its promise and is
 * never given one. Worked out once per method, from its source.
 */
function takesAnyNumberOfArguments(fn: CustomMethod): boolean {
  let answer = takesAnyCount.get(fn);
  if (answer === undefined) {
    const source = Function.prototype.toString.call(fn);
    answer =
      Object.prototype.toString.call(fn) !== "[object AsyncFunction]" &&
      (REST_PARAMETER.test(source) || READS_ARGUMENTS.test(source));
    takesAnyCount.set(fn, answer);
  }
  return answer;
}

/**
 * Calls a custom method the way Dynamoose does (§3.8), settling exactly once:
 * - A trailing function argument is the caller's callback: the method gets it (as its last argument) and
 *   the call returns `undefined`; the callback receives whatever the method produces first — the very
 *   arguments it passes to the callback, when it passes them (as Dynamoose hands the method the caller's
 *   own callback), what a promise it returns settles with, or a value it returns (not `undefined`) — or
 *   what it throws.
 * - Without one, a method that declares more parameters than it was given, or takes any number of them
 *   (a rest parameter or `arguments`, not async), is callback-style: a callback is added as its next
 *   argument and the call returns a Promise of the same "whatever comes first" (a method that returns
 *   `undefined` is waited on until it calls the callback).
 * - Any other call is passed straight through: a promise-returning method returns its promise, a
 *   synchronous one its value.
 */
function callCustomMethod(fn: CustomMethod, self: unknown, args: unknown[]): unknown {
  const last = args[args.length - 1];
  const callerCallback = typeof last === "function" ? (last as (...results: unknown[]) => void) : undefined;
  if (callerCallback !== undefined) return callWithCallersCallback(fn, self, args, callerCallback);
  if (fn.length <= args.length && !takesAnyNumberOfArguments(fn)) return fn.apply(self, args);

  return new Promise<unknown>((resolve, reject) => {
    let settled = false;
    const once =
      <T>(settle: (value: T) => void) =>
      (value: T): void => {
        if (settled) return;
        settled = true;
        settle(value);
      };
    const succeed = once(resolve);
    const fail = once(reject);
    // Node-style: a truthy first argument is the error (as in Dynamoose's wrapper).
    const callback = (error: unknown, result?: unknown): void => (error ? fail(error) : succeed(result));
    let returned: unknown;
    try {
      returned = fn.apply(self, [...args, callback]);
    } catch (error) {
      fail(error);
      return;
    }
    if (isThenable(returned)) returned.then(succeed, fail);
    else if (returned !== undefined) succeed(returned);
  });
}

/**
 * A call given the caller's callback: what the method passes to it reaches it unchanged and when the
 * method calls it (`done()` gives `()`, `done(null, a, b)` three arguments), as in Dynamoose. A returned
 * promise or value, or a throw, reaches it as `(null, result)` or `(error)`, later. Only the first outcome
 * counts.
 */
function callWithCallersCallback(
  fn: CustomMethod,
  self: unknown,
  args: unknown[],
  callerCallback: (...results: unknown[]) => void,
): undefined {
  let settled = false;
  const forward = (...results: unknown[]): void => {
    if (settled) return;
    settled = true;
    callerCallback(...results);
  };
  const forwardLater = (...results: unknown[]): void => queueMicrotask(() => forward(...results));
  let returned: unknown;
  try {
    returned = fn.apply(self, [...args.slice(0, -1), forward]);
  } catch (error) {
    // Thrown once the call has settled (by the caller's own callback, run inside the method, or by the
    // method after calling it): the caller's to see, as Dynamoose lets it through.
    if (settled) throw error;
    forwardLater(error);
    return undefined;
  }
  if (isThenable(returned)) returned.then((result) => forward(null, result), forward);
  else if (returned !== undefined) forwardLater(null, returned);
  return undefined;
}

/** A method needs a name and a function: anything else would fail only when called, far from here. */
function checkMethod(name: unknown, fn: unknown, where: string): void {
  if (typeof name !== "string" || name === "") {
    throw new InvalidParameterType(`${where}() needs a method name (got ${describeValue(name)}).`);
  }
  if (typeof fn !== "function") {
    throw new InvalidParameterType(`${where}("${name}") needs a function (got ${describeValue(fn)}).`);
  }
}

export function methodsApi(model: ModelClass) {
  const staticMethod = (fn: CustomMethod) =>
    function (...args: unknown[]) {
      return callCustomMethod(fn, model, args);
    };
  const itemMethod = (fn: CustomMethod) =>
    function (this: unknown, ...args: unknown[]) {
      return callCustomMethod(fn, this, args);
    };
  const target = model as unknown as Record<string, unknown>;
  const prototype = model.prototype as Record<string, unknown>;
  // Built-ins (the model's, every function's — call, bind, toString… — and the class's own `prototype`) are
  // kept, as in Dynamoose, where replacing one "will fail silently".
  const isBuiltIn = (name: string) =>
    BUILT_INS.has(name) ||
    name in Function.prototype ||
    Object.getOwnPropertyDescriptor(target, name)?.configurable === false;
  return {
    set(name: string, fn: CustomMethod) {
      checkMethod(name, fn, "methods.set");
      if (isBuiltIn(name)) return model;
      Object.defineProperty(target, name, { value: staticMethod(fn), writable: true, configurable: true });
      return model;
    },
    delete(name: string) {
      if (!isBuiltIn(name)) delete target[name];
    },
    item: {
      set(name: string, fn: CustomMethod) {
        checkMethod(name, fn, "methods.item.set");
        if (isProtectedItemMember(name)) return model;
        Object.defineProperty(prototype, name, { value: itemMethod(fn), writable: true, configurable: true });
        return model;
      },
      delete(name: string) {
        if (!isProtectedItemMember(name)) delete prototype[name];
      },
    },
  };
}
