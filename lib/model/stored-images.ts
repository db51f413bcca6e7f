// Each item's stored image: the AttributeValues as last read from or written to the table (absent for
// an item never stored). A #private field of the items' base class: as fast as a property, and
// invisible to Object.keys, spread, JSON and equality checks, so the item's own properties are only
// its data.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";

type Image = Record<string, AttributeValue>;

let readImage: (item: object) => Image | undefined;
let writeImage: (item: object, image: Image) => void;

export class StoredImageHolder {
  #image: Image | undefined = undefined;

  static {
    readImage = (item) => (#image in item ? (item as StoredImageHolder).#image : undefined);
    writeImage = (item, image) => {
      (item as StoredImageHolder).#image = image;
    };
  }
}

export function storedImageOf(item: object): Image | undefined {
  return readImage(item);
}

export function setStoredImage(item: object, image: Image): void {
  writeImage(item, image);
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
