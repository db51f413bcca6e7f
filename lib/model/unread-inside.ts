// Inside maps an item read with a projection holds in part (`attributes: ["id", "address.n"]`): the
// declared sub-attributes it neither read nor holds were not read, so they are unknown rather than absent,
// as unread top-level attributes are (unread.ts). A save neither requires them nor fills in their defaults.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { PathSegment } from "../expressions/path";
import type { CompiledAttribute, CompiledSchema, ObjectShape } from "../schema/compiled";
import { isPlainObject } from "../schema/resolve-type";
import { UNDEFINED } from "../schema/type-markers";
import { nameHeld } from "./item-paths";
import { namesReadWholeOf } from "./stored-images";

/** One unread sub-attribute: its document path (real names) and the names (or indexes) the item holds it by. */
export interface UnreadInside {
  readonly path: string;
  readonly held: readonly PathSegment[];
}

/**
 * The unread sub-attributes of the maps (and flattened objects) a partial image holds in part, at any depth.
 * A flattened object none of whose stored attributes was read is not among them: the item was given it whole.
 *
 * @example
 * ```ts
 * // read with attributes: ["id", "address.n"]; address.city is required
 * unreadInside(schema, item, image); // [{ path: "address.city", held: ["address", "city"] }]
 * ```
 */
export function unreadInside(
  schema: CompiledSchema,
  item: Record<string, unknown>,
  image: Record<string, AttributeValue>,
): UnreadInside[] {
  const found: UnreadInside[] = [];
  const whole = namesReadWholeOf(image);
  for (const attribute of schema.shape.attributes) {
    // Named whole by the projection: nothing inside it is unread (its missing members are absent).
    if (whole.has(attribute.name)) continue;
    const heldName = nameHeld(attribute, item);
    const value = item[heldName];
    if (!isPlainObject(value)) continue;
    const flatten = attribute.flatten;
    if (flatten !== undefined) {
      const readMembers: Record<string, AttributeValue> = {};
      for (const [sub, stored] of flatten.storedNames)
        if (image[stored] !== undefined) readMembers[sub] = image[stored]!;
      if (Object.keys(readMembers).length === 0) continue;
      collect(flatten.shape, readMembers, value, attribute.name, [heldName], found);
      continue;
    }
    const read = image[attribute.name]?.M;
    const shape = onlyObjectShape(attribute);
    if (read !== undefined && shape !== undefined)
      collect(shape, read, value, attribute.name, [heldName], found);
  }
  return found;
}

function collect(
  shape: ObjectShape,
  read: Record<string, AttributeValue>,
  held: Record<string, unknown>,
  path: string,
  heldPath: readonly string[],
  found: UnreadInside[],
): void {
  for (const sub of shape.attributes) {
    const heldName = nameHeld(sub, held);
    const value = held[heldName];
    const stored = read[sub.name];
    const subPath = `${path}.${sub.name}`;
    if (stored === undefined && value === undefined)
      found.push({ path: subPath, held: [...heldPath, heldName] });
    else if (stored?.M !== undefined && isPlainObject(value)) {
      const inner = onlyObjectShape(sub);
      if (inner !== undefined) collect(inner, stored.M, value, subPath, [...heldPath, heldName], found);
    }
  }
}

/**
 * The object shape of an attribute that has exactly one. With several, which one a value takes is chosen
 * by the keys it holds (variant-rank.ts), and marking the keys of all of them would sway that choice: such
 * a map is left as the item holds it.
 */
function onlyObjectShape(attribute: CompiledAttribute): ObjectShape | undefined {
  let only: ObjectShape | undefined;
  for (const variant of attribute.variants) {
    if (variant.kind !== "object" || typeof variant.shape !== "object") continue;
    if (only !== undefined) return undefined;
    only = variant.shape;
  }
  return only;
}

/** The item as the write pipeline should see it: unread sub-attributes marked `type.UNDEFINED` (no default). */
export function withoutUnreadInside(
  item: Record<string, unknown>,
  unread: readonly UnreadInside[],
): Record<string, unknown> {
  if (unread.length === 0) return item;
  const input: Record<string, unknown> = { ...item };
  const copies = new Set<object>([input]);
  for (const { held } of unread) {
    let container: Record<PathSegment, unknown> = input;
    for (const name of held.slice(0, -1)) {
      let next = container[name] as Record<PathSegment, unknown>;
      if (!copies.has(next)) {
        next = Array.isArray(next) ? (next.slice() as unknown as Record<number, unknown>) : { ...next };
        copies.add(next);
        container[name] = next;
      }
      container = next;
    }
    container[held[held.length - 1]!] = UNDEFINED;
  }
  return input;
}
