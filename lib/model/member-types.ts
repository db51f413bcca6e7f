// The types of two groups of a Model's members, kept apart from ModelType (types.ts) to keep that file
// readable: custom methods (`Model.methods`) and named serializers (`Model.serializer`).
import type { CallbackValue } from "../schema/definition-types";
import type { SerializerOptions } from "./serializer";
import type { ModelItem, ModelType } from "./types";

/** `Model.methods`: custom static and item methods (Dynamoose's API), each `set` typed into the model. */
export interface ModelMethods<
  TItem,
  TInput,
  TKey,
  TUpdate,
  TPath extends string,
  TIndex extends string,
  TGot,
  TSelf = ModelType<TItem, TInput, TKey, TUpdate, TPath, TIndex, TGot>,
> {
  /**
   * Adds a static method `name` (`this` is the model) and returns the model, typed with it. A name the
   * model already has as a built-in (`get`, `query`, `table` …, or a function member such as `bind`)
   * is left alone: the call does nothing. A method may return a value, a promise, or use a callback.
   *
   * @example
   * ```ts
   * const Cats = Cat.methods.set("named", async function (name: string) {
   *   return this.scan("name").eq(name).exec();
   * });
   * await Cats.named("Tom");
   * ```
   */
  // `TSelf` is the model as typed where `methods` is read (`this` in ModelType), so methods set before
  // stay on the type a later `set` returns, and a method's `this` sees them.
  set<N extends string, F extends (this: TSelf, ...args: CallbackValue[]) => unknown>(
    name: N,
    fn: F,
  ): TSelf & { [K in N]: OmitThisParameter<F> };
  /**
   * Removes the static method `name` added with `set()`; built-ins are never removed.
   *
   * @example
   * ```ts
   * Cat.methods.delete("named");
   * ```
   */
  delete(name: string): void;
  /**
   * Item methods: `set()` adds one to every item of this model, `delete()` removes it.
   *
   * @example
   * ```ts
   * const Cats = Cat.methods.item.set("greet", function () {
   *   return `Hi, I am ${this.name}`;
   * });
   * new Cats({ id: 1, name: "Tom" }).greet(); // "Hi, I am Tom"
   * ```
   */
  item: {
    /**
     * Adds an item method `name` (`this` is the item) and returns the model, typed with it. Built-in
     * item members are kept (the call does nothing), except `validate`, `isDirty` and `modifiedPaths`,
     * which Dynamoose lacks: a custom one replaces dynamodel's on this model's items.
     *
     * @example
     * ```ts
     * const Cats = Cat.methods.item.set("isKitten", function () {
     *   return (this.age ?? 0) < 1;
     * });
     * new Cats({ id: 1, age: 0 }).isKitten(); // true
     * ```
     */
    set<N extends string, F extends (this: ModelItem<TItem>, ...args: CallbackValue[]) => unknown>(
      name: N,
      fn: F,
    ): ModelType<
      TItem & { [K in N]: OmitThisParameter<F> },
      TInput,
      TKey,
      TUpdate,
      TPath,
      TIndex,
      undefined extends TGot
        ? ModelItem<TItem & { [K in N]: OmitThisParameter<F> }> | undefined
        : ModelItem<TItem & { [K in N]: OmitThisParameter<F> }>
    > &
      StaticsAdded<TSelf>;
    /**
     * Removes the item method `name`; for `validate`, `isDirty` or `modifiedPaths`, brings the built-in
     * back. Other built-ins are never removed.
     */
    delete(name: string): void;
  };
}

/** The static methods `methods.set()` added to a model type: its members that ModelType does not have. */
type StaticsAdded<TSelf> = Omit<TSelf, keyof ModelType>;

/** `Model.serializer`: the model's named serializers. */
export interface ModelSerializers {
  /**
   * Adds (or replaces) the serializer `name`: `{include?, exclude?, modify?}`, or an array of the paths
   * to include. Paths may be nested (`"friend.name"`).
   *
   * @example
   * ```ts
   * Cat.serializer.add("summary", ["id", "name"]);
   * Cat.serializer.add("shout", {
   *   modify: (serialized, original) => ({ ...serialized, name: original.name.toUpperCase() }),
   * });
   * ```
   */
  add(name: string, options: SerializerOptions | readonly string[]): void;
  /**
   * Removes the serializer `name`; if it was the default, the default is reset (as `default.set()`).
   *
   * @example
   * ```ts
   * Cat.serializer.delete("summary");
   * ```
   */
  delete(name: string): void;
  /**
   * The serializer used when none is named. `set(name)` makes `name` the default (an unknown name is
   * ignored); `set()`, `set(null)` and `set("_default")` reset it: a plain shallow copy of the item.
   *
   * @example
   * ```ts
   * Cat.serializer.default.set("summary");
   * Cat.serializer.default.set(); // a plain copy again
   * ```
   */
  default: { set(name?: string | null): void };
}
