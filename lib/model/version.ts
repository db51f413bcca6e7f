// Optimistic locking for `item.save()` and deletes of stored items (SPEC §11): a new item is written with
// version 1 and only if it does not exist yet; an item read from the table is written with its version + 1,
// or deleted, only if the stored version is still the one it read. A lost race is DynamoDB's
// ConditionalCheckFailedException.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { Condition, isCondition, isRawCondition } from "../expressions/condition";
import type { ObjectShape } from "../schema/compiled";
import { checkItemLimits } from "../schema/item-limits";
import { schemaFor, type ModelRuntime } from "./runtime";
import { hasStoredImage, isPartialImage, namesReadWholeOf, storedImageOf } from "./stored-images";
import type { ConditionSetting } from "../operations/condition-input";

/** The stored version number of an image (undefined when the item has none yet). */
export function storedVersion(image: Record<string, AttributeValue>, name: string): number | undefined {
  const value = image[name]?.N;
  return value === undefined ? undefined : Number(value);
}

/**
 * Writes `value` as the version into both forms of the written item, and checks DynamoDB's item limits
 * again: the write pipeline checked the item without the version, and the version's bytes can take an item
 * over 400 KB (a batch would then fail after writing its earlier chunks).
 */
export function stampVersion(
  written: { item: Record<string, unknown>; attributes: Record<string, AttributeValue> },
  name: string,
  value: number,
  shape: ObjectShape,
): void {
  written.item[name] = value;
  written.attributes[name] = { N: String(value) };
  checkItemLimits(shape, written.attributes);
}

/**
 * The caller's condition AND "the stored version is still `previous`" (or "has no version yet" for items
 * stored before locking was enabled).
 *
 * @example
 * ```ts
 * withVersionCheck(undefined, "version", 3); // Condition: version = 3
 * ```
 */
export function withVersionCheck(
  condition: unknown,
  name: string,
  previous: number | undefined,
): ConditionSetting {
  const check = previous === undefined ? new Condition(name).exists(false) : new Condition(name).eq(previous);
  if (condition === undefined || condition === null) return check;
  // Anything else (from untyped code or a hook) is left for the condition compiler to reject with its message.
  if (!isCondition(condition) && !isRawCondition(condition)) return condition as ConditionSetting;
  return new Condition().group(condition).and().group(check);
}

/**
 * The condition for deleting a stored (read or written) item under optimistic locking: the caller's, AND
 * "the stored version is still the one the item holds", so a delete based on an outdated read fails as
 * its save would. Anything else (a bare key, an item never stored or read without its version, no
 * locking) keeps the caller's.
 *
 * @example
 * ```ts
 * versionedDeleteCondition(runtime, loadedAtVersion3, undefined); // Condition: version = 3
 * ```
 */
export function versionedDeleteCondition(
  runtime: ModelRuntime,
  item: unknown,
  condition: ConditionSetting,
): ConditionSetting {
  if (!(item instanceof runtime.model) || !hasStoredImage(item)) return condition;
  const { version } = schemaFor(runtime, item as Record<string, unknown>);
  if (version === undefined) return condition;
  const stored = storedImageOf(item)!;
  // Read without its version (a keys-only index, `attributes` leaving it out): it cannot say which version
  // it deletes, so it deletes as a key does, unchecked, as such deletes always have.
  if (versionUnread(stored, version)) return condition;
  return withVersionCheck(condition, version, storedVersion(stored, version));
}

/**
 * Whether a projected read left the version out, so the item cannot say which version it holds: not read,
 * and not named in the attributes (named and missing, the item was stored before locking was turned on).
 */
export function versionUnread(stored: Record<string, AttributeValue>, version: string): boolean {
  return stored[version] === undefined && isPartialImage(stored) && !namesReadWholeOf(stored).has(version);
}
