// Type-level only: the fresh Condition a query's or scan's `group()` callback builds on, with attribute
// names checked against the model's paths as the builder's own `where()` checks them (SPEC §10). At run
// time it is a plain Condition. It extends Condition, so it can be passed wherever a Condition is taken
// (`(c) => helper(c)` with `helper(c: Condition)`), and a callback annotated `(c: Condition)` is accepted.
import type { Condition } from "../expressions/condition";
import type { ConditionObject } from "../expressions/condition-object";
import type { PathSegment } from "../expressions/path";
import type { RawCondition } from "../expressions/raw";

/** A Condition whose `where`/`filter`/`attribute` take the paths `P`, at every step of its chain. */
export interface PathCondition<P extends string> extends Condition {
  where(attribute: P | readonly PathSegment[]): PathCondition<P>;
  filter(attribute: P | readonly PathSegment[]): PathCondition<P>;
  attribute(attribute: P | readonly PathSegment[]): PathCondition<P>;
  eq(value: unknown): PathCondition<P>;
  ne(value: unknown): PathCondition<P>;
  lt(value: unknown): PathCondition<P>;
  le(value: unknown): PathCondition<P>;
  gt(value: unknown): PathCondition<P>;
  ge(value: unknown): PathCondition<P>;
  between(low: unknown, high: unknown): PathCondition<P>;
  between(...values: readonly unknown[]): PathCondition<P>;
  beginsWith(prefix: unknown): PathCondition<P>;
  contains(value: unknown): PathCondition<P>;
  exists(expected?: boolean): PathCondition<P>;
  in(values: readonly unknown[]): PathCondition<P>;
  size(): PathCondition<P>;
  not(): PathCondition<P>;
  and(): PathCondition<P>;
  or(): PathCondition<P>;
  group(group: PathGroupInit<P>): PathCondition<P>;
  parenthesis(group: PathGroupInit<P>): PathCondition<P>;
}

/** What a query's or scan's `group()` takes: a condition, or a function building one from a fresh one. */
export type PathGroupInit<P extends string> =
  Condition | RawCondition | ConditionObject | PathGroupFunction<P>;

/**
 * The callback form, declared through a method so that its parameter is checked bivariantly: a callback
 * written without a type gets a `PathCondition<P>` (names checked), and one annotated `(c: Condition)`, as
 * Dynamoose's typed code writes it, is still accepted.
 */
type PathGroupFunction<P extends string> = {
  build(fresh: PathCondition<P>): Condition;
}["build"];
