// What the query planner reads from a Condition: its top-level AND-ed comparisons.
import type { ConditionNode } from "./ast";
import { type Condition, conditionNode } from "./condition";

function collectConjuncts(node: ConditionNode, into: ConditionNode[]): void {
  if (node.kind === "and") for (const child of node.nodes) collectConjuncts(child, into);
  else into.push(node);
}

/**
 * The AND-ed nodes at the top of a condition, with nested AND groups flattened: what the query planner can
 * move into a key condition. Undefined when the top level is an OR (nothing can be moved then); an empty
 * array for an empty condition. Raw nodes are opaque: never treat one as a key condition.
 *
 * @example
 * ```ts
 * topLevelConjuncts(new Condition("id").eq(1).and().group((c) => c.where("sk").gt(2).where("x").eq(3)));
 * // [id = 1, sk > 2, x = 3]
 * topLevelConjuncts(new Condition("id").eq(1).or().where("id").eq(2)); // undefined
 * ```
 */
export function topLevelConjuncts(condition: Condition): ConditionNode[] | undefined {
  const root = conditionNode(condition);
  if (root === undefined) return [];
  if (root.kind === "or") return undefined;
  const conjuncts: ConditionNode[] = [];
  collectConjuncts(root, conjuncts);
  return conjuncts;
}
