// What a save of an item read from the table writes, worked out once for the save (save.ts) and for
// `modifiedPaths()` (item-paths.ts), so the two always agree.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { CompiledSchema } from "../schema/compiled";
import { diffImages, type ImageChange, type RemovalPolicy } from "./diff";
import type { PathSegment } from "../expressions/path";
import { wholeFlattenedChanges } from "./flattened-partial";
import { heldChanges } from "./item-paths";
import { withoutReadForms } from "./read-forms";
import { isPartialImage } from "./stored-images";
import { combinesToWrite, vouchesFor } from "./projected-combines";
import { withoutListsReadInPart } from "./lists-read-in-part";
import { removalAt } from "./unread";

/**
 * The changes a save of an item read from the table writes: its written image against the stored one
 * (diff.ts; only what is the item's is removed), less the stored forms reads left alone (read-forms.ts);
 * for an item read with a projection, only what it holds (flattened objects given or deleted whole), and
 * nothing inside the lists it read in part and holds as read (lists-read-in-part.ts).
 * `modifiedPaths()` lists the same changes (an item that deleted itself is saved whole instead: save.ts).
 */
export function changesToSave(
  schema: CompiledSchema,
  item: Record<string, unknown>,
  image: Record<string, AttributeValue>,
  written: Record<string, AttributeValue>,
  modelSchemas: readonly CompiledSchema[],
): ImageChange[] {
  let changes = withoutReadForms(schema, image, diffImages(image, written, removalFor(schema, modelSchemas)));
  if (!isPartialImage(image)) return changes;
  const combines = combinesToWrite(schema, changes, vouchesFor(schema, item, image));
  changes = withoutListsReadInPart(schema, item, heldChanges(schema, item, image, changes, combines));
  if (schema.shape.flattened === undefined) return changes;
  return wholeFlattenedChanges(schema, item, image, written, changes);
}

/**
 * What the save may remove (unread.ts `removalAt`). In a model of several schemas, a top-level attribute
 * another of its schemas declares is the model's too: an item that moved to another shape (`delete item.a`,
 * `item.b = …`) no longer has it, and the stored result must equal a full overwrite (SPEC §4).
 */
function removalFor(schema: CompiledSchema, modelSchemas: readonly CompiledSchema[]): RemovalPolicy {
  const own = (path: PathSegment[], stored: AttributeValue) => removalAt(schema, path, stored);
  if (modelSchemas.length < 2) return own;
  return (path, stored) => {
    const [head] = path;
    if (
      path.length === 1 &&
      typeof head === "string" &&
      !schema.shape.byName.has(head) &&
      modelSchemas.some((other) => other !== schema && other.shape.byName.has(head))
    )
      return "whole";
    return own(path, stored);
  };
}
