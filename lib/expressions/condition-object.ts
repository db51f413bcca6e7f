/**
 * The object form of a condition: `{name: "x", age: {gt: 5}}`, each key a document path, all keys AND-ed.
 *
 * @example
 * ```ts
 * objectConditionNodes({ name: "x", age: { between: [1, 5] } }); // [name = "x", age BETWEEN 1 AND 5]
 * ```
 */
import { InvalidFilterComparison, InvalidParameter } from "../errors";
import type { ConditionNode } from "./ast";
import { type ComparatorName, comparatorNode, isComparatorName } from "./comparators";
import { isPlainObject } from "./is-plain-object";
import { parseDocumentPath } from "./path";

/**
 * `{attribute: value}` (equality) or `{attribute: {comparator: argument, …}}`. Comparators: `eq, ne, lt, le,
 * gt, ge, beginsWith, contains, exists` (a boolean), `in` (an array), `between` (`[low, high]`).
 * To compare with a map value, use `{attribute: {eq: {…}}}`: a plain object is always read as comparators.
 */
export type ConditionObject = Readonly<Record<string, unknown>>;

/** {@link ConditionObject} with its keys checked against a model's attribute paths (`Model.scan({…})`). */
export type ConditionObjectOf<TPath extends string> = { readonly [P in TPath]?: unknown };

/** The argument list a comparator gets from its object-form value. */
function objectFormArgs(comparator: ComparatorName, value: unknown, key: string): unknown[] {
  if (comparator !== "between") return [value];
  if (!Array.isArray(value) || value.length !== 2) {
    throw new InvalidParameter(`between on "${key}" needs an array of two values, as in {between: [1, 5]}.`);
  }
  return value;
}

/**
 * One node per comparison in an object-form condition, in key order.
 *
 * @throws InvalidFilterComparison "The type: X is invalid." for an unknown comparator name.
 * @throws InvalidParameter for an invalid path, an empty comparator object, or a bad comparator argument.
 */
export function objectConditionNodes(object: ConditionObject): ConditionNode[] {
  const nodes: ConditionNode[] = [];
  for (const [key, specification] of Object.entries(object)) {
    const subject = { path: parseDocumentPath(key), size: false, negate: false };
    if (!isPlainObject(specification)) {
      nodes.push(comparatorNode(subject, "eq", [specification]));
      continue;
    }
    const comparisons = Object.entries(specification);
    if (comparisons.length === 0) {
      throw new InvalidParameter(
        `The condition on "${key}" is an empty object; to compare with a map, use {eq: {…}}.`,
      );
    }
    for (const [comparator, value] of comparisons) {
      if (!isComparatorName(comparator))
        throw new InvalidFilterComparison(`The type: ${comparator} is invalid.`);
      nodes.push(comparatorNode(subject, comparator, objectFormArgs(comparator, value, key)));
    }
  }
  return nodes;
}
