// What changed on an item, in the item's own names. Changes are found by comparing stored images, so
// they come out in stored (real) names; the item may hold an attribute under an alias (`nm` for `name`),
// and `modifiedPaths()` / `isDirty(path)` speak the item's names. This module translates both ways.
// A flattened object's stored names (`addr_city`) are turned into document paths (`address.city`) first,
// so everything after that compares document paths in real names.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { TypeMismatch } from "../errors";
import { formatDocumentPath, parseDocumentPath, type PathSegment } from "../expressions/path";
import type { CompiledAttribute, CompiledSchema, ObjectShape } from "../schema/compiled";
import { normalizeObject } from "../schema/normalize";
import { documentSegmentsOf } from "../schema/flatten";
import { storedFormFromDynamo } from "../schema/read-stored";
import { restoreReadValuesNow } from "../schema/read-values";
import { objectToDynamo } from "../schema/to-dynamo";
import { anyToDynamo } from "../schema/types/any";
import { attributeValuesEqual, diffImages } from "./diff";
import { valueAt } from "./read-forms";
import { declaredListElement } from "../schema/list-element";
import { itemRuntimeOf, schemaFor } from "./runtime";
import { isPartialImage, namesReadWholeOf, storedImageOf } from "./stored-images";
import { unreadInside, withoutUnreadInside } from "./unread-inside";
import { changedListsReadInPart, listsHeldAsRead } from "./lists-read-in-part";
import { untracked } from "./tracked-items";
import { unreadAttributes, withoutUnread } from "./unread";
import { changesToSave } from "./changes-to-save";
import { combineValue } from "../schema/combine";
import { NameGivenTwice } from "../schema/input-names";

/** The object shapes an attribute's value may have (one per object variant with a schema). */
export function objectShapesOf(attribute: CompiledAttribute): ObjectShape[] {
  const shapes: ObjectShape[] = [];
  for (const variant of attribute.variants) {
    if (variant.kind === "object" && typeof variant.shape === "object") shapes.push(variant.shape);
  }
  return shapes;
}

/** The attribute named `name` in the first of `shapes` that declares it. */
export function lookUp(
  shapes: readonly ObjectShape[],
  name: string,
  by: "byName" | "byInputName",
): CompiledAttribute | undefined {
  for (const shape of shapes) {
    const attribute = shape[by].get(name);
    if (attribute !== undefined) return attribute;
  }
  return undefined;
}

function member(container: unknown, key: string): unknown {
  return typeof container === "object" && container !== null
    ? (container as Record<string, unknown>)[key]
    : undefined;
}

/** The name under which `container` holds the attribute: its real name or an alias, else its read name. */
export function nameHeld(attribute: CompiledAttribute, container: unknown): string {
  if (member(container, attribute.name) !== undefined) return attribute.name;
  for (const alias of attribute.settings.aliases) if (member(container, alias) !== undefined) return alias;
  return attribute.settings.outputName;
}

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
    unread?.has(source) === true || unfit?.has(schema.shape.byName.get(source)!) === true;
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
  const unfitChanged = unfit === undefined ? [] : compareUnfit(unfit, image, current);
  const shape = schema.shape;
  const changes = image === undefined ? diffImages({}, current) : changesToSave(schema, data, image, current);
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
 * to this. A value held just as it was read, in a type its schema does not allow, is unchanged.
 */
function compareUnfit(
  unfit: Map<CompiledAttribute, unknown>,
  image: Record<string, AttributeValue> | undefined,
  current: Record<string, AttributeValue>,
): CompiledAttribute[] {
  const changed: CompiledAttribute[] = [];
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
    if (stored === undefined || held === undefined || !attributeValuesEqual(stored, held))
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
  let any = false;
  for (const [sub, stored] of attribute.flatten!.storedNames) {
    if (image[stored] === undefined) continue;
    members[sub] = image[stored];
    any = true;
  }
  return any ? { M: members } : undefined;
}

/** Top-level attributes a save writes whatever the item holds: `updatedAt`, the version, `forceDefault`. */
function alwaysWritten(schema: CompiledSchema, name: string | number): boolean {
  if (name === schema.version || schema.updatedAt.some((timestamp) => timestamp.name === name)) return true;
  return schema.shape.byName.get(name as string)?.settings.forceDefault === true;
}

/**
 * Of the changes to an item read with a projection (`image`, what the read got), those it can vouch for:
 * paths the item holds a value at, or that the read got a value at (or that a save always writes). A default filled in under a map it read
 * only part of (`attributes: ["address.city"]`) would overwrite a stored value it never saw. The entity
 * attribute of a shared table is written only if the read got it: read from a keys-only index, the item
 * may be another model's, whose name must not be overwritten with this one's. A combined attribute's change
 * is written when a source changed and the item vouches for all of them (`combinesToWrite`,
 * projected-combines.ts).
 */
export function heldChanges<C extends { kind: "set" | "remove"; path: PathSegment[] }>(
  schema: CompiledSchema,
  item: Record<string, unknown>,
  image: Record<string, AttributeValue>,
  changes: C[],
  combinesToWrite: ReadonlySet<string> | undefined,
): C[] {
  const shape = schema.shape;
  return changes.filter((change) => {
    if (change.kind === "remove") return true;
    const name = change.path[0]!;
    if (name === schema.entityAttribute) return image[name] !== undefined;
    if (alwaysWritten(schema, name) || namesReadWholeOf(image).has(name as string)) return true;
    // A combined value is worked out from its sources: right when the item vouches for every one of them.
    if (combinesToWrite?.has(name as string)) return true;
    const document = shape.flattened === undefined ? change.path : documentSegmentsOf(shape, change.path);
    if (heldValueAt(shape, item, document) !== undefined) return true;
    // A value the read got and the item no longer holds was removed by the caller: what the pipeline put
    // there instead (a default) is written, as for an item read whole.
    return valueAt(image[name as string], change.path.slice(1)) !== undefined;
  });
}

/** What `item` holds at a document path in real names (looked up under the names it uses); undefined if nothing. */
export function heldValueAt(shape: ObjectShape, item: object, document: readonly PathSegment[]): unknown {
  let value: unknown = item;
  for (const segment of itemPathOf(shape, item, document)) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PathSegment, unknown>)[segment];
  }
  return value;
}

/**
 * A stored path (real names) in the names `data` uses: each attribute under the name the item holds it by
 * (an alias when the item uses one; for an attribute no longer there, the name reads give it).
 *
 * @example `itemPathOf(shape, { nm: "x" }, ["name"])` → `["nm"]` when `nm` is an alias of `name`
 */
export function itemPathOf(shape: ObjectShape, data: unknown, stored: readonly PathSegment[]): PathSegment[] {
  let shapes: readonly ObjectShape[] = [shape];
  let element: CompiledAttribute | undefined;
  let container = data;
  return stored.map((segment) => {
    if (typeof segment === "number") {
      // diffImages lists a changed list whole, so no index comes today; stepping along keeps this right.
      container = Array.isArray(container) ? (container as unknown[])[segment] : undefined;
      shapes = element ? objectShapesOf(element) : [];
      element = element ? declaredListElement(element) : undefined;
      return segment;
    }
    const attribute = lookUp(shapes, segment, "byName");
    if (attribute === undefined) {
      shapes = [];
      element = undefined;
      container = member(container, segment);
      return segment;
    }
    const name = nameHeld(attribute, container);
    container = member(container, name);
    shapes = objectShapesOf(attribute);
    element = declaredListElement(attribute);
    return name;
  });
}

/**
 * A document path as the caller wrote it (aliases allowed, `address.city`, `tags[0]`) in stored names.
 * A path that does not parse is compared as written.
 */
export function storedPathOf(shape: ObjectShape, path: string): string {
  let segments: PathSegment[];
  try {
    segments = parseDocumentPath(path);
  } catch {
    return path;
  }
  let shapes: readonly ObjectShape[] = [shape];
  let element: CompiledAttribute | undefined;
  const stored = segments.map((segment) => {
    if (typeof segment === "number") {
      shapes = element ? objectShapesOf(element) : [];
      element = element ? declaredListElement(element) : undefined;
      return segment;
    }
    const attribute = lookUp(shapes, segment, "byInputName");
    shapes = attribute ? objectShapesOf(attribute) : [];
    element = attribute ? declaredListElement(attribute) : undefined;
    return attribute ? attribute.name : segment;
  });
  return formatDocumentPath(stored);
}

/** Is `path` (stored names) changed, inside something changed, or around something changed? */
export function touches(changed: string, path: string): boolean {
  return (
    changed === path ||
    changed.startsWith(`${path}.`) ||
    changed.startsWith(`${path}[`) ||
    path.startsWith(`${changed}.`) ||
    path.startsWith(`${changed}[`)
  );
}
