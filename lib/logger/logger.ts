/**
 * The built-in logger (Dynamoose's `dynamoose-logger`, with no extra package): providers receive an event
 * per DynamoDB request and response of every Instance, and dynamodel's own warnings. No provider is
 * installed by default, and without one nothing is formatted or listened to.
 *
 * @example
 * ```ts
 * const logger = await dynamodel.logger();
 * logger.providers.add({ log: (event) => lines.push(event.category), filter: { category: "aws:dynamodb:*" } });
 * ```
 */
import { randomUUID } from "node:crypto";
import type EventEmitter from "eventemitter3";
import { passesFilter, type LogFilter, type LogLevel } from "./filter";
import { describeCall, describeResult, type CallEvent } from "./format";

export type { LogFilter, LogLevel };

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

/** Providers to install: objects with `log(event)`, or the global `console`. */
export type ProviderInput = LogProvider | readonly (LogProvider | Console)[];

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
    list(): LogProvider[];
  };
  pause(): void;
  resume(): void;
  status(): "active" | "paused";
}

let providers: LogProvider[] = [];
let paused = false;
/** The event emitters of every Instance, held weakly so an unused Instance can be collected. */
const emitters = new Set<WeakRef<EventEmitter>>();
let listening = false;

function consoleProvider(): LogProvider {
  return {
    id: randomUUID(),
    type: "string",
    log: (message) => console.log(message),
  };
}

function toProvider(entry: LogProvider | Console): LogProvider {
  if (entry === globalThis.console) return consoleProvider();
  const provider = entry as LogProvider;
  if (typeof provider?.log !== "function") throw new TypeError("A log provider needs a log(event) method.");
  provider.id ??= randomUUID();
  return provider;
}

const asList = <T>(value: T | readonly T[]): readonly T[] => (Array.isArray(value) ? value : [value as T]);

const onRequest = (call: CallEvent) =>
  emitLog("debug", `aws:dynamodb:${call.operation}:request`, describeCall(call), { request: call.input });
const onResponse = (call: CallEvent) => {
  const message = describeResult(call);
  // A failed call's payload is the error's summary, never the error object (it may hold the request).
  const payload =
    call.error === undefined ? { response: call.output } : { error: JSON.parse(message) as unknown };
  emitLog("debug", `aws:dynamodb:${call.operation}:response`, message, payload);
};

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

/** Called by every Instance: its calls are logged while the logger has providers. */
export function registerEmitter(events: EventEmitter): void {
  emitters.add(new WeakRef(events));
  if (listening) events.on("request", onRequest).on("response", onResponse);
}

/** Sends an event to every provider whose filter it passes. Cheap when there is none. */
export function emitLog(
  level: LogLevel,
  category: string,
  message: string,
  payload?: Record<string, unknown>,
): void {
  if (paused || providers.length === 0) return;
  let event: LogEvent | undefined;
  for (const provider of providers) {
    if (!passesFilter(provider.filter, level, category)) continue;
    event ??= {
      id: randomUUID(),
      timestamp: new Date(),
      level,
      category,
      message,
      metadata: {},
      ...(payload ? { payload } : {}),
    };
    try {
      provider.log(provider.type === "string" ? message : event);
    } catch {
      // A provider that throws must never break a request.
    }
  }
}

const api: LoggerApi = {
  providers: {
    set(next: ProviderInput | Console | null | undefined) {
      providers =
        next === null || next === undefined ? [] : asList<LogProvider | Console>(next).map(toProvider);
      updateListeners();
    },
    add(next: ProviderInput | Console) {
      providers = [...providers, ...asList<LogProvider | Console>(next).map(toProvider)];
      updateListeners();
    },
    delete(ids) {
      const removed = new Set(asList(ids));
      providers = providers.filter((provider) => !removed.has(provider.id!));
      updateListeners();
    },
    clear() {
      providers = [];
      updateListeners();
    },
    list: () => [...providers],
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
