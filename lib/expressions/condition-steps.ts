// The Condition builder's steps as pure functions of its state: each takes the state a Condition holds
// and returns the next one (or throws), so condition.ts keeps only the public class and its chaining.
import { InvalidFilterComparison, InvalidParameter, InvalidParameterType } from "../errors";
import { type ConditionNode, notNode } from "./ast";
import { type ComparatorName, comparatorNode } from "./comparators";
import { type ConditionObject, objectConditionNodes } from "./condition-object";
import {
  type ConditionState,
  describePending,
  EMPTY_STATE,
  finishedNode,
  toPath,
  withNode,
} from "./condition-state";
import { isPlainObject } from "./is-plain-object";
import type { PathSegment } from "./path";
import { isRawCondition, type RawCondition, rawConditionNode } from "./raw";

/** The comparators Dynamoose gives no opposite, by the name its error uses. */
const NO_OPPOSITE = { between: "BETWEEN", in: "IN", beginsWith: "BEGINS_WITH" } as const;

/**
 * The state `new Condition(init)` starts from. `stateOfCondition` reads another Condition's state (the
 * class's private field), or gives undefined for anything that is not a Condition.
 */
export function initialState(
  init: string | RawCondition | ConditionObject | object | undefined,
  stateOfCondition: (value: unknown) => ConditionState | undefined,
): ConditionState {
  if (init === undefined || init === null) return EMPTY_STATE;
  if (typeof init === "string")
    return Object.freeze({ ...EMPTY_STATE, pending: { path: toPath(init), size: false } });
  const copied = stateOfCondition(init);
  if (copied !== undefined) return copied;
  if (isRawCondition(init))
    return Object.freeze({ ...withNode(EMPTY_STATE, rawConditionNode(init)), raw: true });
  if (isPlainObject(init)) {
    const nodes = objectConditionNodes(init);
    // Each key is its own AND-ed node, so later `.and()` comparisons join the same flat group.
    return nodes.length === 0
      ? EMPTY_STATE
      : Object.freeze({ ...EMPTY_STATE, groups: Object.freeze([Object.freeze(nodes)]) });
  }
  throw new InvalidParameterType(
    "A condition must be an attribute name, an object, a Condition or a raw condition " +
      `({ConditionExpression | FilterExpression, …}); got ${Array.isArray(init) ? "an array" : typeof init}.`,
  );
}

/** A comparator applied to the pending attribute. */
export function compared(
  state: ConditionState,
  comparator: ComparatorName,
  args: readonly unknown[],
): ConditionState {
  const { pending, negate } = state;
  if (pending === undefined) {
    throw new InvalidParameter(`${comparator}() needs an attribute first: call where("name") before it.`);
  }
  // DynamoDB could negate these with NOT (…), but Dynamoose documents them as having no opposite and
  // throwing after not(), and SPEC §12 lists no difference here; a negated group says the same thing.
  if (negate && comparator in NO_OPPOSITE) {
    const name = NO_OPPOSITE[comparator as keyof typeof NO_OPPOSITE];
    throw new InvalidFilterComparison(
      `${name} can not follow not() (it has no opposite comparison; negate a group instead: ` +
        `not().group((c) => c.where(…).${comparator}(…)))`,
    );
  }
  return withNode(
    state,
    comparatorNode({ path: pending.path, size: pending.size, negate }, comparator, args),
  );
}

/** `where()` and its aliases (`method`: the name the caller used, for the error). */
export function named(
  state: ConditionState,
  attribute: string | readonly PathSegment[],
  method: string,
): ConditionState {
  // A bare attribute is replaced (as in Dynamoose); a size() the caller asked for is not dropped silently.
  if (state.pending?.size) refuseUnfinished(state, method);
  // A not() before it is discarded, as Dynamoose documents (the class logs it): not() goes after where().
  return Object.freeze({ ...state, pending: { path: toPath(attribute), size: false }, negate: false });
}

/** `size()`: the next comparator compares the pending attribute's size. */
export function sized(state: ConditionState): ConditionState {
  const { pending } = state;
  if (pending === undefined)
    throw new InvalidParameter(`size() needs an attribute first: call where("name").`);
  return Object.freeze({ ...state, pending: { ...pending, size: true } });
}

/**
 * A join or group right after an attribute with no comparator: the attribute would be dropped, and the
 * rest joined to whatever came before it, a weaker (or, after `or()`, a different) condition than written.
 */
export function refuseUnfinished(state: ConditionState, method: string): void {
  const { pending } = state;
  if (pending === undefined) return;
  const comparators = pending.size
    ? "eq(), gt() or another comparison"
    : "eq(), gt(), exists() or another comparator";
  throw new InvalidParameter(
    `${method} cannot follow ${describePending(pending)} before it has a comparator: add ${comparators}.`,
  );
}

/**
 * `group()`: the inner condition's tree as one node, negated after `not()`; an empty group adds nothing
 * AND-ed, and is refused after `or()` or `not()`.
 * (The caller refuses an unfinished state first, before it builds the inner condition.)
 */
export function grouped(state: ConditionState, inner: ConditionState): ConditionState {
  const node: ConditionNode | undefined = finishedNode(inner);
  if (node === undefined) {
    // An empty group is "no condition": AND-ed it changes nothing, and is left out. After or() or not() it
    // would (every item, or none), and leaving it out would send another condition than the one written.
    if (state.negate || (state.joinWithOr && state.groups.length > 0)) {
      const after = state.negate ? "not()" : "or()";
      throw new InvalidParameter(
        `group() after ${after} was given an empty condition, which would leave the ${after} with nothing to apply to: give the group a comparison, or leave out the ${after}.`,
      );
    }
    return state;
  }
  return withNode(state, state.negate ? notNode(node) : node);
}
