// Model events (SPEC §9): emitted once per operation, after the fact. A listener that throws never
// breaks the request that caused the event.
import type EventEmitter from "eventemitter3";

export type ModelEventName = "save" | "delete" | "update" | "batchPut" | "batchDelete" | "error";

export function emitSafely(events: EventEmitter | undefined, name: string, ...payload: unknown[]): void {
  if (!events || events.listenerCount(name) === 0) return;
  try {
    events.emit(name, ...payload);
  } catch {
    // Listeners observe; they cannot fail the operation they observe.
  }
}
