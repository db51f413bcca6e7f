// After a save that left content out inside a map (keys the schema does not declare and `saveUnknown` does
// not keep), where the item cannot simply take the map's stored form (fill-in.ts `holdsStoredForm`: it holds
// `get` display values, references or ANY values inside): the keys the table did not get leave the item's
// maps instead, at any depth, so `toJSON()` does not echo input the table never got. The item takes
// pruned copies: what it holds may be the caller's own objects.
import { isPlainObject } from "../expressions/is-plain-object";
import type { CompiledAttribute } from "../schema/compiled";
import { declaredListElement } from "../schema/list-element";
import { setOwnMember } from "../own-member";
import { settingsFor } from "../schema/settings-for";
import { lookUp, objectShapesOf } from "./item-paths";

/**
 * `held` (the item's value of `attribute`, or undeclared content when `attribute` is undefined) without the
 * map keys whose value `stored` (the stored form, real names) does not have: `held` itself when it has
 * none, else a copy (the held object may be the caller's own, or frozen). Declared attributes are followed
 * by the names the item holds them under; a value with a `get` of its own is left whole, as what it shows
 * is the `get`'s, not input.
 */
export function withoutUnstored(
  attribute: CompiledAttribute | undefined,
  held: unknown,
  stored: unknown,
): unknown {
  if (held === undefined || held === null) return held;
  if (attribute !== undefined && settingsFor(attribute, held).get !== undefined) return held;
  if (Array.isArray(held)) {
    if (!Array.isArray(stored)) return held;
    const element = attribute === undefined ? undefined : declaredListElement(attribute);
    let copy: unknown[] | undefined;
    held.forEach((value, at) => {
      const pruned = withoutUnstored(element, value, stored[at]);
      if (pruned !== value) (copy ??= held.slice())[at] = pruned;
    });
    return copy ?? held;
  }
  if (!isPlainObject(held) || !isPlainObject(stored)) return held;
  const shapes = attribute === undefined ? [] : objectShapesOf(attribute);
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(held)) {
    const inner = lookUp(shapes, key, "byInputName");
    if (inner === undefined && !Object.hasOwn(stored, key)) {
      copy ??= { ...held };
      delete copy[key];
      continue;
    }
    const pruned = withoutUnstored(inner, held[key], stored[inner === undefined ? key : inner.name]);
    // A `__proto__` member is data: assigned, it would set the copy's prototype.
    if (pruned !== held[key]) setOwnMember((copy ??= { ...held }), key, pruned);
  }
  return copy ?? held;
}
