// The tables `model()` makes for itself (no `new Table()`), by instance and name: models sharing a
// `tableName` share one table and its keys, and a model defined again under its name replaces the old one.
import type { Instance } from "../instance";
import type { CompiledSchema } from "../schema/compiled";
import { attachModel, checkMembersShareKeys, checkSchemasShareKeys, namedTable } from "../table/binding";
import { TableRuntime, type ResolvedTableOptions, type TableOptions } from "../table/table";
import type { ModelRuntime } from "./runtime";
import { waitingSiblings } from "./shared-table-joins";

const implicitTables = new WeakMap<Instance, Map<string, TableRuntime>>();
const implicitTableNames = new WeakMap<Instance, Map<string, string>>();

/** What names an implicit table apart from `Table.defaults`: the tableName and the model's prefix and suffix. */
export function tableNameKey(given: Pick<TableOptions, "prefix" | "suffix">, tableName: string): string {
  return JSON.stringify([given.prefix ?? null, tableName, given.suffix ?? null]);
}

/**
 * The full name of an implicit table, by what names it apart from `Table.defaults` (the tableName and the
 * model's own prefix and suffix): while a table made under an earlier name still holds another model, a
 * model sharing its tableName joins it, even if the defaults changed in between, as in Dynamoose, which
 * makes the shared table once. Otherwise (no such table yet, or only a model now defined again) the name
 * follows the defaults as they are.
 */
export function implicitTableName(
  instance: Instance,
  given: Pick<TableOptions, "prefix" | "suffix">,
  tableName: string,
  resolved: ResolvedTableOptions,
  modelName: string,
): string {
  let names = implicitTableNames.get(instance);
  if (!names) implicitTableNames.set(instance, (names = new Map()));
  const key = tableNameKey(given, tableName);
  const earlier = names.get(key);
  const shared = earlier === undefined ? undefined : implicitTables.get(instance)?.get(earlier);
  if (shared?.members.some((member) => member.name !== modelName)) return earlier!;
  const name = `${resolved.prefix}${tableName}${resolved.suffix}`;
  names.set(key, name);
  return name;
}

/** The implicit table `name` of an instance (created on first use), with `runtime` attached to it. */
export function implicitTable(
  instance: Instance,
  name: string,
  options: ResolvedTableOptions,
  runtime: ModelRuntime,
): TableRuntime {
  // A `new Table()` of that name takes the model in, as in Dynamoose.
  const named = namedTable(instance, name);
  if (named !== undefined) {
    checkMembersShareKeys([...named.members, runtime]);
    attachModel(runtime, named);
    return named;
  }
  let byName = implicitTables.get(instance);
  if (!byName) implicitTables.set(instance, (byName = new Map()));
  let table = byName.get(name);
  // A model defined again under its name replaces the old definition, as the registry does (and
  // Dynamoose): the old one leaves the table, and a table only it used starts afresh for the new one.
  const others = table?.members.filter((member) => member.name !== runtime.name) ?? [];
  if (!table || others.length === 0) byName.set(name, (table = new TableRuntime(name, options, instance)));
  else if (others.length < table.members.length) table.members.splice(0, Infinity, ...others);
  // Models sharing an implicit table (one tableName) share its keys, as in a `new Table()`.
  if (others.length > 0) checkMembersShareKeys([...others, runtime]);
  attachModel(runtime, table);
  return table;
}

/**
 * Models sharing a `tableName` share their keys (SPEC §8: a key mismatch is thrown by `model()`). Checked when
 * the second is defined, against the models already defined with that table name, bound or not: checked
 * only on first use, the model used first would make the table and the other, maybe the right one, would
 * fail on every use.
 */
export function checkSharedTableKeys(
  instance: Instance,
  key: string,
  modelName: string,
  compiled: readonly CompiledSchema[],
): void {
  const siblings = waitingSiblings(instance, key, modelName);
  const boundName = implicitTableNames.get(instance)?.get(key);
  const bound = boundName === undefined ? undefined : implicitTables.get(instance)?.get(boundName);
  for (const member of bound?.members ?? []) {
    if (member.name !== modelName) siblings.push(member.compiled);
  }
  if (siblings.length > 0) checkSchemasShareKeys([...siblings, compiled]);
}
