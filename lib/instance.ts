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
import { EventEmitter } from "eventemitter3";
import { settingsAndCallback, withCallback, type Callback } from "./callbacks";
import { describeValue, InvalidParameterType } from "./errors";
import { checkConverter, defaultConverter, type Converter } from "./client/converter";
import { localClient } from "./client/local-client";
import { checkClient, sendingClientOf, type NamedMethodClient } from "./client/method-client";
import { checkMiddleware, type Middleware, type SendingClient } from "./client/send";
import { pool, type Pool } from "./concurrency/pool";
import { lock, type Lock, type LockOptions, type LockTable } from "./lock/lock";
import { registerEmitter } from "./logger/logger";
import { listTables, type ListTablesSettings, type TableNames } from "./table/list-tables";
import { tableClassFor, type TableClass } from "./table/table-class";

export type { Converter } from "./client/converter";

/**
 * The DynamoDB client of one Instance (`instance.aws.ddb`): call it for the client in use, or change it
 * with `set()`, `local()` and `revert()`. Each Instance has its own; setting one leaves the others alone.
 *
 * @example
 * ```ts
 * dynamodel.aws.ddb.set(new DynamoDBClient({ region: "eu-west-1" }));
 * dynamodel.aws.ddb.local(); // DynamoDB Local at http://localhost:8000
 * const client = dynamodel.aws.ddb(); // a DynamoDB
 * ```
 */
export interface DdbAccessor {
  /**
   * The client in use: the one given to `set()`, as it was given, or a `DynamoDB` created lazily (region and
   * credentials from the environment). Typed as a `DynamoDB`, as in Dynamoose; a bare `DynamoDBClient` set
   * has only `send`.
   *
   * @example
   * ```ts
   * await dynamodel.aws.ddb().putItem({ TableName: "Cats", Item: { id: { N: "1" } } });
   * ```
   */
  (): DynamoDB;
  /**
   * Uses `client`: a `DynamoDB` or a `DynamoDBClient` (dynamodel sends through `send`), or, for tests
   * written for Dynamoose, an object of DynamoDB's named methods (`getItem`, `putItem` …). Named methods a
   * client holds itself (a mock, `jest.spyOn(ddb, "getItem")`) answer their calls instead of `send`.
   *
   * @example
   * ```ts
   * dynamodel.aws.ddb.set({ getItem: async () => ({ Item: { id: { N: "1" } } }) });
   * ```
   */
  set(client: SendingClient | NamedMethodClient): void;
  /** Goes back to a default client. */
  revert(): void;
  /** Uses a new client for a local endpoint (default `http://localhost:8000`). */
  local(endpoint?: string | URL): void;
  /** The SDK's aggregated client class. */
  readonly DynamoDB: typeof DynamoDB;
}

/**
 * The converter of one Instance: the functions that turn items into DynamoDB's AttributeValues and back.
 * dynamodel converts items itself; a converter set here re-encodes every item, key and expression value
 * of this instance's requests with its `marshall` and decodes every response with its `unmarshall`.
 * Other instances keep their own (Dynamoose has one converter for all).
 *
 * @example
 * ```ts
 * let reads = 0;
 * const defaults = instance.aws.converter();
 * instance.aws.converter.set({
 *   ...defaults,
 *   unmarshall: (image, options) => {
 *     reads += 1; // every item and key this instance receives
 *     return defaults.unmarshall(image, options);
 *   },
 * });
 * instance.aws.converter.revert(); // the defaults again
 * ```
 */
export interface ConverterAccessor {
  /** The converter in use (`@aws-sdk/util-dynamodb`'s functions until one is set). */
  (): Converter;
  /**
   * Uses `converter` for this instance's requests; it must have `marshall`, `unmarshall`,
   * `convertToAttr` and `convertToNative` (else `InvalidParameterType`, naming what is missing).
   */
  set(converter: Converter): void;
  /** Goes back to `@aws-sdk/util-dynamodb`'s functions (nothing is converted any more). */
  revert(): void;
}

/**
 * An independent dynamodel: its own DynamoDB client and converter (`aws`), Table class and defaults,
 * middleware (`use`) and `events`. A model's requests go through the Instance of its table; a model in no
 * Table uses `Instance.default`, the one behind `dynamodel` itself. See `docs/instances-and-connections.md`.
 *
 * @example
 * ```ts
 * const archive = new dynamodel.Instance();
 * archive.aws.ddb.set(new DynamoDBClient({ region: "us-west-2" }));
 * const Order = dynamodel.model("Order", { id: String, total: Number });
 * new archive.Table("Orders", [Order]); // Order's requests go to us-west-2, through archive's middleware
 * ```
 */
export class Instance {
  /**
   * This instance's AWS connection: `ddb`, the DynamoDB client its requests go to, and `converter`, the
   * functions that turn items into AttributeValues and back.
   *
   * @example
   * ```ts
   * instance.aws.ddb.local("http://localhost:8001");
   * const { marshall } = instance.aws.converter();
   * ```
   */
  readonly aws: {
    /**
     * The DynamoDB client: `ddb()` returns the one in use; `ddb.set(client)`, `ddb.local(endpoint?)` and
     * `ddb.revert()` change it for this instance only.
     *
     * @example
     * ```ts
     * instance.aws.ddb.set(new DynamoDB({ region: "eu-west-1" }));
     * ```
     */
    ddb: DdbAccessor;
    /**
     * The converter: `converter()` returns the one in use (`@aws-sdk/util-dynamodb`'s functions until one
     * is set); `converter.set(converter)` and `converter.revert()` change it for this instance only.
     *
     * @example
     * ```ts
     * const { marshall } = instance.aws.converter();
     * marshall({ id: 1 }); // { id: { N: "1" } }
     * ```
     */
    converter: ConverterAccessor;
  };
  /** Emits `request` and `response` for every DynamoDB call made through this instance. */
  readonly events = new EventEmitter();
  /** Tables of this instance: `new instance.Table(name, models, options)`; `instance.Table.defaults`. */
  readonly Table: TableClass;
  // Replaced, never changed in place: a call in flight keeps walking the chain it started with
  // (Table.context hands this array to the pipeline without a copy).
  #middleware: readonly Middleware[] = [];
  /** The client in use, as `aws.ddb()` returns it: the one set, or the default one. */
  #client: DynamoDB | undefined;
  /** What requests go through: the client in use, or a named method put on it (client/method-client.ts). */
  #sender: SendingClient | undefined;
  #converter: Converter = defaultConverter;

  constructor() {
    const ddb = (() => (this.#client ??= new DynamoDB({}))) as DdbAccessor;
    ddb.set = (client) => {
      checkClient(client);
      // Returned by ddb() as it was given, as Dynamoose does: a DynamoDB, a bare DynamoDBClient (typed as a
      // DynamoDB, as in Dynamoose, though it has only `send`), or an object of named methods (a mock).
      this.#client = client as DynamoDB;
      this.#sender = undefined;
    };
    ddb.revert = () => {
      this.#client = undefined;
      this.#sender = undefined;
    };
    ddb.local = (endpoint = "http://localhost:8000") => {
      this.#client = localClient(checkedEndpoint(endpoint));
      this.#sender = undefined;
    };
    Object.defineProperty(ddb, "DynamoDB", { value: DynamoDB });
    const converter = (() => this.#converter) as ConverterAccessor;
    converter.set = (value) => {
      this.#converter = checkConverter(value);
    };
    converter.revert = () => {
      this.#converter = defaultConverter;
    };
    this.aws = { ddb, converter };
    // Another instance's tables follow the default instance's Table.defaults until it sets its own.
    this.Table = tableClassFor(this, () =>
      Instance.default === undefined || Instance.default === this
        ? undefined
        : Instance.default.Table.defaults.get(),
    );
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
  listTables(settings?: ListTablesSettings): Promise<TableNames>;
  listTables(callback: Callback<TableNames>): undefined;
  listTables(settings: ListTablesSettings, callback: Callback<TableNames>): undefined;
  listTables(
    first?: ListTablesSettings | Callback<TableNames>,
    second?: Callback<TableNames>,
  ): Promise<TableNames> | undefined {
    const [settings, callback] = settingsAndCallback<ListTablesSettings>(
      first as ListTablesSettings | Callback<unknown> | undefined,
      second,
    );
    return withCallback(listTables(this, settings ?? {}), callback as Callback<TableNames> | undefined);
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

  /**
   * Middleware around every DynamoDB call of this instance. Returns a function that removes it.
   *
   * @example
   * ```ts
   * const remove = instance.use(async (call, next) => {
   *   console.log(call.operation, call.table);
   *   return next();
   * });
   * remove();
   * ```
   */
  use(middleware: Middleware): () => void {
    checkMiddleware(middleware);
    this.#middleware = [...this.#middleware, middleware];
    return () => {
      const index = this.#middleware.indexOf(middleware);
      if (index !== -1) this.#middleware = this.#middleware.toSpliced(index, 1);
    };
  }

  /**
   * The client the request pipeline sends through: `aws.ddb()`, whose named methods the caller replaced
   * or supplied (a mock, a spy) answer their calls (client/method-client.ts).
   */
  get sender(): SendingClient {
    return (this.#sender ??= sendingClientOf(this.aws.ddb()));
  }

  /** The instance's middleware, in registration order (read by the request pipeline). */
  get middleware(): readonly Middleware[] {
    return this.#middleware;
  }

  /** The default instance, used by `dynamodel.model()` and friends. */
  static readonly default: Instance = new Instance();
}

/**
 * An endpoint for `aws.ddb.local()`: an http(s) URL, as a string or a `URL`. Anything else is refused where it is given: an empty
 * one (`local(process.env.DYNAMODB_ENDPOINT)` with the variable set but empty) would otherwise send every
 * request to DynamoDB in AWS, the opposite of what was asked.
 */
function checkedEndpoint(endpoint: unknown): string {
  let url: URL | undefined;
  try {
    url = endpoint instanceof URL ? endpoint : typeof endpoint === "string" ? new URL(endpoint) : undefined;
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new InvalidParameterType(
      `aws.ddb.local() needs an http(s) URL such as "http://localhost:8000" (got ${describeValue(endpoint)}).`,
    );
  }
  return typeof endpoint === "string" ? endpoint : url.href;
}
