// The package's default export, `import dynamodel from "dynamodel"`: one object holding the named
// exports, typed by an interface so that each member carries its documentation into dist's declarations
// (an inferred object type would list the members without their JSDoc).
import { pool } from "./concurrency/pool";
import * as allErrors from "./errors";
import { Condition } from "./expressions/condition";
import { Instance } from "./instance";
import { logger } from "./logger/logger";
import { Item } from "./model/item";
import { Schema } from "./schema/schema";
import { type } from "./schema/type-markers";
import { aws, events, listTables, lock, model, Table, transaction, use } from "./default-instance";

// The error classes; `describeValue` is the library's own message helper, not part of the API.
const { describeValue: _messageHelper, ...errors } = allErrors;
type ErrorExports = Omit<typeof allErrors, "describeValue">;

/** What `import dynamodel from "dynamodel"` is: the package's named exports on one object, as Dynamoose has it. */
export interface Dynamodel extends ErrorExports {
  /**
   * Defines a model, inferring its item types from the schema, or returns the model registered under
   * `name` (see `docs/model.md`).
   *
   * @example
   * ```ts
   * const Cat = dynamodel.model("Cat", { id: Number, name: String });
   * ```
   */
  model: typeof model;
  /**
   * A schema: attributes, their types, keys, indexes, defaults and validators (see `docs/schema.md`).
   *
   * @example
   * ```ts
   * const schema = new dynamodel.Schema({ id: Number, name: { type: String, required: true } });
   * ```
   */
  Schema: typeof Schema;
  /**
   * A chainable condition for conditional writes, queries and scans (see `docs/condition.md`).
   *
   * @example
   * ```ts
   * const adults = new dynamodel.Condition("age").ge(18).and().where("name").exists();
   * ```
   */
  Condition: typeof Condition;
  /** A separate connection: its own client, converter, middleware and events (see `docs/instances-and-connections.md`). */
  Instance: typeof Instance;
  /** The base class of every model's items, for Dynamoose's `class Cat extends Item` typing style. */
  Item: typeof Item;
  /** Special attribute types: `type.NULL`, `ANY`, `THIS`, `UNDEFINED`, `CONSTANT(value)`, `COMBINE(attributes)`. */
  type: typeof type;
  /**
   * The default instance's AWS connection: `aws.ddb` (the DynamoDB client) and `aws.converter`.
   *
   * @example
   * ```ts
   * dynamodel.aws.ddb.local(); // DynamoDB Local at http://localhost:8000
   * ```
   */
  aws: typeof aws;
  /** The default instance's `request` and `response` events for every DynamoDB call (eventemitter3). */
  events: typeof events;
  /** Adds middleware around every DynamoDB call of the default instance; returns a function that removes it. */
  use: typeof use;
  /**
   * Atomic reads or writes of up to 100 items (see `docs/transactions.md`).
   *
   * @example
   * ```ts
   * await dynamodel.transaction([Cat.transaction.create({ id: 2 }), Cat.transaction.delete(1)]);
   * ```
   */
  transaction: typeof transaction;
  /**
   * Tables of the default instance: `new dynamodel.Table(name, models, options)` (see `docs/table.md`).
   *
   * @example
   * ```ts
   * const pets = new dynamodel.Table("Pets", [Cat, Dog], { entityAttribute: "_type" });
   * ```
   */
  Table: typeof Table;
  /** One page of the default instance's table names, with `lastKey` when there are more. */
  listTables: typeof listTables;
  /** Acquires a distributed lock held as one item in a table (see `docs/concurrency-and-locks.md`). */
  lock: typeof lock;
  /** Runs many operations with at most `n` in flight: `dynamodel.pool(n)`. */
  pool: typeof pool;
  /** The built-in logger, as Dynamoose's: `(await dynamodel.logger()).providers.add(console)`. */
  logger: typeof logger;
}

/** The package's default export (see {@link Dynamodel}). */
export const dynamodel: Dynamodel = {
  model,
  Schema,
  Condition,
  Instance,
  Item,
  type,
  aws,
  events,
  use,
  transaction,
  Table,
  listTables,
  lock,
  pool,
  logger,
  ...errors,
};
