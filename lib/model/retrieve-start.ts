// The entry points of `Model.query(init?)` and `Model.scan(init?)`: a builder over the model's runtime,
// starting from `new Condition(init)`.
import { InvalidFilterComparison } from "../errors";
import { Condition, type ConditionInit, withLaterMethodsJoined } from "../expressions/condition";
import { Query, Scan } from "./query-scan";
import type { ModelRuntime } from "./runtime";

const NO_SETTINGS = Object.freeze({});

/**
 * `new Condition(init)`; an unknown comparator's message names the operation, as Dynamoose's does. What is
 * chained on the builder is AND-ed to a raw `init` (a Condition made from a raw one ignores it).
 */
function initialCondition(init: ConditionInit | undefined, kind: "query" | "scan"): Condition {
  try {
    return withLaterMethodsJoined(new Condition(init));
  } catch (error) {
    if (error instanceof InvalidFilterComparison && error.message.endsWith(" is invalid.")) {
      throw new InvalidFilterComparison(`${error.message.slice(0, -1)} for the ${kind} operation.`);
    }
    throw error;
  }
}

/** `Model.query(init?)`. @example `startQuery(runtime, { owner: "ann" })` */
export function startQuery<T>(runtime: ModelRuntime, init?: ConditionInit): Query<T> {
  return new Query<T>({
    runtime,
    kind: "query",
    condition: initialCondition(init, "query"),
    settings: NO_SETTINGS,
  });
}

/** `Model.scan(init?)`. @example `startScan(runtime, { age: { gt: 3 } })` */
export function startScan<T>(runtime: ModelRuntime, init?: ConditionInit): Scan<T> {
  return new Scan<T>({
    runtime,
    kind: "scan",
    condition: initialCondition(init, "scan"),
    settings: NO_SETTINGS,
  });
}
