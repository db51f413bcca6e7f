// Hook `this`: the schema's item for document hooks, the operation context for model hooks.
import { Schema } from "dynamodel";
import type { HookContext, HookOperation, HookOperations, NextHook } from "dynamodel";
import type { ItemOf } from "../../lib/schema/infer";
import type { HookItem } from "../../lib/hooks/hook-item";
import type { Equal, Expect } from "./assert";

const schema = new Schema({
  id: { type: String, hashKey: true },
  name: { type: String, required: true },
  age: Number,
});

schema.pre("save", function () {
  type _this = Expect<Equal<typeof this.name, string>>;
  this.name = this.name.trim();
});
schema.pre("update", function (next) {
  const model: string = this.model;
  this.settings.returnValues = "ALL_OLD";
  void model;
  next();
});
schema.post("save", function (item) {
  const age: number | undefined = item.age;
  void age;
});
schema.post("get", function (error: unknown, _result: unknown, next: (error?: unknown) => void) {
  next(error);
});
// @ts-expect-error: not a hook operation
schema.pre("explode", () => undefined);
schema.pre("save", function () {
  // @ts-expect-error: name is a string
  this.name = 5;
});

type SchemaData = ItemOf<(typeof schema)["__definition"], (typeof schema)["__settings"]>;
/** A document hook's `this`: the item's data and the Item methods. */
type SchemaItem = HookItem<SchemaData>;

// Document hooks get the item itself: its Item methods are there (`this.save()` in a post hook).
schema.post("validate", async function () {
  const original = this.original();
  const dirty: boolean = this.isDirty("name");
  const saved = await this.save();
  const name: string = saved.name;
  void [original, dirty, name, this.toJSON()];
});
schema.post("save", function (item) {
  type _item = Expect<Equal<typeof item, SchemaItem>>;
  const modified: string[] = item.modifiedPaths();
  void modified;
});
schema.pre("delete", function () {
  // @ts-expect-error: the Item methods are typed; save takes settings or a callback
  void this.save(5);
});

// Arrays of names (Mongoose): `this` follows the kind of the operations named.
schema.pre(["save", "validate"], function () {
  type _this = Expect<Equal<typeof this.name, string>>;
  this.name = this.name.trim();
});
schema.pre(["get", "query", "scan"], function (next) {
  type _this = Expect<Equal<typeof this, HookContext>>;
  this.settings.consistent = true;
  next();
});
const documentOperations = ["save", "delete"] as const;
schema.post(documentOperations, function (item) {
  type _item = Expect<Equal<typeof item.name, string>>;
});
schema.post(["update", "batchPut"], function (result: unknown, next: (error?: unknown) => void) {
  const model: string = this.model;
  void [model, result];
  next();
});
schema.post(
  ["save", "validate"],
  function (error: unknown, item: SchemaItem | undefined, next: (error?: unknown) => void) {
    next(error);
  },
);

// A mixed array: `this` is the item or the context, so the hook must narrow before relying on either.
schema.pre(["save", "update"], function () {
  type _this = Expect<Equal<typeof this, SchemaItem | HookContext>>;
  // @ts-expect-error: `this` may be a context, which has no name
  void this.name;
  if ("operation" in this) this.settings.returnValues = "ALL_NEW";
  else this.name = this.name.trim();
});
schema.post(["delete", "get"], function (result) {
  type _result = Expect<Equal<typeof result, unknown>>;
});
// A function that assumes one kind of `this` is refused for a mixed array (it would get the other).
declare function trimName(this: SchemaItem): void;
// @ts-expect-error: `get` runs it with a context
schema.pre(["save", "get"], trimName);
schema.pre(["save", "validate"], trimName);
declare const someOperation: HookOperation;
schema.pre(someOperation, () => undefined);
// @ts-expect-error: not a hook operation
schema.pre(["save", "explode"], () => undefined);

// The hook types are exported (above, from "dynamodel") for annotating hooks written apart from the schema.
export const auditHook = function (this: HookContext, next: NextHook): void {
  void this.model;
  next();
};
export const hookNames: HookOperations = ["get", "save"];

// Unannotated `(result, next)` post hooks are typed from the schema, in every form (SPEC §9).
schema.post("save", function (item, next) {
  type _item = Expect<Equal<typeof item.name, string>>;
  type _next = Expect<Equal<typeof next, NextHook>>;
  next();
});
schema.post("save", (item, next) => {
  type _item = Expect<Equal<typeof item.age, number | undefined>>;
  next();
});
schema.post("update", function (result, next) {
  type _this = Expect<Equal<typeof this, HookContext>>;
  type _result = Expect<Equal<typeof result, unknown>>;
  next();
});
schema.post(["save", "validate"], function (item, next) {
  type _item = Expect<Equal<typeof item.name, string>>;
  next();
});
schema.post(["save", "get"], function (result, next) {
  type _result = Expect<Equal<typeof result, unknown>>;
  next();
});
schema.post("save", async function (item) {
  await Promise.resolve(item.name);
});
// The error handler: TypeScript cannot pick an overload by parameter count, so its parameters are annotated.
schema.post("save", function (error: unknown, item: SchemaItem | undefined, next: NextHook) {
  void item?.name;
  next(error);
});
// @ts-expect-error: a post hook takes at most three parameters
schema.post("save", function (a: unknown, b: unknown, c: NextHook, d: number) {
  void [a, b, c, d];
});
// Mongoose's options argument has no counterpart (and is refused at runtime too).
// @ts-expect-error: no options argument
schema.pre("save", { document: true }, function () {});
// @ts-expect-error: no options argument
schema.post("delete", { document: true, query: false }, function () {});
