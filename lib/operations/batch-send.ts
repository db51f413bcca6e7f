// Sending a batch's chunks, and saying what is not known to be written when one fails: a batch of 10,000
// items that fails at its third chunk (a network error after the SDK's own retries, credentials that
// expire) has written some chunks already, and the caller must learn which entries to send again.
import { reportProgress, runWithConcurrency } from "./batch-chunks";
import { sendWithRetries, type RetrySettings } from "./retry";
import { copyOfError, isSetupFailure } from "../table/table";

/** What sending the chunks came to: the entries still unprocessed, and the first failure if one failed. */
export interface ChunksOutcome<E> {
  /**
   * Entries not known to be processed: those DynamoDB left unprocessed after the retries and, after a
   * failure, those of the failed request and of every chunk not sent.
   */
  readonly left: E[];
  readonly failure?: { readonly error: unknown };
}

/**
 * Sends every chunk with retries (sendWithRetries), at most `concurrency` at once, telling `onProgress`
 * how many entries of all the chunks are done after each request. After a failure no new chunk starts,
 * and the outcome comes once the chunks in flight have settled. Never rejects.
 *
 * @example
 * ```ts
 * const { left, failure } = await sendChunks(chunks, 4, retry, settings.onProgress, (pending) => write(pending));
 * ```
 */
export async function sendChunks<E>(
  chunks: readonly (readonly E[])[],
  concurrency: number,
  retry: RetrySettings,
  onProgress: ((progress: { done: number; total: number }) => void) | undefined,
  send: (pending: readonly E[], index: number) => Promise<readonly E[]>,
): Promise<ChunksOutcome<E>> {
  const progress = { done: 0, total: chunks.reduce((sum, entries) => sum + entries.length, 0) };
  const processed = (count: number) => {
    progress.done += count;
    reportProgress(onProgress, progress);
  };
  const left: E[] = [];
  // Per chunk: not started (undefined), the entries of its latest request, or done.
  const state: (readonly E[] | "done" | undefined)[] = new Array(chunks.length);
  try {
    await runWithConcurrency(chunks.length, concurrency, async (index) => {
      const unprocessed = await sendWithRetries(
        chunks[index]!,
        (pending) => {
          state[index] = pending;
          return send(pending, index);
        },
        retry,
        processed,
      );
      state[index] = "done";
      left.push(...unprocessed);
    });
    return { left };
  } catch (error) {
    chunks.forEach((entries, index) => {
      const now = state[index];
      if (now !== "done") left.push(...(now ?? entries));
    });
    return { left, failure: { error } };
  }
}

/**
 * The error a failed batch rejects with, carrying what was not written (`unprocessedItems`) or read
 * (`unprocessedKeys`) under `member`, as the batch's result would. An error that cannot take it (frozen,
 * or not an object) is passed on as it is.
 */
export function withUnprocessed(error: unknown, member: string, entries: readonly unknown[]): unknown {
  // A setup failure is every request's error: this batch's unprocessed entries go on its own copy.
  if (error instanceof Error && isSetupFailure(error)) error = copyOfError(error);
  if (typeof error === "object" && error !== null && Object.isExtensible(error)) {
    Object.defineProperty(error, member, {
      value: entries,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return error;
}
