// Items read with a projection (`attributes`) hold only some of their attributes; the others were not
// read, so they are unknown rather than absent. Saving such an item must not fill them with defaults,
// require them, overwrite them or remove them: only what the item holds (or the caller set) is written.
// Stored attributes the schema does not declare (written by other code, or before a schema change) are
// left alone the same way: a fresh read is not "dirty" because of them, and a save never removes them.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { PathSegment } from "../expressions/path";
import type { CompiledAttribute, CompiledSchema, ObjectShape } from "../schema/compiled";
import { UNDEFINED } from "../schema/type-markers";
import { isPartialImage } from "./stored-images";
import { keepsNothingOnWay } from "../schema/unknown-values";
import { keptOnlyAsContainer } from "../schema/unknown-paths";
import { anyFromDynamo } from "../schema/types/any";
import { declaredListElement } from "../schema/list-element";

type Image = Record<string, AttributeValue>;

function holds(item: Record<string, unknown>, attribute: CompiledAttribute): boolean {
  if (item[attribute.name] !== undefined) return true;
  return attribute.settings.aliases.some((alias) => item[alias] !== undefined);
}

function wasRead(image: Image, attribute: CompiledAttribute): boolean {
  if (attribute.flatten === undefined) return image[attribute.name] !== undefined;
  for (const stored of attribute.flatten.storedNames.values()) if (image[stored] !== undefined) return true;
  return false;
}

/**
 * The top-level attributes an item read with a projection neither read nor holds now; undefined when the
 * item was read whole (or never). `forceDefault` attributes are written regardless, so they never count.
 *
 * @example
 * ```ts
 * const cat = await Cat.get(1, { attributes: ["id", "name"] });
 * unreadAttributes(schema, cat, storedImageOf(cat)); // Set { "lives", "owner", … }
 * ```
 */
export function unreadAttributes(
  schema: CompiledSchema,
  item: Record<string, unknown>,
  stored: Image | undefined,
): ReadonlySet<string> | undefined {
  if (stored === undefined || !isPartialImage(stored)) return undefined;
  const unread = new Set<string>();
  for (const attribute of schema.shape.attributes) {
    if (attribute.settings.forceDefault || wasRead(stored, attribute) || holds(item, attribute)) continue;
    unread.add(attribute.name);
  }
  return unread.size > 0 ? unread : undefined;
}

/** The item as the write pipeline should see it: unread attributes marked `type.UNDEFINED` (no default). */
export function withoutUnread(
  item: Record<string, unknown>,
  unread: ReadonlySet<string> | undefined,
): Record<string, unknown> {
  if (unread === undefined) return item;
  const input: Record<string, unknown> = { ...item };
  for (const name of unread) input[name] = UNDEFINED;
  return input;
}

/**
 * The object shapes a value of `attribute` may have: "any" when some variant holds any content (the item
 * then holds all of it), empty when no variant declares members (`{type: Object}` without a schema).
 */
function shapesOf(attribute: CompiledAttribute): ObjectShape[] | "any" {
  const shapes: ObjectShape[] = [];
  for (const variant of attribute.variants) {
    if (variant.kind === "any" || (variant.kind === "object" && variant.shape === "any")) return "any";
    if (variant.kind === "object" && typeof variant.shape === "object") shapes.push(variant.shape);
  }
  return shapes;
}

/**
 * Whether a stored path (as the image diff names it) is one the schema declares or keeps: only those
 * may be removed by a save. An undeclared attribute is not the item's to remove.
 */
export function isDeclaredPath(
  schema: CompiledSchema,
  path: readonly PathSegment[],
  stored?: AttributeValue,
): boolean {
  const [head, ...rest] = path;
  if (typeof head !== "string") return true;
  // Below an undeclared name, a path is the item's only where `saveUnknown` keeps that very path: with
  // `"meta.*"`, `meta.deep` is kept but `meta.deep.x` is not, and reads leave it out.
  const kept = () => {
    const keep = schema.keepUnknown;
    if (keep === undefined) return false;
    const at = path.map(String).join(".");
    if (!keep(at)) return false;
    // Where a wildcard pattern keeps a path only as the way to what it keeps further down ("a.*.c" at a.x),
    // the stored value is the item's only if a read kept something of it: not a scalar, nor a map or list
    // in which nothing matched.
    if (stored === undefined || !keptOnlyAsContainer(keep, at)) return true;
    return !keepsNothingOnWay(keep, at, anyFromDynamo(stored));
  };
  if (schema.shape.flattened?.byStoredName.has(head)) return true;
  if (head === schema.version) return true;
  if (schema.createdAt.some((t) => t.name === head) || schema.updatedAt.some((t) => t.name === head))
    return true;
  let attribute = schema.shape.byName.get(head);
  if (attribute === undefined) return kept();
  for (let depth = 1; depth <= rest.length; depth += 1) {
    const segment = path[depth]!;
    if (typeof segment !== "string") {
      // A list element: the element's declared members, when the list declares them.
      const element = declaredListElement(attribute);
      if (element === undefined) return true;
      attribute = element;
      continue;
    }
    const shapes = shapesOf(attribute);
    if (shapes === "any") return true;
    let next: CompiledAttribute | undefined;
    for (const shape of shapes) next ??= shape.byName.get(segment);
    if (next === undefined) return kept();
    attribute = next;
  }
  return true;
}
