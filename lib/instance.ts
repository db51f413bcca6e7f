/**
 * An Instance: one DynamoDB client, converter, model registry, middleware chain and event emitter.
 * `dynamodel` itself uses the default instance; `new Instance()` gives an independent one (another
 * region, account or endpoint in the same process).
 *
 * @example
 * ```ts
 * const eu = new dynamodel.Instance();
 * eu.aws.ddb.set(new DynamoDB({ region: "eu-west-1" }));
 * const Order = dynamodel.model("Order", { id: String });
 * new eu.Table("Orders", [Order]); // Order's requests now go to eu-west-1
 * ```
 */
import { DynamoDB } from "@aws-sdk/client-dynamodb";
import { convertToAttr, convertToNative, marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { EventEmitter } from "eventemitter3";
import type { Middleware, SendingClient } from "./client/send";
import { pool, type Pool } from "./concurrency/pool";
import { lock, type Lock, type LockOptions, type LockTable } from "./lock/lock";
import { registerEmitter } from "./logger/logger";
import { listTables, type ListTablesSettings, type TableNames } from "./table/list-tables";
import { tableClassFor, type TableClass } from "./table/table-class";

export interface Converter {
  marshall: typeof marshall;
  unmarshall: typeof unmarshall;
  convertToAttr: typeof convertToAttr;
  convertToNative: typeof convertToNative;
}

export interface DdbAccessor {
  /** The client in use (created lazily: region and credentials from the environment). */
  (): SendingClient;
  /** Uses `client` (a `DynamoDB` or a `DynamoDBClient`; only `send` is used). */
  set(client: SendingClient): void;
  /** Goes back to a default client. */
  revert(): void;
  /** Uses a new client for a local endpoint (default `http://localhost:8000`). */
  local(endpoint?: string): void;
  /** The SDK's aggregated client class. */
  readonly DynamoDB: typeof DynamoDB;
}

export interface ConverterAccessor {
  (): Converter;
  set(converter: Converter): void;
  revert(): void;
}

const defaultConverter: Converter = { marshall, unmarshall, convertToAttr, convertToNative };

export class Instance {
  readonly aws: { ddb: DdbAccessor; converter: ConverterAccessor };
  /** Emits `request` and `response` for every DynamoDB call made through this instance. */
  readonly events = new EventEmitter();
  /** Tables of this instance: `new instance.Table(name, models, options)`; `instance.Table.defaults`. */
  readonly Table: TableClass;
  readonly #middleware: Middleware[] = [];
  #client: SendingClient | undefined;
  #converter: Converter = defaultConverter;

  constructor() {
    const ddb = (() => (this.#client ??= new DynamoDB({}))) as DdbAccessor;
    ddb.set = (client) => {
      if (!client || typeof (client as { send?: unknown }).send !== "function") {
        throw new TypeError("aws.ddb.set() needs a DynamoDB client (an object with a send() method).");
      }
      this.#client = client;
    };
    ddb.revert = () => {
      this.#client = undefined;
    };
    ddb.local = (endpoint = "http://localhost:8000") => {
      this.#client = new DynamoDB({ endpoint });
    };
    Object.defineProperty(ddb, "DynamoDB", { value: DynamoDB });
    const converter = (() => this.#converter) as ConverterAccessor;
    converter.set = (value) => {
      this.#converter = value;
    };
    converter.revert = () => {
      this.#converter = defaultConverter;
    };
    this.aws = { ddb, converter };
    this.Table = tableClassFor(this);
    registerEmitter(this.events);
  }

  /**
   * One page of this instance's table names, and the `lastKey` to pass as `startAt` for the next.
   *
   * @example
   * ```ts
   * const page = await instance.listTables({ limit: 10 });
   * const next = page.lastKey ? await instance.listTables({ limit: 10, startAt: page.lastKey }) : [];
   * ```
   */
  listTables(settings: ListTablesSettings = {}): Promise<TableNames> {
    return listTables(this, settings);
  }

  /**
   * Acquires the distributed lock `name`, held as one item in `table` (a Table, a Model, or the name of
   * an existing table, reached through this instance's client). See `docs/concurrency-and-locks.md`.
   *
   * @example
   * ```ts
   * const lock = await instance.lock("Locks", "nightly-report", { leaseMs: 30_000, heartbeatMs: 10_000 });
   * try {
   *   await buildReport();
   * } finally {
   *   await lock.release();
   * }
   * ```
   */
  lock(table: LockTable, name: string, options: LockOptions): Promise<Lock> {
    return lock(this, table, name, options);
  }

  /**
   * A pool running at most `size` functions at once (the same as `dynamodel.pool`; pools belong to no
   * instance).
   *
   * @example
   * ```ts
   * const cats = await instance.pool(4).all(ids.map((id) => () => Cat.get(id)));
   * ```
   */
  pool(size: number): Pool {
    return pool(size);
  }

  /** Middleware around every DynamoDB call of this instance. Returns a function that removes it. */
  use(middleware: Middleware): () => void {
    this.#middleware.push(middleware);
    return () => {
      const index = this.#middleware.indexOf(middleware);
      if (index !== -1) this.#middleware.splice(index, 1);
    };
  }

  /** The instance's middleware, in registration order (read by the request pipeline). */
  get middleware(): readonly Middleware[] {
    return this.#middleware;
  }

  /** The default instance, used by `dynamodel.model()` and friends. */
  static readonly default: Instance = new Instance();
}
