// A save's write pipeline: the schema's write pipeline run on an item read from the table (what a projected
// read did not fetch left out, lists read in part held as read), or on a projected item written as new; and
// saving's validation step, which runs it between the validate hooks before the `pre("save")` hooks.
// Planning what to send from its result is save.ts's.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { storedFormFromDynamo } from "../schema/read-stored";
import { writePipeline, type WriteResult } from "../schema/write";
import type { CompiledSchema } from "../schema/compiled";
import { copyData } from "./json";
import { plannedValues, type PlannedValues } from "./fill-in";
import { withHooks } from "../hooks/hooks";
import { type UnreadInside, unreadInside, withoutUnreadInside } from "./unread-inside";
import {
  type ListHeldAsRead,
  listsHeldAsRead,
  putBackListsHeldAsRead,
  refuseChangedListsReadInPart,
  refuseListsReadInPartAsNew,
} from "./lists-read-in-part";
import { itemRuntimeOf, schemaFor } from "./runtime";
import { isPartialImage, storedImageOf } from "./stored-images";
import { recordedSaveOf } from "./save-order";
import { unreadAttributes, withoutUnread } from "./unread";

/**
 * The write pipeline for saving `item`: `set(new, old)` sees the item as last read; attributes a projected
 * read did not fetch (and the item does not hold) are left out, with no default and no `required` check,
 * and so are the lists it read in part and holds as read (a changed one is refused: lists-read-in-part.ts).
 */
export function writeForSave(
  schema: CompiledSchema,
  item: object,
  stored: Record<string, AttributeValue> | undefined,
): Promise<WriteResult> {
  const data = item as Record<string, unknown>;
  const unread = unreadAttributes(schema, data, stored);
  let inside: UnreadInside[] = [];
  let lists: ListHeldAsRead[] = [];
  if (stored !== undefined && isPartialImage(stored)) {
    try {
      refuseChangedListsReadInPart(schema, item);
    } catch (error) {
      return Promise.reject(error);
    }
    lists = listsHeldAsRead(schema, item);
    inside = [...unreadInside(schema, data, stored), ...lists];
  }
  const written = writePipeline(schema, withoutUnreadInside(withoutUnread(schema, data, unread), inside), {
    isNew: stored === undefined,
    old: stored === undefined ? undefined : storedFormFromDynamo(schema, stored),
    unread: inside.length === 0 ? unread : new Set([...(unread ?? []), ...inside.map(({ path }) => path)]),
  });
  if (lists.length === 0) return written;
  return written.then((result) => {
    putBackListsHeldAsRead(result, lists, stored!);
    return result;
  });
}

/**
 * A projected item written as a new item (its key changed, `overwrite: false`, deleted meanwhile or by
 * itself): whole, with defaults and `required`, like every new item; refused while it holds a list read in
 * part. What it still holds as read is the stored value, as for any item read: `set` does not run on it
 * again, and a `get` display value is put back to the stored one.
 */
export async function writeProjectedAsNew(
  schema: CompiledSchema,
  item: object,
  stored: Record<string, AttributeValue>,
): Promise<WriteResult> {
  refuseListsReadInPartAsNew(schema, item);
  return writePipeline(schema, item as Record<string, unknown>, {
    isNew: true,
    old: storedFormFromDynamo(schema, stored),
  });
}

/**
 * `write` between the schema's validate hooks, with `item` as `this`. The post hooks get the item, as
 * Mongoose's get the document, not the attributes worked out for DynamoDB.
 */
export function validateHooked(
  schema: CompiledSchema,
  item: object,
  write: () => Promise<WriteResult>,
): Promise<WriteResult> {
  // Without validate hooks (the common case, and a save's hot path) this is just `write()`.
  if (!schema.hooks.has("validate")) return write();
  let written: WriteResult | undefined;
  return withHooks(schema.hooks, "validate", item, async () => {
    written = await write();
    return item;
  }).then(() => written!);
}

/** What saving's validation step wrote (nothing sent), and the item's data it was worked out from. */
export interface ValidatedWrite {
  readonly data: Record<string, unknown>;
  readonly written: WriteResult;
  /** The values a fill-in may replace, as the pipeline read them (fill-in.ts). */
  readonly planned: PlannedValues;
  /** The last save recorded on the item then (save-order.ts): another since makes `written` stale. */
  readonly recorded: number;
}

/**
 * Saving's validation step, run before the user's `pre("save")` hooks as Mongoose does: the write
 * pipeline between the validate hooks, writing nothing. Its result is kept for the save itself.
 */
export async function validateBeforeSave(item: object): Promise<ValidatedWrite> {
  const runtime = itemRuntimeOf(item);
  const record = item as Record<string, unknown>;
  let data: Record<string, unknown> = {};
  let planned: PlannedValues = {};
  const recorded = recordedSaveOf(item);
  const written = await validateHooked(schemaFor(runtime, record), item, () => {
    const schema = schemaFor(runtime, record);
    planned = plannedValues(record); // after the pre validate hooks, which may fill the item in
    return writeForSave(schema, item, storedImageOf(item)).then((result) => {
      // Taken once the pipeline ran: a `set` changing the item's own objects in place is not a change the
      // save must work out again (running `set` twice), while a post validate or pre save hook's is.
      data = copyData({ ...record }) as Record<string, unknown>;
      return result;
    });
  });
  return { data, written, planned, recorded };
}
