// Items read with a projection (`attributes`) hold only some of their attributes; the others were not
// read, so they are unknown rather than absent. Saving such an item must not fill them with defaults,
// require them, overwrite them or remove them: only what the item holds (or the caller set) is written.
// Stored attributes the schema does not declare (written by other code, or before a schema change) are
// left alone the same way: a fresh read is not "dirty" because of them, and a save never removes them.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { PathSegment } from "../expressions/path";
import type { Removal } from "./diff";
import type { CompiledAttribute, CompiledSchema, ObjectShape } from "../schema/compiled";
import { UNDEFINED } from "../schema/type-markers";
import { isPartialImage, namesReadWholeOf } from "./stored-images";
import { keepsNothingOnWay } from "../schema/unknown-values";
import { keptOnlyAsContainer } from "../schema/unknown-paths";
import { anyFromDynamo } from "../schema/types/any";
import { declaredListElement } from "../schema/list-element";

type Image = Record<string, AttributeValue>;

function holds(item: Record<string, unknown>, attribute: CompiledAttribute): boolean {
  if (item[attribute.name] !== undefined) return true;
  return attribute.settings.aliases.some((alias) => item[alias] !== undefined);
}

/** Whether the read got the attribute, or named it whole (so knows the table lacks it). */
function wasRead(image: Image, attribute: CompiledAttribute): boolean {
  const whole = namesReadWholeOf(image);
  if (attribute.flatten === undefined)
    return image[attribute.name] !== undefined || whole.has(attribute.name);
  const stored = [...attribute.flatten.storedNames.values()];
  // A flattened object is known absent only when the projection named every stored attribute of it.
  return stored.some((name) => image[name] !== undefined) || stored.every((name) => whole.has(name));
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

/**
 * The item as the write pipeline should see it: unread attributes marked `type.UNDEFINED` (no default),
 * under the name the item has a key for (`item.alias = undefined` leaves a key: marked under the real name
 * as well, the attribute would be given twice).
 */
export function withoutUnread(
  schema: CompiledSchema,
  item: Record<string, unknown>,
  unread: ReadonlySet<string> | undefined,
): Record<string, unknown> {
  if (unread === undefined) return item;
  const input: Record<string, unknown> = { ...item };
  for (const name of unread) {
    const aliases = schema.shape.byName.get(name)?.settings.aliases ?? [];
    input[aliases.find((alias) => Object.hasOwn(item, alias)) ?? name] = UNDEFINED;
  }
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
 * What a save may remove of a stored value at `path` (as the image diff names it) that the item no longer
 * has: only what the schema declares or keeps is the item's. An undeclared attribute is not the item's to
 * remove.
 */
export function removalAt(
  schema: CompiledSchema,
  path: readonly PathSegment[],
  stored: AttributeValue,
): Removal {
  const [head, ...rest] = path;
  if (typeof head !== "string") return "whole";
  // Below an undeclared name, a path is the item's only where `saveUnknown` keeps that very path: with
  // `"meta.*"`, `meta.deep` is kept but `meta.deep.x` is not, and reads leave it out.
  const kept = (): Removal => {
    const keep = schema.keepUnknown;
    if (keep === undefined) return "none";
    const at = path.map(String).join(".");
    if (!keep(at)) return "none";
    if (!keptOnlyAsContainer(keep, at)) return "whole";
    // Where a wildcard pattern keeps a path only as the way to what it keeps further down ("a.*.c" at a.x),
    // the stored map is not a value of the item: only what a read kept of it is. A scalar, or a map or list
    // in which nothing matched, is not the item's at all.
    return keepsNothingOnWay(keep, at, anyFromDynamo(stored)) ? "none" : "inside";
  };
  if (schema.shape.flattened?.byStoredName.has(head)) return "whole";
  if (head === schema.version) return "whole";
  if (schema.createdAt.some((t) => t.name === head) || schema.updatedAt.some((t) => t.name === head))
    return "whole";
  let attribute = schema.shape.byName.get(head);
  if (attribute === undefined) return kept();
  for (let depth = 1; depth <= rest.length; depth += 1) {
    const segment = path[depth]!;
    if (typeof segment !== "string") {
      // A list element: the element's declared members, when the list declares them.
      const element = declaredListElement(attribute);
      if (element === undefined) return "whole";
      attribute = element;
      continue;
    }
    const shapes = shapesOf(attribute);
    if (shapes === "any") return "whole";
    let next: CompiledAttribute | undefined;
    for (const shape of shapes) next ??= shape.byName.get(segment);
    if (next === undefined) return kept();
    attribute = next;
  }
  return "whole";
}
