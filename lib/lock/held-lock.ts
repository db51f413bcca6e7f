// A lock we hold: renews its lease on heartbeats and on extend(), and releases it, each write conditional
// on the stored owner token still being ours, so nothing we do can touch a lock someone else now holds.
// The lease end we believe in is never later than the stored one, which is what other owners go by.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { LockError } from "../errors";
import { isConditionFailure } from "../model/conflict";
import type { Acquired } from "./acquire";
import type { LockSettings } from "./options";
import { buildLockReadInput, buildReleaseInput, buildRenewInput, lockKey, ownStoredExpiry } from "./requests";
import type { LockTarget } from "./target";

/**
 * A held lock, as `dynamodel.lock()` resolves it.
 *
 * @example
 * ```ts
 * const lock = await dynamodel.lock(Locks, "nightly-report", { leaseMs: 30_000, heartbeatMs: 10_000 });
 * try {
 *   await buildReport();
 * } finally {
 *   await lock.release();
 * }
 * ```
 */
export interface Lock {
  /** The lock's name (the lock item's hash key value). */
  readonly name: string;
  /** The full name of the table holding the lock item. */
  readonly table: string;
  /** This acquisition's owner token, stored in the lock item's `lockOwner`. */
  readonly owner: string;
  /** When the lease ends unless renewed, as far as this holder knows (its own clock). */
  readonly expiresAt: Date;
  /** True until released or found lost, while the lease has not run out by this holder's clock. */
  readonly held: boolean;
  /**
   * Renews the lease: `leaseMs` from now. Rejects with `LockError` if the lock was released or is no
   * longer ours (the lease ran out and someone else took it).
   *
   * @example
   * ```ts
   * await lock.extend(); // another leaseMs
   * ```
   */
  extend(): Promise<void>;
  /**
   * Stops heartbeats and deletes the lock item if it is still ours. Resolves at once if already
   * released; rejects with `LockError` if the lock was lost (someone else may have held it meanwhile).
   *
   * @example
   * ```ts
   * await lock.release();
   * ```
   */
  release(): Promise<void>;
}

/** Whether an error is DynamoDB's answer (a service error with its HTTP status), not a lost connection. */
function wasAnswered(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { $fault, $metadata } = error as { $fault?: unknown; $metadata?: { httpStatusCode?: unknown } };
  return $fault !== undefined || typeof $metadata?.httpStatusCode === "number";
}

type State = "held" | "released" | "lost";

export class HeldLock implements Lock {
  readonly name: string;
  readonly table: string;
  readonly owner: string;
  readonly #target: LockTarget;
  readonly #settings: LockSettings;
  #expiresAt: number;
  /**
   * When the last acquire or renewal was sent: the start of the current lease when it succeeded. The next
   * heartbeat is counted from it, so time spent waiting for DynamoDB is counted as lease used up.
   */
  #lastSentAt: number;
  #state: State = "held";
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The heartbeat in flight, which release() lets finish before deleting. */
  #beat: Promise<void> | undefined;
  #releasing: Promise<void> | undefined;
  /** A release's DeleteItem failed without an answer (a network error): it may have gone through. */
  #deleteUnanswered = false;

  constructor(target: LockTarget, name: string, acquired: Acquired, settings: LockSettings) {
    this.name = name;
    this.table = target.table;
    this.owner = acquired.owner;
    this.#target = target;
    this.#settings = settings;
    this.#expiresAt = acquired.expiresAt;
    this.#lastSentAt = acquired.startedAt;
    this.#scheduleHeartbeat();
  }

  get expiresAt(): Date {
    return new Date(this.#expiresAt);
  }

  get held(): boolean {
    return this.#state === "held" && Date.now() < this.#expiresAt;
  }

  async extend(): Promise<void> {
    if (this.#state !== "held" || this.#releasing !== undefined) throw this.#notHeld();
    await this.#renew();
  }

  release(): Promise<void> {
    if (this.#state === "lost") return Promise.reject(this.#notHeld());
    this.#releasing ??= this.#release();
    return this.#releasing;
  }

  async #release(): Promise<void> {
    this.#stopHeartbeat();
    await this.#beat;
    if (this.#state !== "held") {
      if (this.#state === "lost") throw this.#notHeld();
      return;
    }
    const key = lockKey(this.#target.layout, this.name);
    const sentWhileHeld = Date.now() < this.#expiresAt;
    try {
      await this.#target.send("DeleteItem", buildReleaseInput(this.table, key, this.owner));
      this.#state = "released";
    } catch (error) {
      if (isConditionFailure(error)) {
        if (this.#deleteUnanswered && (await this.#isGone(key, error.Item))) {
          this.#state = "released";
          return;
        }
        this.#lose();
        throw this.#notHeld(error);
      }
      // Still ours until the lease runs out (no more heartbeats): release() may be called again. A delete
      // that got no answer (a network error, not DynamoDB's), sent while the lease held, may have gone through.
      if (!wasAnswered(error) && sentWhileHeld) this.#deleteUnanswered = true;
      this.#releasing = undefined;
      throw error;
    }
  }

  /**
   * Whether the lock item is gone, after a refused release that followed an unanswered delete of ours: that
   * delete went through. (Another owner's item is a loss: someone else may have held it meanwhile.) Told by
   * the item DynamoDB returned with the refusal, or by a consistent read where the endpoint returns none.
   */
  async #isGone(
    key: Record<string, AttributeValue>,
    returned: Record<string, AttributeValue> | undefined,
  ): Promise<boolean> {
    if (returned !== undefined) return false;
    const { Item } = await this.#target.send<{ Item?: Record<string, AttributeValue> }>(
      "GetItem",
      buildLockReadInput(this.table, key),
    );
    return Item === undefined;
  }

  /**
   * One conditional UpdateItem that only moves the stored lease end forward. A failed condition means the
   * lock is lost, unless the item is still ours with an end at least as late: then a renewal sent after
   * this one was applied first (or this one was applied and retried), and the lease stands.
   */
  async #renew(): Promise<void> {
    const now = Date.now();
    this.#lastSentAt = now;
    const expiresAt = now + this.#settings.leaseMs;
    const key = lockKey(this.#target.layout, this.name);
    try {
      await this.#target.send("UpdateItem", buildRenewInput(this.table, key, this.owner, expiresAt));
      // Applied, so the stored end was earlier and is now `expiresAt`: what we believe is what is stored.
      this.#expiresAt = expiresAt;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const storedEnd = await this.#ownStoredEnd(key, error.Item);
      if (storedEnd !== undefined) {
        // Never beyond the stored end: others compare their clock with that one, not with ours.
        this.#expiresAt = Math.max(this.#expiresAt, storedEnd);
        return;
      }
      // While we release it, the item is gone because we delete it: that is not a loss.
      if (this.#state === "held" && this.#releasing === undefined) this.#lose();
      throw this.#notHeld(error);
    }
  }

  /**
   * The stored lease end if the lock item is still ours, from the item a refused renewal returned, or
   * else from a consistent read (an endpoint that returns no item, or an item that is gone). A failed read
   * rejects with its own error: it proves no loss, so a heartbeat tries again on the next beat.
   */
  async #ownStoredEnd(
    key: Record<string, AttributeValue>,
    returned: Record<string, AttributeValue> | undefined,
  ): Promise<number | undefined> {
    if (returned !== undefined) return ownStoredExpiry(returned, this.owner);
    const { Item } = await this.#target.send<{ Item?: Record<string, AttributeValue> }>(
      "GetItem",
      buildLockReadInput(this.table, key),
    );
    return ownStoredExpiry(Item, this.owner);
  }

  #lose(): void {
    this.#state = "lost";
    this.#stopHeartbeat();
    const { onLost } = this.#settings;
    if (onLost === undefined) return;
    try {
      onLost(this.#notHeld());
    } catch {
      // A listener observes the loss; it cannot change it.
    }
  }

  #notHeld(cause?: unknown): LockError {
    const where = `Lock "${this.name}" on table "${this.table}"`;
    const message =
      this.#state === "lost"
        ? `${where} was lost: its lease ran out and another owner took it (or its item was removed).`
        : `${where} has been released.`;
    return new LockError(message, cause === undefined ? undefined : { cause });
  }

  #scheduleHeartbeat(): void {
    const every = this.#settings.heartbeatMs;
    // Not after a loss or once release() has begun (it clears a pending timer; this covers a beat that
    // was in flight when release() began and finishes afterwards).
    if (every === undefined || this.#state !== "held" || this.#releasing !== undefined) return;
    const delay = Math.max(0, this.#lastSentAt + every - Date.now());
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#beat = this.#renew().then(
        () => this.#scheduleHeartbeat(),
        // A lost lock stops here; any other failure (network, throttling) is retried on the next beat.
        () => this.#scheduleHeartbeat(),
      );
    }, delay);
    // Heartbeats never keep the process alive: a process that exits lets the lease run out.
    this.#timer.unref();
  }

  #stopHeartbeat(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
