// Retrying a batch request: entries DynamoDB left unprocessed, and throttling errors, are sent again
// after an exponential backoff with full jitter (a random wait between 0 and base·2^attempt, capped),
// which spreads retries of many concurrent chunks instead of having them collide again.
import { InvalidParameter, describeValue } from "../errors";
import { isServiceError } from "../client/service-error";
import { isSetupFailure } from "../table/table";

/** Errors that mean "slow down", retried like unprocessed entries. */
const THROTTLING = new Set([
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "RequestLimitExceeded",
]);

export interface RetrySettings {
  /** Retries after the first attempt (default 8). */
  readonly maxRetries: number;
  /** The first backoff's upper bound in ms (default 50); doubled per retry. */
  readonly baseDelay: number;
  /** The cap of any backoff in ms (default 5000). */
  readonly maxDelay: number;
}

/** What the batch operations accept for retries. */
export interface RetryOptions {
  maxRetries?: number;
  baseDelay?: number;
  maxDelay?: number;
}

export function isThrottling(error: unknown): boolean {
  return isServiceError(error, ...THROTTLING);
}

function nonNegative(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new InvalidParameter(`${name} must be a non-negative number (got ${describeValue(value)}).`);
  }
  return value;
}

export function retrySettingsOf(options: RetryOptions): RetrySettings {
  const maxRetries = nonNegative(options.maxRetries, "maxRetries", 8);
  if (!Number.isInteger(maxRetries)) {
    throw new InvalidParameter(`maxRetries must be an integer (got ${describeValue(maxRetries)}).`);
  }
  return {
    maxRetries,
    baseDelay: nonNegative(options.baseDelay, "baseDelay", 50),
    maxDelay: nonNegative(options.maxDelay, "maxDelay", 5000),
  };
}

/** Full jitter: uniformly random in [0, min(maxDelay, baseDelay · 2^attempt)). */
export function backoffDelay(attempt: number, settings: RetrySettings): number {
  return Math.random() * Math.min(settings.maxDelay, settings.baseDelay * 2 ** attempt);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `entries` until DynamoDB has processed them all or the retries run out; resolves with the
 * entries still unprocessed then. `send` resolves with the entries DynamoDB left unprocessed;
 * `processed(n)` is told how many went through after every attempt. Errors other than throttling reject.
 *
 * @example
 * ```ts
 * const left = await sendWithRetries(requests, (batch) => write(batch), settings, (n) => (done += n));
 * ```
 */
export async function sendWithRetries<E>(
  entries: readonly E[],
  send: (entries: readonly E[]) => Promise<readonly E[]>,
  settings: RetrySettings,
  processed: (count: number) => void,
): Promise<readonly E[]> {
  let pending = entries;
  for (let attempt = 0; ; attempt++) {
    let left: readonly E[];
    try {
      left = await send(pending);
    } catch (error) {
      // A table's setup failure is not this request's throttling, whatever its name: retrying only reads it again.
      if (!isThrottling(error) || isSetupFailure(error)) throw error;
      left = pending;
    }
    if (left.length < pending.length) processed(pending.length - left.length);
    if (left.length === 0 || attempt >= settings.maxRetries) return left;
    await sleep(backoffDelay(attempt, settings));
    pending = left;
  }
}
