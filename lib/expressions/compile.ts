/**
 * Compiles condition trees into DynamoDB expression strings. Names and values always go through the
 * request's {@link PlaceholderRegistry}; the expression text holds only placeholders, operators and
 * parentheses, and every AND/OR operand is parenthesised so the meaning never rests on precedence.
 *
 * @example
 * ```ts
 * const registry = new PlaceholderRegistry();
 * compileCondition(new Condition("a").eq(1).or().where("b").lt(2), schemalessTarget, registry);
 * // "(#n0 = :v0) OR (#n1 < :v1)"; registry.names: { "#n0": "a", "#n1": "b" }
 * ```
 */
import { orderedBounds } from "./between-order";
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { ConditionNode } from "./ast";
import { plainToAttributeValue } from "./attribute-value";
import { type Condition, conditionNode } from "./condition";
import type { PathSegment } from "./path";
import type { PlaceholderRegistry } from "./placeholders";
import { checkConditionValueNesting } from "../schema/nesting";
import { isPending } from "../pending-values";

/**
 * How a value relates to its attribute: `"operand"` stands for a whole attribute value (eq, ne, lt, le,
 * gt, ge, between, in); `"prefix"` is the argument of `begins_with` (a string prefix of a string attribute
 * is not a whole value: an ISO Date attribute's prefix "2020" must stay "2020"); `"element"` is the
 * argument of `contains`: an element of a set or list attribute, or a substring of a string attribute.
 */
export type ValueUsage = "operand" | "prefix" | "element";

/** A path as the target stores it, with the conversion for values compared with it. */
export interface ResolvedPath {
  /** The stored path: aliases replaced by real attribute names. */
  segments: readonly PathSegment[];
  /**
   * Converts a user value through the attribute's write conversion (Dates, custom types, `set` for whole
   * values, prefixes and substrings of a String attribute; a set member skips the attribute's `set`).
   * A promise when an asynchronous `set` makes the value: the registry holds its place (pending-values.ts).
   */
  toAttributeValue(value: unknown, usage?: ValueUsage): AttributeValue | Promise<AttributeValue>;
  /**
   * Set for a document path stored as several top-level attributes (a whole `storage: "flatten"`
   * object): the stored paths a projection reads. `segments` then throws, as no condition can use it.
   */
  readonly storedPaths?: readonly (readonly PathSegment[])[];
}

/**
 * What conditions are compiled against: the schema layer implements it to map alias names to stored names
 * and to convert values like writes do.
 *
 * @example
 * ```ts
 * const target: ExpressionTarget = {
 *   resolve: (path) => ({ segments: path, toAttributeValue: (value) => ({ S: String(value) }) }),
 * };
 * ```
 */
export interface ExpressionTarget {
  resolve(path: readonly PathSegment[]): ResolvedPath;
}

/**
 * The target for conditions without a schema: paths are kept, values converted with the SDK's
 * `convertToAttr`, except that a Date becomes its millisecond number (Sets become SS/NS/BS).
 *
 * @example
 * ```ts
 * schemalessTarget.resolve(["at"]).toAttributeValue(new Date(7)); // { N: "7" }
 * ```
 */
export const schemalessTarget: ExpressionTarget = Object.freeze({
  resolve: (path: readonly PathSegment[]): ResolvedPath => ({
    segments: path,
    toAttributeValue: (value: unknown) => plainToAttributeValue(value),
  }),
});

/**
 * The placeholder for a value compared with `path`. A value nested deeper than DynamoDB takes is refused
 * here, where the condition's path is known (DynamoDB would name only the placeholder); a value still to
 * come from an asynchronous `set` is checked when it settles, and its refusal is the request's error.
 */
function valuePlaceholder(
  registry: PlaceholderRegistry,
  path: readonly PathSegment[],
  value: AttributeValue | PromiseLike<AttributeValue>,
): string {
  if (!isPending(value)) {
    checkConditionValueNesting(path, value);
    return registry.value(value);
  }
  return registry.value(
    Promise.resolve(value).then((settled) => {
      checkConditionValueNesting(path, settled);
      return settled;
    }),
  );
}

/** Renders the left side of a comparison, `between` or `in`: the path, or `size(path)`. */
function operandText(path: string, size: boolean): string {
  return size ? `size(${path})` : path;
}

/**
 * Compiles one node (and its children). Exposed for the query planner, which compiles the nodes it keeps
 * in the filter separately from the ones it moves into the key condition.
 *
 * @example
 * ```ts
 * compileConditionNode(comparisonNode(">", ["age"], 5), schemalessTarget, registry); // "#n0 > :v0"
 * ```
 */
export function compileConditionNode(
  node: ConditionNode,
  target: ExpressionTarget,
  registry: PlaceholderRegistry,
): string {
  switch (node.kind) {
    case "comparison": {
      const resolved = target.resolve(node.path);
      const left = operandText(registry.path(resolved.segments), node.size);
      // size() is a number whatever the attribute's type, so the attribute's conversion does not apply.
      const value = node.size
        ? plainToAttributeValue(node.value)
        : resolved.toAttributeValue(node.value, "operand");
      return `${left} ${node.op} ${valuePlaceholder(registry, node.path, value)}`;
    }
    case "between": {
      const resolved = target.resolve(node.path);
      const left = operandText(registry.path(resolved.segments), node.size);
      const toValue = (value: unknown) =>
        node.size ? plainToAttributeValue(value) : resolved.toAttributeValue(value, "operand");
      const [low, high] = orderedBounds(node.path, toValue(node.low), toValue(node.high));
      return `${left} BETWEEN ${valuePlaceholder(registry, node.path, low)} AND ${valuePlaceholder(registry, node.path, high)}`;
    }
    case "in": {
      const resolved = target.resolve(node.path);
      const left = operandText(registry.path(resolved.segments), node.size);
      const placeholders = node.values.map((value) =>
        valuePlaceholder(
          registry,
          node.path,
          node.size ? plainToAttributeValue(value) : resolved.toAttributeValue(value, "operand"),
        ),
      );
      return `${left} IN (${placeholders.join(", ")})`;
    }
    case "function": {
      const resolved = target.resolve(node.path);
      const path = registry.path(resolved.segments);
      if (!("value" in node)) return `${node.name}(${path})`;
      const usage: ValueUsage = node.name === "contains" ? "element" : "prefix";
      const value = valuePlaceholder(registry, node.path, resolved.toAttributeValue(node.value, usage));
      return `${node.name}(${path}, ${value})`;
    }
    case "not":
      return `NOT ${parenthesized(compileConditionNode(node.node, target, registry))}`;
    case "and":
    case "or": {
      const parts = node.nodes.map((child) => parenthesized(compileConditionNode(child, target, registry)));
      return parts.join(node.kind === "and" ? " AND " : " OR ");
    }
    case "raw":
      return registry.adoptRaw(node.expression, node.names, node.values);
  }
}

/**
 * Compiles a Condition into a `ConditionExpression` / `FilterExpression`, registering its names and values.
 * Undefined for an empty condition (leave the expression out of the request then).
 *
 * @throws InvalidParameter for an unfinished condition or a value that cannot be converted.
 *
 * @example
 * ```ts
 * const registry = new PlaceholderRegistry();
 * compileCondition(new Condition({ age: { between: [1, 5] } }), schemalessTarget, registry);
 * // "#n0 BETWEEN :v0 AND :v1"
 * ```
 */
export function compileCondition(
  condition: Condition,
  target: ExpressionTarget,
  registry: PlaceholderRegistry,
): string | undefined {
  const root = conditionNode(condition);
  return root === undefined ? undefined : compileConditionNode(root, target, registry);
}

/**
 * Joins expressions with AND, each in parentheses, skipping undefined (and empty) ones. A single
 * expression is returned unchanged; none gives undefined.
 *
 * @example
 * ```ts
 * andExpressions(["#n0 = :v0", undefined, "attribute_not_exists(#n1)"]);
 * // "(#n0 = :v0) AND (attribute_not_exists(#n1))"
 * ```
 */
export function andExpressions(parts: readonly (string | undefined)[]): string | undefined {
  const present = parts.filter((part): part is string => part !== undefined && part !== "");
  if (present.length <= 1) return present[0];
  return present.map(parenthesized).join(" AND ");
}

/**
 * The expression as one parenthesised unit. One already enclosed in a pair of parentheses (a raw condition
 * written as `"(#a = :a)"`) is returned as it is: DynamoDB refuses `((#a = :a))` as "redundant parentheses".
 *
 * @example
 * ```ts
 * parenthesized("#a = :a"); // "(#a = :a)"
 * parenthesized("(#a = :a)"); // "(#a = :a)"
 * parenthesized("(#a = :a) OR (#b = :b)"); // "((#a = :a) OR (#b = :b))"
 * ```
 */
export function parenthesized(expression: string): string {
  const text = expression.trim();
  return enclosedInOnePair(text) ? text : `(${expression})`;
}

/** Whether the text's first parenthesis closes at its last character (no string literals in expressions). */
function enclosedInOnePair(text: string): boolean {
  if (!text.startsWith("(") || !text.endsWith(")")) return false;
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === "(") depth += 1;
    else if (char === ")") {
      depth -= 1;
      if (depth === 0) return index === text.length - 1;
    }
  }
  return false;
}
