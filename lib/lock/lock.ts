/**
 * `dynamodel.lock(table, name, {leaseMs, heartbeatMs?, waitMs?, onLost?})`: a distributed lock held as
 * one item in a DynamoDB table, built on conditional writes, so two holders can never hold it at once.
 * A holder that crashes stops renewing its lease, and the lock is free again once `leaseMs` has passed.
 *
 * @example
 * ```ts
 * const Locks = dynamodel.model("Lock", { id: String });
 * const lock = await dynamodel.lock(Locks, "nightly-report", { leaseMs: 30_000, heartbeatMs: 10_000, waitMs: 5_000 });
 * try {
 *   await buildReport(); // nobody else runs this meanwhile
 * } finally {
 *   await lock.release();
 * }
 * ```
 */
import type { Instance } from "../instance";
import { acquireLock } from "./acquire";
import { HeldLock, type Lock } from "./held-lock";
import { checkLockName, resolveLockOptions, type LockOptions } from "./options";
import { resolveLockTarget, type LockTable } from "./target";

export type { Lock } from "./held-lock";
export type { LockOptions } from "./options";
export type { LockTable } from "./target";

/**
 * Acquires the lock `name` in `table` for `instance` (which sends the calls when `table` is a name; a
 * Table or Model uses its own instance). Rejects with `LockError` when someone else still holds it
 * after `waitMs`, with `InvalidParameter` (before anything is sent) for a bad argument.
 */
export async function lock(
  instance: Instance,
  table: LockTable,
  name: string,
  options: LockOptions,
): Promise<Lock> {
  const lockName = checkLockName(name);
  const settings = resolveLockOptions(options);
  const target = await resolveLockTarget(instance, table);
  const acquired = await acquireLock(target, lockName, settings.leaseMs, settings.waitMs);
  return new HeldLock(target, lockName, acquired, settings);
}
