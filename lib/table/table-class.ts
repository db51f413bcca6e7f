/**
 * `new dynamodel.Table(name, models, options?)`: one DynamoDB table holding one or more models
 * (single-table design), with its setup flow, backups and raw access. `new instance.Table(...)` makes a
 * table on another Instance (its client, middleware and events).
 *
 * @example
 * ```ts
 * const Cat = dynamodel.model("Cat", { pk: String, sk: String, name: String });
 * const Dog = dynamodel.model("Dog", { pk: String, sk: String, breed: String });
 * const pets = new dynamodel.Table("Pets", [Cat, Dog], { entityAttribute: "_type", throughput: "ON_DEMAND" });
 * await pets.initialize();
 * ```
 */
import type {
  BackupDescription,
  BackupDetails,
  CreateTableCommandInput,
  TableDescription,
} from "@aws-sdk/client-dynamodb";
import { asCallback, nullOnly, settingsAndCallback, withCallback, type Callback } from "../callbacks";
import { checkOperationName, type OperationName } from "../client/operations";
import { describeValue, InvalidParameter, InvalidParameterType } from "../errors";
import type { Instance } from "../instance";
import { modelRuntimeOf, type ModelRuntime } from "../model/runtime";
import { checkMembersShareKeys, prepareAttach, registerNamedTable } from "./binding";
import { checkCreatable } from "./definition";
import { checkOptions, wantsRequest } from "../operations/options";
import { checkTableOptionNames } from "./option-names";
import { setupCall } from "./setup";
import { resolveTableOptions, type TableOptions } from "./options";
import { TableRuntime } from "./table";

const runtimes = new WeakMap<Table, TableRuntime>();
const publicTables = new WeakMap<TableRuntime, Table>();
const boundInstances = new WeakMap<object, Instance>();

function runtimeOf(table: Table): TableRuntime {
  const runtime = runtimes.get(table);
  if (!runtime) throw new TypeError("Not a dynamodel table.");
  return runtime;
}

function modelRuntimes(models: unknown): ModelRuntime[] {
  if (models === undefined || models === null)
    throw new InvalidParameter("Models must be passed into table constructor.");
  if (!Array.isArray(models) || models.length === 0) {
    throw new InvalidParameterType("Models passed into table constructor should be an array of models.");
  }
  return models.map((model: unknown) => {
    try {
      return modelRuntimeOf(model as object);
    } catch {
      throw new InvalidParameterType("Models passed into table constructor should be an array of models.");
    }
  });
}

export interface CreateSettings {
  /** `"request"`: resolve with the CreateTable input instead of sending it. */
  return?: "request";
}

export class Table {
  constructor(name: string, models: readonly object[], options: TableOptions = {}) {
    const instance = boundInstances.get(new.target);
    if (!instance) throw new TypeError("Use dynamodel.Table or instance.Table.");
    if (name === undefined || name === null || name === "")
      throw new InvalidParameter("Name must be passed into table constructor.");
    if (typeof name !== "string")
      throw new InvalidParameterType("Name passed into table constructor should be of type string.");
    const members = modelRuntimes(models);
    // As Dynamoose refuses it (the second is "already assigned"); kept, its items would be read twice.
    const repeated = members.find((member, index) => members.indexOf(member) !== index);
    if (repeated !== undefined) {
      throw new InvalidParameter(`Model ${repeated.name} is given to the table twice.`);
    }
    checkMembersShareKeys(members);
    const resolved = resolveTableOptions(options, instance.Table.defaults.get());
    const runtime = new TableRuntime(`${resolved.prefix}${name}${resolved.suffix}`, resolved, instance);
    const joins = members.map((member) => prepareAttach(member, runtime));
    for (const join of joins) join();
    registerNamedTable(runtime);
    runtimes.set(this, runtime);
    publicTables.set(runtime, this);
  }

  /** The table's full name (prefix + name + suffix). */
  get name(): string {
    return runtimeOf(this).name;
  }

  /** The hash key attribute shared by the table's models. */
  get hashKey(): string {
    return runtimeOf(this).members[0]!.compiled[0]!.hashKey;
  }

  /** The range key attribute, if the table has one. */
  get rangeKey(): string | undefined {
    return runtimeOf(this).members.find((member) => member.compiled[0]!.rangeKey !== undefined)?.compiled[0]!
      .rangeKey;
  }

  /**
   * Sends CreateTable (or, with `{return: "request"}`, resolves with its input). With a callback, calls it
   * with `(error, request)` or `(error)` and returns undefined.
   *
   * @example
   * ```ts
   * const request = await table.create({ return: "request" }); // CreateTableCommandInput, nothing sent
   * table.create({ return: "request" }, (error, input) => console.log(input?.TableName));
   * ```
   */
  create(settings: CreateSettings & { return: "request" }): Promise<CreateTableCommandInput>;
  create(settings?: CreateSettings): Promise<void>;
  create(
    settings: CreateSettings & { return: "request" },
    callback: Callback<CreateTableCommandInput>,
  ): undefined;
  create(callback: Callback<void>): undefined;
  create(settings: CreateSettings, callback: Callback<void>): undefined;
  create(first?: CreateSettings | Callback<never>, second?: Callback<never>): Promise<unknown> | undefined {
    const [settings, callback] = settingsAndCallback<CreateSettings>(
      typeof first === "function" ? asCallback(first) : first,
      second,
    );
    const runtime = runtimeOf(this);
    const work = Promise.resolve().then(async () => {
      // A misspelt option (`{retrun: "request"}`) must not create the table it meant to show.
      const checked = checkOptions(settings, ["return"], "table.create");
      const input = runtime.createInput();
      if (wantsRequest(checked, "table.create")) return input;
      checkCreatable(input);
      await setupCall(runtime, "CreateTable", input);
      return undefined;
    });
    return withCallback(work, callback);
  }

  /**
   * Runs the setup flow (create, wait for ACTIVE, TTL, update) now; `OtherError` while one is running.
   * Without it, the flow runs on the table's first request; with `initialize: false` it runs only here,
   * and requests made before reject with `OtherError` "Table X has not been initialized.".
   */
  initialize(): Promise<void>;
  initialize(callback: Callback<void>): undefined;
  initialize(callback?: Callback<void>): Promise<void> | undefined {
    return withCallback(runtimeOf(this).initialize(), callback, nullOnly);
  }

  /** DescribeTable's description of the table. Like every async method, takes a trailing callback. */
  describe(): Promise<TableDescription | undefined>;
  describe(callback: Callback<TableDescription | undefined>): undefined;
  describe(
    callback?: Callback<TableDescription | undefined>,
  ): Promise<TableDescription | undefined> | undefined {
    return withCallback(runtimeOf(this).describe(), callback);
  }

  /** Deletes the table. A later request on it runs the setup flow again (creating it, by default). */
  delete(): Promise<void>;
  delete(callback: Callback<void>): undefined;
  delete(callback?: Callback<void>): Promise<void> | undefined {
    const runtime = runtimeOf(this);
    const work = setupCall(runtime, "DeleteTable", { TableName: runtime.name }).then(() => runtime.reset());
    return withCallback(work, callback);
  }

  /** Starts an on-demand backup (CreateBackup); resolves with its details (`BackupArn` …). */
  backup(name: string): Promise<BackupDetails | undefined>;
  backup(name: string, callback: Callback<BackupDetails | undefined>): undefined;
  backup(
    name: string,
    callback?: Callback<BackupDetails | undefined>,
  ): Promise<BackupDetails | undefined> | undefined {
    const runtime = runtimeOf(this);
    const work = Promise.resolve().then(async () => {
      if (typeof name !== "string" || name === "") throw new InvalidParameter("A backup needs a name.");
      const output = await setupCall<{ BackupDetails?: BackupDetails }>(runtime, "CreateBackup", {
        TableName: runtime.name,
        BackupName: name,
      });
      return output.BackupDetails;
    });
    return withCallback(work, callback);
  }

  /** DescribeBackup for `arn`. */
  describeBackup(arn: string): Promise<BackupDescription | undefined>;
  describeBackup(arn: string, callback: Callback<BackupDescription | undefined>): undefined;
  describeBackup(
    arn: string,
    callback?: Callback<BackupDescription | undefined>,
  ): Promise<BackupDescription | undefined> | undefined {
    const runtime = runtimeOf(this);
    const work = Promise.resolve().then(async () => {
      if (typeof arn !== "string" || arn === "") {
        throw new InvalidParameterType(`describeBackup() needs a backup ARN (got ${describeValue(arn)}).`);
      }
      const output = await setupCall<{ BackupDescription?: BackupDescription }>(runtime, "DescribeBackup", {
        BackupArn: arn,
      });
      return output.BackupDescription;
    });
    return withCallback(work, callback);
  }

  /**
   * Any DynamoDB operation, sent through this table's instance (middleware, events) once the table is set
   * up: for whatever dynamodel does not cover.
   *
   * @example
   * ```ts
   * const { Count } = await table.raw("Scan", { TableName: table.name, Select: "COUNT" });
   * ```
   */
  async raw<Output = Record<string, unknown>>(operation: OperationName, input: object): Promise<Output> {
    const runtime = runtimeOf(this);
    // Only the DynamoDB operations dynamodel has a command for, named as DynamoDB names them.
    checkOperationName(operation, "for raw()");
    await runtime.ready();
    return runtime.send<Output>(operation, input);
  }
}

/** Custom defaults for the tables of one Instance: constructor options > these > built-in defaults. */
export interface TableDefaults {
  /**
   * Replaces the custom defaults with `options` (not merged: `set({})` goes back to the built-in ones).
   * Option names and values are checked now (`InvalidParameter`); later tables and models use a copy.
   *
   * @example
   * ```ts
   * dynamodel.Table.defaults.set({ prefix: "test_", throughput: "ON_DEMAND" });
   * ```
   */
  set(options: TableOptions): void;
  /**
   * A copy of the custom defaults (changing it changes nothing); `{}` when none are set. An Instance that
   * has set none gets the default instance's.
   *
   * @example
   * ```ts
   * const { prefix } = dynamodel.Table.defaults.get();
   * ```
   */
  get(): TableOptions;
}

export interface TableClass {
  new (name: string, models: readonly object[], options?: TableOptions): Table;
  readonly prototype: Table;
  /**
   * Custom defaults for this Instance's tables and models, merged deeply under each one's own options and
   * over the built-in defaults. Read when a `new Table()` is made, and for a model's implicit table when the
   * model is first used (a request, `table()`, `validate()` …), so set them before that.
   *
   * @example
   * ```ts
   * dynamodel.Table.defaults.set({ prefix: "docs_" });
   * const Note = dynamodel.model("Note", { id: String }, { suffix: "_v1" });
   * Note.table().name; // "docs_Note_v1"
   * dynamodel.Table.defaults.set({}); // back to the built-in defaults
   * ```
   */
  readonly defaults: TableDefaults;
}

/** A deep copy of plain option data (objects and arrays); anything else (a function) is shared. */
function plainCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(plainCopy) as T;
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype)
    return value;
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, plainCopy(entry)])) as T;
}

/**
 * The Table class of one Instance: tables made with it use that instance. Until its own defaults are set,
 * `inherited` gives them (another instance's tables follow `dynamodel.Table.defaults`, which Dynamoose
 * keeps global).
 */
export function tableClassFor(instance: Instance, inherited?: () => TableOptions | undefined): TableClass {
  let custom: TableOptions | undefined;
  const defaults: TableDefaults = {
    // Replaced, not merged, as in Dynamoose: `set({})` goes back to the built-in defaults.
    set: (options) => {
      // Nothing given (`set(null)`) is no custom defaults, as `set({})` is; `get()` then gives `{}`.
      if (options === null || options === undefined) {
        custom = {};
        return;
      }
      checkTableOptionNames(options, "table option");
      // Values are checked now, as a table's own options are, not at the next model's definition.
      resolveTableOptions(options);
      custom = plainCopy(options);
    },
    // A copy, nested objects too: changing it must not change the defaults behind set()'s back.
    get: () => (custom === undefined ? (inherited?.() ?? {}) : plainCopy(custom)),
  };
  // Named Table in its own source, so V8's "Class constructor Table cannot be invoked without 'new'" (for a
  // call without `new`) names it as Dynamoose's does.
  const TableOfInstance = Table;
  const Bound = class Table extends TableOfInstance {
    static readonly defaults = defaults;
  };
  boundInstances.set(Bound, instance);
  return Bound;
}

/** The public Table of a table runtime (the one a model's `table()` returns), made on first ask. */
export function publicTableOf(runtime: TableRuntime): Table {
  let table = publicTables.get(runtime);
  if (!table) {
    table = Object.create(runtime.instance.Table.prototype) as Table;
    runtimes.set(table, runtime);
    publicTables.set(runtime, table);
  }
  return table;
}
