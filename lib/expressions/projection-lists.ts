// A ProjectionExpression that names a list element (`#tags[1]`, `#a.#list[0].#x`) reads that list in part,
// and DynamoDB hands back the elements it read renumbered from 0: element 0 of the item's list may be the
// stored element 1, and the other elements are not there at all. Such a list can never be written back
// (model/lists-read-in-part.ts), so which lists a projection read in part is recorded with the image.

/** A stored document path of names only (`["address", "lines"]`). */
export type NamePath = readonly string[];

const NONE: readonly NamePath[] = [];
/** A name (placeholder or plain), a list index, or a dot. */
const TOKEN = /\[\s*\d+\s*\]|[^.[\],\s]+|\./g;

/**
 * The lists a ProjectionExpression reads in part: for each of its paths that selects a list element, the
 * names before its first index, placeholders resolved through `names`. Each list is given once.
 *
 * @example
 * ```ts
 * listsReadInPart("#id, #a.#l[0].#x, #t[2]", { "#id": "id", "#a": "a", "#l": "lines", "#x": "x", "#t": "tags" });
 * // [["a", "lines"], ["tags"]]
 * ```
 */
export function listsReadInPart(
  projection: string | undefined,
  names: Readonly<Record<string, string>> | undefined,
): readonly NamePath[] {
  if (projection === undefined || !projection.includes("[")) return NONE;
  const found = new Map<string, NamePath>();
  for (const path of projection.split(",")) {
    const prefix: string[] = [];
    for (const [token] of path.matchAll(TOKEN)) {
      if (token === ".") continue;
      if (token.startsWith("[")) {
        // A path that starts with an index is not one DynamoDB takes: nothing to record.
        if (prefix.length > 0) found.set(prefix.join("\u0000"), prefix);
        break;
      }
      prefix.push(names?.[token] ?? token);
    }
  }
  return found.size === 0 ? NONE : [...found.values()];
}

const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * The top-level attributes a ProjectionExpression reads whole (a path of one name, placeholders resolved):
 * one missing from what the read got is known to be absent, not unread.
 *
 * @example
 * ```ts
 * namesReadWhole("#id, #a.#b, #t[0], #n", { "#id": "id", "#a": "a", "#b": "b", "#t": "tags", "#n": "name" });
 * // Set { "id", "name" }
 * ```
 */
export function namesReadWhole(
  projection: string | undefined,
  names: Readonly<Record<string, string>> | undefined,
): ReadonlySet<string> {
  if (projection === undefined) return NO_NAMES;
  const found = new Set<string>();
  for (const path of projection.split(",")) {
    const name = path.trim();
    if (name !== "" && !name.includes(".") && !name.includes("[")) found.add(names?.[name] ?? name);
  }
  return found;
}
