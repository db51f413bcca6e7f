// Audit fixes around hooks and events, against DynamoDB Local: the update hook context (split key and
// changes, `condition` a pre hook may replace), hooks registered for an array of operations, and model
// `on`/`once`/`off` chaining on the model.
import dynamodel, { Condition, InvalidParameter, Schema } from "dynamodel";
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

describe("the update hook context", () => {
  const schema = new Schema({ id: String, n: Number, name: String });
  const seen: { key: unknown; update: unknown; condition: unknown; settings: unknown }[] = [];
  schema.pre("update", function () {
    seen.push({ key: this.key, update: this.update, condition: this.condition, settings: this.settings });
    const update = this.update as { name?: string } | undefined;
    // A pre hook may guard an update with a condition of its own.
    if (update?.name === "guarded") this.condition = new Condition("n").eq(999);
    if (update?.name === "unguarded") this.condition = undefined;
  });
  const Cat = dynamodel.model("AuditUpdateCat", schema, {
    tableName: uniqueTableName("auditupdate"),
    throughput: "ON_DEMAND",
  });
  beforeEach(() => void (seen.length = 0));

  it("splits the one-argument form into key and update by the key attributes", async () => {
    await Cat.update({ id: "a", n: 3 });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.key).toEqual({ id: "a" });
    expect(seen[0]!.update).toEqual({ n: 3 });
    expect((await stored(Cat.table().name, "a"))?.n).toEqual({ N: "3" });
  });

  it("shows a copy of the caller's condition as this.condition", async () => {
    const condition = new Condition("n").eq(3);
    await Cat.update({ id: "a" }, { n: 4 }, { condition });
    // A copy (conditions change in place: a hook's changes must stay in its call), saying the same.
    const shown = seen[0]!.condition as Condition;
    expect(shown).toBeInstanceOf(Condition);
    expect(shown).not.toBe(condition);
    expect(await Cat.scan(shown).getRequest()).toEqual(await Cat.scan(condition).getRequest());
    expect(seen[0]!.key).toEqual({ id: "a" });
    expect((await stored(Cat.table().name, "a"))?.n).toEqual({ N: "4" });
  });

  it("uses the condition a pre hook set, even when the caller gave none", async () => {
    await Cat.create({ id: "b", n: 1, name: "Tom" });
    await expect(Cat.update({ id: "b", name: "guarded" })).rejects.toMatchObject({
      name: "ConditionalCheckFailedException",
    });
    await expect(
      Cat.update("b", { name: "guarded" }, { condition: new Condition("n").eq(1) }),
    ).rejects.toMatchObject({ name: "ConditionalCheckFailedException" });
    expect((await stored(Cat.table().name, "b"))?.name).toEqual({ S: "Tom" });
  });

  it("drops the caller's condition when a pre hook removes it", async () => {
    await Cat.create({ id: "c", n: 1, name: "Tom" });
    await Cat.update("c", { name: "unguarded" }, { condition: new Condition("n").eq(999) });
    expect((await stored(Cat.table().name, "c"))?.name).toEqual({ S: "unguarded" });
  });

  it("still takes a condition a pre hook put in this.settings", async () => {
    const Dog = dynamodel.model("AuditUpdateDog", new Schema({ id: String, n: Number }), {
      tableName: uniqueTableName("auditupdatedog"),
      throughput: "ON_DEMAND",
    });
    Dog.schemas[0]!.pre("update", function () {
      this.settings.condition = new Condition("n").eq(999);
    });
    await Dog.create({ id: "d", n: 1 });
    await expect(Dog.update({ id: "d", n: 2 })).rejects.toMatchObject({
      name: "ConditionalCheckFailedException",
    });
    expect((await stored(Dog.table().name, "d"))?.n).toEqual({ N: "1" });
  });
});

describe("hooks for an array of operations", () => {
  it("registers the hook for each operation, as Mongoose does", async () => {
    const schema = new Schema({ id: String, name: String });
    const calls: string[] = [];
    // The array form is not in the TypeScript signatures (lib/schema/schema.ts) yet: hence the casts.
    schema.pre(["validate", "save"] as never, function () {
      calls.push(`pre ${this.name}`);
      this.name = String(this.name).trim();
    });
    schema.post(["save", "delete"] as never, function () {
      calls.push(`post ${this.id}`);
    });
    const Cat = dynamodel.model("AuditArrayHookCat", schema, {
      tableName: uniqueTableName("auditarrayhook"),
      throughput: "ON_DEMAND",
    });
    await Cat.create({ id: "a", name: "  Tom  " });
    expect(calls).toEqual(["pre   Tom  ", "pre Tom", "post a"]);
    expect((await stored(Cat.table().name, "a"))?.name).toEqual({ S: "Tom" });
    await Cat.delete("a");
    expect(calls).toEqual(["pre   Tom  ", "pre Tom", "post a", "post a"]);
    expect(await stored(Cat.table().name, "a")).toBeUndefined();
  });

  it("checks every name and registers nothing when one is wrong", async () => {
    const schema = new Schema({ id: String });
    let called = 0;
    const hook = () => void (called += 1);
    expect(() => schema.pre(["save", "sav"] as never, hook)).toThrow(InvalidParameter);
    expect(() => schema.pre(["save", "sav"] as never, hook)).toThrow(/Unknown hook operation "sav"/);
    expect(() => schema.post([] as never, hook)).toThrow(InvalidParameter);
    const Cat = dynamodel.model("AuditArrayHookBad", schema, {
      tableName: uniqueTableName("auditarrayhookbad"),
      throughput: "ON_DEMAND",
    });
    await Cat.create({ id: "a" });
    expect(called).toBe(0);
  });
});

describe("model on/once/off", () => {
  it("return the model, so calls chain on it", async () => {
    const Cat = dynamodel.model(
      "AuditChainCat",
      { id: String, name: String },
      { tableName: uniqueTableName("auditchain"), throughput: "ON_DEMAND" },
    );
    const events: string[] = [];
    const onSave = () => void events.push("save");
    const chained = Cat.on("save", onSave)
      .once("update", () => void events.push("update once"))
      .on("delete", () => void events.push("delete"));
    expect(chained).toBe(Cat);
    await Cat.create({ id: "a", name: "Tom" });
    await Cat.update("a", { name: "Tim" });
    await Cat.update("a", { name: "Tam" });
    expect(Cat.off("save", onSave)).toBe(Cat);
    await Cat.create({ id: "b" });
    await Cat.delete("b");
    expect(events).toEqual(["save", "update once", "delete"]);
  });
});
