// `saveUnknown`: which unknown attributes are kept, by dotted path. `*` matches one path segment,
// `**` any number of segments ("person.*" keeps person.b but not person.b.c). A list index is a segment
// too, as Dynamoose writes paths: "list.*.b" and "list.0.b" match `list[0].b`.

/** `saveUnknown: true`: every unknown attribute kept, whole (so nothing needs filtering). */
export const keepEverything = (): boolean => true;

type Matcher = (path: string) => boolean;

/**
 * The paths a matcher keeps only as maps or lists on the way to a pattern with a wildcard before its
 * end: for "person.*.c", `person.b` is kept when it holds something `person.b.c` could be in, not as a
 * scalar of its own.
 */
const wildcardContainers = new WeakMap<Matcher, { containers: RegExp[]; kept: RegExp[] }>();

export function compileUnknownMatcher(
  saveUnknown: boolean | readonly string[] | undefined,
): Matcher | undefined {
  if (saveUnknown === true) return keepEverything;
  if (!saveUnknown || saveUnknown.length === 0) return undefined;
  // A pattern also keeps the containers on its way ("friend.**" keeps the map `friend` itself, whose
  // contents are then filtered by the same patterns).
  const plain = new Set<string>();
  const wildcard = new Set<string>();
  for (const pattern of saveUnknown) {
    const segments = pattern.split(".");
    plain.add(pattern);
    for (let end = 1; end < segments.length; end += 1) {
      const prefix = segments.slice(0, end);
      const hasWildcard = prefix.some((segment) => segment === "*" || segment === "**");
      (hasWildcard ? wildcard : plain).add(prefix.join("."));
    }
  }
  const kept = [...plain].map(patternToRegExp);
  const containers = [...wildcard].map(patternToRegExp);
  const matcher: Matcher = (documentPath) => {
    const path = patternPath(documentPath);
    return kept.some((pattern) => pattern.test(path)) || containers.some((pattern) => pattern.test(path));
  };
  if (containers.length > 0) wildcardContainers.set(matcher, { containers, kept });
  return matcher;
}

/**
 * Whether `keep` keeps `path` only as a container of what a wildcard pattern keeps further down, so a
 * value there that is no map or list is left out.
 *
 * @example
 * ```ts
 * const keep = compileUnknownMatcher(["person.*.c"])!;
 * keep("person.b"); // true
 * keptOnlyAsContainer(keep, "person.b"); // true: person.b = 5 is left out, person.b = {c: 1} kept
 * ```
 */
export function keptOnlyAsContainer(keep: Matcher, documentPath: string): boolean {
  const patterns = wildcardContainers.get(keep);
  if (patterns === undefined) return false;
  const path = patternPath(documentPath);
  return (
    patterns.containers.some((pattern) => pattern.test(path)) &&
    !patterns.kept.some((pattern) => pattern.test(path))
  );
}

/** A document path as the patterns read it: each list index a segment (`l[0].b` → `l.0.b`). */
function patternPath(path: string): string {
  return path.includes("[") ? path.replace(/\[(\d+)\]/g, ".$1") : path;
}

/**
 * A pattern as a regular expression over pattern paths. A `**` before other segments matches any number of
 * levels, none included ("**.secret" matches `secret` and `a.b.secret`, "a.**.c" matches `a.c`); a
 * final `**` matches what is inside (one level or more: "raw.**" matches `raw.x` and `raw.x.y`).
 */
function patternToRegExp(pattern: string): RegExp {
  const segments = pattern.split(".");
  let source = "";
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === "**" && !last) {
      source += "(?:[^.]+\\.)*";
      return;
    }
    source += segment === "**" ? "[^.]+(?:\\.[^.]+)*" : segment === "*" ? "[^.]+" : escapeRegExp(segment);
    if (!last) source += "\\.";
  });
  return new RegExp(`^${source}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
