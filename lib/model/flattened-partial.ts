// A flattened object (`storage: "flatten"`) is several stored attributes. An item read with a projection
// may hold none of them, or some: the changes worked out from its partial image then cover only those
// the image has. Where the item's object replaces or removes the whole of what is stored, as a map
// attribute's SET or REMOVE would, every stored attribute of it is written or removed.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { PathSegment } from "../expressions/path";
import type { CompiledAttribute, CompiledSchema } from "../schema/compiled";
import { UNDEFINED } from "../schema/type-markers";
import { nameHeld } from "./item-paths";

type Change =
  { kind: "set"; path: PathSegment[]; value: AttributeValue } | { kind: "remove"; path: PathSegment[] };

/**
 * The changes of a save of a projected item, completed for its flattened objects:
 * - one the projection did not read (or found absent) that the item now holds was given whole: all of it
 *   is written, sub-attributes the item leaves out (and defaults fill in) included, and the stored
 *   attributes of the others are removed;
 * - one the projection read in part that the item no longer holds is removed whole.
 * Any other is left to the changes as they are (an object read in part, changed in part).
 *
 * @example
 * ```ts
 * // read with attributes: ["id", "name"]; then item.address = {city: "Oslo"}
 * wholeFlattenedChanges(schema, item, image, written, changes);
 * // SET address_city, SET address_zip (its default), REMOVE address_n
 * ```
 */
export function wholeFlattenedChanges<C extends Change>(
  schema: CompiledSchema,
  item: Record<string, unknown>,
  image: Record<string, AttributeValue>,
  written: Record<string, AttributeValue>,
  changes: C[],
): C[] {
  const owners = schema.shape.flattened?.owners ?? [];
  let completed = changes;
  for (const owner of owners) {
    const storedNames = [...owner.flatten!.storedNames.values()];
    const read = storedNames.some((name) => image[name] !== undefined);
    const held = holds(item, owner);
    if (read === held) continue;
    const own = new Set(storedNames);
    completed = completed.filter((change) => !own.has(String(change.path[0])));
    for (const name of storedNames) {
      const value = held ? written[name] : undefined;
      completed.push(
        (value === undefined ? { kind: "remove", path: [name] } : { kind: "set", path: [name], value }) as C,
      );
    }
  }
  return completed;
}

function holds(item: Record<string, unknown>, attribute: CompiledAttribute): boolean {
  const value = item[nameHeld(attribute, item)];
  return value !== undefined && value !== UNDEFINED;
}
