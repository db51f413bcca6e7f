/**
 * The condition tree: frozen nodes built by {@link Condition} and read by the compiler and the query planner.
 * Values are the user's JavaScript values; they become AttributeValues only at compile time, through the
 * schema's conversion for the attribute.
 *
 * @example
 * ```ts
 * const node = andNode([comparisonNode("=", ["id"], 1), functionNode("attribute_exists", ["name"])]);
 * node.kind; // "and"
 * ```
 */
import { InvalidParameter } from "../errors";
import type { PathSegment } from "./path";

export type ComparisonOperator = "=" | "<>" | "<" | "<=" | ">" | ">=";

/** The left side of a comparison, `between` or `in`: an attribute, or `size(attribute)` when `size` is true. */
interface Operand {
  readonly path: readonly PathSegment[];
  readonly size: boolean;
}

/** `path op value`, or `size(path) op value`. */
export interface ComparisonNode extends Operand {
  readonly kind: "comparison";
  readonly op: ComparisonOperator;
  readonly value: unknown;
}

/** `path BETWEEN low AND high`. */
export interface BetweenNode extends Operand {
  readonly kind: "between";
  readonly low: unknown;
  readonly high: unknown;
}

/** `path IN (v1, v2, …)`. */
export interface InNode extends Operand {
  readonly kind: "in";
  readonly values: readonly unknown[];
}

/** `attribute_exists(path)` / `attribute_not_exists(path)`. */
export interface ExistsFunctionNode {
  readonly kind: "function";
  readonly name: "attribute_exists" | "attribute_not_exists";
  readonly path: readonly PathSegment[];
}

/** `begins_with(path, value)` / `contains(path, value)`. "NOT contains" is a {@link NotNode} around this. */
export interface ValueFunctionNode {
  readonly kind: "function";
  readonly name: "begins_with" | "contains";
  readonly path: readonly PathSegment[];
  readonly value: unknown;
}

export type FunctionNode = ExistsFunctionNode | ValueFunctionNode;

/** `NOT (node)`. */
export interface NotNode {
  readonly kind: "not";
  readonly node: ConditionNode;
}

/** `(a) AND (b) …`; always at least two nodes. */
export interface AndNode {
  readonly kind: "and";
  readonly nodes: readonly ConditionNode[];
}

/** `(a) OR (b) …`; always at least two nodes. */
export interface OrNode {
  readonly kind: "or";
  readonly nodes: readonly ConditionNode[];
}

/** A hand-written expression with its own placeholders, merged into the request at compile time. */
export interface RawNode {
  readonly kind: "raw";
  readonly expression: string;
  readonly names?: Readonly<Record<string, string>>;
  /** AttributeValues or plain values (plain ones are converted without a schema). */
  readonly values?: Readonly<Record<string, unknown>>;
}

export type ConditionNode =
  ComparisonNode | BetweenNode | InNode | FunctionNode | NotNode | AndNode | OrNode | RawNode;

const frozenPath = (path: readonly PathSegment[]): readonly PathSegment[] => Object.freeze([...path]);

/** @example `comparisonNode(">", ["age"], 5)` is `age > 5`; with `size = true` it is `size(age) > 5`. */
export function comparisonNode(
  op: ComparisonOperator,
  path: readonly PathSegment[],
  value: unknown,
  size = false,
): ComparisonNode {
  return Object.freeze({ kind: "comparison", op, path: frozenPath(path), size, value });
}

/** @example `betweenNode(["age"], 1, 5)` is `age BETWEEN 1 AND 5`. */
export function betweenNode(
  path: readonly PathSegment[],
  low: unknown,
  high: unknown,
  size = false,
): BetweenNode {
  return Object.freeze({ kind: "between", path: frozenPath(path), size, low, high });
}

/** @example `inNode(["status"], ["a", "b"])` is `status IN ("a", "b")`. The list is copied. */
export function inNode(path: readonly PathSegment[], values: readonly unknown[], size = false): InNode {
  return Object.freeze({ kind: "in", path: frozenPath(path), size, values: Object.freeze([...values]) });
}

/** @example `functionNode("attribute_exists", ["id"])`, `functionNode("begins_with", ["sk"], "2024-")`. */
export function functionNode(
  name: ExistsFunctionNode["name"],
  path: readonly PathSegment[],
): ExistsFunctionNode;
export function functionNode(
  name: ValueFunctionNode["name"],
  path: readonly PathSegment[],
  value: unknown,
): ValueFunctionNode;
export function functionNode(
  name: FunctionNode["name"],
  path: readonly PathSegment[],
  value?: unknown,
): FunctionNode {
  if (name === "attribute_exists" || name === "attribute_not_exists") {
    return Object.freeze({ kind: "function", name, path: frozenPath(path) });
  }
  return Object.freeze({ kind: "function", name, path: frozenPath(path), value });
}

/** @example `notNode(betweenNode(["age"], 1, 5))` is `NOT (age BETWEEN 1 AND 5)`. */
export function notNode(node: ConditionNode): NotNode {
  return Object.freeze({ kind: "not", node });
}

/** AND of the nodes; a single node is returned as it is, so `and` nodes always have two or more. */
export function andNode(nodes: readonly ConditionNode[]): ConditionNode {
  if (nodes.length === 0) throw new InvalidParameter("AND needs at least one condition.");
  if (nodes.length === 1) return nodes[0] as ConditionNode;
  return Object.freeze({ kind: "and", nodes: Object.freeze([...nodes]) });
}

/** OR of the nodes; a single node is returned as it is, so `or` nodes always have two or more. */
export function orNode(nodes: readonly ConditionNode[]): ConditionNode {
  if (nodes.length === 0) throw new InvalidParameter("OR needs at least one condition.");
  if (nodes.length === 1) return nodes[0] as ConditionNode;
  return Object.freeze({ kind: "or", nodes: Object.freeze([...nodes]) });
}

/** A hand-written expression; the maps are copied and frozen. */
export function rawNode(
  expression: string,
  names?: Readonly<Record<string, string>>,
  values?: Readonly<Record<string, unknown>>,
): RawNode {
  return Object.freeze({
    kind: "raw",
    expression,
    ...(names === undefined ? {} : { names: Object.freeze({ ...names }) }),
    ...(values === undefined ? {} : { values: Object.freeze({ ...values }) }),
  });
}
