// `saveUnknown`: which unknown attributes are kept, by dotted path. `*` matches one path segment,
// `**` any number of segments ("person.*" keeps person.b but not person.b.c).

/** `saveUnknown: true`: every unknown attribute kept, whole (so nothing needs filtering). */
export const keepEverything = (): boolean => true;

export function compileUnknownMatcher(
  saveUnknown: boolean | readonly string[] | undefined,
): ((path: string) => boolean) | undefined {
  if (saveUnknown === true) return keepEverything;
  if (!saveUnknown || saveUnknown.length === 0) return undefined;
  // A pattern also keeps the containers on its way ("friend.**" keeps the map `friend` itself, whose
  // contents are then filtered by the same patterns).
  const withContainers = saveUnknown.flatMap((pattern) => {
    const segments = pattern.split(".");
    const containers = segments
      .map((_, index) => segments.slice(0, index + 1))
      .filter((prefix) => prefix.every((segment) => segment !== "*" && segment !== "**"))
      .map((prefix) => prefix.join("."));
    return [...containers, pattern];
  });
  const patterns = [...new Set(withContainers)].map(patternToRegExp);
  return (path) => patterns.some((pattern) => pattern.test(path));
}

function patternToRegExp(pattern: string): RegExp {
  const source = pattern
    .split(".")
    .map((segment) =>
      segment === "**" ? "(?:[^.]+)(?:\\.[^.]+)*" : segment === "*" ? "[^.]+" : escapeRegExp(segment),
    )
    .join("\\.");
  return new RegExp(`^${source}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
