/**
 * `new Schema(definition, settings?)`: the attributes, types, keys, indexes and rules of a model's
 * items (SPEC §2). The definition is compiled once, here; construction errors are thrown here.
 *
 * @example
 * ```ts
 * const catSchema = new Schema(
 *   {
 *     id: { type: String, hashKey: true },
 *     name: { type: String, required: true },
 *     age: { type: Number, validate: (age: number) => age >= 0 },
 *     tags: { type: Set, schema: [String] },
 *   },
 *   { timestamps: true },
 * );
 * catSchema.hashKey; // "id"
 * ```
 */
import { describeValue, InvalidParameterType, InvalidType, UnknownAttribute } from "../errors";
import type {
  ContextHookOperation,
  DocumentHookOperation,
  HookContext,
  HookOperations,
  NextHook,
  PostHookFunction,
} from "../hooks/hooks";
import type { ItemOf } from "./infer";
import type { HookItem } from "../hooks/hook-item";
import type { CompiledAttribute, CompiledSchema, ObjectShape } from "./compiled";
import { compileSchema } from "./compile";
import { attributePaths, type AttributePathSettings } from "./attribute-paths";
import { isRecordLike } from "../expressions/is-plain-object";
import type { DefinitionCheck, SettingsCheck } from "./definition-check";
import type { SchemaDefinition, SchemaSettings } from "./definition-types";
import { linkCompiledSchema } from "./links";
import { checkSchemaSettings } from "./settings";
import { declaredListElement } from "./list-element";
import { SelfReference } from "./self-reference";

/**
 * A compiled schema: what a model's items hold (attributes, types, keys, indexes, rules) and its hooks.
 * Pass it, or several for a single-table design, to `dynamodel.model()`; its type gives the model's item,
 * input, key and update types. A bad definition or setting throws here, not at the first request.
 *
 * @example
 * ```ts
 * const catSchema = new dynamodel.Schema({ id: String, name: String }, { timestamps: true });
 * catSchema.pre("save", function () {
 *   this.name = this.name?.trim();
 * });
 * const Cat = dynamodel.model("Cat", catSchema); // item types inferred from the schema
 * ```
 */
export class Schema<
  const D extends SchemaDefinition = SchemaDefinition,
  const S extends SchemaSettings = SchemaSettings,
> {
  /** Marks Schema instances structurally (nested schemas, type inference). */
  readonly __isDynamodelSchema = true as const;
  /** Phantom: the definition's type, for inference. Not present at run time. */
  declare readonly __definition: D;
  /** Phantom: the settings' type, for inference. Not present at run time. */
  declare readonly __settings: S;

  readonly #compiled: CompiledSchema;
  readonly #settings: S;

  /**
   * @throws InvalidParameter for a bad definition or a bad setting: an unknown setting, or `saveUnknown`,
   * `timestamps`, `version`, `get`, `set`, `validate` with a value of the wrong kind (named in the message).
   */
  constructor(definition: D & DefinitionCheck<D>, settings?: S & SettingsCheck<S>) {
    checkSchemaSettings(settings);
    this.#compiled = compileSchema(definition, settings);
    this.#settings = (settings ?? {}) as S;
    linkCompiledSchema(this, this.#compiled);
  }

  /** The hash key's attribute name (the attribute marked `hashKey`, else the first one). */
  get hashKey(): string {
    return this.#compiled.hashKey;
  }

  /** The range key's attribute name, if there is one. */
  get rangeKey(): string | undefined {
    return this.#compiled.rangeKey;
  }

  /** The attributes that have an index, one entry per index (as in Dynamoose). */
  get indexAttributes(): string[] {
    return this.#compiled.indexes.map((index) => (index.type === "local" ? index.rangeKey! : index.hashKey));
  }

  /**
   * Registers a hook that runs before `operation` (Mongoose semantics, SPEC §9): one name, or an array of
   * names to register it for each. Document operations (`validate`, `save`, `delete`) run it with `this` =
   * the item; the others with `this` = a context `{model, operation, key?, update?, condition?, items?,
   * keys?, query?, settings}` whose request parts the hook may change. An array mixing both kinds gives
   * `this` = the item or the context: narrow it (`"operation" in this`) before relying on either. Declare
   * a parameter to get `next`, or return a promise. Throwing aborts the operation: nothing is written.
   *
   * @example
   * ```ts
   * schema.pre("save", function () {
   *   this.name = this.name.trim();
   * });
   * schema.pre(["validate", "save"], function () {
   *   this.updatedBy ??= "system";
   * });
   * schema.pre(["get", "query", "scan"], function () {
   *   this.settings.consistent = true;
   * });
   * ```
   */
  pre(
    operation: HookOperations<DocumentHookOperation>,
    hook: (this: HookItem<ItemOf<D, S>>, next: NextHook) => unknown,
  ): this;
  pre(
    operation: HookOperations<ContextHookOperation>,
    hook: (this: HookContext, next: NextHook) => unknown,
  ): this;
  pre(
    operation: HookOperations,
    hook: (this: HookItem<ItemOf<D, S>> | HookContext, next: NextHook) => unknown,
  ): this;
  pre(operation: HookOperations, hook: (this: never, next: NextHook) => unknown, ...rest: unknown[]): this {
    this.#compiled.hooks.addPre(operation, hook, rest[0]);
    return this;
  }

  /**
   * Registers a hook that runs after `operation` (one name or an array of names) succeeded, with
   * `(result)` or `(result, next)`; a hook declaring `(error, result, next)` runs when the operation
   * failed and may replace the error. `this` is as for {@link Schema.pre}; for an array mixing document
   * and model-level operations the result is `unknown`.
   *
   * @example
   * ```ts
   * schema.post("save", function (item) {
   *   audit.push(item.id);
   * });
   * schema.post(["save", "delete"], function (item) {
   *   cache.delete(item.id);
   * });
   * ```
   */
  // One signature covers `(result)` and `(result, next)`: TypeScript takes an unannotated hook's
  // parameter types from the first overload it tries, so two overloads would leave `next` untyped.
  // The error handler `(error, result, next)` comes second; its parameters need annotations
  // (TypeScript cannot choose an overload by a function's parameter count), as in Mongoose.
  post(
    operation: HookOperations<DocumentHookOperation>,
    hook: (this: HookItem<ItemOf<D, S>>, result: HookItem<ItemOf<D, S>>, next: NextHook) => unknown,
  ): this;
  post(
    operation: HookOperations<DocumentHookOperation>,
    hook: (
      this: HookItem<ItemOf<D, S>>,
      error: unknown,
      result: HookItem<ItemOf<D, S>> | undefined,
      next: NextHook,
    ) => unknown,
  ): this;
  post(
    operation: HookOperations<ContextHookOperation>,
    hook: (this: HookContext, result: unknown, next: NextHook) => unknown,
  ): this;
  post(
    operation: HookOperations<ContextHookOperation>,
    hook: (this: HookContext, error: unknown, result: unknown, next: NextHook) => unknown,
  ): this;
  post(
    operation: HookOperations,
    hook: (this: HookItem<ItemOf<D, S>> | HookContext, result: unknown, next: NextHook) => unknown,
  ): this;
  post(
    operation: HookOperations,
    hook: (
      this: HookItem<ItemOf<D, S>> | HookContext,
      error: unknown,
      result: unknown,
      next: NextHook,
    ) => unknown,
  ): this;
  post(operation: HookOperations, hook: PostHookFunction<never, never>, ...rest: unknown[]): this {
    this.#compiled.hooks.addPost(operation, hook, rest[0]);
    return this;
  }

  /** The schema settings as given. */
  get settings(): S {
    return this.#settings;
  }

  /**
   * Every attribute path, nested ones dotted (a list's element as `.0`). With `item`, an attribute of
   * several types lists only the paths of the type its value has; `{includeMaps: true}` also lists each
   * attribute's aliases after it.
   *
   * @example
   * ```ts
   * new Schema({ id: String, address: { type: Object, schema: { city: String } } }).attributes();
   * // ["id", "address", "address.city"]
   * ```
   */
  attributes(item?: object, settings?: AttributePathSettings): string[] {
    return attributePaths(this.#compiled.shape, isRecordLike(item) ? item : undefined, settings);
  }

  /**
   * The DynamoDB type letter(s) of an attribute path ("S", "N", "M", "L", "SS", …): one letter, or an
   * array for an attribute with several types. Throws `UnknownAttribute` for a path not in the schema.
   */
  getAttributeType(path: string): string | string[] {
    if (typeof path !== "string") {
      throw new InvalidParameterType(
        `getAttributeType() needs an attribute path (got ${describeValue(path)}).`,
      );
    }
    const attribute = findAttribute(this.#compiled.shape, path);
    if (!attribute) throw new UnknownAttribute(`Invalid Attribute: ${path}`, path);
    const types = attribute.variants.map((variant) => {
      switch (variant.kind) {
        case "scalar":
          return variant.type.dynamoType;
        case "object":
        case "json":
          return variant.kind === "json" ? "S" : "M";
        case "array":
          return "L";
        case "set": {
          // As saving one does, and as Dynamoose answers: a Set of booleans (or objects) has no type.
          const setType = variant.element?.setType;
          if (setType === undefined) {
            throw new InvalidType(
              `Attribute "${path}" is a Set of ${variant.elementName}, which DynamoDB cannot store: a set holds strings, numbers or binaries.`,
            );
          }
          return setType;
        }
        case "combine":
          return "S";
        case "any":
          return "ANY";
        case "reference": {
          // type.THIS before model(): its model will be this schema's, which gives the key layout, as
          // Dynamoose answers.
          if (variant.target instanceof SelfReference && !variant.target.isBound) {
            if (this.rangeKey !== undefined) return "M";
            const hashVariant = findAttribute(this.#compiled.shape, this.hashKey)?.variants[0];
            if (hashVariant?.kind === "scalar") return hashVariant.type.dynamoType;
          }
          const model = variant.target.resolve();
          return model.rangeKey === undefined ? model.hashType.dynamoType : "M";
        }
      }
    });
    return types.length === 1 ? types[0]! : types;
  }
}

/** Finds the attribute at a dotted path; numeric segments step into list elements. */
function findAttribute(root: ObjectShape, path: string): CompiledAttribute | undefined {
  let shape: ObjectShape | undefined = root;
  let found: CompiledAttribute | undefined;
  // A list index may be written as a document path writes it (`tags[1]`), as get's `attributes` take it.
  for (const segment of path.replace(/\[(\d+)\]/g, ".$1").split(".")) {
    if (/^\d+$/.test(segment) && found) {
      found = declaredListElement(found);
    } else {
      found = shape?.byInputName.get(segment);
    }
    if (!found) return undefined;
    shape = objectShape(found);
  }
  return found;
}

function objectShape(attribute: CompiledAttribute): ObjectShape | undefined {
  for (const variant of attribute.variants) {
    if (variant.kind === "object" && typeof variant.shape === "object") return variant.shape;
  }
  return undefined;
}
