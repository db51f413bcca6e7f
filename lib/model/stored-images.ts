// Each item's stored image: the AttributeValues as last read from or written to the table (null for
// an item never stored). Kept beside the item, so the item's own properties are only its data.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";

const images = new WeakMap<object, Record<string, AttributeValue>>();

export function storedImageOf(item: object): Record<string, AttributeValue> | undefined {
  return images.get(item);
}

export function setStoredImage(item: object, image: Record<string, AttributeValue>): void {
  images.set(item, image);
}
