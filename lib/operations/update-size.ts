// The 400 KB pre-flight for `Model.update` (SPEC §4 checks items before sending; an update carries parts of
// one). The item an update leaves holds at least its key and every value the update sets unconditionally,
// so when those alone pass DynamoDB's limit the update can never succeed: it is refused before sending,
// naming the size, instead of failing after a round trip. What the stored item already holds is unknown
// here, so an update that passes this check may still be refused by DynamoDB.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { UpdateAction } from "../expressions/update";
import { attributeValueBound, attributeValueSize, itemSize, itemSizeBound } from "../schema/size";

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
  const written = actions.filter(
    (action): action is Extract<UpdateAction, { kind: "set" }> =>
      action.kind === "set" && action.ifNotExists !== true,
  );
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
