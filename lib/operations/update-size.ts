// The 400 KB pre-flight for `Model.update` (SPEC §4 checks items before sending; an update carries parts of
// one). The item an update leaves holds at least its key, every value the update sets unconditionally, the
// elements it appends or prepends to a list and the members it adds to a set, so when those alone pass DynamoDB's limit the update can never succeed: it is refused before sending,
// naming the size, instead of failing after a round trip. What the stored item already holds is unknown
// here, so an update that passes this check may still be refused by DynamoDB.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { UpdateAction } from "../expressions/update";
import { attributeValueBound, attributeValueSize, itemSize, itemSizeBound } from "../schema/size";

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
 * The least size the updated item can have, when it is over `limit`; else undefined. A cheap upper bound is
 * taken first, as for puts: only an update near the limit is measured exactly.
 *
 * @example
 * ```ts
 * leastSizeOver({ id: { S: "a" } }, [{ kind: "set", path: ["bio"], value: { S: "x".repeat(500_000) } }], 409_600);
 * // 500_004
 * ```
 */
export function leastSizeOver(
  key: Record<string, AttributeValue>,
  actions: readonly UpdateAction[],
  limit: number,
): number | undefined {
  const written = actions.filter(storesItsValue);
  // Each top-level attribute the update writes into counts its name once, however many paths it sets.
  const roots = new Set(written.map((action) => String(action.path[0])));
  let bound = itemSizeBound(key);
  for (const root of roots) bound += root.length * 3;
  for (const action of written) bound += attributeValueBound(action.value);
  if (bound <= limit) return undefined;
  let size = itemSize(key);
  for (const root of roots) size += Buffer.byteLength(root, "utf8");
  for (const action of written) size += attributeValueSize(action.value);
  return size > limit ? size : undefined;
}
