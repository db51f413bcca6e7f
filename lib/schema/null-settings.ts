// `null` for a setting means "not set": Dynamoose reads its settings by truthiness, so a Dynamoose schema
// may write `get: null` or `defaultAlias: null` for "none". Such settings are left out once, where a
// definition or the schema settings are first read, so that every check and compile step after that knows
// a single form of "absent" (and a wrong non-null value is refused as before).
import type { AttributeDefinitionObject } from "./definition-types";

/** `T` as `withoutNullSettings` leaves it: no setting holds `null`. */
export type WithoutNullSettings<T> = { [K in keyof T]: Exclude<T[K], null> };

/** An attribute-definition object as compiling reads it: its `null` settings left out. */
export type GivenDefinition = WithoutNullSettings<AttributeDefinitionObject>;

/**
 * `written` without its settings whose value is `null`; `written` itself when it has none (the common case
 * costs no copy). `keep` is a setting whose `null` is an error of its own: an attribute's `type`.
 *
 * @example
 * ```ts
 * withoutNullSettings({ type: String, get: null, alias: "a" }, "type"); // { type: String, alias: "a" }
 * ```
 */
export function withoutNullSettings<T extends object>(written: T, keep?: keyof T): WithoutNullSettings<T> {
  const entries = Object.entries(written);
  if (!entries.some(([key, value]) => value === null && key !== keep))
    return written as WithoutNullSettings<T>;
  // fromEntries defines own members: a `__proto__` setting (from JSON) stays a member, not the prototype.
  return Object.fromEntries(
    entries.filter(([key, value]) => value !== null || key === keep),
  ) as WithoutNullSettings<T>;
}
