// Acquiring: one conditional PutItem, repeated with a jittered, growing pause while someone else holds
// the lock, until `waitMs` has passed. The pause never outlasts the holder's lease when DynamoDB tells
// us when it ends, so a crashed holder's lock is taken over promptly. Only a failed condition is
// retried: any other error (a missing table, no permission) rejects at once.
import { randomUUID } from "node:crypto";
import { LockError } from "../errors";
import { isConditionFailure } from "../model/conflict";
import { buildAcquireInput, lockKey, storedExpiry } from "./requests";
import type { LockTarget } from "./target";

/** The first pause's upper bound and the cap of any pause, in ms. */
const FIRST_PAUSE = 25;
const MAX_PAUSE = 1000;

/** A lock just acquired: who we are, and when the lease began and ends (ms since the epoch). */
export interface Acquired {
  readonly owner: string;
  readonly startedAt: number;
  readonly expiresAt: number;
}

// Waiting is the caller's own await, so this timer keeps the process alive (unlike heartbeats).
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Half fixed, half random: waiters spread out, yet each keeps polling at a steady pace. */
function pauseFor(attempt: number, remaining: number, holderExpiresIn: number | undefined): number {
  const ceiling = Math.min(MAX_PAUSE, FIRST_PAUSE * 2 ** attempt);
  let pause = ceiling / 2 + (Math.random() * ceiling) / 2;
  if (holderExpiresIn !== undefined) pause = Math.min(pause, Math.max(1, holderExpiresIn + 1));
  return Math.max(1, Math.min(pause, remaining));
}

export async function acquireLock(
  target: LockTarget,
  name: string,
  leaseMs: number,
  waitMs: number,
): Promise<Acquired> {
  const owner = randomUUID();
  const key = lockKey(target.layout, name);
  const started = Date.now();
  for (let attempt = 0; ; attempt += 1) {
    // The lease is counted from before the request is sent: our view of it never outlasts the stored one.
    const now = Date.now();
    const expiresAt = now + leaseMs;
    try {
      await target.send(
        "PutItem",
        buildAcquireInput(target.table, key, target.layout, owner, now, expiresAt),
      );
      // A request slower than the lease leaves a lock that has already run out: another owner may take it
      // now, so it is not handed to the caller. (Our expired item is no obstacle to trying again.)
      if (Date.now() < expiresAt) return { owner, startedAt: now, expiresAt };
      if (started + waitMs - Date.now() <= 0) {
        throw new LockError(
          `Lock "${name}" on table "${target.table}": acquiring it took longer than its ${leaseMs} ms lease, ` +
            "so the lease had run out when DynamoDB answered. Use a longer leaseMs.",
        );
      }
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const remaining = started + waitMs - Date.now();
      if (remaining <= 0) {
        const waited = waitMs === 0 ? "" : ` after waiting ${waitMs} ms`;
        throw new LockError(`Lock "${name}" on table "${target.table}" is held by another owner${waited}.`, {
          cause: error,
        });
      }
      const holderExpiry = storedExpiry(error.Item);
      await sleep(
        pauseFor(attempt, remaining, holderExpiry === undefined ? undefined : holderExpiry - Date.now()),
      );
    }
  }
}
