/**
 * `dynamodel.model(name, schema, options?)`: compiles schemas into a Model class whose instances are
 * items and whose statics read and write the table.
 *
 * @example
 * ```ts
 * const Cat = dynamodel.model("Cat", { id: Number, name: String });
 * await Cat.create({ id: 1, name: "Tom" });
 * const tom = await Cat.get(1);
 * ```
 */
import { EventEmitter } from "eventemitter3";
import type { Middleware } from "../client/send";
import { InvalidParameter, MissingSchemaError } from "../errors";
import type { Instance } from "../instance";
import type { CompiledAttribute, CompiledSchema, ReferencedModel } from "../schema/compiled";
import type { SchemaDefinition } from "../schema/definition-types";
import { describeRangeKey, keyValueOf } from "../schema/key";
import { compiledSchemaOf, linkReferencedModel } from "../schema/links";
import { Schema } from "../schema/schema";
import {
  attachModel,
  checkMembersShareKeys,
  checkSchemasShareKeys,
  namedTable,
  registerTableBinding,
} from "../table/binding";
import { awaitSharedTable, joinSharedTable, waitingSiblings } from "./shared-table-joins";
import { withTableAttributes } from "../table/extra-attributes";
import { checkTableOptionNames, tableNameOption } from "../table/option-names";
import {
  resolveTableOptions,
  TableRuntime,
  type ResolvedTableOptions,
  type TableOptions,
} from "../table/table";
import { Item } from "./item";
import { getByKey } from "./persist";
import { linkModelRuntime, type ModelClass, type ModelRuntime } from "./runtime";
import { SerializerRegistry } from "./serializer";
import { attachStatics } from "./model-statics";

export interface ModelOptions extends TableOptions {
  /** The table's name (default: the model name; prefix and suffix still apply). */
  tableName?: string;
}

type SchemaInput = Schema | SchemaDefinition;

const registries = new WeakMap<Instance, Map<string, ModelClass>>();
const implicitTables = new WeakMap<Instance, Map<string, TableRuntime>>();
const implicitTableNames = new WeakMap<Instance, Map<string, string>>();

/** What names an implicit table apart from `Table.defaults`: the tableName and the model's prefix and suffix. */
function tableNameKey(given: Pick<TableOptions, "prefix" | "suffix">, tableName: string): string {
  return JSON.stringify([given.prefix ?? null, tableName, given.suffix ?? null]);
}

/**
 * The full name of an implicit table, by what names it apart from `Table.defaults` (the tableName and the
 * model's own prefix and suffix): while a table made under an earlier name still holds another model, a
 * model sharing its tableName joins it, even if the defaults changed in between, as in Dynamoose, which
 * makes the shared table once. Otherwise (no such table yet, or only a model now defined again) the name
 * follows the defaults as they are.
 */
function implicitTableName(
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
function implicitTable(
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
function checkSharedTableKeys(
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

/** The table name (as `tableNameKey` gives it) each registered model was defined with, by model name. */
const definedTableKeys = new WeakMap<Instance, Map<string, string>>();

function tableKeysOf(instance: Instance): Map<string, string> {
  let keys = definedTableKeys.get(instance);
  if (!keys) definedTableKeys.set(instance, (keys = new Map()));
  return keys;
}

function registryOf(instance: Instance): Map<string, ModelClass> {
  let registry = registries.get(instance);
  if (!registry) registries.set(instance, (registry = new Map()));
  return registry;
}

function toSchemas(input: SchemaInput | readonly SchemaInput[]): Schema[] {
  const list = Array.isArray(input) ? input : [input];
  if (list.length === 0) throw new MissingSchemaError("Missing Schema: a model needs at least one schema.");
  const schemas = list.map((entry) =>
    compiledSchemaOf(entry) ? (entry as Schema) : new Schema(entry as SchemaDefinition),
  );
  const [first, ...rest] = schemas;
  for (const schema of rest) {
    if (schema.hashKey !== first!.hashKey)
      // Dynamoose's message first, as its users' code may look for it; then which keys differ.
      throw new InvalidParameter(
        `hashKey's for all schema's must match. (found "${first!.hashKey}" and "${schema.hashKey}")`,
      );
    // SPEC §3: they share the hash *and* range key. One without the range key could write no item (DynamoDB
    // requires every key attribute), so it is refused here rather than on every write.
    if (schema.rangeKey !== first!.rangeKey) {
      throw new InvalidParameter(
        `rangeKey's for all schema's must match (${describeRangeKey(first!.rangeKey)} and ${describeRangeKey(schema.rangeKey)}).`,
      );
    }
  }
  return schemas;
}

/** Defines a model, or (without a schema) returns the one registered under `name`. */
export function defineModel(
  instance: Instance,
  name: string,
  schemaInput?: SchemaInput | readonly SchemaInput[],
  givenOptions?: ModelOptions | null,
): ModelClass {
  // Nothing at all is Dynamoose's MissingSchemaError, worded as for a name without a registered schema.
  if (name === undefined)
    throw new MissingSchemaError(`Schema hasn't been registered for model "undefined".`);
  if (typeof name !== "string" || name === "") throw new InvalidParameter("A model needs a name.");
  const registry = registryOf(instance);
  if (schemaInput === undefined) {
    const existing = registry.get(name);
    if (!existing) throw new MissingSchemaError(`Schema hasn't been registered for model "${name}".`);
    return existing;
  }
  const schemas = toSchemas(schemaInput);
  const compiled = schemas.map((schema) => compiledSchemaOf(schema)!);
  // `null` is no options, as in Dynamoose (and as for `new Table()`).
  const options = givenOptions ?? {};
  checkTableOptionNames(options, "model option", ["tableName"]);
  const { tableName: givenTableName, ...tableOptions } = options;
  const tableName = tableNameOption(givenTableName, name);
  // The options are checked now; the implicit table takes `Table.defaults` as they are at first use, when
  // Dynamoose creates a model's table, so defaults set after model() (in an entry file importing its
  // models) still apply.
  resolveTableOptions(tableOptions, instance.Table.defaults.get());
  const sharedKey = tableNameKey(tableOptions, tableName);
  // A model defined again with the same table name (a module reloaded, keys being changed for every model
  // of the table in turn) is checked on its first use instead: the others' definitions may be about to
  // change too. One moved to another model's table name is checked now, as a new model is.
  const tableKeys = tableKeysOf(instance);
  if (tableKeys.get(name) !== sharedKey) checkSharedTableKeys(instance, sharedKey, name, compiled);
  let implicit: { options: ResolvedTableOptions; name: string } | undefined;

  // The model's table is bound on first use (the implicit table named by `tableName`, shared with
  // other models of that name), unless a `new Table(...)` takes the model first.
  let table: TableRuntime | undefined;
  let tableSchemas: readonly CompiledSchema[] = compiled;
  const implicitSettings = () => {
    if (implicit === undefined) {
      const resolved = resolveTableOptions(tableOptions, instance.Table.defaults.get());
      // Before `implicit` is kept: schemas the table's attributes refuse fail every use, not the first only.
      const schemasOfImplicit =
        table === undefined ? withTableAttributes(compiled, resolved, name) : tableSchemas;
      implicit = {
        options: resolved,
        name: implicitTableName(instance, tableOptions, tableName, resolved, name),
      };
      tableSchemas = schemasOfImplicit;
    }
    return implicit;
  };
  let named: { table: TableRuntime; schemas: readonly CompiledSchema[] } | undefined;
  const schemasOfNamed = (next: TableRuntime): readonly CompiledSchema[] => {
    if (named?.table !== next)
      named = { table: next, schemas: withTableAttributes(compiled, next.options, name) };
    return named.schemas;
  };
  const middleware: Middleware[] = [];
  const model = buildModelClass(name);
  const runtime: ModelRuntime & { serializers: SerializerRegistry } = {
    name,
    get instance() {
      return table?.instance ?? instance;
    },
    schemas,
    get compiled() {
      // A `new Table()` named by `tableName` is joined on first use; its attributes (entityAttribute,
      // expires) apply before that, so a first write, planned before the table is bound, carries them.
      if (table === undefined) {
        const named = namedTable(instance, implicitSettings().name);
        if (named !== undefined) return schemasOfNamed(named);
      }
      return tableSchemas;
    },
    get table() {
      if (table !== undefined) return table;
      const { name: fullTableName, options } = implicitSettings();
      const bound = implicitTable(instance, fullTableName, options, runtime);
      joinSharedTable(instance, sharedKey, name, joinTable);
      return bound;
    },
    middleware,
    events: new EventEmitter(),
    model,
    sendContext: () => runtime.table.context(middleware),
    serializers: new SerializerRegistry(),
  };
  const joinTable = () => runtime.table;
  awaitSharedTable(instance, sharedKey, name, {
    join: joinTable,
    schemas: compiled,
    isBound: () => table !== undefined,
  });
  registerTableBinding(runtime, {
    isBound: () => table !== undefined,
    prepare(next) {
      // Checked before binding: a schema the table's attributes refuse leaves the model free.
      const schemasOfTable = withTableAttributes(compiled, next.options, name);
      return () => {
        table = next;
        tableSchemas = schemasOfTable;
        next.members.push(runtime);
      };
    },
  });
  linkModelRuntime(model, runtime);
  attachStatics(model, runtime);
  const reference = referenceView(runtime, compiled[0]!);
  linkReferencedModel(model, reference);
  for (const schema of compiled) for (const slot of schema.selfReferences) slot.bind(reference);
  registry.set(name, model);
  tableKeys.set(name, sharedKey);
  return model;
}

function buildModelClass(name: string): ModelClass {
  const model = class extends Item {};
  Object.defineProperty(model, "name", { value: name });
  return model as unknown as ModelClass;
}

/** What references to the model need; `schema` is its first (table attributes add no key). */
function referenceView(runtime: ModelRuntime, schema: CompiledSchema): ReferencedModel {
  const typeOf = (name: string) => {
    const variant = schema.shape.byName.get(name)!.variants[0]!;
    if (variant.kind !== "scalar")
      throw new InvalidParameter(`Key "${name}" of ${runtime.name} must have a scalar type.`);
    return variant.type;
  };
  // An item holds a key attribute under the name it was given by: its real name or an alias (read as key
  // arguments read it, key.ts).
  const hash = schema.shape.byName.get(schema.hashKey)!;
  const range = schema.rangeKey === undefined ? undefined : schema.shape.byName.get(schema.rangeKey)!;
  const namesOf = (attribute: CompiledAttribute | undefined): string[] =>
    attribute === undefined ? [] : [attribute.name, ...attribute.settings.aliases];
  return {
    name: runtime.name,
    hashKey: schema.hashKey,
    rangeKey: schema.rangeKey,
    keyNames: new Set([...namesOf(hash), ...namesOf(range)]),
    hashOf: (source) => keyValueOf(hash, source),
    rangeOf: (source) => (range === undefined ? undefined : keyValueOf(range, source)),
    get hashType() {
      return typeOf(schema.hashKey);
    },
    get rangeType() {
      return schema.rangeKey === undefined ? undefined : typeOf(schema.rangeKey);
    },
    isItem: (value): value is Record<string, unknown> => value instanceof runtime.model,
    get: (key) => getByKey(runtime, key, undefined),
  };
}
