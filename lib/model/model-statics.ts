// The statics every model class carries (`get`, `create`, `query`, `transaction`, `use`, `on` …), attached
// once by `defineModel` (model.ts). Each is a thin entry: options and callback sorted out, then the shared
// pipelines in hooked-operations.ts, retrieve-start.ts, write-statics.ts and transaction/.
import { nothingOrRequest, settingsAndCallback, withCallback, type Callback } from "../callbacks";
import { checkMiddleware, type Middleware } from "../client/send";
import { InvalidParameter } from "../errors";
import { checkModelEvent, checkModelListener } from "../hooks/events";
import { compiledSchemaOf } from "../schema/links";
import type { ConditionInit } from "../expressions/condition";
import { transactionStatics } from "../transaction/model-elements";
import type { DeleteSettings } from "../operations/delete";
import type { GetSettings } from "../operations/get";
import { checkOptions } from "../operations/options";
import { withConditionCopied } from "../operations/condition-input";
import { autoPopulate } from "./auto-populate";
import { withoutLeftOutMarkers } from "./left-out-markers";
import { methodsApi } from "./custom-methods";
import { deleteKeyWithHooks, getWithHooks, saveWithHooks } from "./hooked-operations";
import type { SaveSettings } from "./persist";
import { startQuery, startScan } from "./retrieve-start";
import { refuseObserved } from "./operation-hooks";
import { ownRuntimeOf, schemaFor, type ModelClass, type ModelRuntime } from "./runtime";
import { type SerializerRegistry, serializeItem } from "./serializer";
import { tableFacade } from "./table-handle";
import type { InternalModel } from "./types";
import { writeStatics } from "./write-statics";

/**
 * One item of `serializeMany`: an item of another model (a single-table query mixes them) is serialized by
 * its own model's serializers, as its serialize() would (the caller's could hand out what its own model
 * hides), and by the caller's where its own cannot (no serializer of that name), as in Dynamoose.
 */
function serializeOne(
  runtime: ModelRuntime & { serializers: SerializerRegistry },
  item: Record<string, unknown>,
  nameOrOptions: string | object | undefined,
): Record<string, unknown> {
  const own = ownRuntimeOf(item);
  if (own === undefined || own === runtime) return serializeItem(runtime, item, nameOrOptions);
  try {
    return serializeItem(own, item, nameOrOptions);
  } catch {
    return serializeItem(runtime, item, nameOrOptions);
  }
}

/** Defines the model class's statics and Dynamoose's own properties (`schemas`, `Item`, `Model`) on `model`. */
export function attachStatics(
  model: ModelClass,
  runtime: ModelRuntime & { serializers: SerializerRegistry },
): void {
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
      const [given, done] = settingsAndCallback(settings, callback);
      const options = withConditionCopied(given);
      const work = Promise.resolve().then(() => {
        const item = new model(object);
        let checked: SaveSettings;
        try {
          // Checked before the spread: `create(obj, 5)` or `create(obj, [])` would otherwise spread to `{}`.
          checked = checkOptions(options, ["overwrite", "condition", "return"], "create");
        } catch (error) {
          const { hooks } = schemaFor(runtime, item as Record<string, unknown>);
          return refuseObserved(runtime, "save", item, error, hooks);
        }
        // `overwrite: undefined` or `null` (a wrapper passing its optional settings on) is not given: a
        // create never writes over a stored item unless told so.
        return saveWithHooks(item, { ...checked, overwrite: checked.overwrite ?? false }).then((result) =>
          result === item ? withoutLeftOutMarkers(item) : result,
        );
      });
      return withCallback(work, done);
    },
    delete(key: unknown, settings?: DeleteSettings | Callback<unknown>, callback?: Callback<unknown>) {
      const [given, done] = settingsAndCallback(settings, callback);
      const options = withConditionCopied(given);
      return withCallback(
        Promise.resolve().then(() => deleteKeyWithHooks(runtime, key, options)),
        done,
        nothingOrRequest,
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
      return items.map((item) => serializeOne(runtime, item, nameOrOptions));
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
      checkModelListener("on", event, listener);
      runtime.events.on(event, listener);
      return model;
    },
    once(event: string, listener: (...args: unknown[]) => void) {
      checkModelListener("once", event, listener);
      runtime.events.once(event, listener);
      return model;
    },
    off(event: string, listener?: (...args: unknown[]) => void) {
      if (listener === undefined) checkModelEvent("off", event);
      else checkModelListener("off", event, listener);
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
  // From the schema itself: `runtime.compiled` (with the table's attributes) would fix the model's table
  // settings, which wait for its first use (model.ts).
  const first = compiledSchemaOf(runtime.schemas[0])!;
  const summary: InternalModel = Object.freeze({
    name: runtime.name,
    schemas: runtime.schemas,
    getHashKey: () => first.hashKey,
    getRangeKey: () => first.rangeKey,
    table: () => tableFacade(runtime),
  });
  Object.defineProperty(model, "Model", { value: summary });
}
