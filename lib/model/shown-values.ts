// How a saved item shows what its write stored, where an attribute has `get` functions: `get(stored)` as a
// read would show it, when that can be worked out at once (fill-in.ts holds it on the item).
import type { CompiledAttribute } from "../schema/compiled";
import { isThenable } from "../schema/normalize";
import { attributeWalk } from "../schema/rules";
import { settingsFor } from "../schema/settings-for";
import { copyData } from "./json";

/**
 * A map or list with `get`s only inside, as a read shows it: a copy of the stored value with each inner
 * `get` applied, so the next save puts back the stored values (rules.ts `restoreReadValues`) instead of
 * running `set` again on them. Undefined when an inner `get` is asynchronous, throws or hides its value
 * (returns undefined): the item then keeps the value the caller gave, which `set` turns into the stored
 * value again.
 */
export function shownInside(attribute: CompiledAttribute, stored: unknown): unknown {
  const container: Record<string, unknown> = { value: copyData(stored) };
  let unshown = false;
  attributeWalk(
    attribute,
    container,
    "value",
    attribute.name,
  )("get", (inner, holder, key) => {
    const value = holder[key];
    if (value === undefined || value === null || unshown) return;
    const { get } = settingsFor(inner, value);
    if (get === undefined) return;
    let shown: unknown;
    try {
      shown = get(value);
    } catch {
      unshown = true; // the write succeeded: a failing display value is a read's concern, not the save's
      return;
    }
    if (isThenable(shown)) {
      unshown = true;
      Promise.resolve(shown).catch(() => undefined);
    } else if (shown === undefined) {
      // A `get` that hides the value (`get: () => undefined`): held so, the next save would remove it.
      unshown = true;
    } else holder[key] = shown;
  });
  return unshown ? undefined : container.value;
}

/**
 * `get(stored)` of a scalar or COMBINE attribute whose own `get` is synchronous, or undefined when it
 * cannot be shown so (nested values, an asynchronous `get`). A `null` is shown as it is: `get` applies to
 * values that are not null, and a read gives `null` without calling it.
 */
export function shownValue(attribute: CompiledAttribute, stored: unknown): unknown {
  if (stored === null) return null;
  const { get } = settingsFor(attribute, stored);
  if (get === undefined) return undefined;
  if (attribute.variants.some((variant) => variant.kind !== "scalar" && variant.kind !== "combine")) {
    return undefined;
  }
  let shown: unknown;
  try {
    shown = get(stored);
  } catch {
    return undefined; // the write succeeded: a failing display value is a read's concern, not the save's
  }
  if (!isThenable(shown)) return shown;
  Promise.resolve(shown).catch(() => undefined); // a failing display value is a read's concern, not the save's
  return undefined;
}
