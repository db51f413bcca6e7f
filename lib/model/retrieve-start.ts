// The entry points of `Model.query(init?)` and `Model.scan(init?)`: a builder over the model's runtime,
// starting from `new Condition(init)`.
import { Condition, type ConditionInit } from "../expressions/condition";
import { Query, Scan } from "./query-scan";
import type { ModelRuntime } from "./runtime";

const NO_SETTINGS = Object.freeze({});

/** `Model.query(init?)`. @example `startQuery(runtime, { owner: "ann" })` */
export function startQuery<T>(runtime: ModelRuntime, init?: ConditionInit): Query<T> {
  return new Query<T>({ runtime, kind: "query", condition: new Condition(init), settings: NO_SETTINGS });
}

/** `Model.scan(init?)`. @example `startScan(runtime, { age: { gt: 3 } })` */
export function startScan<T>(runtime: ModelRuntime, init?: ConditionInit): Scan<T> {
  return new Scan<T>({ runtime, kind: "scan", condition: new Condition(init), settings: NO_SETTINGS });
}
