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
import { settingsAndCallback, withCallback, type Callback } from "../callbacks";
import { checkMiddleware, type Middleware } from "../client/send";
import { InvalidParameter, MissingSchemaError } from "../errors";
import type { ConditionInit } from "../expressions/condition";
import type { Instance } from "../instance";
import type { CompiledSchema, ReferencedModel } from "../schema/compiled";
import type { SchemaDefinition } from "../schema/definition-types";
import { describeRangeKey } from "../schema/key";
import { compiledSchemaOf, linkReferencedModel } from "../schema/links";
import { Schema } from "../schema/schema";
import { attachModel, checkMembersShareKeys, namedTable, registerTableBinding } from "../table/binding";
import { withTableAttributes } from "../table/extra-attributes";
import { checkTableOptionNames, tableNameOption } from "../table/option-names";
import {
  resolveTableOptions,
  TableRuntime,
  type ResolvedTableOptions,
  type TableOptions,
} from "../table/table";
import { Item } from "./item";
import { getByKey, type SaveSettings } from "./persist";
import { autoPopulate } from "./auto-populate";
import { deleteWithHooks, getWithHooks, itemForKey, saveWithHooks } from "./hooked-operations";
import { linkModelRuntime, type ModelClass, type ModelRuntime } from "./runtime";
import { startQuery, startScan } from "./retrieve-start";
import { SerializerRegistry, serializeItem } from "./serializer";
import { writeStatics } from "./write-statics";
import { transactionStatics } from "../transaction/model-elements";
import { methodsApi } from "./custom-methods";
import { tableFacade } from "./table-handle";
import type { DeleteSettings } from "../operations/delete";
import type { GetSettings } from "../operations/get";
import { checkOptions } from "../operations/options";
import type { InternalModel } from "./types";

export interface ModelOptions extends TableOptions {
  /** The table's name (default: the model name; prefix and suffix still apply). */
  tableName?: string;
}

type SchemaInput = Schema | SchemaDefinition;

const registries = new WeakMap<Instance, Map<string, ModelClass>>();
const implicitTables = new WeakMap<Instance, Map<string, TableRuntime>>();

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
      throw new InvalidParameter("hashKey's for all schema's must match.");
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
  options: ModelOptions = {},
): ModelClass {
  // Nothing at all is Dynamoose's MissingSchemaError (as for a name without a registered schema).
  if (name === undefined) throw new MissingSchemaError("A model needs a name and a schema.");
  if (typeof name !== "string" || name === "") throw new InvalidParameter("A model needs a name.");
  const registry = registryOf(instance);
  if (schemaInput === undefined) {
    const existing = registry.get(name);
    if (!existing) throw new MissingSchemaError(`Schema hasn't been registered for model "${name}".`);
    return existing;
  }
  const schemas = toSchemas(schemaInput);
  const compiled = schemas.map((schema) => compiledSchemaOf(schema)!);
  checkTableOptionNames(options, "model option", ["tableName"]);
  const { tableName: givenTableName, ...tableOptions } = options;
  const tableName = tableNameOption(givenTableName, name);
  const resolved = resolveTableOptions(tableOptions, instance.Table.defaults.get());
  const fullTableName = `${resolved.prefix}${tableName}${resolved.suffix}`;

  // The model's table is bound on first use (the implicit table named by `tableName`, shared with
  // other models of that name), unless a `new Table(...)` takes the model first.
  let table: TableRuntime | undefined;
  let tableSchemas = withTableAttributes(compiled, resolved, name);
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
        const named = namedTable(instance, fullTableName);
        if (named !== undefined) return schemasOfNamed(named);
      }
      return tableSchemas;
    },
    get table() {
      return table ?? implicitTable(instance, fullTableName, resolved, runtime);
    },
    middleware,
    events: new EventEmitter(),
    model,
    sendContext: () => runtime.table.context(middleware),
    serializers: new SerializerRegistry(),
  };
  registerTableBinding(runtime, {
    isBound: () => table !== undefined,
    attach(next) {
      table = next;
      tableSchemas = withTableAttributes(compiled, next.options, name);
      next.members.push(runtime);
    },
  });
  linkModelRuntime(model, runtime);
  attachStatics(model, runtime);
  const reference = referenceView(runtime);
  linkReferencedModel(model, reference);
  for (const schema of compiled) for (const slot of schema.selfReferences) slot.bind(reference);
  registry.set(name, model);
  return model;
}

function buildModelClass(name: string): ModelClass {
  const model = class extends Item {};
  Object.defineProperty(model, "name", { value: name });
  return model as unknown as ModelClass;
}

function referenceView(runtime: ModelRuntime): ReferencedModel {
  const schema: CompiledSchema = runtime.compiled[0]!;
  const typeOf = (name: string) => {
    const variant = schema.shape.byName.get(name)!.variants[0]!;
    if (variant.kind !== "scalar")
      throw new InvalidParameter(`Key "${name}" of ${runtime.name} must have a scalar type.`);
    return variant.type;
  };
  return {
    name: runtime.name,
    hashKey: schema.hashKey,
    rangeKey: schema.rangeKey,
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

function attachStatics(model: ModelClass, runtime: ModelRuntime & { serializers: SerializerRegistry }): void {
  const statics: Record<string, unknown> = {
    get(key: unknown, settings?: GetSettings | Callback<unknown>, callback?: Callback<unknown>) {
      const [options, done] = settingsAndCallback(settings, callback);
      // The table is looked up inside the chain: binding a model to its table can fail (keys that differ
      // from the other models of its tableName), and that is a rejection, not a throw from get().
      const populated = Promise.resolve()
        .then(() => getWithHooks(runtime, key, options))
        .then((item) => {
          // Only a table with the `populate` option pays for the extra step.
          const populating = autoPopulate(runtime, [item]);
          return populating === undefined ? item : populating.then(() => item);
        });
      return withCallback(populated, done);
    },
    create(
      object: Record<string, unknown>,
      settings?: SaveSettings | Callback<unknown>,
      callback?: Callback<unknown>,
    ) {
      const [options, done] = settingsAndCallback(settings, callback);
      const work = Promise.resolve().then(() =>
        // Checked before the spread: `create(obj, 5)` or `create(obj, [])` would otherwise spread to `{}`.
        saveWithHooks(new model(object), {
          overwrite: false,
          ...checkOptions(options, ["overwrite", "condition", "return"], "create"),
        }),
      );
      return withCallback(work, done);
    },
    delete(key: unknown, settings?: DeleteSettings | Callback<unknown>, callback?: Callback<unknown>) {
      const [options, done] = settingsAndCallback(settings, callback);
      return withCallback(
        Promise.resolve().then(() => deleteWithHooks(runtime, itemForKey(runtime, key), options)),
        done,
      );
    },
    query: (init?: ConditionInit) => startQuery(runtime, init),
    scan: (init?: ConditionInit) => startScan(runtime, init),
    ...writeStatics(runtime),
    transaction: transactionStatics(runtime),
    table() {
      return tableFacade(runtime);
    },
    serializer: {
      add: (name: string, options: object) => runtime.serializers.add(name, options),
      delete: (name: string) => runtime.serializers.delete(name),
      default: runtime.serializers.default,
    },
    serializeMany(items: readonly Record<string, unknown>[], nameOrOptions?: string | object) {
      // Nothing given serializes nothing, as in Dynamoose.
      if (items === undefined || items === null) return [];
      if (!Array.isArray(items)) throw new InvalidParameter("serializeMany needs an array of items.");
      return items.map((item) => serializeItem(runtime, item, nameOrOptions));
    },
    methods: methodsApi(model),
    use(middleware: Middleware) {
      checkMiddleware(middleware);
      runtime.middleware.push(middleware);
      return () => {
        const index = runtime.middleware.indexOf(middleware);
        if (index !== -1) runtime.middleware.splice(index, 1);
      };
    },
    // The emitter stays internal: these return the model, so `Cat.on(…).on(…)` chains on it.
    on(event: string, listener: (...args: unknown[]) => void) {
      runtime.events.on(event, listener);
      return model;
    },
    once(event: string, listener: (...args: unknown[]) => void) {
      runtime.events.once(event, listener);
      return model;
    },
    off(event: string, listener?: (...args: unknown[]) => void) {
      runtime.events.off(event, listener);
      return model;
    },
  };
  for (const [key, value] of Object.entries(statics)) {
    Object.defineProperty(model, key, { value, writable: true, configurable: true });
  }
  Object.defineProperty(model, "schemas", { value: runtime.schemas });
  Object.defineProperty(model, "schema", { value: runtime.schemas[0] });
  // Dynamoose's model class has these two own properties: `Item`, the item class (`new Cat.Item(obj)`,
  // which here is the model itself), and `Model`, its internal model object (here, a read-only summary).
  Object.defineProperty(model, "Item", { value: model });
  const first = runtime.compiled[0]!;
  const summary: InternalModel = Object.freeze({
    name: runtime.name,
    schemas: runtime.schemas,
    getHashKey: () => first.hashKey,
    getRangeKey: () => first.rangeKey,
    table: () => tableFacade(runtime),
  });
  Object.defineProperty(model, "Model", { value: summary });
}
