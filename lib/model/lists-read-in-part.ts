// A list read in part (a projection named some of its elements: `attributes: ["tags[1].n"]`) comes back
// with only those elements, renumbered from 0 (expressions/projection-lists.ts). The item's list is then
// not the stored one, and no index of it says which stored element it is: writing it back would replace
// the stored list with the few elements read. A save leaves such a list alone, and refuses to change it.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { InvalidParameter, describeValue } from "../errors";
import { formatDocumentPath, type PathSegment } from "../expressions/path";
import type { CompiledSchema } from "../schema/compiled";
import { documentSegmentsOf } from "../schema/flatten";
import { anyFromDynamo } from "../schema/types/any";
import { listsInPartOf } from "./stored-images";

type Image = Record<string, AttributeValue>;

const NONE: ReadonlySet<string> = new Set();

/**
 * The document paths (real names, `address.lines`) of the lists the projection `image` was read with read in
 * part; none for an image read whole.
 *
 * @example
 * ```ts
 * const cat = await Cat.get(1, { attributes: ["id", "toys[0].name"] });
 * listsInPartByDocumentPath(schema, storedImageOf(cat)); // Set { "toys" }
 * ```
 */
export function listsInPartByDocumentPath(schema: CompiledSchema, image: Image): ReadonlySet<string> {
  const lists = listsInPartOf(image);
  if (lists.length === 0) return NONE;
  return new Set(lists.map((stored) => formatDocumentPath(documentSegmentsOf(schema.shape, [...stored]))));
}

function startsWith(path: readonly PathSegment[], prefix: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((name, at) => path[at] === name);
}

/**
 * Refuses a save whose changes write into a list read in part (`changes` as changes-to-save.ts works them
 * out, in stored names). Removing the list, or what holds it, is the caller's to ask: the item no longer
 * has it, and nothing of the stored list is kept by mistake.
 *
 * @throws InvalidParameter naming the list, what the item holds there, and how to change it instead.
 */
export function checkListsReadInPart(
  schema: CompiledSchema,
  image: Image,
  changes: readonly { kind: "set" | "remove"; path: readonly PathSegment[]; value?: AttributeValue }[],
): void {
  const lists = listsInPartOf(image);
  if (lists.length === 0) return;
  for (const change of changes) {
    const list = lists.find((prefix) => startsWith(change.path, prefix));
    if (list === undefined || (change.kind === "remove" && change.path.length === list.length)) continue;
    const path = formatDocumentPath(documentSegmentsOf(schema.shape, [...list]));
    const held = change.path.length === list.length && change.value !== undefined;
    throw new InvalidParameter(
      `Cannot save "${path}": it was read in part (the attributes named some of its elements, which ` +
        `DynamoDB returns renumbered from 0), so the item does not hold the stored list` +
        (held ? ` (it holds ${describeValue(anyFromDynamo(change.value!))})` : "") +
        `. Read the item with "${path}" whole to change it, or change it with Model.update().`,
    );
  }
}
