// Each item's stored image: the AttributeValues as last read from or written to the table (absent for
// an item never stored). Kept in the item's image slot (image-slot.ts); an item tracked lazily since it
// was read (tracked-items.ts) has its image worked out when asked for.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { attributeValuesEqual } from "./diff";
import { imageSlotOf, setImageSlot } from "./image-slot";
import type { NamePath } from "../expressions/projection-lists";
import { imageOfTracked, isLazySlot, trackedTargetOf } from "./tracked-items";

type Image = Record<string, AttributeValue>;

/** The item's stored image, or `undefined` for an item never stored. Takes an item or its own object. */
export function storedImageOf(item: object): Image | undefined {
  const target = trackedTargetOf(item) ?? item;
  const slot = imageSlotOf(target);
  if (slot === undefined) return undefined;
  return isLazySlot(slot) ? imageOfTracked(target) : (slot as Image);
}

/** Whether the item was read from or written to the table (without working a tracked item's image out). */
export function hasStoredImage(item: object): boolean {
  return imageSlotOf(trackedTargetOf(item) ?? item) !== undefined;
}

/** Records what the table now holds for the item (after a read or a write). */
export function setStoredImage(item: object, image: Image): void {
  setImageSlot(trackedTargetOf(item) ?? item, image);
}

// Images of items whose own delete went through (`item.delete()`, `Model.delete(item)`): as far as the item
// knows, the table no longer holds it, so its next save writes it as a new item (save.ts), never an update of
// changes that would land on an item someone else created again under its key.
const deletedImages = new WeakSet<Image>();

/**
 * Records that the item's own delete of `deletedKey` went through, if that is the key the item is stored
 * under (one the caller changed it to names another item). Its next save's commit sets a new image.
 */
export function markDeletedByItem(item: object, deletedKey: Image): void {
  const image = storedImageOf(item);
  if (image === undefined) return;
  const storedKey = Object.keys(deletedKey).every(
    (name) => image[name] !== undefined && attributeValuesEqual(image[name], deletedKey[name]!),
  );
  if (!storedKey) return;
  // Kept in the slot: an item tracked lazily works its image out anew each time it is asked.
  setStoredImage(item, image);
  deletedImages.add(image);
}

/** Whether the item holding `image` deleted itself from the table since. */
export function isDeletedByItem(image: Image): boolean {
  return deletedImages.has(image);
}

// Images read with a projection (`attributes`) hold only some of the item: an attribute missing from
// one was not read, not removed, unless the projection named it whole. Each is kept with the lists the
// projection read in part (element paths, projection-lists.ts) and the top-level names it read whole. A
// WeakMap, so the common, whole image costs nothing.
interface PartialRead {
  readonly lists: readonly NamePath[];
  readonly whole: ReadonlySet<string>;
}
const partialImages = new WeakMap<Image, PartialRead>();
const NO_LISTS: readonly NamePath[] = [];
const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * Marks images read with a projection, with the lists it read in part and the top-level attributes it
 * read whole (stored names).
 *
 * @example
 * ```ts
 * const { ProjectionExpression: projection, ExpressionAttributeNames: names } = input;
 * markPartialImages([output.Item], listsReadInPart(projection, names), namesReadWhole(projection, names));
 * ```
 */
export function markPartialImages(
  images: readonly Image[],
  listsInPart: readonly NamePath[] = NO_LISTS,
  readWhole: ReadonlySet<string> = NO_NAMES,
): void {
  const read: PartialRead = { lists: listsInPart, whole: readWhole };
  for (const image of images) partialImages.set(image, read);
}

/** Whether an image was read with a projection (its missing attributes are unknown, not absent). */
export function isPartialImage(image: Image): boolean {
  return partialImages.has(image);
}

/** The lists (stored names) the projection an image was read with read in part; none for a whole image. */
export function listsInPartOf(image: Image): readonly NamePath[] {
  return partialImages.get(image)?.lists ?? NO_LISTS;
}

/**
 * The top-level attributes (stored names) the projection an image was read with named whole: one the image
 * lacks is absent from the table, as in a whole image. None for a whole image (every name is read there),
 * and none recorded for a model of several schemas: the schema a projected image takes is chosen from the
 * little it holds, so another schema's attribute would count as absent and take its default.
 */
export function namesReadWholeOf(image: Image): ReadonlySet<string> {
  return partialImages.get(image)?.whole ?? NO_NAMES;
}
