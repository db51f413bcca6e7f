// Model events (SPEC §9): emitted once per operation, after the fact. A listener that throws never
// breaks the request that caused the event. The emitting itself is the same as for the request/response
// events of client/send.ts, so it lives there, below this layer.
import { describeValue, InvalidParameter, InvalidParameterType } from "../errors";

export { emitSafely } from "../client/send";

export type ModelEventName = "save" | "delete" | "update" | "batchPut" | "batchDelete" | "error";

const MODEL_EVENTS: ReadonlySet<string> = new Set<ModelEventName>([
  "save",
  "delete",
  "update",
  "batchPut",
  "batchDelete",
  "error",
]);

/** Refuses an event no model emits: a listener of a misspelt `"sav"` would silently never be called. */
export function checkModelEvent(method: string, event: unknown): asserts event is ModelEventName {
  if (typeof event === "string" && MODEL_EVENTS.has(event)) return;
  const names = [...MODEL_EVENTS].map((name) => `"${name}"`).join(", ");
  throw new InvalidParameter(`${method}(): a model emits ${names} (got ${describeValue(event)}).`);
}

/** Refuses a listener that is not a function (eventemitter3 would throw a bare TypeError, or keep it). */
export function checkModelListener(method: string, event: unknown, listener: unknown): void {
  checkModelEvent(method, event);
  if (typeof listener === "function") return;
  throw new InvalidParameterType(
    `${method}("${event}", listener): the listener must be a function (got ${describeValue(listener)}).`,
  );
}
