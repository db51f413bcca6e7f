// A schema's own `get` changes how a read item looks (`nick` upper-cased, a `computed` member added). An
// item read and left alone holds that display form; saving it must not store it, as an attribute's `get`
// display form is not stored either (rules.ts restoreReadValues). Where the item still holds exactly what
// the read showed, the stored value is put back before the rest of the write pipeline runs.
import { sameValue } from "./same-value";

/**
 * Puts back the stored value of each top-level attribute that still holds what the schema's `get` showed
 * for it (and drops what the `get` added that is not stored). `item` is the normalized item, `old` the
 * stored form as last read, `shown` the read's view of it (read.ts shownForm), all under real names.
 * Returns the paths put back, joined to `restored` (the attribute `get`s' own), for `set` to skip them.
 *
 * @example
 * ```ts
 * // schema get: item => ({...item, nick: item.nick.toUpperCase()}); stored nick "tom", item holds "TOM"
 * restoreShownBySchema(item, { nick: "tom" }, { nick: "TOM" }); // item.nick === "tom"; Set { "nick" }
 * ```
 */
export function restoreShownBySchema(
  item: Record<string, unknown>,
  old: Record<string, unknown>,
  shown: Record<string, unknown>,
  restored?: ReadonlySet<string>,
): ReadonlySet<string> | undefined {
  let paths: Set<string> | undefined;
  for (const name of Object.keys(shown)) {
    if (restored?.has(name) || !Object.hasOwn(item, name)) continue;
    const value = item[name];
    if (sameValue(value, old[name]) || !sameValue(value, shown[name])) continue;
    if (old[name] === undefined) delete item[name];
    else item[name] = old[name];
    (paths ??= new Set(restored)).add(name);
  }
  return paths ?? restored;
}
