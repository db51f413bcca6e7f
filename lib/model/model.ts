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
import type { CompiledSchema } from "../schema/compiled";
import type { SchemaDefinition } from "../schema/definition-types";
import { describeRangeKey } from "../schema/key";
import { compiledSchemaOf, linkReferencedModel } from "../schema/links";
import { Schema } from "../schema/schema";
import { namedTable, registerTableBinding } from "../table/binding";
import { awaitSharedTable, joinSharedTable } from "./shared-table-joins";
import { checkSharedTableKeys, implicitTable, implicitTableName, tableNameKey } from "./implicit-tables";
import { withTableAttributes } from "../table/extra-attributes";
import { checkTableOptionNames, tableNameOption } from "../table/option-names";
import {
  resolveTableOptions,
  type TableRuntime,
  type ResolvedTableOptions,
  type TableOptions,
} from "../table/table";
import { Item } from "./item";
import { referenceView } from "./reference-view";
import { linkModelRuntime, type ModelClass, type ModelRuntime } from "./runtime";
import { SerializerRegistry } from "./serializer";
import { attachStatics } from "./model-statics";

export interface ModelOptions extends TableOptions {
  /** The table's name (default: the model name; prefix and suffix still apply). */
  tableName?: string;
}

type SchemaInput = Schema | SchemaDefinition;

const registries = new WeakMap<Instance, Map<string, ModelClass>>();
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
  if (rest.length > 0) checkKeyTypes(schemas, [first!.hashKey, first!.rangeKey]);
  return schemas;
}

/**
 * The schemas of one model store their key attributes with one type: DynamoDB's table has one, and a
 * schema writing another would fail on every write ("Type mismatch for key"). Refused here, as SPEC §8 has
 * `model()` throw for a key mismatch, rather than on first use.
 */
function checkKeyTypes(schemas: readonly Schema[], keys: readonly (string | undefined)[]): void {
  for (const key of keys) {
    if (key === undefined) continue;
    const types = new Set(schemas.map((schema) => String(schema.getAttributeType(key))));
    if (types.size > 1) {
      throw new InvalidParameter(
        `Key attribute "${key}" must have the same type in every schema of the model (found ${[...types].join(" and ")}).`,
      );
    }
  }
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
  const reference = referenceView(runtime, compiled);
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
