// What the query planner reads from a Condition: its top-level AND-ed comparisons.
import { andNode, type ConditionNode, orNode } from "./ast";
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

/**
 * Dynamoose's reading of a query whose top level is an OR. There, `query("name").eq("Will").where("age")
 * .lt(2).or().where("age").gt(3)` sends `name = Will` as the key condition and `age < 2 OR age > 3` as the
 * filter: the key's eq is taken out of the expression and applies to all of it. (AND binds tighter, so the
 * expression itself says `(name = Will AND age < 2) OR age > 3`, which no query can run: every item a
 * query reads has the key it asks for.) `pick` chooses the key's eq among the conjuncts of one AND group
 * of the OR; the first group in which it chooses one gives it up, and the rest is the OR without it. A
 * group that is the eq alone (`age < 2 OR name = Will`) is never taken apart: nothing would be left of it.
 * Undefined when the top level is not an OR or no group has such an eq.
 *
 * @example
 * ```ts
 * liftFromTopLevelOr(new Condition("name").eq("W").where("age").lt(2).or().where("age").gt(3), pickNameEq);
 * // { lifted: name = W, rest: age < 2 OR age > 3 }
 * ```
 */
export function liftFromTopLevelOr(
  condition: Condition,
  pick: (group: readonly ConditionNode[]) => ConditionNode | undefined,
): { lifted: ConditionNode; rest: ConditionNode } | undefined {
  const root = conditionNode(condition);
  if (root?.kind !== "or") return undefined;
  for (const [position, child] of root.nodes.entries()) {
    if (child.kind !== "and") continue;
    const group: ConditionNode[] = [];
    collectConjuncts(child, group);
    const lifted = pick(group);
    if (lifted === undefined) continue;
    // By position, not identity: the same frozen node can appear twice (a condition grouped into itself).
    const at = group.indexOf(lifted);
    const remaining = andNode(group.filter((_node, index) => index !== at));
    const rest = orNode(
      root.nodes.map((node, index) => (index === position ? remaining : withoutRepeated(node, lifted))),
    );
    return { lifted, rest };
  }
  return undefined;
}

/**
 * The groups of a top-level OR that are one comparison alone (not an AND): the groups
 * {@link liftFromTopLevelOr} never takes apart. Empty when the top level is not an OR.
 *
 * @example
 * ```ts
 * loneGroupsOfTopLevelOr(new Condition("id").eq(1).or().where("x").eq(2).where("y").eq(3)); // [id = 1]
 * ```
 */
export function loneGroupsOfTopLevelOr(condition: Condition): ConditionNode[] {
  const root = conditionNode(condition);
  return root?.kind === "or" ? root.nodes.filter((node) => node.kind !== "and") : [];
}

/**
 * An AND group of the OR without the conjuncts that repeat the lifted eq: once the eq is the key condition,
 * it holds for every item read, so `id = a AND x OR id = a AND y` filters `x OR y` (a filter may not name
 * the key). Values are compared as primitives, Dates by time and binary values by bytes; anything else stays,
 * and is refused later.
 */
function withoutRepeated(node: ConditionNode, lifted: ConditionNode): ConditionNode {
  if (node.kind !== "and") return node;
  const group: ConditionNode[] = [];
  collectConjuncts(node, group);
  const kept = group.filter((conjunct) => !sameEq(conjunct, lifted));
  return kept.length === group.length || kept.length === 0 ? node : andNode(kept);
}

/** Whether two nodes are the same `path = value` comparison (values compared as {@link withoutRepeated} says). */
export function sameEq(a: ConditionNode, b: ConditionNode): boolean {
  if (a.kind !== "comparison" || b.kind !== "comparison" || a.op !== "=" || b.op !== "=") return false;
  if (a.size || b.size || a.path.length !== b.path.length) return false;
  if (!a.path.every((segment, index) => segment === b.path[index])) return false;
  if (a.value instanceof Date && b.value instanceof Date) return a.value.getTime() === b.value.getTime();
  if (a.value instanceof Uint8Array && b.value instanceof Uint8Array) {
    return Buffer.from(a.value.buffer, a.value.byteOffset, a.value.byteLength).equals(b.value);
  }
  return Object.is(a.value, b.value);
}
