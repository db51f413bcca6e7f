// Pure: whether a log event passes a provider's filter, with Dynamoose's logger semantics (a filter
// written for dynamoose-logger selects the same events here). Levels from most to least severe: fatal,
// error, warn, info, debug, trace. A level string "warn" is exactly warn, "warn+" warn or more severe,
// "info-" info or less severe; a level list matches its exact entries. Categories are ":"-separated and
// matched segment by segment over their whole length: "*" is any one segment, "**" any one or more
// remaining segments ("aws:dynamodb:*:request" every request, "aws:**" every DynamoDB event).

import { describeValue, InvalidParameterType } from "../errors";

export const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace"] as const;
export type LogLevel = (typeof LEVELS)[number];

export interface LogFilter {
  level?: string | readonly string[];
  category?: string | readonly string[];
}

function levelMatches(pattern: string | readonly string[], level: LogLevel): boolean {
  if (typeof pattern !== "string") return pattern.includes(level);
  const suffix = pattern.at(-1);
  if (suffix !== "+" && suffix !== "-") return pattern === level;
  const wanted = LEVELS.indexOf(pattern.slice(0, -1) as LogLevel);
  const actual = LEVELS.indexOf(level);
  if (wanted === -1) return false;
  return suffix === "+" ? actual <= wanted : actual >= wanted;
}

function categoryMatches(pattern: string, category: string): boolean {
  const wanted = pattern.split(":");
  const actual = category.split(":");
  for (let at = 0; at < actual.length; at += 1) {
    const segment = wanted[at];
    if (segment === "**") return true;
    if (segment !== "*" && segment !== actual[at]) return false;
  }
  // Every segment of the category matched; a longer pattern does not match a shorter category.
  return wanted.length <= actual.length;
}

/**
 * Whether an event of `level` and `category` passes `filter` (every given part must match; a category
 * list matches when any entry does). An empty filter part is no filter, as in Dynamoose.
 *
 * @example
 * ```ts
 * passesFilter({ level: "info-", category: "aws:dynamodb:*:request" }, "debug", "aws:dynamodb:query:request"); // true
 * ```
 */
export function passesFilter(filter: LogFilter | undefined, level: LogLevel, category: string): boolean {
  if (!filter) return true;
  if (filter.level && !levelMatches(filter.level, level)) return false;
  const categories = filter.category;
  if (!categories) return true;
  return typeof categories === "string"
    ? categoryMatches(categories, category)
    : categories.some((pattern) => categoryMatches(pattern, category));
}

const isLevel = (value: unknown): boolean => LEVELS.includes(value as LogLevel);

/**
 * Refuses a filter that could match nothing by mistake (`level: "warning"`) or that is not a filter at
 * all, where the provider is added: otherwise it would fail, or drop every event, on each request.
 *
 * @example
 * ```ts
 * checkFilter({ level: "warn+", category: ["aws:**"] }); // fine
 * checkFilter({ level: "warning" }); // InvalidParameterType naming the level and the levels there are
 * ```
 */
export function checkFilter(filter: unknown): void {
  if (filter === undefined || filter === null) return;
  if (typeof filter !== "object" || Array.isArray(filter)) {
    throw new InvalidParameterType(
      `A log provider's filter must be an object with level and/or category (got ${describeValue(filter)}).`,
    );
  }
  const { level, category } = filter as Record<string, unknown>;
  const levelFits =
    level === undefined ||
    level === null ||
    level === "" ||
    (typeof level === "string" && isLevel(/[+-]$/.test(level) ? level.slice(0, -1) : level)) ||
    (Array.isArray(level) && level.every(isLevel));
  if (!levelFits) {
    throw new InvalidParameterType(
      `A log provider's filter level must be one of ${LEVELS.join(", ")} (optionally with + or -), or a ` +
        `list of them (got ${describeValue(level)}).`,
    );
  }
  const categoryFits =
    category === undefined ||
    category === null ||
    typeof category === "string" ||
    (Array.isArray(category) && category.every((entry) => typeof entry === "string"));
  if (!categoryFits) {
    throw new InvalidParameterType(
      `A log provider's filter category must be a string or a list of strings (got ${describeValue(category)}).`,
    );
  }
}
