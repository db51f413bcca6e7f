// Models that share an implicit table through one `tableName` join it together. Each is bound on first
// use (so `Table.defaults` set after `model()` still apply), but the first use of one binds the others
// defined by then too: the table's setup (CreateTable) must see every model's indexes, as Dynamoose's does,
// which attaches models to the table when they are defined. A model left out would lose its GSIs until an
// update added them, and its LSIs for good, as DynamoDB makes those only with the table.
import type { Instance } from "../instance";

/** Binds a model to its implicit table (its `table` getter); throws as that getter does. */
type Join = () => unknown;

const pending = new WeakMap<Instance, Map<string, Map<string, Join>>>();

/** The models of `instance` sharing `key` (a table name as given), not yet bound, by model name. */
function waitingFor(instance: Instance, key: string): Map<string, Join> {
  let byKey = pending.get(instance);
  if (!byKey) pending.set(instance, (byKey = new Map()));
  let models = byKey.get(key);
  if (!models) byKey.set(key, (models = new Map()));
  return models;
}

/** Records a model defined with the table name `key`, to be bound when another of that name is first used. */
export function awaitSharedTable(instance: Instance, key: string, modelName: string, join: Join): void {
  // A model defined again under its name replaces the old definition here too.
  waitingFor(instance, key).set(modelName, join);
}

/**
 * Binds the other models defined with the table name `key` now that `modelName` is bound. One whose keys
 * do not match is left unbound: it is refused on its own first use, not on this model's.
 */
export function joinSharedTable(instance: Instance, key: string, modelName: string): void {
  const models = waitingFor(instance, key);
  models.delete(modelName);
  for (const [name, join] of [...models]) {
    models.delete(name);
    try {
      join();
    } catch {
      // Refused again, with its reason, when that model is used.
    }
  }
}
