// The parts of an update object: its operators (`$SET`, `$ADD`, `$REMOVE`, `$DELETE`) and what each holds.
import { InvalidParameterType } from "../errors";
import { isPlainObject } from "../expressions/is-plain-object";
import { UNDEFINED } from "../schema/type-markers";

/** The update operators an update object may hold beside plain attribute values. */
export const OPERATORS = ["$SET", "$ADD", "$REMOVE", "$DELETE"];

/** The object under `operator` (`{}` when absent); anything else is an `InvalidParameterType`. */
export function operatorObject(update: Record<string, unknown>, operator: string): Record<string, unknown> {
  const value = update[operator];
  if (value === undefined) return {};
  if (!isPlainObject(value))
    throw new InvalidParameterType(`${operator} must be an object of attribute paths.`);
  return value;
}

/**
 * The `$REMOVE` paths, each with whether its default is skipped: in the object form, a value of
 * `type.UNDEFINED` removes the attribute even when it has a default (as it does in plain and `$SET` form).
 */
export function removedPaths(value: unknown): [path: string, skipDefault: boolean][] {
  if (value === undefined) return [];
  if (typeof value === "string") return [[value, false]];
  if (Array.isArray(value) && value.every((path) => typeof path === "string")) {
    return (value as string[]).map((path) => [path, false]);
  }
  if (isPlainObject(value)) return Object.entries(value).map(([path, given]) => [path, given === UNDEFINED]);
  throw new InvalidParameterType("$REMOVE must be an array of attribute paths or an object of them.");
}
