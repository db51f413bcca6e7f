// What changed on an item, in the item's own names. Changes are found by comparing stored images
// (stored-changes.ts), so they come out in stored (real) names; the item may hold an attribute under an alias (`nm` for `name`),
// and `modifiedPaths()` / `isDirty(path)` speak the item's names. This module translates both ways.
// A flattened object's stored names (`addr_city`) are turned into document paths (`address.city`) first,
// so everything after that compares document paths in real names.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { formatDocumentPath, parseDocumentPath, type PathSegment } from "../expressions/path";
import type { CompiledAttribute, CompiledSchema, ObjectShape } from "../schema/compiled";
import { documentSegmentsOf } from "../schema/flatten";
import { valueAt } from "./read-forms";
import { declaredListElement } from "../schema/list-element";
import { namesReadWholeOf } from "./stored-images";

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
