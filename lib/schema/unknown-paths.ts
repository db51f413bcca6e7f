// `saveUnknown`: which unknown attributes are kept, by dotted path. `*` matches one path segment,
// `**` any number of segments ("person.*" keeps person.b but not person.b.c).

export function compileUnknownMatcher(
  saveUnknown: boolean | readonly string[] | undefined,
): ((path: string) => boolean) | undefined {
  if (saveUnknown === true) return () => true;
  if (!saveUnknown || saveUnknown.length === 0) return undefined;
  const patterns = saveUnknown.map(patternToRegExp);
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
