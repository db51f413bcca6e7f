// Shared by the batch operations: splitting work into DynamoDB's per-request limits, running chunks
// with bounded concurrency, and the canonical key string that matches DynamoDB's unprocessed entries
// back to the caller's own objects through a Map (never by searching).
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { describeValue, InvalidParameter } from "../errors";
import { canonicalNumber } from "../schema/stored-number";

/**
 * Splits `items` into consecutive chunks of at most `size`.
 *
 * @example
 * ```ts
 * chunk([1, 2, 3], 2); // [[1, 2], [3]]
 * ```
 */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * Runs `work(0) … work(count - 1)` with at most `concurrency` in flight. After a failure no new work
 * starts; the first error is thrown once the work in flight has settled (nothing keeps running unseen).
 *
 * @example
 * ```ts
 * await runWithConcurrency(chunks.length, 4, (index) => send(chunks[index]));
 * ```
 */
export async function runWithConcurrency(
  count: number,
  concurrency: number,
  work: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < count) {
      const index = next++;
      try {
        await work(index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  if (failure !== undefined) throw failure.error;
}

function keyPart(value: AttributeValue | undefined): string {
  if (value === undefined) return "";
  if (value.S !== undefined) return `S${value.S}`;
  // The same number is the same key however DynamoDB spells it; distinct 20-digit IDs stay distinct.
  if (value.N !== undefined) return `N${canonicalNumber(value.N)}`;
  if (value.B !== undefined) return `B${Buffer.from(value.B).toString("base64")}`;
  return JSON.stringify(value);
}

/**
 * One string per item key, for Maps from DynamoDB's entries back to the caller's.
 *
 * @example
 * ```ts
 * canonicalKey({ id: { N: "1" }, sort: { S: "a" } }, "id", "sort"); // '["N1","Sa"]'
 * ```
 */
export function canonicalKey(
  image: Record<string, AttributeValue>,
  hashKey: string,
  rangeKey: string | undefined,
): string {
  const hash = keyPart(image[hashKey]);
  return rangeKey === undefined ? hash : JSON.stringify([hash, keyPart(image[rangeKey])]);
}

/**
 * The caller's entries for the keys DynamoDB left unprocessed, in the caller's order: DynamoDB lists them
 * in its own order, and chunks finish in any order. `byKey` maps each canonical key to its caller entry
 * and was filled in the caller's order.
 *
 * @example
 * ```ts
 * // byKey: 1 → {id: 1}, 2 → {id: 2}, 3 → {id: 3}; DynamoDB left [{id: {N: "3"}}, {id: {N: "1"}}]
 * unprocessedInCallerOrder(byKey, left, "id", undefined); // [{id: 1}, {id: 3}]
 * ```
 */
export function unprocessedInCallerOrder<T>(
  byKey: ReadonlyMap<string, T>,
  unprocessed: readonly Record<string, AttributeValue>[],
  hashKey: string,
  rangeKey: string | undefined,
): T[] {
  if (unprocessed.length === 0) return [];
  const left = new Set(unprocessed.map((key) => canonicalKey(key, hashKey, rangeKey)));
  const ordered: T[] = [];
  for (const [id, entry] of byKey) if (left.has(id)) ordered.push(entry);
  return ordered;
}

/** Checks `concurrency` (default 4). */
export function concurrencyOf(value: unknown, operation: string): number {
  if (value === undefined) return 4;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    throw new InvalidParameter(
      `${operation}: concurrency must be a positive integer (got ${String(value)}).`,
    );
  }
  return value;
}

/** `onProgress` must be a function (or not given): checked before anything is written. */
export function checkOnProgress(onProgress: unknown): void {
  if (onProgress !== undefined && onProgress !== null && typeof onProgress !== "function") {
    throw new InvalidParameter(`onProgress must be a function (got ${describeValue(onProgress)}).`);
  }
}

/**
 * Calls the caller's `onProgress`. It observes the batch; if it throws, the batch goes on (stopping
 * halfway would leave some chunks written and others not, which is worse than a lost progress report).
 */
export function reportProgress<P extends object>(
  onProgress: ((progress: P) => void) | undefined,
  progress: P,
): void {
  if (onProgress === undefined) return;
  try {
    onProgress({ ...progress });
  } catch {
    // See above: progress reporting never fails the batch.
  }
}
