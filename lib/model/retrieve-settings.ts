// The query/scan builders' setting methods as pure functions: each checks its argument and gives the
// settings it changes, or throws (which the builder keeps as its failure; retriever.ts).
import { describeValue, InvalidParameter } from "../errors";
import { booleanSetting } from "../operations/options";
import { positiveInteger, type RetrieveSettings } from "../operations/retrieve-input";

type SettingsChange = Partial<RetrieveSettings>;

/** `limit()`: `undefined` or `null` means no limit, as in Dynamoose (`limit(request.query.limit)`). */
export function limitSetting(count: unknown): SettingsChange {
  return { limit: count == null ? undefined : positiveInteger(count, "limit()") };
}

/** `attributes()`: the projection. Not set (`undefined`/`null`) reads every attribute, as in Dynamoose. */
export function projectionSetting(paths: unknown): SettingsChange {
  if (paths == null) return { attributes: undefined };
  if (!Array.isArray(paths) || paths.some((path) => typeof path !== "string")) {
    throw new InvalidParameter(
      `attributes() needs an array of attribute paths (got ${describeValue(paths)}).`,
    );
  }
  // DynamoDB refuses an empty projection.
  if (paths.length === 0)
    throw new InvalidParameter("attributes() needs at least one attribute path (got []).");
  return { attributes: Object.freeze([...(paths as string[])]) };
}

/**
 * `consistent()` toggles what `consistent` is now, as in Dynamoose; `consistent(true)` or `(false)` sets it,
 * and `null` means "not set", as for the other settings.
 */
export function consistentSetting(enabled: unknown, consistent: boolean): SettingsChange {
  if (enabled === null) return { consistent: false };
  return { consistent: booleanSetting(enabled, "consistent()") ?? !consistent };
}

/** `count()` toggles, as in Dynamoose: a second `count()` reads items again. */
export function countSetting(count: boolean): SettingsChange {
  return { count: !count };
}

/** `using()`: not set (`undefined` or `null`) chooses the index automatically again, as in Dynamoose. */
export function indexSetting(indexName: unknown): SettingsChange {
  if (indexName == null) return { index: undefined };
  if (typeof indexName !== "string" || indexName === "") {
    throw new InvalidParameter(`using() needs an index name (got ${describeValue(indexName)}).`);
  }
  return { index: indexName };
}

/** `all(delay, max)`: `delay` ms between requests, at most `max` requests (0: no limit). */
export function allSetting(delay: unknown, max: unknown): SettingsChange {
  return { all: { delay: nonNegative(delay, "all() delay"), max: wholeNonNegative(max, "all() max") } };
}

function nonNegative(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new InvalidParameter(`${what} must be a number of at least 0 (got ${describeValue(value)}).`);
  }
  return value;
}

/** A count of requests: 1.5 of them means nothing. */
function wholeNonNegative(value: unknown, what: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) {
    throw new InvalidParameter(`${what} must be a whole number of at least 0 (got ${describeValue(value)}).`);
  }
  return value as number;
}
