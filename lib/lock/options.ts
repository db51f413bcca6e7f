// The options of `lock()`, checked before anything is sent: a bad option is an InvalidParameter that
// names the option and the value, and nothing is written.
import { describeValue, InvalidParameter, type LockError } from "../errors";

/** What `lock(table, name, options)` accepts. */
export interface LockOptions {
  /**
   * How long the lock is ours without a heartbeat or `extend()`, in ms (a positive integer). A holder
   * that crashes keeps the lock at most this long.
   */
  leaseMs: number;
  /**
   * Renews the lease every `heartbeatMs` ms while the lock is held (a positive integer below
   * `leaseMs`). Without it the lease is renewed only by `extend()`.
   */
  heartbeatMs?: number;
  /** How long to keep trying while someone else holds the lock, in ms (default 0: try once). */
  waitMs?: number;
  /**
   * Called once when the lock is found to be no longer ours (its lease ran out and someone else took
   * it), whether a heartbeat, `extend()` or `release()` finds out: the signal for work running under
   * the lock to stop. Errors it throws are ignored.
   */
  onLost?: (error: LockError) => void;
}

/** The options with their defaults. */
export interface LockSettings {
  readonly leaseMs: number;
  readonly heartbeatMs: number | undefined;
  readonly waitMs: number;
  readonly onLost: ((error: LockError) => void) | undefined;
}

const KNOWN = new Set(["leaseMs", "heartbeatMs", "waitMs", "onLost"]);

/** The longest a timer waits (2^31 - 1 ms, about 24.8 days): Node fires a longer timeout at once. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * The largest lease or wait, 10^15 ms (about 31,700 years): a lease end is now + leaseMs, a `Date` (at most
 * 8.64e15 ms) and an exact integer stored as a number, and a wait is compared with the clock (`1e300`
 * overflowed DynamoDB's numbers).
 */
const MAX_SPAN_MS = 1e15;

function integer(value: unknown, option: string, minimum: 0 | 1, maximum: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < minimum || value > maximum) {
    const kind = minimum === 1 ? "a positive integer" : "a non-negative integer";
    throw new InvalidParameter(
      `lock(): ${option} must be ${kind} of ms, at most ${maximum} (got ${describeValue(value)}).`,
    );
  }
  return value;
}

/** Checks `options`; throws `InvalidParameter` naming the first bad option and its value. */
export function resolveLockOptions(options: unknown): LockSettings {
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new InvalidParameter(
      `lock(): options must be an object with leaseMs (got ${describeValue(options)}).`,
    );
  }
  const given = options as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!KNOWN.has(key)) throw new InvalidParameter(`lock(): unknown option "${key}".`);
  }
  const leaseMs = integer(given.leaseMs, "leaseMs", 1, MAX_SPAN_MS);
  const heartbeatMs =
    given.heartbeatMs === undefined ? undefined : integer(given.heartbeatMs, "heartbeatMs", 1, MAX_TIMER_MS);
  if (heartbeatMs !== undefined && heartbeatMs >= leaseMs) {
    throw new InvalidParameter(
      `lock(): heartbeatMs must be less than leaseMs (got heartbeatMs ${heartbeatMs}, leaseMs ${leaseMs}).`,
    );
  }
  const waitMs = given.waitMs === undefined ? 0 : integer(given.waitMs, "waitMs", 0, MAX_SPAN_MS);
  const onLost = given.onLost;
  if (onLost !== undefined && typeof onLost !== "function") {
    throw new InvalidParameter(`lock(): onLost must be a function (got ${describeValue(onLost)}).`);
  }
  return { leaseMs, heartbeatMs, waitMs, onLost: onLost as LockSettings["onLost"] };
}

/** Checks the lock's name: a non-empty string (the lock item's hash key value). */
export function checkLockName(name: unknown): string {
  if (typeof name !== "string" || name === "") {
    throw new InvalidParameter(`lock(): name must be a non-empty string (got ${describeValue(name)}).`);
  }
  return name;
}
