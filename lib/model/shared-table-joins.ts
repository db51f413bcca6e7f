// Models that share an implicit table through one `tableName` join it together. Each is bound on first
// use (so `Table.defaults` set after `model()` still apply), but the first use of one binds the others
// defined by then too: the table's setup (CreateTable) must see every model's indexes, as Dynamoose's does,
// which attaches models to the table when they are defined. A model left out would lose its GSIs until an
// update added them, and its LSIs for good, as DynamoDB makes those only with the table.
import type { Instance } from "../instance";
import type { CompiledSchema } from "../schema/compiled";

/** Binds a model to its implicit table (its `table` getter); throws as that getter does. */
type Join = () => unknown;

interface Waiting {
  /** The table name as given (tableName, prefix and suffix options). */
  readonly key: string;
  readonly join: Join;
  /** The model's own schemas (without the table's attributes, which add no key). */
  readonly schemas: readonly CompiledSchema[];
  /** Whether a `new Table()` took the model meanwhile: it then joins no implicit table. */
  readonly isBound: () => boolean;
}

/** The models of each instance not yet bound, by model name: a definition replaces the one before it. */
const pending = new WeakMap<Instance, Map<string, Waiting>>();

/** Whether a join is binding siblings now (binding is synchronous, so one flag serves every instance). */
let joining = false;

function waitingOf(instance: Instance): Map<string, Waiting> {
  let models = pending.get(instance);
  if (!models) pending.set(instance, (models = new Map()));
  return models;
}

/** Records a model defined with the table name `key`, to be bound when another of that name is first used. */
export function awaitSharedTable(
  instance: Instance,
  key: string,
  modelName: string,
  waiting: Omit<Waiting, "key">,
): void {
  waitingOf(instance).set(modelName, { key, ...waiting });
}

/** The schemas of the other models defined with the table name `key` and not bound to any table yet. */
export function waitingSiblings(
  instance: Instance,
  key: string,
  modelName: string,
): (readonly CompiledSchema[])[] {
  const siblings: (readonly CompiledSchema[])[] = [];
  for (const [name, waiting] of waitingOf(instance)) {
    if (name !== modelName && waiting.key === key && !waiting.isBound()) siblings.push(waiting.schemas);
  }
  return siblings;
}

/**
 * Binds the other models defined with the table name `key` now that the model `self` joins binds. One whose
 * keys do not match is left unbound: it is refused on its own first use, not on this model's.
 */
export function joinSharedTable(instance: Instance, key: string, modelName: string, self: Join): void {
  const models = waitingOf(instance);
  // A replaced definition used after all leaves its successor waiting.
  if (models.get(modelName)?.join === self) models.delete(modelName);
  // A sibling bound here joins no one itself: this loop binds them all, and a sibling's own loop would bind
  // the successor this one leaves waiting.
  if (joining) return;
  joining = true;
  try {
    for (const [name, waiting] of [...models]) {
      if (name === modelName || waiting.key !== key) continue;
      models.delete(name);
      try {
        waiting.join();
      } catch {
        // Refused again, with its reason, when that model is used.
      }
    }
  } finally {
    joining = false;
  }
}
