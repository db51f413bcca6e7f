/**
 * The comparators shared by the chain (`.where("age").gt(5)`) and the object form (`{age: {gt: 5}}`):
 * argument checks, `not()` and `size()` handling, and the node each one produces.
 *
 * @example
 * ```ts
 * comparatorNode({ path: ["age"], size: false, negate: true }, "gt", [5]); // age <= 5
 * ```
 */
import { InvalidParameter } from "../errors";
import {
  betweenNode,
  type ComparisonOperator,
  comparisonNode,
  type ConditionNode,
  functionNode,
  inNode,
  notNode,
} from "./ast";
import { showValue } from "./attribute-value";
import { formatDocumentPath, type PathSegment } from "./path";

const MAX_IN_VALUES = 100;

/** Comparator names, as the chain methods and the keys of the object form. */
export type ComparatorName =
  "eq" | "ne" | "lt" | "le" | "gt" | "ge" | "beginsWith" | "contains" | "exists" | "in" | "between";

const OPERATORS = {
  eq: "=",
  ne: "<>",
  lt: "<",
  le: "<=",
  gt: ">",
  ge: ">=",
} as const satisfies Record<string, ComparisonOperator>;

/** What `not()` turns each operator into; exact complements for values that exist. */
const NEGATED_OPERATORS: Readonly<Record<ComparisonOperator, ComparisonOperator>> = {
  "=": "<>",
  "<>": "=",
  "<": ">=",
  "<=": ">",
  ">": "<=",
  ">=": "<",
};

const COMPARATOR_NAMES: ReadonlySet<string> = new Set<ComparatorName>([
  ...(Object.keys(OPERATORS) as (keyof typeof OPERATORS)[]),
  "beginsWith",
  "contains",
  "exists",
  "in",
  "between",
]);

/** @example `isComparatorName("gt")` is true; `isComparatorName("zip")` is false. */
export function isComparatorName(name: string): name is ComparatorName {
  return COMPARATOR_NAMES.has(name);
}

/** The attribute a comparator applies to, and the modifiers set before it. */
export interface ComparatorSubject {
  readonly path: readonly PathSegment[];
  /** Compare `size(path)` instead of the attribute (after `size()`). */
  readonly size: boolean;
  /** Negate the comparison (after an odd number of `not()`). */
  readonly negate: boolean;
}

/**
 * Builds the node for one comparator. `args` are the values as given: one for most comparators, two for
 * `between`, the list as one argument for `in`, an optional boolean for `exists`.
 *
 * @throws InvalidParameter for a missing (undefined) value, `between` without two values, `in` without a
 * non-empty array, `size()` before a comparator that cannot take it, or a non-number compared with a size.
 *
 * @example
 * ```ts
 * comparatorNode({ path: ["tags"], size: true, negate: false }, "ge", [2]); // size(tags) >= 2
 * ```
 */
export function comparatorNode(
  subject: ComparatorSubject,
  comparator: ComparatorName,
  args: readonly unknown[],
): ConditionNode {
  const { path, size, negate } = subject;
  const where = `${comparator}() on "${formatDocumentPath(path)}"`;
  // An undefined value would otherwise drop out or widen the condition; a filter must never silently widen.
  const defined = (value: unknown, what = "a value"): unknown => {
    if (value === undefined) throw new InvalidParameter(`${where} needs ${what} (got undefined).`);
    return value;
  };
  // size() yields a number, so only numbers can be compared with it.
  const sizeOperand = (value: unknown): unknown => {
    if (size && (typeof value !== "number" || !Number.isFinite(value))) {
      throw new InvalidParameter(`${where} compares a size, so it needs a number (got ${showValue(value)}).`);
    }
    return value;
  };

  switch (comparator) {
    case "eq":
    case "ne":
    case "lt":
    case "le":
    case "gt":
    case "ge": {
      const operator = OPERATORS[comparator];
      const value = sizeOperand(defined(args[0]));
      return comparisonNode(negate ? NEGATED_OPERATORS[operator] : operator, path, value, size);
    }
    case "between": {
      if (args.length !== 2 || args[0] === undefined || args[1] === undefined) {
        throw new InvalidParameter(`${where} needs two values (got ${args.map(showValue).join(" and ")}).`);
      }
      const node = betweenNode(path, sizeOperand(args[0]), sizeOperand(args[1]), size);
      return negate ? notNode(node) : node;
    }
    case "in": {
      const list = args[0];
      if (!Array.isArray(list) || list.length === 0) {
        throw new InvalidParameter(`${where} needs a non-empty array (got ${showValue(list)}).`);
      }
      // DynamoDB's IN takes at most 100 values; it would refuse the request after a round trip.
      if (list.length > MAX_IN_VALUES) {
        throw new InvalidParameter(
          `${where} takes at most ${MAX_IN_VALUES} values, DynamoDB's limit (got ${list.length}); split the condition with or().`,
        );
      }
      const values = list.map((value: unknown) =>
        sizeOperand(defined(value, "values that are not undefined")),
      );
      const node = inNode(path, values, size);
      return negate ? notNode(node) : node;
    }
    case "beginsWith":
    case "contains":
    case "exists":
      if (size) {
        throw new InvalidParameter(
          `${where}: size() can only be followed by eq, ne, lt, le, gt, ge, between or in.`,
        );
      }
      if (comparator === "exists") {
        const expected = args[0] ?? true;
        if (typeof expected !== "boolean") {
          throw new InvalidParameter(`${where} takes true, false or nothing (got ${showValue(expected)}).`);
        }
        return functionNode(expected !== negate ? "attribute_exists" : "attribute_not_exists", path);
      } else {
        const node = functionNode(
          comparator === "beginsWith" ? "begins_with" : "contains",
          path,
          defined(args[0]),
        );
        return negate ? notNode(node) : node;
      }
  }
}
