// Sending a save (DESIGN "One pipeline"): the plan's request, and SPEC §4's fallback when the item was
// deleted since it was read. Planning (what to send) is save.ts's.
import type { AttributeValue, GetItemCommandOutput } from "@aws-sdk/client-dynamodb";
import { isServiceError } from "../client/service-error";
import { isConditionFailure, withStoredItem } from "./conflict";
import { itemFromImage, sendForModel, sendForModelAsStored, type SaveSettings } from "./persist";
import { planSave, type SavePlan } from "./save";
import { validateBeforeSave, type ValidatedWrite } from "./save-write";
import { itemRuntimeOf, schemaFor } from "./runtime";
import { afterEarlierSaves } from "./save-order";
import { wantsRequest } from "../operations/options";
import { valuesSettled } from "../pending-values";

/**
 * Saves `item` as planned (save.ts): sends the plan's request, or with `return: "request"` resolves with it
 * unsent; falls back to writing the item whole when it was deleted since it was read. Resolves with the item.
 *
 * @example
 * ```ts
 * await saveItem(cat, {}); // PutItem for a new cat, an UpdateItem of its changes for a read one
 * ```
 */
export function saveItem<T extends object>(
  item: T,
  rawSettings: SaveSettings,
  validated?: ValidatedWrite,
): Promise<T> {
  const runtime = itemRuntimeOf(item);
  // Validate hooks run before the save waits for earlier ones: a hook that saves the item again must not
  // wait for the save that waits for the hook.
  if (validated === undefined && schemaFor(runtime, item as Record<string, unknown>).hooks.has("validate")) {
    return validateBeforeSave(item).then((checked) =>
      afterEarlierSaves(item, () => saveNow(item, rawSettings, checked)),
    );
  }
  return afterEarlierSaves(item, () => saveNow(item, rawSettings, validated));
}

async function saveNow<T extends object>(
  item: T,
  rawSettings: SaveSettings,
  validated?: ValidatedWrite,
): Promise<T> {
  const plan = await planSave(item, rawSettings, validated);
  const { runtime, operation, request } = plan;
  if (wantsRequest(rawSettings, "save")) {
    // Nothing to send (an unchanged projected or versioned item): an UpdateItem that writes nothing, never
    // a Put of what the item holds, which sent by the caller would replace the stored item with it.
    const input = request ?? plan.conditionOnly();
    await valuesSettled(input);
    return input as unknown as T;
  }

  if (request === undefined) {
    plan.commit();
    return item;
  }
  let sending = { request, commit: plan.commit };
  for (let round = 1; ; round++) {
    try {
      await sendForModel(runtime, operation, sending.request);
      sending.commit();
      return item;
    } catch (error) {
      // A map on a changed path was removed or retyped by another writer since the read: the changes are
      // moved up to what the table lacks now (reachable-changes.ts), read again each round.
      if (operation === "UpdateItem" && isPathUnreachable(error) && round < reachRounds) {
        sending = plan.reaching(await storedNow(plan, sending.request));
        continue;
      }
      // The item was deleted since it was read: write it whole, as a new save would. Not under optimistic
      // locking, where a deleted item is a conflict like any other.
      if (operation !== "UpdateItem" || !isItemGone(error) || plan.versioned || !plan.recreatable) {
        throw await withStoredItem(runtime, error, itemFromImage);
      }
      await writeAgain(plan);
      return item;
    }
  }
}

/** Rounds of "a changed path became unreachable, read again, sent again" before the save gives up. */
const reachRounds = 3;

/** DynamoDB's refusal of an update path whose parent the item lacks or holds as another kind. */
function isPathUnreachable(error: unknown): boolean {
  return (
    isServiceError(error, "ValidationException") &&
    /document path provided in the update expression is invalid/i.test(error.message ?? "")
  );
}

/**
 * The item as the table holds it now (a strongly consistent read; expired or not, it is there until
 * DynamoDB deletes it); empty if it is gone.
 */
async function storedNow(
  plan: SavePlan,
  request: { TableName?: string; Key?: Record<string, AttributeValue> },
): Promise<Record<string, AttributeValue>> {
  const output = await sendForModelAsStored<GetItemCommandOutput>(plan.runtime, "GetItem", {
    TableName: request.TableName,
    Key: request.Key,
    ConsistentRead: true,
  });
  return output.Item ?? {};
}

/** Rounds of "gone, written again by someone, gone again" before the save gives up. */
const writeAgainRounds = 3;

/** A failed condition with no stored item returned (ALL_OLD): the item does not exist. */
function isItemGone(error: unknown): boolean {
  return isConditionFailure(error) && error.Item === undefined;
}

/**
 * SPEC §4's fallback for an item deleted since it was read: a full PutItem, on condition that the item is
 * still absent. If someone wrote it again in between, an UpdateItem sets every attribute of the item on
 * theirs instead: the stored result equals a full overwrite, and the attributes they added survive.
 */
async function writeAgain(plan: SavePlan): Promise<void> {
  const { runtime } = plan;
  const whole = await plan.whole();
  for (let round = 1; ; round++) {
    try {
      await sendForModel(runtime, "PutItem", whole.put);
      whole.commit();
      return;
    } catch (error) {
      // No item returned: it is absent and the caller's condition failed on that.
      if (!isConditionFailure(error) || error.Item === undefined || round === writeAgainRounds) {
        throw await withStoredItem(runtime, error, itemFromImage);
      }
    }
    try {
      await sendForModel(runtime, "UpdateItem", whole.update);
      whole.commit();
      return;
    } catch (error) {
      if (!isItemGone(error)) throw await withStoredItem(runtime, error, itemFromImage);
    }
  }
}
