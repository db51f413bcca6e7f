// Mongoose-style hooks per schema (SPEC §9). A pre hook that declares a parameter gets `next` (call
// `next()` or `next(error)`, or return a promise); otherwise it may return a promise. A post hook gets
// `(result)`, or `(result, next)` when it declares two parameters; one declaring three, `(error, result,
// next)`, is an error handler: it runs only when the operation or one of its hooks failed (a post hook's
// failure too, as in Mongoose), and `next(newError)` replaces the error.
// Hooks run once per call, in registration order. An operation without hooks pays nothing extra.
import { checkFunction, type HookOperation, operationsOf } from "./hook-arguments";

export { HOOK_OPERATIONS, type HookOperation } from "./hook-arguments";

/** Operations whose hooks run with `this` = the item. */
export type DocumentHookOperation = "validate" | "save" | "delete";
/** Operations whose hooks run with `this` = a {@link HookContext}. */
export type ContextHookOperation = Exclude<HookOperation, DocumentHookOperation>;

/**
 * One operation or, as in Mongoose, an array of them: `schema.pre(["validate", "save"], fn)` registers
 * `fn` for each.
 */
export type HookOperations<O extends HookOperation = HookOperation> = O | readonly O[];

/** Call it to continue, or with an error to abort. */
export type NextHook = (error?: unknown) => void;

/**
 * What a model-level hook's `this` is. A pre hook may change the request parts (key, update,
 * condition, items, keys, query, settings) before the operation uses them.
 */
export interface HookContext {
  readonly model: string;
  readonly operation: HookOperation;
  key?: unknown;
  update?: unknown;
  condition?: unknown;
  items?: unknown[];
  keys?: unknown[];
  query?: unknown;
  settings: Record<string, unknown>;
}

/** A post hook: `(result)`, `(result, next)`, or the error handler `(error, result, next)`. */
export type PostHookFunction<This, Result> =
  | ((this: This, result: Result) => unknown)
  | ((this: This, result: Result, next: NextHook) => unknown)
  | ((this: This, error: unknown, result: Result | undefined, next: NextHook) => unknown);

// Hooks are user functions of several shapes, told apart by their declared arity (as in Mongoose).
export type PreHook = (this: never, next?: NextHook) => unknown;
export type PostHook = (this: never, ...args: never[]) => unknown;

/** The hooks of one operation, in the order they run. */
export interface HookLists {
  readonly pre: readonly PreHook[];
  readonly post: readonly PostHook[];
  readonly errorHandlers: readonly PostHook[];
}

interface MutableHookLists extends HookLists {
  pre: PreHook[];
  post: PostHook[];
  errorHandlers: PostHook[];
}

/**
 * What runs an operation's hooks: one schema's {@link HookRegistry}, or the combined view of a
 * multi-schema model's registries (lib/hooks/combined.ts). {@link withHooks} takes either.
 */
export interface HookRunner {
  /** Does `operation` have any hook? (When not, callers skip the hook machinery entirely.) */
  has(operation: HookOperation): boolean;
  /** Does `operation` have a pre hook? */
  hasPre(operation: HookOperation): boolean;
  runPre(operation: HookOperation, target: unknown): Promise<void>;
  runPost(operation: HookOperation, target: unknown, result: unknown): Promise<void>;
  /**
   * Runs the error handlers; resolves with the error to report (the original unless one replaced it).
   * `result` is the operation's result when the operation itself succeeded and a post hook failed.
   */
  runErrorHandlers(
    operation: HookOperation,
    target: unknown,
    error: unknown,
    result?: unknown,
  ): Promise<unknown>;
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null)?.then === "function";

/**
 * Calls `fn` with a trailing `next` and settles when `next` is called or `fn` throws. A hook that also
 * returns a promise continues when it resolves and fails when it rejects, whether or not it called
 * `next` (as Mongoose's Kareem does): an `async function (next)` that forgets `next()` cannot hang the
 * operation. Whichever comes first wins; the operation continues once.
 */
function callWithNext(fn: (...args: unknown[]) => unknown, self: unknown, args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const next: NextHook = (error) =>
      error === undefined || error === null ? resolve(undefined) : reject(error);
    try {
      const returned = fn.call(self, ...args, next);
      if (isThenable(returned)) returned.then(() => next(), reject);
    } catch (error) {
      reject(error);
    }
  });
}

/** Runs pre hooks in order with `this` = `target`; the first failure stops the chain. */
export async function runPreHooks(hooks: readonly PreHook[], target: unknown): Promise<void> {
  for (const hook of hooks) {
    const fn = hook as (...args: unknown[]) => unknown;
    if (fn.length >= 1) await callWithNext(fn, target, []);
    else await fn.call(target);
  }
}

/** Runs post hooks in order with `this` = `target` and the operation's result. */
export async function runPostHooks(
  hooks: readonly PostHook[],
  target: unknown,
  result: unknown,
): Promise<void> {
  for (const hook of hooks) {
    const fn = hook as (...args: unknown[]) => unknown;
    if (fn.length >= 2) await callWithNext(fn, target, [result]);
    else await fn.call(target, result);
  }
}

/**
 * Runs error handlers in order; each sees the error as the previous ones left it, and the operation's
 * result (`undefined` unless the operation succeeded and a post hook failed).
 */
export async function runErrorHandlerHooks(
  hooks: readonly PostHook[],
  target: unknown,
  error: unknown,
  result?: unknown,
): Promise<unknown> {
  let reported = error;
  for (const hook of hooks) {
    try {
      await callWithNext(hook as (...args: unknown[]) => unknown, target, [reported, result]);
    } catch (replacement) {
      reported = replacement;
    }
  }
  return reported;
}

const NO_HOOKS: HookLists = Object.freeze({ pre: [], post: [], errorHandlers: [] });

/** One schema's hooks. Mutable: hooks added after `model()` still run. */
export class HookRegistry implements HookRunner {
  readonly #hooks = new Map<HookOperation, MutableHookLists>();
  #revision = 0;

  #lists(operation: HookOperation): MutableHookLists {
    let lists = this.#hooks.get(operation);
    if (!lists) this.#hooks.set(operation, (lists = { pre: [], post: [], errorHandlers: [] }));
    return lists;
  }

  /** Grows with every registration, so a view built from this registry knows when to rebuild. */
  get revision(): number {
    return this.#revision;
  }

  /** The hooks of `operation` as they are now (live arrays: read, never change them). */
  listsOf(operation: HookOperation): HookLists {
    return this.#hooks.get(operation) ?? NO_HOOKS;
  }

  /**
   * Registers a pre hook for `operation`: a name, or an array of names. `extra` is whatever came after
   * the hook (Mongoose's `(operation, options, fn)` form puts the function there); it only shapes the error.
   */
  addPre(operation: unknown, hook: unknown, extra?: unknown): void {
    const operations = operationsOf(operation);
    checkFunction("pre", operation, hook, extra);
    for (const name of operations) this.#lists(name).pre.push(hook as PreHook);
    this.#revision += 1;
  }

  /** Registers a post hook (or error handler, when it declares three parameters) for one or more names. */
  addPost(operation: unknown, hook: unknown, extra?: unknown): void {
    const operations = operationsOf(operation);
    checkFunction("post", operation, hook, extra);
    for (const name of operations) {
      const lists = this.#lists(name);
      if ((hook as PostHook).length >= 3) lists.errorHandlers.push(hook as PostHook);
      else lists.post.push(hook as PostHook);
    }
    this.#revision += 1;
  }

  has(operation: HookOperation): boolean {
    return this.#hooks.has(operation);
  }

  hasPre(operation: HookOperation): boolean {
    return (this.#hooks.get(operation)?.pre.length ?? 0) > 0;
  }

  runPre(operation: HookOperation, target: unknown): Promise<void> {
    return runPreHooks(this.listsOf(operation).pre, target);
  }

  runPost(operation: HookOperation, target: unknown, result: unknown): Promise<void> {
    return runPostHooks(this.listsOf(operation).post, target, result);
  }

  runErrorHandlers(
    operation: HookOperation,
    target: unknown,
    error: unknown,
    result?: unknown,
  ): Promise<unknown> {
    return runErrorHandlerHooks(this.listsOf(operation).errorHandlers, target, error, result);
  }
}

/**
 * Runs `operation` between its pre and post hooks (of one schema's registry or of a combined view).
 * Without hooks for it, this is just `run()`.
 * `first` is a built-in step that runs before the user's pre hooks, as if registered first (as Mongoose
 * validates before the user's `pre("save")` hooks); its failure is the operation's failure.
 * A post hook's failure goes to the error handlers too (as in Mongoose), with the result; the write it
 * follows has happened.
 *
 * @example
 * ```ts
 * const saved = await withHooks(registry, "save", item, () => write(item));
 * ```
 */
export function withHooks<T>(
  registry: HookRunner | undefined,
  operation: HookOperation,
  target: unknown,
  run: () => Promise<T>,
  first?: () => Promise<unknown>,
): Promise<T> {
  if (registry === undefined || !registry.has(operation)) {
    return first === undefined ? run() : first().then(run);
  }
  return (async () => {
    let result: T | undefined;
    try {
      if (first !== undefined) await first();
      await registry.runPre(operation, target);
      result = await run();
      await registry.runPost(operation, target, result);
      return result;
    } catch (error) {
      throw await registry.runErrorHandlers(operation, target, error, result);
    }
  })();
}
