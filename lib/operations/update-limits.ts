// The pre-flight of `Model.update` against DynamoDB's item limits (SPEC §4 checks items before sending; an
// update carries parts of one). The item an update leaves holds at least its key, every value the update
// sets unconditionally, the elements it appends or prepends to a list and the members it adds to a set. When
// those alone pass 400 KB, or nest more maps and lists than DynamoDB stores, the update can never succeed:
// it is refused before sending, naming the size or the path, instead of failing after a round trip with a
// message that names neither. What the stored item already holds is unknown here, so an update that passes
// may still be refused by DynamoDB; an `$IF_NOT_EXISTS` value is left out, as it may never be stored.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { ValidationError } from "../errors";
import type { PathSegment } from "../expressions/path";
import type { UpdateAction } from "../expressions/update";
import type { ObjectShape } from "../schema/compiled";
import { checkAppendedNesting, checkNestingAt } from "../schema/nesting";
import {
  MAX_ITEM_BYTES,
  MAX_NESTED_CONTAINERS,
  attributeValueBound,
  attributeValueSize,
  itemSize,
  itemSizeBound,
} from "../schema/size";

type StoredAction = Extract<UpdateAction, { value: AttributeValue }>;

/**
 * An action whose whole value ends up in the item: a plain SET, list elements appended or prepended, set
 * members added. An `if_not_exists` value may be dropped, and a number added is not the number stored.
 */
function storesItsValue(action: UpdateAction): action is StoredAction {
  switch (action.kind) {
    case "set":
      return action.ifNotExists !== true;
    case "append":
    case "prepend":
      return true;
    case "add":
      return action.value.SS !== undefined || action.value.NS !== undefined || action.value.BS !== undefined;
    default:
      return false;
  }
}

/** How many maps and lists a value at `path` may nest: the containers the path goes through are used. */
const containersLeftAt = (path: readonly PathSegment[]) => MAX_NESTED_CONTAINERS - (path.length - 1);

/**
 * Throws when the item the update leaves would be over 400 KB, or nest too deep, by what the update alone
 * writes. One cheap bound is taken first, as for puts: only an update near a limit is checked exactly.
 *
 * @throws ValidationError, rule `"nesting"` naming the path of a map or list nested too deep (`shape` turns
 * stored names into document paths), rule `"size"` naming the least size of the item.
 *
 * @example
 * ```ts
 * checkUpdateLimits(shape, { id: { S: "a" } }, [{ kind: "set", path: ["bio"], value: { S: "x".repeat(500_000) } }]);
 * // ValidationError: The item is larger than DynamoDB's limit of 409600 bytes with the key and the values
 * // this update sets (got "500004 bytes")
 * ```
 */
export function checkUpdateLimits(
  shape: ObjectShape,
  key: Record<string, AttributeValue>,
  actions: readonly UpdateAction[],
): void {
  const written = actions.filter(storesItsValue);
  // Each top-level attribute the update writes into counts its name once, however many paths it sets.
  const roots = new Set(written.map((action) => String(action.path[0])));
  let bound = itemSizeBound(key);
  for (const root of roots) bound += root.length * 3;
  for (const action of written) bound += attributeValueBound(action.value, containersLeftAt(action.path));
  if (bound <= MAX_ITEM_BYTES) return;
  for (const action of written) {
    if (action.kind === "append") checkAppendedNesting(shape, action.path, action.value);
    else checkNestingAt(shape, action.path, action.value);
  }
  let size = itemSize(key);
  for (const root of roots) size += Buffer.byteLength(root, "utf8");
  for (const action of written) size += attributeValueSize(action.value);
  if (size > MAX_ITEM_BYTES) {
    throw new ValidationError(
      "",
      "size",
      `${size} bytes`,
      `is larger than DynamoDB's limit of ${MAX_ITEM_BYTES} bytes with the key and the values this update sets`,
    );
  }
}
