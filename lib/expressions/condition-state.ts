// A Condition's state while it is being chained: the finished nodes grouped for AND/OR precedence, the
// attribute waiting for its comparator, and the pending not()/or() modifiers. Frozen at every step, so
// the Condition builder can share it between the conditions chained from one another.
import { andNode, type ConditionNode, orNode } from "./ast";
import { formatDocumentPath, parseDocumentPath, type PathSegment } from "./path";
import { describeValue, InvalidParameter } from "../errors";

/** An attribute named by `where()`, waiting for its comparator. */
export interface PendingAttribute {
  readonly path: readonly PathSegment[];
  /** `size()` was called: the comparator applies to `size(path)`. */
  readonly size: boolean;
}

export interface ConditionState {
  /** OR-separated groups of AND-ed nodes: `[[a, b], [c]]` is `(a AND b) OR c`, which is how AND binds tighter. */
  readonly groups: readonly (readonly ConditionNode[])[];
  readonly pending: PendingAttribute | undefined;
  /** An odd number of `not()` calls since the last comparator. */
  readonly negate: boolean;
  /** `or()` was called since the last comparator. */
  readonly joinWithOr: boolean;
  /** Made from a raw condition: later methods are ignored, as Dynamoose's Condition guide says. */
  readonly raw: boolean;
}

export const EMPTY_STATE: ConditionState = Object.freeze({
  groups: Object.freeze([]),
  pending: undefined,
  negate: false,
  joinWithOr: false,
  raw: false,
});

export function toPath(attribute: string | readonly PathSegment[]): readonly PathSegment[] {
  if (typeof attribute === "string") return parseDocumentPath(attribute);
  if (!Array.isArray(attribute)) {
    throw new InvalidParameter(
      `A condition needs an attribute name or path (got ${describeValue(attribute)}).`,
    );
  }
  return Object.freeze([...attribute]);
}

/** Adds a finished node: to the last AND group, or as a new OR branch after `or()`. Clears the modifiers. */
export function withNode(state: ConditionState, node: ConditionNode): ConditionState {
  const { groups } = state;
  const last = groups.at(-1);
  const nextGroups =
    last === undefined || state.joinWithOr
      ? [...groups, Object.freeze([node])]
      : [...groups.slice(0, -1), Object.freeze([...last, node])];
  return Object.freeze({
    groups: Object.freeze(nextGroups),
    pending: undefined,
    negate: false,
    joinWithOr: false,
    raw: false,
  });
}

/** An attribute waiting for its comparator, as error messages name it: `"age"`, or `size("tags")`. */
export function describePending(pending: PendingAttribute): string {
  const quoted = `"${formatDocumentPath(pending.path)}"`;
  return pending.size ? `size(${quoted})` : quoted;
}

/** The root of a condition's tree; any unfinished part is an InvalidParameter. */
export function finishedNode(state: ConditionState): ConditionNode | undefined {
  const { groups, pending, negate } = state;
  if (pending !== undefined) {
    // size() takes only comparisons: naming exists() there would point at a refused call.
    const next = pending.size
      ? "follow size() with eq(), gt() or another comparison"
      : "follow where() with eq(), gt(), exists() or another comparator";
    throw new InvalidParameter(`The condition on ${describePending(pending)} has no comparator: ${next}.`);
  }
  if (negate) throw new InvalidParameter("not() must be followed by a comparator or a group.");
  if (groups.length === 0) return undefined;
  return orNode(groups.map((group) => andNode(group)));
}
