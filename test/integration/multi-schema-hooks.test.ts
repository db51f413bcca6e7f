// Hooks on a model with several schemas (SPEC §3, §9): an item's own operations (validate, save,
// item.delete) run the hooks of the schema it belongs to; model-level operations (get, update, query,
// scan, batch*, transaction, Model.delete(key)) run those of every schema, in schema order then
// registration order, a function registered on several schemas once.
import dynamodel, { Schema, type } from "dynamodel";
import { modelHooks } from "../../lib/model/operation-hooks";
import { modelRuntimeOf } from "../../lib/model/runtime";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

async function stored(table: string, id: string) {
  const { Item } = await rawClient().getItem({
    TableName: table,
    Key: { id: { S: id } },
    ConsistentRead: true,
  });
  return Item;
}

/** A circle schema and a label schema sharing the key, as one model's two item shapes. */
function shapeSchemas() {
  const circle = new Schema({
    id: { type: String, hashKey: true },
    kind: type.CONSTANT("circle"),
    radius: Number,
  });
  const label = new Schema({
    id: { type: String, hashKey: true },
    kind: type.CONSTANT("label"),
    text: String,
    slug: { type: String, required: true },
  });
  return { circle, label };
}

describe("document hooks run on the item's own schema", () => {
  const { circle, label } = shapeSchemas();
  const calls: string[] = [];
  // Typed as a plain Schema: overloads cannot be called on a union of two schemas' types.
  const schemas: [string, Schema][] = [
    ["circle", circle],
    ["label", label],
  ];
  for (const [name, schema] of schemas) {
    schema.pre("validate", () => void calls.push(`${name} pre validate`));
    schema.pre("save", () => void calls.push(`${name} pre save`));
    schema.post("save", () => void calls.push(`${name} post save`));
    schema.pre("delete", () => void calls.push(`${name} pre delete`));
  }
  // What only the second schema's hooks do is visible in what is stored.
  label.pre("validate", function () {
    this.slug ??= String(this.text).toLowerCase();
  });
  label.pre("save", function () {
    this.text = String(this.text).toUpperCase();
  });
  const table = uniqueTableName("multiHooksDoc");
  const Shape = dynamodel.model("MultiHooksDocShape", [circle, label], { tableName: table });

  beforeEach(() => void calls.splice(0));

  it("saving a second-schema item runs that schema's validate and save hooks, not the first's", async () => {
    const created = await Shape.create({ id: "l1", kind: "label", text: "Hello" });
    expect(calls).toEqual(["label pre validate", "label pre save", "label post save"]);
    expect(created.text).toBe("HELLO");
    expect(await stored(table, "l1")).toEqual({
      id: { S: "l1" },
      kind: { S: "label" },
      text: { S: "HELLO" },
      slug: { S: "hello" },
    });
  });

  it("saving a first-schema item runs only the first schema's hooks", async () => {
    await Shape.create({ id: "c1", kind: "circle", radius: 2 });
    expect(calls).toEqual(["circle pre validate", "circle pre save", "circle post save"]);
  });

  it("item.validate() and item.delete() run the item's schema's hooks", async () => {
    const item = new Shape({ id: "l2", kind: "label", text: "Bye" });
    await item.validate();
    expect(calls).toEqual(["label pre validate"]);
    await item.save();
    calls.splice(0);
    await item.delete();
    expect(calls).toEqual(["label pre delete"]);
    expect(await stored(table, "l2")).toBeUndefined();
  });

  it("a transaction create runs the validate hooks of the item's schema", async () => {
    await dynamodel.transaction([Shape.transaction.create({ id: "l3", kind: "label", text: "Tx" })]);
    expect(calls).toEqual(["label pre validate"]);
    expect((await stored(table, "l3"))?.slug).toEqual({ S: "tx" });
  });

  it("Model.delete(key) cannot tell the shape, so it runs every schema's delete hooks", async () => {
    await Shape.create({ id: "l4", kind: "label", text: "Gone" });
    calls.splice(0);
    await Shape.delete("l4");
    expect(calls).toEqual(["circle pre delete", "label pre delete"]);
  });
});

describe("model-level hooks on a later schema run", () => {
  const { circle, label } = shapeSchemas();
  const calls: string[] = [];
  label.pre("get", function () {
    calls.push(`get ${JSON.stringify(this.key)}`);
  });
  label.post("get", () => void calls.push("post get"));
  label.pre("update", function () {
    calls.push("update");
    // A pre hook may change the request: the change is what is stored.
    this.update = { ...(this.update as object), slug: "from-hook" };
  });
  label.pre("query", () => void calls.push("query"));
  // Iterating (rather than exec()) gives the post hook the number of items.
  label.post("scan", (count) => void calls.push(`scan ${String(count)}`));
  label.pre("batchGet", () => void calls.push("batchGet"));
  label.pre("batchPut", () => void calls.push("batchPut"));
  label.pre("batchDelete", () => void calls.push("batchDelete"));
  label.pre("transaction", () => void calls.push("transaction"));
  const table = uniqueTableName("multiHooksModel");
  const Shape = dynamodel.model("MultiHooksModelShape", [circle, label], { tableName: table });

  beforeAll(() => Shape.create({ id: "l", kind: "label", text: "x", slug: "x" }));
  beforeEach(() => void calls.splice(0));

  it("runs get, update, query and scan hooks", async () => {
    expect((await Shape.get("l"))?.text).toBe("x");
    await Shape.update({ id: "l" }, { text: "y" });
    await Shape.query("id").eq("l").exec();
    for await (const item of Shape.scan()) expect(item.id).toBe("l");
    expect(calls).toEqual(['get "l"', "post get", "update", "query", "scan 1"]);
    expect((await stored(table, "l"))?.slug).toEqual({ S: "from-hook" });
  });

  it("runs the batch and transaction hooks", async () => {
    await Shape.batchPut([{ id: "b", kind: "label", text: "b", slug: "b" }]);
    await Shape.batchGet(["b"]);
    await dynamodel.transaction([Shape.transaction.update({ id: "b" }, { text: "c" })]);
    await Shape.batchDelete(["b"]);
    expect(calls).toEqual(["batchPut", "batchGet", "transaction", "batchDelete"]);
  });
});

describe("the combined hooks of several schemas", () => {
  const { circle, label } = shapeSchemas();
  const calls: string[] = [];
  const shared = () => void calls.push("shared");
  const twice = () => void calls.push("twice");
  circle.pre("get", () => void calls.push("circle 1"));
  circle.pre("get", shared);
  label.pre("get", () => void calls.push("label 1"));
  label.pre("get", shared);
  label.pre("get", twice);
  label.pre("get", twice);
  circle.post("get", shared);
  label.post("get", shared);
  circle.post("get", (error: unknown, _result: unknown, next: (error?: unknown) => void) => {
    calls.push("circle handler");
    next(new Error(`replaced: ${(error as Error).message}`));
  });
  label.post("get", (error: unknown, _result: unknown, next: (error?: unknown) => void) => {
    calls.push(`label handler sees ${(error as Error).message}`);
    next(error);
  });
  const table = uniqueTableName("multiHooksOrder");
  const Shape = dynamodel.model("MultiHooksOrderShape", [circle, label], { tableName: table });

  beforeEach(() => void calls.splice(0));

  it("run in schema order then registration order, a function on several schemas once", async () => {
    await Shape.get("none");
    // `shared` runs where the first schema put it; `twice`, registered twice on one schema, runs twice
    // (as on a one-schema model).
    expect(calls).toEqual(["circle 1", "shared", "label 1", "twice", "twice", "shared"]);
  });

  it("error handlers of every schema run in order, each seeing the error as the previous left it", async () => {
    const failing = new Error("boom");
    label.pre("get", () => {
      throw failing;
    });
    await expect(Shape.get("none")).rejects.toThrow("replaced: boom");
    expect(calls).toEqual([
      "circle 1",
      "shared",
      "label 1",
      "twice",
      "twice",
      "circle handler",
      "label handler sees replaced: boom",
    ]);
  });

  it("hooks added after model() run, on any schema", async () => {
    const lateTable = uniqueTableName("multiHooksLate");
    const late = shapeSchemas();
    const Late = dynamodel.model("MultiHooksLateShape", [late.circle, late.label], { tableName: lateTable });
    await Late.get("none");
    late.label.pre("get", () => void calls.push("late label"));
    await Late.get("none");
    // The combined view has merged the get hooks by now: a hook added later must still be seen.
    late.circle.pre("get", () => void calls.push("late circle"));
    await Late.get("none");
    late.label.pre("scan", () => void calls.push("late scan"));
    await Late.scan().exec();
    expect(calls).toEqual(["late label", "late circle", "late label", "late scan"]);
  });

  it("a one-schema model uses its schema's own registry (no combined view)", () => {
    const one = shapeSchemas().circle;
    const One = dynamodel.model("MultiHooksOneShape", one, { tableName: uniqueTableName("multiHooksOne") });
    const Two = dynamodel.model("MultiHooksTwoShape", [one, shapeSchemas().label], {
      tableName: uniqueTableName("multiHooksTwo"),
    });
    const oneRuntime = modelRuntimeOf(One);
    expect(modelHooks(oneRuntime)).toBe(oneRuntime.compiled[0]!.hooks);
    // The combined view of a multi-schema model is built once.
    expect(modelHooks(modelRuntimeOf(Two))).toBe(modelHooks(modelRuntimeOf(Two)));
    expect(modelHooks(modelRuntimeOf(Two))).not.toBe(oneRuntime.compiled[0]!.hooks);
  });
});
