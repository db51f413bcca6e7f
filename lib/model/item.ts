/**
 * The document: an item of a model. `new Model(obj)` copies `obj`; the copy's properties are the
 * item's data. An item read from the table remembers what was stored, so `save()` writes only what
 * changed and `modifiedPaths()` can say what that is.
 *
 * @example
 * ```ts
 * const cat = await Cat.get(1);
 * cat.name = "Garfield";
 * cat.modifiedPaths(); // ["name"]
 * await cat.save();    // UpdateItem: SET name
 * ```
 */
import type { ObjectType } from "../dynamoose-names";
import { asCallback, nothingOrRequest, withCallback, type Callback } from "../callbacks";
import { describeValue, InvalidParameterType, TypeMismatch } from "../errors";
import { formatDocumentPath } from "../expressions/path";
import { wholeStoredForm } from "../schema/read-stored";
import { unmarshalledInput } from "./attribute-value-input";
import { itemPathOf, storedPathOf, touches } from "./item-paths";
import { storedChangesOf } from "./stored-changes";
import { copyData, toJsonValue } from "./json";
import { itemRuntimeOf, schemaFor } from "./runtime";
import { deleteWithHooks, saveWithHooks, validateWithHooks } from "./hooked-operations";
import type { DeleteItemCommandInput } from "@aws-sdk/client-dynamodb";
import type { DeleteSettings } from "../operations/delete";
import { withConditionCopied } from "../operations/condition-input";
import type { SaveRequest, SaveSettings } from "./persist";
import { serializeItem } from "./serializer";
import { StoredImageHolder } from "./image-slot";
import { storedImageOf } from "./stored-images";
import { checkPopulateSettings, populateItem, type PopulateSettings } from "./populate";
import { untracked } from "./tracked-items";
import { withDefaultsOf, type ItemData } from "./with-defaults";

/** The item's own copy of a value; one that contains itself (a cycle) is a TypeMismatch naming it. */
function copiedValue(key: string, value: unknown): unknown {
  try {
    return copyData(value);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new TypeMismatch(
      key,
      "a value without cycles (it contains itself, or is nested too deeply)",
      value,
    );
  }
}

export class Item extends StoredImageHolder {
  constructor(object: Record<string, unknown> = {}) {
    super();
    if (typeof object !== "object" || object === null || Array.isArray(object)) {
      throw new InvalidParameterType(
        `A model item must be created from an object (got ${describeValue(object)}).`,
      );
    }
    // A marshalled item ({id: {S: "x"}, …}) is unmarshalled first, when that cannot misread real data.
    const source = unmarshalledInput(new.target, object) ?? object;
    for (const key of Object.keys(source)) {
      // A `__proto__` key (from JSON input) would replace the item's prototype; DynamoDB cannot keep such a
      // top-level attribute either (the SDK reads it back as nothing). It is left out, as Dynamoose does.
      if (key === "__proto__") continue;
      (this as Record<string, unknown>)[key] = copiedValue(key, source[key]);
    }
  }

  /**
   * Saves the item. A new item is written with PutItem (`overwrite: false` makes that fail if it
   * exists); an item read from the table is updated in place with only its changed paths.
   * Resolves with the item itself, timestamps and defaults filled in. With `{return: "request"}` it
   * resolves with the request instead, unsent: a PutItem input for a new item, an UpdateItem input for
   * an item read from the table that has changes.
   *
   * @example
   * ```ts
   * await new Cat({ id: 1, name: "Tom" }).save();
   * const request = await new Cat({ id: 2 }).save({ return: "request" }); // { TableName, Item, … }
   * ```
   */
  save(settings: SaveSettings & { return: "request" }): Promise<SaveRequest>;
  save(settings?: SaveSettings): Promise<this>;
  save(settings: SaveSettings & { return: "request" }, callback: Callback<SaveRequest>): undefined;
  save(callback: Callback<this>): undefined;
  save(settings: SaveSettings, callback: Callback<this>): undefined;
  save(settings?: SaveSettings | Callback<never>, callback?: Callback<never>): Promise<unknown> | undefined {
    // (`saveWithHooks` resolves with the request itself for `return: "request"`.)
    if (typeof settings === "function") return withCallback(saveWithHooks(this, {}), asCallback(settings));
    return withCallback<unknown>(
      saveWithHooks(this, withConditionCopied(settings ?? {})),
      asCallback(callback),
    );
  }

  /**
   * Deletes the item (by its key) from the table. Takes `Model.delete`'s settings, as Dynamoose's
   * `item.delete` passes them on: `condition`, and `return: "request"` to get the request unsent.
   *
   * @example
   * ```ts
   * await cat.delete({ condition: new Condition("lives").eq(0) });
   * ```
   */
  delete(settings: DeleteSettings & { return: "request" }): Promise<DeleteItemCommandInput>;
  delete(settings?: DeleteSettings): Promise<void>;
  delete(
    settings: DeleteSettings & { return: "request" },
    callback: Callback<DeleteItemCommandInput>,
  ): undefined;
  delete(callback: Callback<void>): undefined;
  delete(settings: DeleteSettings, callback: Callback<void>): undefined;
  delete(
    settings?: DeleteSettings | Callback<never>,
    callback?: Callback<never>,
  ): Promise<unknown> | undefined {
    const runtime = itemRuntimeOf(this);
    if (typeof settings === "function") {
      return withCallback<unknown>(
        deleteWithHooks(runtime, this, {}).then(() => undefined),
        asCallback(settings),
        nothingOrRequest,
      );
    }
    const wantsRequest = settings?.return === "request";
    return withCallback<unknown>(
      deleteWithHooks(runtime, this, withConditionCopied(settings ?? {})).then((result) =>
        wantsRequest ? result : undefined,
      ),
      asCallback(callback),
      nothingOrRequest,
    );
  }

  /** The item as last read from or written to the table (stored names, schema types), or `null`. */
  original(): ObjectType | null {
    const image = storedImageOf(this);
    if (!image) return null;
    const runtime = itemRuntimeOf(this);
    return wholeStoredForm(schemaFor(runtime, this as Record<string, unknown>), image);
  }

  /**
   * Dotted document paths changed since the item was read or last saved (`address.city`; a changed
   * list or set is listed whole), named as the item names them (an alias when the item uses one). For an
   * item never stored, every attribute it holds.
   *
   * @example
   * ```ts
   * const user = (await User.get("u1"))!; // schema: name: {type: String, alias: "nm"}
   * user.nm = "Ann";
   * user.modifiedPaths(); // ["nm"]
   * ```
   */
  modifiedPaths(): string[] {
    const { shape, paths } = storedChangesOf(this);
    return paths.map((path) => formatDocumentPath(itemPathOf(shape, this, path)));
  }

  /**
   * Has anything changed since the last read or save, or with `path`, that path, something inside it or
   * the list or map around it? `path` may use attribute names or aliases (`"name"` or `"nm"`).
   *
   * @example
   * ```ts
   * user.address.city = "Oslo";
   * user.isDirty("address"); // true
   * user.isDirty("age"); // false
   * ```
   */
  isDirty(path?: string): boolean {
    const { shape, paths } = storedChangesOf(this);
    if (path === undefined) return paths.length > 0;
    const wanted = storedPathOf(shape, path);
    return paths.some((changed) => touches(formatDocumentPath(changed), wanted));
  }

  /**
   * Runs the write pipeline (between the validate hooks) without writing; rejects with the first error,
   * or calls `callback(error)` and returns undefined.
   *
   * @example
   * ```ts
   * await new Cat({ id: 1, age: -3 }).validate(); // rejects: ValidationError "age" …
   * ```
   */
  validate(): Promise<void>;
  validate(callback: Callback<void>): undefined;
  validate(callback?: Callback<void>): Promise<void> | undefined {
    if (callback !== undefined && typeof callback !== "function") {
      return Promise.reject(
        new InvalidParameterType(`validate() takes only a callback (got ${describeValue(callback)}).`),
      );
    }
    return withCallback(validateWithHooks(this), callback);
  }

  /**
   * Replaces model references by the referenced items (fetched with `get`). Resolves with the item, or
   * calls `callback(error, item)` and returns undefined.
   *
   * @example
   * ```ts
   * const cat = await (await Cat.get(1))!.populate({ properties: "owner" });
   * ```
   */
  populate(settings?: PopulateSettings): Promise<this>;
  populate(callback: Callback<this>): undefined;
  populate(settings: PopulateSettings, callback: Callback<this>): undefined;
  populate(
    settings?: PopulateSettings | Callback<this>,
    callback?: Callback<this>,
  ): Promise<this> | undefined {
    if (typeof settings === "function") return withCallback(populateItem(this, {}), settings);
    const work = Promise.resolve().then(() => populateItem(this, checkPopulateSettings(settings)));
    return withCallback(work, callback);
  }

  /**
   * A plain deep copy of the item's data with the schema's defaults filled in where attributes are
   * missing (nested ones too; async defaults awaited). Only defaults: no type check, `set`, validation,
   * `forceDefault` or timestamps; unknown attributes are kept. The item itself is not changed.
   *
   * @example
   * ```ts
   * const Cat = dynamodel.model("Cat", { id: Number, lives: { type: Number, default: 9 } });
   * await new Cat({ id: 1 }).withDefaults(); // { id: 1, lives: 9 }
   * ```
   */
  withDefaults(): Promise<ItemData<this>> {
    return withDefaultsOf(this) as Promise<ItemData<this>>;
  }

  /** A JSON-safe plain copy: Sets become arrays, Dates ISO strings, Buffers base64. */
  toJSON(): ObjectType {
    // A deep conversion hands out none of the item's own objects, so it reads past change tracking.
    return toJsonValue({ ...untracked(this) }) as ObjectType;
  }

  /** A plain object shaped by a serializer (see `Model.serializer`). */
  serialize(nameOrOptions?: string | object): ObjectType {
    return serializeItem(itemRuntimeOf(this), this as Record<string, unknown>, nameOrOptions);
  }
}
