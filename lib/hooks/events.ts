// Model events (SPEC §9): emitted once per operation, after the fact. A listener that throws never
// breaks the request that caused the event. The emitting itself is the same as for the request/response
// events of client/send.ts, so it lives there, below this layer.
export { emitSafely } from "../client/send";

export type ModelEventName = "save" | "delete" | "update" | "batchPut" | "batchDelete" | "error";
