// A table at run time: its full name, resolved options, the instance whose client it uses, the models
// stored in it, and its setup flow (setup.ts), run once. If setup fails, every pending and later request
// on the table rejects with that error, and nothing is left unhandled.
import type { AttributeValue, CreateTableCommandInput, TableDescription } from "@aws-sdk/client-dynamodb";
import type { OperationName } from "../client/operations";
import { send, type Middleware, type SendContext } from "../client/send";
import { OtherError } from "../errors";
import type { Instance } from "../instance";
import type { ModelRuntime } from "../model/runtime";
import type { CompiledSchema } from "../schema/compiled";
import { buildCreateTableInput } from "./definition";
import { isExpiredImage } from "./extra-attributes";
import type { ResolvedTableOptions } from "./options";
import { runSetup, setupCall } from "./setup";

export { resolveTableOptions, type ResolvedTableOptions, type TableOptions } from "./options";

/** The errors a setup flow failed with, and each model's copy of them (see `isSetupFailure`). */
const setupFailures = new WeakSet<object>();

/**
 * Whether `error` is a table's setup failure handed to a request, rather than the request's own. Shared by
 * the requests that meet it, it is never changed (a batch reports what it did not write on a copy), and a
 * batch does not retry it as its own throttling (a `DescribeTable` throttled at start-up fails the setup,
 * which a retry only reads again).
 */
export function isSetupFailure(error: unknown): boolean {
  return typeof error === "object" && error !== null && setupFailures.has(error);
}

/** An error's copy, of the same class and with the same own properties. */
export function copyOfError(error: Error): Error {
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
  Object.defineProperties(copy, Object.getOwnPropertyDescriptors(error));
  return copy;
}

/** The copies of a setup failure made for each model, so every request of one model gets the same error. */
const copiesForModels = new WeakMap<Error, Map<string, Error>>();

/**
 * A setup failure as one model's request sees it: a copy naming that model (one per model, so every
 * request of the model rejects with the same error). The flow's error is shared by every request waiting
 * on it, of any model in the table, so it is never changed; nor is this copy (see `isSetupFailure`).
 */
function forModel(error: unknown, model: string): unknown {
  if (!(error instanceof Error) || (error as Error & { model?: string }).model !== undefined) return error;
  let copies = copiesForModels.get(error);
  if (copies === undefined) copiesForModels.set(error, (copies = new Map()));
  let copy = copies.get(model);
  if (copy === undefined) {
    copy = copyOfError(error);
    (copy as Error & { model?: string }).model = model;
    setupFailures.add(copy);
    copies.set(model, copy);
  }
  return copy;
}

export class TableRuntime {
  /** The models stored in this table, in the order they were attached. */
  readonly members: ModelRuntime[] = [];
  #flow: Promise<void> | undefined;
  #running = false;
  /** The flow that last succeeded: once it is `#flow`, requests need not wait at all. */
  #succeeded: Promise<void> | undefined;

  constructor(
    readonly name: string,
    readonly options: ResolvedTableOptions,
    readonly instance: Instance,
  ) {}

  /** The compiled schemas of every model in the table (with the table's own attributes). */
  schemas(): readonly CompiledSchema[] {
    return this.members.flatMap((member) => member.compiled);
  }

  /** Client, middleware and events of the table's instance, plus a model's own middleware. */
  context(modelMiddleware: readonly Middleware[] = []): SendContext {
    const { instance } = this;
    return {
      client: instance.sender,
      middleware:
        modelMiddleware.length === 0 ? instance.middleware : [...instance.middleware, ...modelMiddleware],
      events: instance.events,
      converter: instance.aws.converter(),
    };
  }

  /** A call that is the table's own (setup, describe, backups, raw), not a model's; `signal` aborts it. */
  send<Output>(operation: OperationName, input: object, signal?: AbortSignal): Promise<Output> {
    // No converter: these calls carry no model items, and `raw()` input and output are the caller's own.
    const context: SendContext = { ...this.context(), converter: undefined };
    return send<Output>(context, { operation, input, table: this.name }, signal);
  }

  /**
   * Resolves when the table is usable: the setup flow runs once, on the first request. With
   * `initialize: false` it runs only when `initialize()` is called; until then every request rejects with
   * `OtherError` "Table X has not been initialized." (Dynamoose §3.4), and requests made while that flow
   * runs wait for it. `model` names the model whose request starts the flow: a setup failure carries it
   * as `model` (SPEC §8), as a failure of the request itself would.
   */
  ready(model?: string): Promise<void> {
    const flow = this.#flow ?? (this.options.initialize ? this.#start() : undefined);
    if (flow === undefined) {
      return Promise.reject(new OtherError(`Table ${this.name} has not been initialized.`));
    }
    // The setup's own calls are the table's (no model); its failure is that of the model's request.
    return model === undefined
      ? flow
      : flow.catch((error: unknown) => Promise.reject(forModel(error, model)));
  }

  /**
   * What a model's request must still wait for before it is sent: `undefined` only once a setup flow has
   * succeeded (no promise, no microtask hop on the hot path), else the flow or its refusal (which reject).
   * Without `model`, a table holding one model names that one on a setup failure.
   */
  pendingSetup(model?: string): Promise<void> | undefined {
    if (this.#flow !== undefined && this.#flow === this.#succeeded) return undefined;
    return this.ready(model ?? (this.members.length === 1 ? this.members[0]!.name : undefined));
  }

  /** Runs the setup flow now; rejects with `OtherError` while a flow is still running. */
  initialize(): Promise<void> {
    if (this.#running) return Promise.reject(new OtherError("Setup flow is already running."));
    return this.#start();
  }

  /** Forgets a finished flow, so the next request sets the table up again (after `delete()`). */
  reset(): void {
    if (!this.#running) this.#flow = undefined;
  }

  #start(): Promise<void> {
    this.#running = true;
    const flow: Promise<void> = runSetup(this).then(
      () => {
        this.#running = false;
        this.#succeeded = flow;
      },
      (error: unknown) => {
        this.#running = false;
        if (typeof error === "object" && error !== null) setupFailures.add(error);
        throw error;
      },
    );
    // Nobody may be waiting yet; the rejection is delivered to every request that awaits it.
    flow.catch(() => undefined);
    this.#flow = flow;
    return flow;
  }

  /** The CreateTable input the models' schemas and the table options call for. */
  createInput(): CreateTableCommandInput {
    const { throughput, tableClass, tags, streamOptions } = this.options;
    return buildCreateTableInput(this.name, this.schemas(), {
      throughput,
      tableClass,
      tags,
      streamOptions,
      readNeeds: this.readNeeds(),
    });
  }

  /**
   * Attributes every read of this table needs, whatever it projects: the entity attribute of a table of
   * several models (which model an item belongs to) and, with `returnExpired: false`, the TTL attribute
   * (whether it has expired). A read with `attributes` asks for them too and hides them again (read-needs.ts);
   * an index projecting some attributes includes them.
   */
  readNeeds(): readonly string[] {
    const { entityAttribute, expires } = this.options;
    const needs: string[] = [];
    if (entityAttribute !== undefined && this.members.length > 1) needs.push(entityAttribute);
    if (expires !== undefined && !expires.returnExpired) needs.push(expires.attribute);
    return needs;
  }

  async describe(): Promise<TableDescription | undefined> {
    const output = await setupCall<{ Table?: TableDescription }>(this, "DescribeTable", {
      TableName: this.name,
    });
    return output.Table;
  }

  /** With `returnExpired: false`, whether an item read from this table has expired and must be dropped. */
  hidesExpired(image: Record<string, AttributeValue>): boolean {
    const expires = this.options.expires;
    return expires !== undefined && !expires.returnExpired && isExpiredImage(image, expires.attribute);
  }
}
