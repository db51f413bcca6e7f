// The default Instance's members, as the package exports them by name and on its default export
// (`dynamodel.model`, `dynamodel.aws` …): each is bound to Instance.default.
import { Instance } from "./instance";
import { defineModel, type ModelOptions } from "./model/model";
import type { ModelFunction } from "./model/model-function";
import type { SchemaDefinition } from "./schema/definition-types";
import type { Schema } from "./schema/schema";
import { transactionFunction } from "./transaction/transaction";

/**
 * Defines a model (or returns a registered one).
 *
 * @example
 * ```ts
 * const Cat = model("Cat", { id: Number, name: String });
 * ```
 */
export const model = function model(
  name: string,
  schema?: Schema | SchemaDefinition,
  options?: ModelOptions,
) {
  // A function, not an arrow: Dynamoose's guide writes `new dynamoose.model(…)`, and `new` on a function
  // that returns an object (the Model class) yields that object.
  return defineModel(Instance.default, name, schema, options);
} as unknown as ModelFunction;

/**
 * The default instance's AWS connection: `aws.ddb`, the DynamoDB client, and `aws.converter`, the
 * functions that turn items into AttributeValues and back (see `docs/instances-and-connections.md`).
 *
 * @example
 * ```ts
 * dynamodel.aws.ddb.set(new DynamoDB({ region: "eu-west-1" }));
 * dynamodel.aws.ddb.local(); // or DynamoDB Local, at http://localhost:8000
 * const { unmarshall } = dynamodel.aws.converter();
 * ```
 */
export const aws = Instance.default.aws;
/**
 * The default instance's event emitter (eventemitter3): `request` and `response` for every DynamoDB call,
 * with `{operation, input, output?, error?, durationMs, model?, table}`.
 *
 * @example
 * ```ts
 * dynamodel.events.on("response", ({ operation, durationMs }) => console.log(operation, durationMs));
 * ```
 */
export const events = Instance.default.events;
/** Middleware around every DynamoDB call of the default instance. Returns a function that removes it. */
export const use = Instance.default.use.bind(Instance.default);
/** Atomic reads or writes of up to 100 items (see `docs/transactions.md`). */
export const transaction = transactionFunction(Instance.default);

/**
 * Tables of the default instance: `new Table(name, models, options)`, `Table.defaults.set/get`.
 *
 * @example
 * ```ts
 * const pets = new Table("Pets", [Cat, Dog], { entityAttribute: "_type" });
 * ```
 */
export const Table = Instance.default.Table;
export type Table = InstanceType<typeof Table>;
/**
 * One page of the default instance's table names, with `lastKey` when there are more.
 *
 * @example
 * ```ts
 * const names = await listTables({ limit: 10 });
 * const more = names.lastKey ? await listTables({ limit: 10, startAt: names.lastKey }) : [];
 * ```
 */
export const listTables = Instance.default.listTables.bind(Instance.default);
/**
 * Acquires a distributed lock held as one item in a table (a Table, a Model, or a table name): at most
 * one holder at a time; a crashed holder's lease runs out. Resolves with `{release(), extend(), …}`.
 *
 * @example
 * ```ts
 * const lock = await dynamodel.lock(Locks, "nightly-report", { leaseMs: 30_000, heartbeatMs: 10_000 });
 * try {
 *   await buildReport();
 * } finally {
 *   await lock.release();
 * }
 * ```
 */
export const lock = Instance.default.lock.bind(Instance.default);
