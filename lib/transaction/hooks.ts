// The `transaction` hooks of a transaction over several models: each model's hooks run once, with `this` =
// a context naming that model (in the order the models first appear). The contexts share the request
// parts, so what one model's pre hook puts in `this.items` or `this.settings` is what the next one sees
// and what is sent.
import type { HookContext, HookOperation, HookRunner } from "../hooks/hooks";
import { modelHooks } from "../model/operation-hooks";
import type { ModelRuntime } from "../model/runtime";

/** The request parts every model's context shows. */
export interface SharedTransactionParts {
  items: unknown[] | undefined;
  settings: Record<string, unknown>;
}

interface ModelPart {
  readonly hooks: HookRunner;
  readonly context: HookContext;
}

function contextFor(runtime: ModelRuntime, shared: SharedTransactionParts): HookContext {
  return {
    model: runtime.name,
    operation: "transaction",
    get items() {
      return shared.items;
    },
    set items(items) {
      shared.items = items;
    },
    get settings() {
      return shared.settings;
    },
    set settings(settings) {
      shared.settings = settings;
    },
  };
}

/**
 * Runs each model's hooks with its own context; the `target` withHooks passes is not used.
 *
 * @example
 * ```ts
 * const shared = { items, settings: { ...settings } };
 * await withHooks(new TransactionHooks([A, B], shared), "transaction", undefined, send);
 * ```
 */
export class TransactionHooks implements HookRunner {
  readonly #parts: readonly ModelPart[];

  constructor(runtimes: readonly ModelRuntime[], shared: SharedTransactionParts) {
    // Models made from one Schema share its hooks: they run once, for the first of those models.
    const parts = new Map<HookRunner, ModelPart>();
    for (const runtime of runtimes) {
      const hooks = modelHooks(runtime);
      if (!parts.has(hooks)) parts.set(hooks, { hooks, context: contextFor(runtime, shared) });
    }
    this.#parts = [...parts.values()];
  }

  has(operation: HookOperation): boolean {
    return this.#parts.some((part) => part.hooks.has(operation));
  }

  hasPre(operation: HookOperation): boolean {
    return this.#parts.some((part) => part.hooks.hasPre(operation));
  }

  async runPre(operation: HookOperation): Promise<void> {
    for (const part of this.#parts) await part.hooks.runPre(operation, part.context);
  }

  async runPost(operation: HookOperation, _target: unknown, result: unknown): Promise<void> {
    for (const part of this.#parts) await part.hooks.runPost(operation, part.context, result);
  }

  async runErrorHandlers(
    operation: HookOperation,
    _target: unknown,
    error: unknown,
    result?: unknown,
  ): Promise<unknown> {
    let reported = error;
    for (const part of this.#parts) {
      reported = await part.hooks.runErrorHandlers(operation, part.context, reported, result);
    }
    return reported;
  }
}
