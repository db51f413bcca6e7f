// Type-level only: the fresh Condition a query's or scan's `group()` callback builds on, with attribute
// names checked against the model's paths as the builder's own `where()` checks them (SPEC §10). At run
// time it is a plain Condition.
import type { Condition } from "../expressions/condition";
import type { ConditionObject } from "../expressions/condition-object";
import type { PathSegment } from "../expressions/path";
import type { RawCondition } from "../expressions/raw";

/** A Condition whose `where`/`filter`/`attribute` take the paths `P`, at every step of its chain. */
export type PathCondition<P extends string> = {
  [K in keyof Condition]: K extends "where" | "filter" | "attribute"
    ? (attribute: P | readonly PathSegment[]) => PathCondition<P>
    : K extends "group" | "parenthesis"
      ? { group(group: PathGroupInit<P>): PathCondition<P> }["group"] // bivariant, as a method
      : K extends "between"
        ? {
            (low: unknown, high: unknown): PathCondition<P>;
            (...values: readonly unknown[]): PathCondition<P>;
          }
        : Condition[K] extends (...args: infer A) => Condition
          ? (...args: A) => PathCondition<P>
          : Condition[K];
};

/** What a query's or scan's `group()` takes: a condition, or a function building one from a fresh one. */
export type PathGroupInit<P extends string> =
  Condition | RawCondition | ConditionObject | PathGroupFunction<P>;

/**
 * The callback form, declared through a method so that its parameter is checked bivariantly: a callback
 * written without a type gets a `PathCondition<P>` (names checked), and one annotated `(c: Condition)`, as
 * Dynamoose's typed code writes it, is still accepted.
 */
type PathGroupFunction<P extends string> = {
  build(fresh: PathCondition<P>): Condition | PathCondition<P>;
}["build"];
