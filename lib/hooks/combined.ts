// The hooks of a multi-schema model's model-level operations (get, update, query, scan, batch*,
// transaction, `Model.delete(key)`): those of every schema, in schema order, then registration order. A
// function registered for the same operation on several schemas runs once, where its first schema puts
// it; repeats within one schema run as often as they were registered, as on a one-schema model.
// Registries are mutable (hooks may be added after `model()`), so the view reads them live: it caches the
// merged lists per operation and rebuilds them only when a registry's revision moved.
import {
  runErrorHandlerHooks,
  runPostHooks,
  runPreHooks,
  type HookLists,
  type HookOperation,
  type HookRegistry,
  type HookRunner,
  type PostHook,
  type PreHook,
} from "./hooks";

interface Merged {
  readonly revision: number;
  readonly lists: HookLists;
}

/** `lists` concatenated in order, leaving out a function already taken from an earlier list. */
function mergeAcross<H>(lists: readonly (readonly H[])[]): H[] {
  const merged: H[] = [];
  const earlier = new Set<H>();
  for (const list of lists) {
    for (const hook of list) if (!earlier.has(hook)) merged.push(hook);
    for (const hook of list) earlier.add(hook);
  }
  return merged;
}

/**
 * The combined hooks of several schemas' registries.
 *
 * @example
 * ```ts
 * const hooks = new CombinedHooks([circle.hooks, label.hooks]);
 * await withHooks(hooks, "get", context, () => getByKey(runtime, key, settings));
 * ```
 */
export class CombinedHooks implements HookRunner {
  readonly #registries: readonly HookRegistry[];
  readonly #merged = new Map<HookOperation, Merged>();

  constructor(registries: readonly HookRegistry[]) {
    // A schema given twice (`[s, s]`) is one registry: its hooks run once.
    this.#registries = [...new Set(registries)];
  }

  /** Revisions only grow, so their sum changes whenever any registry gained a hook. */
  #revision(): number {
    let sum = 0;
    for (const registry of this.#registries) sum += registry.revision;
    return sum;
  }

  #lists(operation: HookOperation): HookLists {
    const revision = this.#revision();
    const cached = this.#merged.get(operation);
    if (cached !== undefined && cached.revision === revision) return cached.lists;
    const each = this.#registries.map((registry) => registry.listsOf(operation));
    const lists: HookLists = {
      pre: mergeAcross<PreHook>(each.map((one) => one.pre)),
      post: mergeAcross<PostHook>(each.map((one) => one.post)),
      errorHandlers: mergeAcross<PostHook>(each.map((one) => one.errorHandlers)),
    };
    this.#merged.set(operation, { revision, lists });
    return lists;
  }

  has(operation: HookOperation): boolean {
    return this.#registries.some((registry) => registry.has(operation));
  }

  hasPre(operation: HookOperation): boolean {
    return this.#registries.some((registry) => registry.hasPre(operation));
  }

  runPre(operation: HookOperation, target: unknown): Promise<void> {
    return runPreHooks(this.#lists(operation).pre, target);
  }

  runPost(operation: HookOperation, target: unknown, result: unknown): Promise<void> {
    return runPostHooks(this.#lists(operation).post, target, result);
  }

  runErrorHandlers(
    operation: HookOperation,
    target: unknown,
    error: unknown,
    result?: unknown,
  ): Promise<unknown> {
    return runErrorHandlerHooks(this.#lists(operation).errorHandlers, target, error, result);
  }
}
