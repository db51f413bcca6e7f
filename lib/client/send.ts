// The only place that calls the SDK. Every DynamoDB call of every operation goes through `send`:
// middleware (instance first, then model), then the client, with `request`/`response` events.
import { watchAttempts } from "./retried-attempts";
import type { EventEmitter } from "eventemitter3";
import { describeValue, InvalidParameterType, OtherError } from "../errors";
import { isCustomConverter, type Converter } from "./converter";
import { sendThroughConverter } from "./converter-bridge";
import { copyData } from "../copy-data";
import { valuesSettled } from "../pending-values";
import { checkOperationName, COMMANDS, type CommandClass, type OperationName } from "./operations";
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

/**
 * Refuses anything but a function as middleware when it is registered (`use()`): accepted, it would fail
 * every later request of the instance or model with a TypeError far from its cause.
 */
export function checkMiddleware(middleware: unknown): asserts middleware is Middleware {
  if (typeof middleware !== "function") {
    throw new InvalidParameterType(
      `use() needs a middleware function, (call, next) => Promise (got ${describeValue(middleware)}).`,
    );
  }
}

/** What the SDK's `send` takes after the command; dynamodel passes only `abortSignal` (see `send`). */
export interface SendOptions {
  abortSignal?: AbortSignal;
}

/** Anything with the SDK client's `send`: a `DynamoDB` or a `DynamoDBClient`. */
export interface SendingClient {
  send(command: unknown, options?: SendOptions): Promise<unknown>;
}

export interface SendContext {
  client: SendingClient;
  middleware: readonly Middleware[];
  events: EventEmitter | undefined;
  /**
   * The instance's converter, for calls that carry dynamodel's own items. Absent or the default: nothing
   * is converted. A table's own calls (setup, describe, `raw()`) leave it out: raw input is the caller's.
   */
  converter?: Converter | undefined;
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

/**
 * Adds `model` and `operation` to a service error, so callers know where it came from: to an Error, or to
 * the plain `{name, message}` object a client mock rejects with (a frozen one is left as it is).
 */
function annotate(error: unknown, call: DynamoCall): unknown {
  if (typeof error === "object" && error !== null && Object.isExtensible(error)) {
    const annotated = error as { model?: string; operation?: string };
    annotated.model ??= call.model;
    annotated.operation ??= call.operation;
  }
  return error;
}

/**
 * The command for `call` as it is when it goes out: a middleware may have changed `call.operation`
 * (SPEC §9: `next()` sends `call` as it is now), and the command must be the one its input is for.
 */
function commandOf(call: DynamoCall, input: object): unknown {
  checkOperationName(call.operation, "in call.operation, as a middleware left it");
  return skipNoOpLogWalk(new (COMMANDS[call.operation] as unknown as CommandClass)(input));
}

/**
 * Emits `request` or `response` to its listeners only, with a payload made for them: its own copy of the
 * call's input and output (copy-data.ts), so that listeners observe the call and can never change it.
 */
function emitCall(
  events: EventEmitter | undefined,
  name: "request" | "response",
  payload: () => object,
): void {
  if (events !== undefined && events.listenerCount(name) > 0) emitSafely(events, name, payload());
}

/** Only a call that can be aborted passes options: clients and mocks see the one-argument send otherwise. */
function sendCommand(
  client: SendingClient,
  command: unknown,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  if (signal === undefined) return client.send(command);
  watchAttempts(command, signal);
  return client.send(command, { abortSignal: signal });
}

/**
 * Sends `call` through the middleware, the converter and the client. `signal` aborts the SDK's request
 * (the table setup's deadline uses it, so a call that never answers does not hold the socket open).
 */
export async function send<Output = Record<string, unknown>>(
  context: SendContext,
  call: DynamoCall,
  signal?: AbortSignal,
): Promise<Output> {
  const { client, middleware, events, converter } = context;
  // A condition value from an asynchronous `set` is filled in when it settles (pending-values.ts); the
  // builders' callers wait for it before their `return: "request"` exits, and this makes sure of it for
  // every request that is sent.
  const settling = valuesSettled(call.input);
  if (settling !== undefined) await settling;
  const observed =
    events !== undefined && (events.listenerCount("request") > 0 || events.listenerCount("response") > 0);
  // Nobody listens: no payload copies, no timing (this is the hot path of every operation).
  // `input` is `call.input`, or its wire form when a custom converter re-encodes it (converter-bridge.ts).
  const quietTransport = async (input: object = call.input): Promise<unknown> => {
    try {
      return await sendCommand(client, commandOf(call, input), signal);
    } catch (error) {
      scrubCredentials(error);
      throw annotate(error, call);
    }
  };
  // Events report what DynamoDB really receives and returns: with a custom converter, the wire form.
  // Each event gets its own copies: what a listener does to them is not sent, nor read by the caller.
  const observedTransport = async (input: object = call.input): Promise<unknown> => {
    const command = commandOf(call, input); // an unknown operation is refused before it is reported
    const started = performance.now();
    // SPEC §9 lists durationMs for both events; on `request` nothing has been sent yet, so it is 0.
    emitCall(events, "request", () => ({ ...call, input: copyData(input), durationMs: 0 }));
    try {
      const output = await sendCommand(client, command, signal);
      const durationMs = performance.now() - started;
      emitCall(events, "response", () => ({
        ...call,
        input: copyData(input),
        output: copyData(output),
        durationMs,
      }));
      return output;
    } catch (error) {
      scrubCredentials(error);
      const durationMs = performance.now() - started;
      emitCall(events, "response", () => ({ ...call, input: copyData(input), error, durationMs }));
      throw annotate(error, call);
    }
  };
  const exchange = observed ? observedTransport : quietTransport;
  // The converter sits next to the wire, inside the middleware: middleware sees the same default form
  // with or without one, and what it adds to `call.input` is converted too.
  const transport = isCustomConverter(converter)
    ? () => sendThroughConverter(converter, call.operation, call.input, exchange)
    : exchange;
  if (middleware.length === 0) {
    try {
      return (await transport()) as Output;
    } catch (error) {
      throw annotate(error, call); // also a converter's failure, which happens before the exchange
    }
  }
  const dispatch = (index: number): Promise<unknown> =>
    index === middleware.length ? transport() : middleware[index]!(call, () => dispatch(index + 1));
  let output: unknown;
  try {
    output = await dispatch(0);
  } catch (error) {
    throw annotate(error, call);
  }
  // A middleware that answers without calling next() must answer as DynamoDB would: an object. Said
  // here, rather than as a TypeError deep in whatever reads the output.
  if (typeof output !== "object" || output === null) {
    throw annotate(
      new OtherError(
        `A middleware answered ${call.operation} with ${describeValue(output)}: a middleware must resolve ` +
          `with DynamoDB's output (what next() resolves with, or an object of its shape).`,
      ),
      call,
    );
  }
  return output as Output;
}
