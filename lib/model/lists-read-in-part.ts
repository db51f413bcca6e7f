// A list read in part (a projection named some of its elements: `attributes: ["toys[1].name"]`) comes back
// with only those elements, renumbered from 0 (expressions/projection-lists.ts). The item's list is then
// not the stored one, and no index of it says which stored element it is: writing it back would replace
// the stored list with the few elements read. So the item remembers what each such list read as; a save
// leaves a list it still holds as read out entirely (no rule, default or write touches it), removes one the
// item no longer holds, and refuses one it changed.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { InvalidParameter, describeValue } from "../errors";
import type { NamePath } from "../expressions/projection-lists";
import { formatDocumentPath, type PathSegment } from "../expressions/path";
import type { CompiledSchema } from "../schema/compiled";
import { documentSegmentsOf } from "../schema/flatten";
import { sameValue } from "../schema/same-value";
import { UNDEFINED } from "../schema/type-markers";
import type { ImageChange } from "./diff";
import { itemPathOf } from "./item-paths";
import { copyData } from "./json";
import { listsInPartOf } from "./stored-images";
import type { UnreadInside } from "./unread-inside";

/** One list an item read in part: its stored path (as changes name it), its document path, and its value. */
interface ListReadInPart {
  readonly stored: NamePath;
  readonly document: readonly PathSegment[];
  readonly read: unknown;
}

const listsOfItems = new WeakMap<object, readonly ListReadInPart[]>();

function heldAt(schema: CompiledSchema, item: object, document: readonly PathSegment[]): unknown {
  let value: unknown = item;
  for (const segment of itemPathOf(schema.shape, item, document)) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PathSegment, unknown>)[segment];
  }
  return value;
}

/**
 * Remembers what the lists `image`'s projection read in part hydrated to in `item` (called once the item
 * is read). Nothing for an image read whole or without element paths.
 */
export function recordListsReadInPart(
  schema: CompiledSchema,
  item: object,
  image: Record<string, AttributeValue>,
): void {
  const lists = listsInPartOf(image);
  if (lists.length === 0) return;
  listsOfItems.set(
    item,
    lists.map((stored) => {
      const document = documentSegmentsOf(schema.shape, [...stored] as PathSegment[]);
      return { stored, document, read: copyData(heldAt(schema, item, document)) };
    }),
  );
}

/** Each list the item read in part, with what it holds there now (`type.UNDEFINED`: nothing). */
function readInPartHeld(schema: CompiledSchema, item: object): { list: ListReadInPart; held: unknown }[] {
  const lists = listsOfItems.get(item);
  if (lists === undefined) return [];
  return lists.map((list) => {
    const held = heldAt(schema, item, list.document);
    return { list, held: held === UNDEFINED ? undefined : held };
  });
}

function refusal(list: ListReadInPart, held: unknown, problem: string): InvalidParameter {
  const path = formatDocumentPath(list.document);
  return new InvalidParameter(
    `Cannot save "${path}": it was read in part (the attributes named some of its elements, which DynamoDB ` +
      `returns renumbered from 0), so the item does not hold the stored list, and ${problem} (it holds ` +
      `${describeValue(held)}). Read the item with "${path}" whole, or change it with Model.update().`,
  );
}

/** A list read in part that the item still holds as read: left out of a save, put back after. */
export interface ListHeldAsRead extends UnreadInside {
  readonly document: readonly PathSegment[];
  readonly value: unknown;
}

/**
 * The lists read in part that `item` still holds as read: a save leaves them as stored, so they are left
 * out of what it writes (as entries for `withoutUnreadInside`).
 */
export function listsHeldAsRead(schema: CompiledSchema, item: object): ListHeldAsRead[] {
  const left: ListHeldAsRead[] = [];
  for (const { list, held } of readInPartHeld(schema, item)) {
    if (held === undefined || !sameValue(held, list.read)) continue;
    const path = formatDocumentPath(list.document);
    left.push({
      path,
      held: itemPathOf(schema.shape, item, list.document),
      document: list.document,
      value: held,
    });
  }
  return left;
}

/**
 * Puts the lists a save left out back into what it wrote (`written`, the item's JavaScript form in real
 * names), so that filling the item in from it after the save keeps them.
 */
export function putBackListsHeldAsRead(
  written: Record<string, unknown>,
  lists: readonly ListHeldAsRead[],
): void {
  for (const { document, value } of lists) {
    let container: unknown = written;
    for (const segment of document.slice(0, -1)) {
      container =
        typeof container === "object" && container !== null
          ? (container as Record<PathSegment, unknown>)[segment]
          : undefined;
    }
    if (typeof container === "object" && container !== null)
      (container as Record<PathSegment, unknown>)[document[document.length - 1]!] = value;
  }
}

/**
 * Refuses a save of `item` over its stored image that would change a list read in part (an element, a
 * push, a new list). Deleting one is a removal, and is not refused.
 *
 * @throws InvalidParameter naming the list and what the item holds there.
 */
export function refuseChangedListsReadInPart(schema: CompiledSchema, item: object): void {
  for (const { list, held } of readInPartHeld(schema, item)) {
    if (held !== undefined && !sameValue(held, list.read))
      throw refusal(list, held, "a save cannot change it");
  }
}

/**
 * Refuses writing `item` as a new item (its key changed, `overwrite: false`, or it was deleted meanwhile)
 * while it holds a list read in part: the list would be stored as the few elements read.
 */
export function refuseListsReadInPartAsNew(schema: CompiledSchema, item: object): void {
  for (const { list, held } of readInPartHeld(schema, item)) {
    if (held !== undefined) throw refusal(list, held, "it cannot be written whole, as a new item is");
  }
}

/** The document paths of the lists read in part that `item` changed (for `modifiedPaths()`). */
export function changedListsReadInPart(schema: CompiledSchema, item: object): PathSegment[][] {
  const changed: PathSegment[][] = [];
  for (const { list, held } of readInPartHeld(schema, item)) {
    if (held !== undefined && !sameValue(held, list.read)) changed.push([...list.document]);
  }
  return changed;
}

function within(path: readonly PathSegment[], list: NamePath): boolean {
  return list.length <= path.length && list.every((name, at) => path[at] === name);
}

/**
 * `changes` (in stored names) without those inside the lists read in part that the item still holds: such
 * a list is left out of the write, so the diff sees it removed. A list the item deleted keeps its removal.
 */
export function withoutListsReadInPart<C extends ImageChange>(
  schema: CompiledSchema,
  item: object,
  changes: C[],
): C[] {
  const held = readInPartHeld(schema, item).filter((entry) => entry.held !== undefined);
  if (held.length === 0) return changes;
  return changes.filter((change) => !held.some(({ list }) => within(change.path, list.stored)));
}

/** After a save: lists the item no longer holds were removed (or never stored), so are not in part any more. */
export function forgetRemovedListsReadInPart(schema: CompiledSchema, item: object): void {
  const lists = listsOfItems.get(item);
  if (lists === undefined) return;
  const kept = readInPartHeld(schema, item)
    .filter((entry) => entry.held !== undefined)
    .map(({ list }) => list);
  if (kept.length === 0) listsOfItems.delete(item);
  else if (kept.length < lists.length) listsOfItems.set(item, kept);
}
