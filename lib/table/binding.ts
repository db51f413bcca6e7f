// How models and tables find each other. A model is bound to one table: the Table it was given to, or
// (on first use) the implicit table named by its `tableName`. Once bound it cannot move, as in Dynamoose.
// In a table shared by several models, each item read is given to the model it belongs to.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { InvalidParameter } from "../errors";
import type { Instance } from "../instance";
import type { ModelRuntime } from "../model/runtime";
import type { CompiledSchema } from "../schema/compiled";
import { describeRangeKey } from "../schema/key";
import { keyAttributeType } from "./definition";
import type { TableRuntime } from "./table";

export interface TableBinding {
  isBound(): boolean;
  /** Checks that the model can join `table` (its schemas with the table's attributes); returns the join. */
  prepare(table: TableRuntime): () => void;
}

const bindings = new WeakMap<ModelRuntime, TableBinding>();

export function registerTableBinding(runtime: ModelRuntime, binding: TableBinding): void {
  bindings.set(runtime, binding);
}

const namedTables = new WeakMap<Instance, Map<string, TableRuntime>>();

/** Records a `new Table()` by its full name, so a model whose `tableName` names it joins it. */
export function registerNamedTable(table: TableRuntime): void {
  let byName = namedTables.get(table.instance);
  if (!byName) namedTables.set(table.instance, (byName = new Map()));
  byName.set(table.name, table);
}

/**
 * The `new Table()` of `instance` named `name` (prefix and suffix included), if there is one: a model
 * defined with that `tableName` joins it on first use, as in Dynamoose, instead of making a second,
 * implicit table of the same name.
 */
export function namedTable(instance: Instance, name: string): TableRuntime | undefined {
  return namedTables.get(instance)?.get(name);
}

/**
 * Checks that a model can go into `table` and returns what puts it there: a model already in a table (or
 * already used), or whose schemas the table's attributes refuse, is an `InvalidParameter`. A table of
 * several models checks them all before joining any.
 */
export function prepareAttach(runtime: ModelRuntime, table: TableRuntime): () => void {
  const binding = bindings.get(runtime);
  if (!binding) throw new InvalidParameter("Only dynamodel models can be put in a table.");
  if (binding.isBound()) {
    throw new InvalidParameter(
      `Model ${runtime.name} has already been assigned to a table. (A model is bound to its table once it, or another model of its tableName, is used.)`,
    );
  }
  return binding.prepare(table);
}

/** Puts a model into `table` (see `prepareAttach`). */
export function attachModel(runtime: ModelRuntime, table: TableRuntime): void {
  prepareAttach(runtime, table)();
}

function matchScore(member: ModelRuntime, image: Record<string, AttributeValue>): number {
  let best = 0;
  for (const schema of member.compiled) {
    let score = 0;
    const flattened = schema.shape.flattened?.byStoredName;
    // A flattened object is stored as top-level `prefix + sub-name` attributes (`addr_city`): those
    // names are the model's too, or its items would be handed to another model of the table.
    for (const name in image) if (schema.shape.byName.has(name) || flattened?.has(name)) score += 1;
    best = Math.max(best, score);
  }
  return best;
}

/**
 * The model an item read through `runtime` belongs to: `runtime` itself unless the table holds several
 * models; then the one named by the entity attribute, else the one whose schemas know most of the
 * item's attributes (ties go to `runtime`).
 */
export function ownerOfImage(runtime: ModelRuntime, image: Record<string, AttributeValue>): ModelRuntime {
  const { members, options } = runtime.table;
  if (members.length <= 1) return runtime;
  if (options.entityAttribute !== undefined) {
    const name = image[options.entityAttribute]?.S;
    // Two models of one name (each defined with it): the one reading is its own owner.
    const named = runtime.name === name ? runtime : members.find((member) => member.name === name);
    // An item without the name (stored before the table had models, or read by a projection that left it
    // out) goes by its attributes, as in a table without an entity attribute.
    if (named !== undefined) return named;
  }
  let owner = runtime;
  let bestScore = matchScore(runtime, image);
  for (const member of members) {
    const score = member === runtime ? -1 : matchScore(member, image);
    if (score > bestScore) {
      owner = member;
      bestScore = score;
    }
  }
  return owner;
}

/**
 * Models of one table share the hash key and the range key, with the same types: refused otherwise.
 * SPEC §3: they share the hash *and* range key. One without the range key could write no item (DynamoDB
 * requires every key attribute), so it is refused here rather than on every write.
 */
export function checkMembersShareKeys(members: readonly ModelRuntime[]): void {
  checkSchemasShareKeys(members.map((member) => member.compiled));
}

/** `checkMembersShareKeys` for models given by their schemas (each model's list, its first schema first). */
export function checkSchemasShareKeys(models: readonly (readonly CompiledSchema[])[]): void {
  const [first, ...rest] = models.map((schemas) => schemas[0]!);
  for (const schema of rest) {
    if (schema.hashKey !== first!.hashKey) {
      throw new InvalidParameter(
        `hashKey's for all models must match ("${first!.hashKey}" and "${schema.hashKey}").`,
      );
    }
    if (schema.rangeKey !== first!.rangeKey) {
      throw new InvalidParameter(
        `rangeKey's for all models must match (${describeRangeKey(first!.rangeKey)} and ${describeRangeKey(schema.rangeKey)}).`,
      );
    }
  }
  // The same key names with other types would fail every write of one of the models.
  const schemas = models.flat();
  keyAttributeType(schemas, first!.hashKey);
  const rangeKey = first!.rangeKey ?? rest.find((schema) => schema.rangeKey !== undefined)?.rangeKey;
  if (rangeKey !== undefined) keyAttributeType(schemas, rangeKey);
}
