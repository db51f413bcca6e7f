// The pre-flight of `Model.update` against DynamoDB's item limits (SPEC §4 checks items before sending; an
// update carries parts of one), so that an update that can never succeed is refused naming the path or the
// size, instead of failing after a round trip with a message that names neither.
// - Nesting: every value the update gives, `$IF_NOT_EXISTS` ones too (one too deep could never be stored),
//   with the maps and lists its path goes through.
// - Size: the item an update leaves holds at least its key, every value the update sets unconditionally, the
//   elements it appends or prepends and the set members it adds; an `$IF_NOT_EXISTS` value may never be
//   stored and is left out. What the stored item already holds is unknown here, so an update that passes
//   may still be refused by DynamoDB.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { ValidationError } from "../errors";
import type { UpdateAction } from "../expressions/update";
import type { ObjectShape } from "../schema/compiled";
import { checkAppendedNesting, checkNestingAt, containersLeftAt } from "../schema/nesting";
import {
  MAX_ITEM_BYTES,
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

/**
 * Throws when the update gives a value nested too deep, or the item it leaves would be over 400 KB by what
 * the update alone writes. One cheap bound is taken first, as for puts: only an update near a limit is
 * measured exactly.
 *
 * @throws ValidationError, rule `"nesting"` naming the path of a map or list nested too deep (`shape` turns
 * stored names into document paths), rule `"size"` naming the least size of the item.
 *
 * @example
 * ```ts
 * const bio = { S: "x".repeat(500_000) };
 * checkUpdateLimits(shape, { id: { S: "a" } }, [{ kind: "set", path: ["bio"], value: bio }]);
 * // ValidationError: The item is larger than DynamoDB's limit of 409600 bytes with the key and the values
 * // this update sets (got "500004 bytes")
 * ```
 */
export function checkUpdateLimits(
  shape: ObjectShape,
  key: Record<string, AttributeValue>,
  actions: readonly UpdateAction[],
): void {
  let bound = itemSizeBound(key);
  for (const action of actions) {
    if (action.kind === "remove") continue;
    // Infinity when the value nests too deep (size.ts): then find where, for the error.
    const valueBound = attributeValueBound(action.value, containersLeftAt(action.path));
    if (valueBound === Infinity) {
      if (action.kind === "append") checkAppendedNesting(shape, action.path, action.value);
      else checkNestingAt(shape, action.path, action.value);
    }
    if (storesItsValue(action)) bound += valueBound;
  }
  const written = actions.filter(storesItsValue);
  // Each top-level attribute the update writes into counts its name once, however many paths it sets.
  const roots = new Set(written.map((action) => String(action.path[0])));
  for (const root of roots) bound += root.length * 3;
  if (bound <= MAX_ITEM_BYTES) return;
  let size = itemSize(key);
  for (const root of roots) size += Buffer.byteLength(root, "utf8");
  for (const action of written) size += attributeValueSize(action.value);
  if (size > MAX_ITEM_BYTES) {
    throw new ValidationError(
      "",
      "size",
      `${size} bytes`,
      `is larger than DynamoDB's limit of ${MAX_ITEM_BYTES} bytes with the key and the values this update ` +
        "sets",
    );
  }
}
