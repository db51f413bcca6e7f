// Each item's stored image: the AttributeValues as last read from or written to the table (absent for
// an item never stored). Kept in the item's image slot (image-slot.ts); an item tracked lazily since it
// was read (tracked-items.ts) has its image worked out when asked for.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { imageSlotOf, setImageSlot } from "./image-slot";
import { imageOfTracked, isReadValues, trackedTargetOf } from "./tracked-items";

type Image = Record<string, AttributeValue>;

export { StoredImageHolder } from "./image-slot";

export function storedImageOf(item: object): Image | undefined {
  const target = trackedTargetOf(item);
  if (target === undefined) return imageSlotOf(item) as Image | undefined;
  const slot = imageSlotOf(target);
  return slot === undefined || isReadValues(slot) ? imageOfTracked(target, slot) : (slot as Image);
}

/** Whether the item was read from or written to the table (without working a tracked item's image out). */
export function hasStoredImage(item: object): boolean {
  return trackedTargetOf(item) !== undefined || imageSlotOf(item) !== undefined;
}

export function setStoredImage(item: object, image: Image): void {
  setImageSlot(trackedTargetOf(item) ?? item, image);
}

// Images read with a projection (`attributes`) hold only some of the item: an attribute missing from
// one was not read, not removed. A WeakSet, so the common, whole image costs nothing.
const partialImages = new WeakSet<Image>();

/** Marks images read with a ProjectionExpression. */
export function markPartialImages(images: readonly Image[]): void {
  for (const image of images) partialImages.add(image);
}

/** Whether an image was read with a projection (its missing attributes are unknown, not absent). */
export function isPartialImage(image: Image): boolean {
  return partialImages.has(image);
}
