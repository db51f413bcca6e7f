// The pages of a query or scan run by `for await` or `pages()`, observed as `exec()` is (SPEC §9): the
// query/scan hooks around them, and the model's `error` event once when the iteration fails.
import { emitSafely } from "../hooks/events";
import type { HookContext } from "../hooks/hooks";
import { modelHooks, operationContext } from "./operation-hooks";
import type { ModelRuntime } from "./runtime";

/**
 * Yields the pages of `query` (a Retriever), between the `kind` hooks: the pre hooks run before the first
 * request (and may put another builder in the context's `query`, whose pages `pagesOf` then gives), the
 * post hooks after the last page, with the number of items. A `break` ends the iteration without running
 * the post hooks, as the operation did not complete. A failure anywhere, a post hook's included, goes to
 * the error handlers, then to the model's `error` listeners.
 */
export async function* observedPages(
  runtime: ModelRuntime,
  kind: "query" | "scan",
  query: object,
  pagesOf: (query: unknown) => AsyncIterable<unknown>,
): AsyncGenerator<unknown, void, undefined> {
  const hooks = modelHooks(runtime);
  let context: HookContext | undefined;
  let items = 0;
  let completed = false;
  try {
    if (!hooks.has(kind)) {
      yield* pagesOf(query);
      return;
    }
    context = operationContext(runtime, kind, { query });
    await hooks.runPre(kind, context);
    for await (const page of pagesOf(context.query)) {
      items += (page as readonly unknown[]).length; // a count() is never iterated (Retriever refuses it)
      yield page;
    }
    completed = true;
    await hooks.runPost(kind, context, items);
  } catch (error) {
    const reported =
      context === undefined
        ? error
        : await hooks.runErrorHandlers(kind, context, error, completed ? items : undefined);
    emitSafely(runtime.events, "error", reported, context ?? operationContext(runtime, kind, { query }));
    throw reported;
  }
}
