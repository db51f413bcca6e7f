/**
 * The expression layer: the Condition builder, placeholders, and the condition and update compilers.
 * Pure: no client, no network.
 *
 * @example
 * ```ts
 * import { Condition, PlaceholderRegistry, compileCondition, schemalessTarget } from "./expressions";
 * const registry = new PlaceholderRegistry();
 * const ConditionExpression = compileCondition(new Condition("id").exists(false), schemalessTarget, registry);
 * // "attribute_not_exists(#n0)", registry.names: { "#n0": "id" }
 * ```
 */
export type {
  AndNode,
  BetweenNode,
  ComparisonNode,
  ComparisonOperator,
  ConditionNode,
  ExistsFunctionNode,
  FunctionNode,
  InNode,
  NotNode,
  OrNode,
  RawNode,
  ValueFunctionNode,
} from "./ast";
export { isAttributeValue, plainToAttributeValue } from "./attribute-value";
export type { ComparatorName } from "./comparators";
export {
  andExpressions,
  parenthesized,
  compileCondition,
  compileConditionNode,
  type ExpressionTarget,
  type ResolvedPath,
  schemalessTarget,
  type ValueUsage,
} from "./compile";
export {
  Condition,
  conditionNode,
  type ConditionGroupInit,
  type ConditionInit,
  type ConditionObject,
  isCondition,
  isRawCondition,
  type RawCondition,
} from "./condition";
export { topLevelConjuncts } from "./conjuncts";
export { formatDocumentPath, parseDocumentPath, type PathSegment } from "./path";
export { PlaceholderRegistry } from "./placeholders";
export { compileUpdate, type UpdateAction } from "./update";
