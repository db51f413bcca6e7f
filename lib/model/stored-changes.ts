// The stored changes of an item (what `modifiedPaths()`, `isDirty()` and a save compare): its current
// data, through the schema, against the stored image it was read or last saved with, in stored (real)
// names. item-paths.ts translates them to the item's own names.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { TypeMismatch } from "../errors";
import type { CompiledAttribute, CompiledSchema, ObjectShape } from "../schema/compiled";
import { normalizeObject } from "../schema/normalize";
import { storedFormFromDynamo } from "../schema/read-stored";
import { restoreReadValuesNow } from "../schema/read-values";
import { objectToDynamo } from "../schema/to-dynamo";
import { anyToDynamo } from "../schema/types/any";
import { sameValue } from "../schema/same-value";
import { attributeValuesEqual, diffImages } from "./diff";
import { itemRuntimeOf, schemaFor } from "./runtime";
import { isPartialImage, storedImageOf } from "./stored-images";
import { unreadInside, withoutUnreadInside } from "./unread-inside";
import { changedListsReadInPart, listsHeldAsRead } from "./lists-read-in-part";
import { untracked } from "./tracked-items";
import { unreadAttributes, withoutUnread } from "./unread";
import { changesToSave } from "./changes-to-save";
import { combineValue, sourceRoot } from "../schema/combine";
import { NameGivenTwice } from "../schema/input-names";
import { documentSegmentsOf } from "../schema/flatten";
import { formatDocumentPath, parseDocumentPath, type PathSegment } from "../expressions/path";
import { nameHeld } from "./item-paths";

/** The stored changes of an item: its current data (through the schema) compared with its stored image. */
export function storedChangesOf(item: object): { shape: ObjectShape; paths: PathSegment[][] } {
  const runtime = itemRuntimeOf(item);
  // Only compared, never handed out: read past change tracking (tracked-items.ts).
  const data = untracked(item) as Record<string, unknown>;
  const schema = schemaFor(runtime, data);
  const image = storedImageOf(item);
  const unread = unreadAttributes(schema, data, image);
  // As the save sees it (save-write.ts writeForSave): what a projection did not read is not filled in.
  const partial = image !== undefined && isPartialImage(image);
  const inside = partial ? [...unreadInside(schema, data, image), ...listsHeldAsRead(schema, data)] : [];
  const input = withoutUnreadInside(withoutUnread(schema, data, unread), inside);
  const { normalized, unfit } = normalizeFitting(schema, input);
  const shownChanged =
    image !== undefined && schema.shape.flags.get
      ? restoreReadValuesNow(schema.shape, normalized, storedFormFromDynamo(schema, image))
      : [];
  // A COMBINE attribute is computed on every write, from the sources as stored (after the read values are
  // restored, as write.ts does): a changed source changes it. Not from sources a projection did not read,
  // nor from an unfit one (left out of `normalized`; the save refuses it).
  const unknowable = (source: string) =>
    unread?.has(sourceRoot(source)) === true ||
    unfit?.has(schema.shape.byName.get(sourceRoot(source))!) === true;
  const keptAsRead: string[] = [];
  for (const attribute of schema.combined) {
    const variant = attribute.variants[0]!;
    if (variant.kind !== "combine") continue;
    if (variant.attributes.some(unknowable)) keptAsRead.push(attribute.name);
    else normalized[attribute.name] = combineValue(schema, normalized, variant.attributes, variant.separator);
  }
  const current = objectToDynamo(schema.shape, normalized, "");
  // What the save writes for a COMBINE attribute it cannot compute: the value read, whatever the item holds.
  for (const name of keptAsRead) {
    if (image?.[name] === undefined) delete current[name];
    else current[name] = image[name]!;
  }
  const unfitChanged =
    unfit === undefined
      ? []
      : compareUnfit(unfit, image, current, () => storedFormFromDynamo(schema, image ?? {}));
  const shape = schema.shape;
  const changes =
    image === undefined
      ? diffImages({}, current)
      : changesToSave(schema, data, image, current, runtime.compiled);
  const paths = changes.map((change) =>
    shape.flattened === undefined ? change.path : documentSegmentsOf(shape, change.path),
  );
  for (const attribute of unfitChanged) paths.push([attribute.name]);
  // A changed list read in part: the save refuses it; what changed is that list, whatever its diff says.
  if (partial) paths.push(...changedListsReadInPart(schema, data));
  // A value with a `get` that is no longer get(stored) changed, even if it equals the stored form, where a
  // `set` would store something else for it. Without one, a value equal to the stored form writes nothing
  // new: so an item just saved, which holds what it wrote rather than get(stored), is not dirty.
  for (const { path, setRuns } of shownChanged) {
    if (!setRuns && schema.set === undefined) continue;
    const segments = parseDocumentPath(path);
    const printed = formatDocumentPath(segments);
    if (!paths.some((known) => formatDocumentPath(known) === printed)) paths.push(segments);
  }
  return { shape: schema.shape, paths };
}

/** The unfit value of an attribute given under two names: never equal to what was read (no stored form). */
const GIVEN_TWICE = Symbol("given twice");

/**
 * The item's data through the schema, leaving out the top-level attributes whose values do not fit it (a
 * wrong type set by the caller, or stored so by other code). A save refuses those; asking what changed
 * must not throw, so they are compared in their generic stored form instead (`compareUnfit`).
 */
function normalizeFitting(
  schema: CompiledSchema,
  input: Record<string, unknown>,
): { normalized: Record<string, unknown>; unfit?: Map<CompiledAttribute, unknown> } {
  let rest = input;
  let unfit: Map<CompiledAttribute, unknown> | undefined;
  for (;;) {
    try {
      const context = { keepUnknown: schema.keepUnknown, pendingDefaults: [] };
      return { normalized: normalizeObject(schema.shape, rest, "", context), unfit };
    } catch (error) {
      // The path names the real attribute first (`age`, `address.city`, `tags[2]`, `tags[]`).
      const head =
        error instanceof TypeMismatch
          ? /^[^.[]*/.exec(error.path)![0]
          : error instanceof NameGivenTwice
            ? error.root
            : "";
      const attribute = schema.shape.byName.get(head);
      const key = attribute === undefined ? undefined : nameHeld(attribute, rest);
      if (attribute === undefined || key === undefined || !(key in rest)) throw error;
      unfit ??= new Map();
      rest = { ...rest };
      if (error instanceof NameGivenTwice) {
        // Given twice, it is changed whatever either value is: the save refuses it.
        unfit.set(attribute, GIVEN_TWICE);
        for (const name of [attribute.name, ...attribute.settings.aliases]) delete rest[name];
      } else {
        unfit.set(attribute, rest[key]);
        delete rest[key];
      }
    }
  }
}

/**
 * Which unfit attributes (see `normalizeFitting`) differ from the stored image. Each one's entries in
 * `current` (where a default may have filled it in) are set back to the image's, so the diff leaves them
 * to this. A value held just as it was read, in a type its schema does not allow, is unchanged; so is one
 * its type read from a stored value it cannot write back (an Invalid Date from a string that is no date),
 * which `readBack` (the image as a read gives it) tells.
 */
function compareUnfit(
  unfit: Map<CompiledAttribute, unknown>,
  image: Record<string, AttributeValue> | undefined,
  current: Record<string, AttributeValue>,
  readBack: () => Record<string, unknown>,
): CompiledAttribute[] {
  const changed: CompiledAttribute[] = [];
  let read: Record<string, unknown> | undefined;
  for (const [attribute, value] of unfit) {
    const names = attribute.flatten ? [...attribute.flatten.storedNames.values()] : [attribute.name];
    for (const name of names) {
      if (image?.[name] === undefined) delete current[name];
      else current[name] = image[name];
    }
    const stored = attribute.flatten ? flattenedImage(attribute, image) : image?.[attribute.name];
    let held: AttributeValue | undefined;
    try {
      held = anyToDynamo(value, attribute.name);
    } catch {
      held = undefined; // nothing DynamoDB could store: certainly not what was read
    }
    if (stored !== undefined && held !== undefined && attributeValuesEqual(stored, held)) continue;
    if (stored !== undefined && sameValue(value, (read ??= readBack())[attribute.name])) continue;
    changed.push(attribute);
  }
  return changed;
}

/** A flattened object's stored parts (`addr_city`) as the map they were flattened from, or undefined. */
function flattenedImage(
  attribute: CompiledAttribute,
  image: Record<string, AttributeValue> | undefined,
): AttributeValue | undefined {
  if (image === undefined) return undefined;
  const members: Record<string, AttributeValue> = {};
  let found = false;
  for (const [sub, stored] of attribute.flatten!.storedNames) {
    if (image[stored] === undefined) continue;
    members[sub] = image[stored];
    found = true;
  }
  return found ? { M: members } : undefined;
}
