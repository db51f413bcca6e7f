/**
 * The built-in logger (Dynamoose's `dynamoose-logger`, with no extra package): providers receive an event
 * per DynamoDB request and response of every Instance, and dynamodel's own warnings. No provider is
 * installed by default, and without one nothing is formatted or listened to.
 *
 * @example
 * ```ts
 * const logger = await dynamodel.logger();
 * logger.providers.add({ log: (event) => lines.push(event.category), filter: { category: "aws:dynamodb:**" } });
 * ```
 */
import { randomUUID } from "node:crypto";
import type { EventEmitter } from "eventemitter3";
import { describeValue as describeGiven, InvalidParameterType } from "../errors";
import { checkFilter, passesFilter, type LogFilter, type LogLevel } from "./filter";
import { describeValue, methodName, summarizeError, type CallEvent } from "./format";

export type { LogFilter, LogLevel };

/** A log event, shaped as Dynamoose's. */
export interface LogEvent {
  readonly id: string;
  readonly timestamp: Date;
  readonly level: LogLevel;
  readonly category: string;
  readonly message: string;
  readonly metadata: Record<string, unknown>;
  readonly payload?: Record<string, unknown>;
}

/** A log destination. `type: "string"` receives only the message. */
export interface LogProvider {
  id?: string;
  type?: "object" | "string";
  filter?: LogFilter;
  log(event: LogEvent | string): void;
}

/**
 * Dynamoose's wrapped form: a provider with the filter beside it, `{provider: {log}, filter: {level: "error"}}`.
 */
export interface WrappedLogProvider {
  id?: string;
  type?: "object" | "string";
  filter?: LogFilter;
  provider: Pick<LogProvider, "log" | "type">;
}

/** Providers to install: objects with `log(event)` (or wrapped as Dynamoose wraps them), or `console`. */
export type ProviderInput =
  LogProvider | WrappedLogProvider | readonly (LogProvider | WrappedLogProvider | Console)[];

export interface LoggerApi {
  providers: {
    /** Replaces every provider (`null` removes all). */
    // Plain providers first: their `log(message)` then gets its parameter type from context.
    set(providers: LogProvider | readonly LogProvider[] | null | undefined): void;
    set(providers: Console | ProviderInput): void;
    add(providers: LogProvider | readonly LogProvider[]): void;
    add(providers: Console | ProviderInput): void;
    /** Removes providers by id. */
    delete(ids: string | readonly string[]): void;
    clear(): void;
    /** The installed providers, each as it was given (a wrapped one as the wrapper; `console` as its provider). */
    list(): (LogProvider | WrappedLogProvider)[];
  };
  pause(): void;
  resume(): void;
  status(): "active" | "paused";
}

/** What was given (listed as given, as Dynamoose lists it) and the provider that logs for it. */
interface Installed {
  readonly given: LogProvider | WrappedLogProvider;
  readonly provider: LogProvider;
  /** The id `providers.delete()` takes: the one given, or a new one (also set on what was given, if it can). */
  readonly id: string;
}

/**
 * The provider's id: its own, or a new one, which is set on `given` as Dynamoose sets it, so the caller
 * can read it back, unless `given` cannot take it (frozen, a module namespace).
 */
function idOf(given: { id?: string }): string {
  if (given.id !== undefined) return given.id;
  const id = randomUUID();
  if (Object.isExtensible(given)) given.id = id;
  return id;
}

let providers: Installed[] = [];
let paused = false;
/** The event emitters of every Instance, held weakly so an unused Instance can be collected. */
const emitters = new Set<WeakRef<EventEmitter>>();
let listening = false;

/** Dynamoose's console provider: `<category> - <message>`, through the console method of the level. */
function consoleProvider(): LogProvider {
  return {
    id: randomUUID(),
    log(entry) {
      const { level, category, message } = entry as LogEvent;
      const line = category ? `${category} - ${message}` : message;
      if (level === "fatal" || level === "error") console.error(line);
      else if (level === "warn") console.warn(line);
      else if (level === "info") console.info(line);
      else console.log(line);
    },
  };
}

function toProvider(entry: LogProvider | WrappedLogProvider | Console): Installed {
  if (entry === globalThis.console) {
    const provider = consoleProvider();
    return { given: provider, provider, id: idOf(provider) };
  }
  // An object, or a class or function with a static log(), as Dynamoose only asks for `provider.log`.
  if ((typeof entry !== "object" && typeof entry !== "function") || entry === null) {
    throw new InvalidParameterType(
      `A log provider must be an object with a log(event) method (got ${describeGiven(entry)}).`,
    );
  }
  const wrapped = entry as Partial<WrappedLogProvider> & { log?: unknown };
  if (wrapped.log === undefined && typeof wrapped.provider?.log === "function") {
    // Dynamoose's `{provider, filter}`: the filter (and id, type) beside the object that logs.
    checkFilter(wrapped.filter);
    const inner = wrapped.provider;
    const id = idOf(wrapped);
    const provider: LogProvider = {
      id,
      type: wrapped.type ?? inner.type,
      filter: wrapped.filter,
      log: (event) => inner.log(event),
    };
    return { given: wrapped as WrappedLogProvider, provider, id };
  }
  const provider = entry as LogProvider;
  if (typeof provider?.log !== "function") {
    throw new InvalidParameterType(`A log provider needs a log(event) method (got ${describeGiven(entry)}).`);
  }
  checkFilter(provider.filter);
  return { given: provider, provider, id: idOf(provider) };
}

const asList = <T>(value: T | readonly T[]): readonly T[] => (Array.isArray(value) ? value : [value as T]);

// As Dynamoose: `aws:dynamodb:<method>:request` / `:response`, the message the request or response as
// 4-space JSON, the payload `{request}` / `{response}`. A failed call (Dynamoose logs nothing after the
// request) gives `aws:dynamodb:<method>:error` with the error's summary, never the error object (it may
// hold the request and the client's configuration).
const onRequest = (call: CallEvent) =>
  emitLog("debug", `aws:dynamodb:${methodName(call.operation)}:request`, () => describeValue(call.input), {
    request: call.input,
  });
const onResponse = (call: CallEvent) => {
  const method = methodName(call.operation);
  if (call.error === undefined) {
    emitLog("debug", `aws:dynamodb:${method}:response`, () => describeValue(call.output), {
      response: call.output,
    });
    return;
  }
  const error = summarizeError(call.error);
  emitLog("debug", `aws:dynamodb:${method}:error`, () => describeValue(error), { error });
};

/** How many Instances' emitters the logger holds references to, collected ones included (for tests). */
export function registeredEmitterCount(): number {
  return emitters.size;
}

/** Listens to every Instance's calls only while a provider may receive them. */
function updateListeners(): void {
  const wanted = providers.length > 0 && !paused;
  if (wanted === listening) return;
  listening = wanted;
  for (const ref of emitters) {
    const events = ref.deref();
    if (!events) emitters.delete(ref);
    else if (wanted) events.on("request", onRequest).on("response", onResponse);
    else events.off("request", onRequest).off("response", onResponse);
  }
}

/**
 * The set's size at which `registerEmitter` next drops the references of collected Instances: twice the size
 * left by the last sweep, so a process making an Instance per tenant or request keeps a bounded set, at an
 * amortised constant cost per Instance.
 */
let sweepAt = 64;

/** Called by every Instance: its calls are logged while the logger has providers. */
export function registerEmitter(events: EventEmitter): void {
  if (emitters.size >= sweepAt) {
    for (const ref of emitters) if (ref.deref() === undefined) emitters.delete(ref);
    sweepAt = Math.max(64, emitters.size * 2);
  }
  emitters.add(new WeakRef(events));
  if (listening) events.on("request", onRequest).on("response", onResponse);
}

/**
 * Sends an event to every provider whose filter it passes. Cheap when there is none: the message may be
 * a function, called only once some provider takes the event.
 */
export function emitLog(
  level: LogLevel,
  category: string,
  message: string | (() => string),
  payload?: Record<string, unknown>,
): void {
  if (paused || providers.length === 0) return;
  let event: LogEvent | undefined;
  for (const { provider } of providers) {
    // Neither a provider that throws nor a filter changed since it was checked (read on every event, as
    // Dynamoose reads it) may break a request, or keep the event from the providers after it.
    try {
      if (!passesFilter(provider.filter, level, category)) continue;
      // Dynamoose's event shape and key order: {id, timestamp, metadata, level, category, message, payload}.
      event ??= {
        id: randomUUID(),
        timestamp: new Date(),
        metadata: {},
        level,
        category,
        message: typeof message === "string" ? message : message(),
        ...(payload ? { payload } : {}),
      };
      provider.log(provider.type === "string" ? event.message : event);
    } catch {
      // Skipped: logging never fails a request.
    }
  }
}

const api: LoggerApi = {
  providers: {
    set(next: ProviderInput | Console | null | undefined) {
      providers =
        next === null || next === undefined
          ? []
          : asList<LogProvider | WrappedLogProvider | Console>(next).map(toProvider);
      updateListeners();
    },
    add(next: ProviderInput | Console) {
      providers = [...providers, ...asList<LogProvider | WrappedLogProvider | Console>(next).map(toProvider)];
      updateListeners();
    },
    delete(ids) {
      const removed = new Set(asList(ids));
      providers = providers.filter(({ id }) => !removed.has(id));
      updateListeners();
    },
    clear() {
      providers = [];
      updateListeners();
    },
    list: () => providers.map(({ given }) => given),
  },
  pause() {
    paused = true;
    updateListeners();
  },
  resume() {
    paused = false;
    updateListeners();
  },
  status: () => (paused ? "paused" : "active"),
};

/**
 * `await dynamodel.logger()`: the logger's providers, pause, resume and status (as in Dynamoose, where
 * this needs the `dynamoose-logger` package; here it is built in).
 *
 * @example
 * ```ts
 * (await dynamodel.logger()).providers.set(console);
 * ```
 */
export async function logger(): Promise<LoggerApi> {
  return api;
}
