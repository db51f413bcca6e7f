// Pure: whether a log event passes a provider's filter (Dynamoose's logger semantics). Levels from most
// to least severe: fatal, error, warn, info, debug, trace. "warn+" is warn or more severe, "info-" is info
// or less severe, "warn" is exactly warn. Categories are ":"-separated; a "*" segment matches any one
// segment, and a trailing "*" matches one or more ("aws:*" matches "aws:dynamodb:Query:request").

export const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace"] as const;
export type LogLevel = (typeof LEVELS)[number];

export interface LogFilter {
  level?: string | readonly string[];
  category?: string | readonly string[];
}

function levelMatches(pattern: string, level: LogLevel): boolean {
  const suffix = pattern.at(-1);
  const name = suffix === "+" || suffix === "-" ? pattern.slice(0, -1) : pattern;
  const wanted = LEVELS.indexOf(name as LogLevel);
  const actual = LEVELS.indexOf(level);
  if (wanted === -1) return false;
  if (suffix === "+") return actual <= wanted;
  if (suffix === "-") return actual >= wanted;
  return actual === wanted;
}

function categoryMatches(pattern: string, category: string): boolean {
  const wanted = pattern.split(":");
  const actual = category.split(":");
  for (let at = 0; at < wanted.length; at += 1) {
    const segment = wanted[at]!;
    if (segment === "*" && at === wanted.length - 1) return actual.length > at;
    if (at >= actual.length || (segment !== "*" && segment !== actual[at])) return false;
  }
  return wanted.length === actual.length;
}

const asList = (value: string | readonly string[]) => (typeof value === "string" ? [value] : value);

/**
 * Whether an event of `level` and `category` passes `filter` (every given part must match; a list
 * matches when any entry does).
 *
 * @example
 * ```ts
 * passesFilter({ level: "info-", category: "aws:dynamodb:*" }, "debug", "aws:dynamodb:Query:request"); // true
 * ```
 */
export function passesFilter(filter: LogFilter | undefined, level: LogLevel, category: string): boolean {
  if (!filter) return true;
  if (filter.level !== undefined && !asList(filter.level).some((pattern) => levelMatches(pattern, level))) {
    return false;
  }
  if (
    filter.category !== undefined &&
    !asList(filter.category).some((pattern) => categoryMatches(pattern, category))
  ) {
    return false;
  }
  return true;
}
