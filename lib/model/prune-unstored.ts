// After a save that left content out inside a map (keys the schema does not declare and `saveUnknown` does
// not keep), where the item cannot simply take the map's stored form (fill-in.ts `holdsStoredForm`: it holds
// `get` display values, references or ANY values inside): the keys the table did not get leave the item's
// maps instead, at any depth, so `toJSON()` does not echo input the table never got.
import { isPlainObject } from "../expressions/is-plain-object";
import type { CompiledAttribute } from "../schema/compiled";
import { declaredListElement } from "../schema/list-element";
import { settingsFor } from "../schema/settings-for";
import { lookUp, objectShapesOf } from "./item-paths";

/**
 * Deletes from `held` (the item's value of `attribute`, or of undeclared content when `attribute` is
 * undefined) every map key whose value `stored` (the stored form, real names) does not have. Declared
 * attributes are followed by the names the item holds them under; a value with a `get` of its own is
 * left whole, as what it shows is the `get`'s, not input.
 */
export function pruneUnstored(
  attribute: CompiledAttribute | undefined,
  held: unknown,
  stored: unknown,
): void {
  if (held === undefined || held === null) return;
  if (attribute !== undefined && settingsFor(attribute, held).get !== undefined) return;
  if (Array.isArray(held)) {
    if (!Array.isArray(stored)) return;
    const element = attribute === undefined ? undefined : declaredListElement(attribute);
    held.forEach((value, at) => pruneUnstored(element, value, stored[at]));
    return;
  }
  if (!isPlainObject(held) || !isPlainObject(stored)) return;
  const shapes = attribute === undefined ? [] : objectShapesOf(attribute);
  for (const key of Object.keys(held)) {
    const inner = lookUp(shapes, key, "byInputName");
    if (inner !== undefined) pruneUnstored(inner, held[key], stored[inner.name]);
    else if (!Object.hasOwn(stored, key)) delete held[key];
    else pruneUnstored(undefined, held[key], stored[key]);
  }
}
