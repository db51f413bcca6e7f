// DynamoDB's limits on one item (its size, how deep it nests), checked before sending: DynamoDB's refusals
// name no attribute, and in a batch arrive after earlier chunks were written.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { ValidationError } from "../errors";
import type { ObjectShape } from "./compiled";
import { checkItemNesting } from "./nesting";
import { MAX_ITEM_BYTES, itemSize, itemSizeBound } from "./size";

/**
 * Throws when DynamoDB would refuse to store `item` (stored names; `shape` turns them into document paths for
 * errors). Every write takes one cheap walk (the size bound); the exact checks run only near a limit.
 *
 * @throws ValidationError, rule `"nesting"` for maps and lists nested deeper than DynamoDB stores (naming the
 * document path), rule `"size"` for an item over 400 KB.
 */
export function checkItemLimits(shape: ObjectShape, item: Record<string, AttributeValue>): void {
  if (itemSizeBound(item) <= MAX_ITEM_BYTES) return;
  checkItemNesting(shape, item);
  const size = itemSize(item);
  if (size > MAX_ITEM_BYTES) {
    throw new ValidationError(
      "",
      "size",
      `${size} bytes`,
      `is larger than DynamoDB's limit of ${MAX_ITEM_BYTES} bytes`,
    );
  }
}
