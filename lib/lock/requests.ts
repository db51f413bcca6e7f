// Pure: the three conditional writes a lock is made of. No client here.
//   acquire  PutItem     only if no item has the key, or the stored lease has run out
//   renew    UpdateItem  only if the stored owner is still us and the stored lease end is earlier than
//                        the new one (heartbeats and extend(); a late renewal never moves it back)
//   release  DeleteItem  only if the stored owner is still us
// A refused renewal is told apart from a lost lock by the stored item (see `ownStoredExpiry`).
// A stored item without a `lockExpiresAt` (some other item that happens to have the key) never counts
// as expired, so acquiring never overwrites data that is not a lock.
import type {
  AttributeValue,
  DeleteItemCommandInput,
  GetItemCommandInput,
  PutItemCommandInput,
  UpdateItemCommandInput,
} from "@aws-sdk/client-dynamodb";
import type { LockKeyLayout } from "./target";

/** The attribute holding the holder's owner token (a random UUID per acquisition). */
export const OWNER_ATTRIBUTE = "lockOwner";
/** The attribute holding the end of the lease, in ms since the epoch (the holder's clock). */
export const EXPIRES_ATTRIBUTE = "lockExpiresAt";
/** The range key value of a lock item, in a table that has a range key. */
export const LOCK_RANGE_VALUE = "dynamodel:lock";

/** The lock item's key: the hash key set to the lock's name (and the range key to the fixed value). */
export function lockKey(layout: LockKeyLayout, name: string): Record<string, AttributeValue> {
  const key: Record<string, AttributeValue> = { [layout.hashKey]: { S: name } };
  if (layout.rangeKey !== undefined) key[layout.rangeKey] = { S: LOCK_RANGE_VALUE };
  return key;
}

/** Takes the lock if it is free or its lease ended before `now`; returns the holder's item if not. */
export function buildAcquireInput(
  table: string,
  key: Record<string, AttributeValue>,
  layout: LockKeyLayout,
  owner: string,
  now: number,
  expiresAt: number,
): PutItemCommandInput {
  return {
    TableName: table,
    Item: {
      ...key,
      [OWNER_ATTRIBUTE]: { S: owner },
      [EXPIRES_ATTRIBUTE]: { N: String(expiresAt) },
    },
    // `#owner = :owner`: a retry of this very write (the SDK retries when a response is lost after the
    // write was applied) finds its own lock and succeeds, instead of waiting out its own lease.
    ConditionExpression: "attribute_not_exists(#hash) OR #expires < :now OR #owner = :owner",
    ExpressionAttributeNames: {
      "#hash": layout.hashKey,
      "#expires": EXPIRES_ATTRIBUTE,
      "#owner": OWNER_ATTRIBUTE,
    },
    ExpressionAttributeValues: { ":now": { N: String(now) }, ":owner": { S: owner } },
    // The holder's lease end lets a waiter retry as soon as it runs out (where the endpoint returns it).
    ReturnValuesOnConditionCheckFailure: "ALL_OLD",
  };
}

/**
 * Moves the lease end to `expiresAt`, only while `owner` holds the lock and only forward: two renewals
 * that reach DynamoDB in the other order than they were sent leave the later end stored, never the
 * earlier one (which would let another owner in while this holder still counts on the later one).
 */
export function buildRenewInput(
  table: string,
  key: Record<string, AttributeValue>,
  owner: string,
  expiresAt: number,
): UpdateItemCommandInput {
  return {
    TableName: table,
    Key: key,
    UpdateExpression: "SET #expires = :expires",
    // `attribute_not_exists`: an item of ours without a lease end (edited by hand) is renewed as before.
    ConditionExpression: "#owner = :owner AND (attribute_not_exists(#expires) OR #expires < :expires)",
    ExpressionAttributeNames: { "#expires": EXPIRES_ATTRIBUTE, "#owner": OWNER_ATTRIBUTE },
    ExpressionAttributeValues: { ":expires": { N: String(expiresAt) }, ":owner": { S: owner } },
    // A refusal carries the stored item, which says whether the lock is still ours (where the endpoint
    // returns it; `buildLockReadInput` reads it otherwise).
    ReturnValuesOnConditionCheckFailure: "ALL_OLD",
  };
}

/** A consistent read of the lock item's owner and lease end, for endpoints that return no item on a refusal. */
export function buildLockReadInput(table: string, key: Record<string, AttributeValue>): GetItemCommandInput {
  return {
    TableName: table,
    Key: key,
    ConsistentRead: true,
    ProjectionExpression: "#owner, #expires",
    ExpressionAttributeNames: { "#owner": OWNER_ATTRIBUTE, "#expires": EXPIRES_ATTRIBUTE },
  };
}

/** Deletes the lock item, only while `owner` holds the lock. */
export function buildReleaseInput(
  table: string,
  key: Record<string, AttributeValue>,
  owner: string,
): DeleteItemCommandInput {
  return {
    TableName: table,
    Key: key,
    ConditionExpression: "#owner = :owner",
    ExpressionAttributeNames: { "#owner": OWNER_ATTRIBUTE },
    ExpressionAttributeValues: { ":owner": { S: owner } },
    // A refusal says whether another owner holds the item, or no item is there (held-lock.ts #release).
    ReturnValuesOnConditionCheckFailure: "ALL_OLD",
  };
}

/** The lease end stored in a lock item (returned by a refused write, or read), when it has one. */
export function storedExpiry(item: Record<string, AttributeValue> | undefined): number | undefined {
  const stored = item?.[EXPIRES_ATTRIBUTE]?.N;
  if (stored === undefined) return undefined;
  const value = Number(stored);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The stored lease end when the lock item is still `owner`'s: after a refused renewal, the stored end
 * was already as late as the one sent (a renewal sent later was applied first, or this very renewal was
 * applied and then retried), and the lock is not lost. `undefined` when the item is gone, holds another
 * owner, or has no readable lease end: the lock is lost.
 */
export function ownStoredExpiry(
  item: Record<string, AttributeValue> | undefined,
  owner: string,
): number | undefined {
  return item?.[OWNER_ATTRIBUTE]?.S === owner ? storedExpiry(item) : undefined;
}
