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
import type { CompiledAttribute, CompiledSchema } from "../schema/compiled";
import { normalizeValue, type NormalizeContext } from "../schema/normalize";
import { valueToDynamo } from "../schema/to-dynamo";
import { anyToDynamo } from "../schema/types/any";
import type { WriteResult } from "../schema/write";
import { documentSegmentsOf } from "../schema/flatten";
import { sameValue } from "../schema/same-value";
import { UNDEFINED } from "../schema/type-markers";
import { attributeValuesEqual, type ImageChange } from "./diff";
import { heldValueAt, itemPathOf, lookUp, objectShapesOf } from "./item-paths";
import { valueAt } from "./read-forms";
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
      return { stored, document, read: copyData(heldValueAt(schema.shape, item, document)) };
    }),
  );
}

/** Each list the item read in part, with what it holds there now (`type.UNDEFINED`: nothing). */
function readInPartHeld(schema: CompiledSchema, item: object): { list: ListReadInPart; held: unknown }[] {
  const lists = listsOfItems.get(item);
  if (lists === undefined) return [];
  return lists.map((list) => {
    const held = heldValueAt(schema.shape, item, list.document);
    return { list, held: held === UNDEFINED ? undefined : held };
  });
}

/**
 * Whether `held` stores as what was read: the same value, or one of the same stored form (a populated
 * reference holds the item where the read gave its key; an element member set to `undefined`).
 */
function heldAsRead(schema: CompiledSchema, list: ListReadInPart, held: unknown): boolean {
  if (sameValue(held, list.read)) return true;
  const now = storedForm(schema, list.document, held);
  const then = storedForm(schema, list.document, list.read);
  return now !== undefined && then !== undefined && attributeValuesEqual(now, then);
}

/** The value's stored form at a document path, as a write of it would give; undefined when it has none. */
function storedForm(
  schema: CompiledSchema,
  document: readonly PathSegment[],
  value: unknown,
): AttributeValue | undefined {
  const path = formatDocumentPath(document);
  try {
    const attribute = declaredAt(schema, document);
    if (attribute === undefined) return anyToDynamo(value, path);
    // Without defaults: a member the read left out and the item now sets to its default is a change.
    const context: NormalizeContext = {
      keepUnknown: schema.keepUnknown,
      pendingDefaults: [],
      withoutDefaults: true,
    };
    return valueToDynamo(attribute, normalizeValue(attribute, value, path, context), path);
  } catch {
    return undefined; // a value a write would refuse is not the one read
  }
}

/** The declared attribute at a document path of names (real names; a flattened object's members too). */
function declaredAt(schema: CompiledSchema, document: readonly PathSegment[]): CompiledAttribute | undefined {
  let attribute = schema.shape.byName.get(String(document[0]));
  for (const segment of document.slice(1)) {
    if (attribute === undefined) return undefined;
    const shapes = objectShapesOf(attribute);
    if (attribute.flatten !== undefined) shapes.unshift(attribute.flatten.shape);
    attribute = lookUp(shapes, String(segment), "byName");
  }
  return attribute;
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
  readonly stored: NamePath;
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
    if (held === undefined || !heldAsRead(schema, list, held)) continue;
    const path = formatDocumentPath(list.document);
    const heldPath = itemPathOf(schema.shape, item, list.document);
    left.push({ path, held: heldPath, stored: list.stored, document: list.document, value: held });
  }
  return left;
}

/**
 * Puts the lists a save left out back into what it worked out: into `result.item` (the item's JavaScript
 * form in real names) as the item holds them, and into `result.attributes` as `image` stores them. Filling
 * the item in from the result then keeps them, and the diff against the image sees them unchanged.
 */
export function putBackListsHeldAsRead(
  result: WriteResult,
  lists: readonly ListHeldAsRead[],
  image: Record<string, AttributeValue>,
): void {
  for (const { document, stored, value } of lists) {
    let container: unknown = result.item;
    for (const segment of document.slice(0, -1)) {
      container =
        typeof container === "object" && container !== null
          ? (container as Record<PathSegment, unknown>)[segment]
          : undefined;
    }
    if (typeof container === "object" && container !== null)
      (container as Record<PathSegment, unknown>)[document[document.length - 1]!] = value;
    const [head, ...rest] = stored;
    const read = valueAt(image[head!], rest);
    const into =
      rest.length === 0 ? result.attributes : valueAt(result.attributes[head!], rest.slice(0, -1))?.M;
    if (read !== undefined && into !== undefined) into[stored[stored.length - 1]!] = read;
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
    if (held !== undefined && !heldAsRead(schema, list, held))
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

/**
 * Refuses writing whole the node of `item` at `path` (stored names) while a list it read in part lies within:
 * the list would be stored as the few elements read (reachable-changes.ts writes such nodes).
 */
export function refuseListsReadInPartWithin(
  schema: CompiledSchema,
  item: object,
  path: readonly PathSegment[],
): void {
  for (const { list, held } of readInPartHeld(schema, item)) {
    if (held !== undefined && within(list.stored, path as NamePath))
      throw refusal(list, held, `it cannot be written whole, as "${formatDocumentPath(path)}" now is`);
  }
}

/** The document paths of the lists read in part that `item` changed (for `modifiedPaths()`). */
export function changedListsReadInPart(schema: CompiledSchema, item: object): PathSegment[][] {
  const changed: PathSegment[][] = [];
  for (const { list, held } of readInPartHeld(schema, item)) {
    if (held !== undefined && !heldAsRead(schema, list, held)) changed.push([...list.document]);
  }
  return changed;
}

function within(path: readonly PathSegment[], list: NamePath): boolean {
  return list.length <= path.length && list.every((name, at) => path[at] === name);
}

/**
 * `changes` (in stored names) without those inside the lists read in part that the item still holds:
 * `modifiedPaths()` compares the item with such a list left out (and reports a changed one itself), so its
 * diff sees the list removed; a save refuses a changed one first and puts an unchanged one back. A list the
 * item deleted keeps its removal.
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

/**
 * Runs `fill` (a save's result copied onto the item, fill-in.ts) and then gives each list read in part that
 * the item held as read its held value back: the save left those lists out, so nothing it worked out
 * applies to them. (The result holds them as the item does, in display form: a fill showing a container
 * through the `get`s inside it would apply them twice, and the next save would then refuse the list.)
 */
export function keepingListsReadInPart(schema: CompiledSchema, item: object, fill: () => void): void {
  const kept = readInPartHeld(schema, item)
    .filter((entry) => entry.held !== undefined)
    .map(({ list, held }) => ({ path: itemPathOf(schema.shape, item, list.document), held }));
  fill();
  for (const { path, held } of kept) {
    let container: unknown = item;
    for (const segment of path.slice(0, -1)) {
      container =
        typeof container === "object" && container !== null
          ? (container as Record<PathSegment, unknown>)[segment]
          : undefined;
    }
    const holder = container as Record<PathSegment, unknown> | null;
    const last = path[path.length - 1]!;
    // Only where the fill changed it: an untouched holder may be the caller's own, even frozen.
    if (typeof holder === "object" && holder !== null && holder[last] !== held) holder[last] = held;
  }
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
