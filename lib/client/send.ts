// The only place that calls the SDK. Every DynamoDB call of every operation goes through `send`:
// middleware (instance first, then model), then the client, with `request`/`response` events.
import type { EventEmitter } from "eventemitter3";
import { COMMANDS, type OperationName } from "./operations";
import { scrubCredentials } from "./scrub";
import { skipNoOpLogWalk } from "./skip-log-walk";

/** What middleware sees and may change. */
export interface DynamoCall {
  operation: OperationName;
  input: object;
  /** The model name, when a model made the call. */
  model?: string;
  /** The table name. */
  table: string;
}

/** `next()` sends `call` as it is now and resolves with DynamoDB's output. */
export type Middleware = (call: DynamoCall, next: () => Promise<unknown>) => Promise<unknown>;

/** Anything with the SDK client's `send`: a `DynamoDB` or a `DynamoDBClient`. */
export interface SendingClient {
  send(command: unknown): Promise<unknown>;
}

export interface SendContext {
  client: SendingClient;
  middleware: readonly Middleware[];
  events: EventEmitter | undefined;
}

/** Emits only when someone listens; a listener that throws must never break the request it observes. */
export function emitSafely(events: EventEmitter | undefined, name: string, ...payload: unknown[]): void {
  if (!events || events.listenerCount(name) === 0) return;
  try {
    events.emit(name, ...payload);
  } catch {
    // Listeners observe; they cannot fail what they observe.
  }
}

/** Adds `model` and `operation` to a service error, so callers know where it came from. */
function annotate(error: unknown, call: DynamoCall): unknown {
  if (error instanceof Error) {
    const annotated = error as Error & { model?: string; operation?: string };
    annotated.model ??= call.model;
    annotated.operation ??= call.operation;
  }
  return error;
}

export async function send<Output = Record<string, unknown>>(
  context: SendContext,
  call: DynamoCall,
): Promise<Output> {
  const { client, middleware, events } = context;
  // The command classes differ only in their input type; the operation name chose the right one.
  const Command = COMMANDS[call.operation] as unknown as new (input: object) => unknown;
  const observed =
    events !== undefined && (events.listenerCount("request") > 0 || events.listenerCount("response") > 0);
  // Nobody listens: no payload copies, no timing (this is the hot path of every operation).
  const quietTransport = async (): Promise<unknown> => {
    try {
      return await client.send(skipNoOpLogWalk(new Command(call.input)));
    } catch (error) {
      scrubCredentials(error);
      throw annotate(error, call);
    }
  };
  const observedTransport = async (): Promise<unknown> => {
    const started = performance.now();
    // SPEC §9 lists durationMs for both events; on `request` nothing has been sent yet, so it is 0.
    emitSafely(events, "request", { ...call, durationMs: 0 });
    try {
      const output = await client.send(skipNoOpLogWalk(new Command(call.input)));
      emitSafely(events, "response", { ...call, output, durationMs: performance.now() - started });
      return output;
    } catch (error) {
      scrubCredentials(error);
      emitSafely(events, "response", { ...call, error, durationMs: performance.now() - started });
      throw annotate(error, call);
    }
  };
  const transport = observed ? observedTransport : quietTransport;
  if (middleware.length === 0) return (await transport()) as Output;
  const dispatch = (index: number): Promise<unknown> =>
    index === middleware.length ? transport() : middleware[index]!(call, () => dispatch(index + 1));
  try {
    return (await dispatch(0)) as Output;
  } catch (error) {
    throw annotate(error, call);
  }
}
