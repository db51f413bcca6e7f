// Saving validates first, as in Mongoose, where validation is the first `pre("save")` step: the order of
// validate and save hooks, what an invalid item skips, and what transaction writes run.
import dynamodel, { Schema, ValidationError } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

async function stored(table: string, id: number) {
  const { Item } = await rawClient().getItem({
    TableName: table,
    Key: { id: { N: String(id) } },
    ConsistentRead: true,
  });
  return Item;
}

/** Fails instead of hanging when `promise` does not settle in time. */
function within<T>(promise: Promise<T>, ms = 2000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not settle within ${ms} ms`)), ms);
  });
  return Promise.race([promise, hung]).finally(() => clearTimeout(timer));
}

describe("save with validate and save hooks", () => {
  const calls: string[] = [];
  const schema = new Schema({
    id: Number,
    name: { type: String, validate: (name: unknown) => name !== "bad" },
    slug: String,
  });
  // Registered before the validate hooks on purpose: the order comes from Mongoose, not registration.
  schema.pre("save", function () {
    calls.push("pre save");
    this.slug = String(this.name).toLowerCase();
  });
  schema.post("save", () => void calls.push("post save"));
  schema.pre("validate", () => void calls.push("pre validate"));
  schema.post("validate", () => void calls.push("post validate"));
  schema.post("validate", (error: unknown, _result: unknown, next: () => void) => {
    calls.push(`validate handler ${(error as Error).name}`);
    next();
  });
  schema.post("save", (error: unknown, _result: unknown, next: () => void) => {
    calls.push(`save handler ${(error as Error).name}`);
    next();
  });
  const Cat = dynamodel.model("HookOrderCat", schema, {
    tableName: uniqueTableName("hookorder"),
    throughput: "ON_DEMAND",
  });
  const errors: unknown[] = [];
  Cat.on("error", (error: unknown) => errors.push(error));

  beforeEach(() => {
    calls.length = 0;
    errors.length = 0;
  });

  it("runs pre validate, post validate, then pre save, and writes what the pre save hooks changed", async () => {
    await new Cat({ id: 1, name: "Tom" }).save();
    expect(calls).toEqual(["pre validate", "post validate", "pre save", "post save"]);
    expect((await stored(Cat.table().name, 1))?.slug).toEqual({ S: "tom" });
  });

  it("keeps that order when saving changes to an item read from the table", async () => {
    const cat = (await Cat.get(1))!;
    cat.name = "Tomas";
    calls.length = 0;
    await cat.save();
    expect(calls).toEqual(["pre validate", "post validate", "pre save", "post save"]);
    expect(await stored(Cat.table().name, 1)).toMatchObject({ name: { S: "Tomas" }, slug: { S: "tomas" } });
  });

  it("skips the pre save hooks of an invalid item, runs both error handlers, writes nothing", async () => {
    await expect(Cat.create({ id: 2, name: "bad" })).rejects.toThrow(ValidationError);
    expect(calls).toEqual([
      "pre validate",
      "validate handler ValidationError",
      "save handler ValidationError",
    ]);
    expect(await stored(Cat.table().name, 2)).toBeUndefined();
    expect(errors).toHaveLength(1);
  });

  it("aborts before the pre save hooks when a pre validate hook fails", async () => {
    const strict = new Schema({ id: Number, name: String });
    const seen: string[] = [];
    strict.pre("validate", (next: (error?: unknown) => void) => next(new Error("not today")));
    strict.pre("save", () => void seen.push("pre save"));
    const Strict = dynamodel.model("HookOrderStrict", strict, {
      tableName: uniqueTableName("hookorderstrict"),
      throughput: "ON_DEMAND",
    });
    await expect(Strict.create({ id: 1, name: "x" })).rejects.toThrow("not today");
    expect(seen).toEqual([]);
    await Strict.table().initialize();
    expect(await stored(Strict.table().name, 1)).toBeUndefined();
  });
});

describe("a pre validate hook fills what validation needs (the Mongoose idiom)", () => {
  const schema = new Schema({ id: Number, name: String, slug: { type: String, required: true } });
  schema.pre("validate", function () {
    this.slug ??= String(this.name).toLowerCase();
  });
  schema.pre("save", function () {
    this.name = String(this.name).trim();
  });
  const Post = dynamodel.model("HookOrderPost", schema, {
    tableName: uniqueTableName("hookorderpost"),
    throughput: "ON_DEMAND",
  });

  it("saves: the required attribute is there before validation", async () => {
    // The input type requires slug; the hook is what provides it.
    await Post.create({ id: 1, name: " Hello " } as { id: number; name: string; slug: string });
    expect(await stored(Post.table().name, 1)).toMatchObject({
      name: { S: "Hello" },
      slug: { S: " hello " },
    });
  });
});

describe("without pre save hooks", () => {
  let defaults = 0;
  const calls: string[] = [];
  const schema = new Schema({
    id: Number,
    token: {
      type: String,
      default: () => {
        defaults += 1;
        return `t${defaults}`;
      },
    },
  });
  schema.pre("validate", () => void calls.push("pre validate"));
  schema.post("validate", () => void calls.push("post validate"));
  schema.post("save", () => void calls.push("post save"));
  const Note = dynamodel.model("HookOrderNote", schema, {
    tableName: uniqueTableName("hookordernote"),
    throughput: "ON_DEMAND",
  });

  it("validates inside the write: one pass of the write pipeline", async () => {
    const note = await Note.create({ id: 1 });
    expect(calls).toEqual(["pre validate", "post validate", "post save"]);
    expect(defaults).toBe(1);
    expect(note.token).toBe("t1");
    expect((await stored(Note.table().name, 1))?.token).toEqual({ S: "t1" });
  });
});

describe("transaction writes", () => {
  const calls: string[] = [];
  const schema = new Schema({ id: Number, name: String });
  schema.pre("validate", function () {
    calls.push("pre validate");
    if (this.name === "refused") throw new Error("refused by a validate hook");
  });
  schema.post("validate", () => void calls.push("post validate"));
  schema.pre("save", () => void calls.push("pre save"));
  const Cat = dynamodel.model("HookOrderTxCat", schema, {
    tableName: uniqueTableName("hookordertx"),
    throughput: "ON_DEMAND",
  });

  beforeEach(() => {
    calls.length = 0;
  });

  it("run the validate hooks (not the save hooks) for transaction.create", async () => {
    await dynamodel.transaction([Cat.transaction.create({ id: 1, name: "Tom" })]);
    expect(calls).toEqual(["pre validate", "post validate"]);
    expect(await stored(Cat.table().name, 1)).toBeDefined();
  });

  it("are aborted by a failing validate hook: nothing written", async () => {
    await expect(
      dynamodel.transaction([
        Cat.transaction.create({ id: 2, name: "Ann" }),
        Cat.transaction.create({ id: 3, name: "refused" }),
      ]),
    ).rejects.toThrow("refused by a validate hook");
    expect(await stored(Cat.table().name, 2)).toBeUndefined();
    expect(await stored(Cat.table().name, 3)).toBeUndefined();
  });
});

describe("an async pre save hook that declares next but never calls it", () => {
  const schema = new Schema({ id: Number, name: String });
  schema.pre("save", async function (next: () => void) {
    void next; // declared, never called: the returned promise decides (as Mongoose's Kareem)
    this.name = `${String(this.name)}!`;
  });
  const Cat = dynamodel.model("HookOrderAsyncCat", schema, {
    tableName: uniqueTableName("hookorderasync"),
    throughput: "ON_DEMAND",
  });

  it("continues when its promise resolves", async () => {
    await within(Cat.create({ id: 1, name: "Tom" }));
    expect((await stored(Cat.table().name, 1))?.name).toEqual({ S: "Tom!" });
  });

  it("fails when its promise rejects: nothing written", async () => {
    const failing = new Schema({ id: Number });
    failing.pre("save", async function (next: () => void) {
      void next;
      throw new Error("async refusal");
    });
    const Failing = dynamodel.model("HookOrderAsyncFail", failing, {
      tableName: uniqueTableName("hookorderasyncfail"),
      throughput: "ON_DEMAND",
    });
    await expect(within(Failing.create({ id: 1 }))).rejects.toThrow("async refusal");
    await Failing.table().initialize();
    expect(await stored(Failing.table().name, 1)).toBeUndefined();
  });
});

describe("with a pre save hook, the write pipeline's functions run once", () => {
  const counts = { set: 0, validate: 0, default: 0 };
  const schema = new Schema({
    id: Number,
    code: {
      type: String,
      set: (code: string) => (counts.set++, code.toUpperCase()),
      validate: () => (counts.validate++, true),
    },
    token: { type: String, default: () => `t${++counts.default}` },
    note: String,
  });
  schema.pre("save", function () {
    if (this.note === "change me") this.note = "changed by the hook";
  });
  const table = uniqueTableName("hookonce");
  const Tag = dynamodel.model("HookOnceTag", schema, { tableName: table });

  beforeEach(() => Object.assign(counts, { set: 0, validate: 0, default: 0 }));

  it("when the hook changes nothing, the validation step's result is what is written", async () => {
    await Tag.create({ id: 1, code: "ab" });
    expect(counts).toEqual({ set: 1, validate: 1, default: 1 });
    expect(await stored(table, 1)).toEqual({ id: { N: "1" }, code: { S: "AB" }, token: { S: "t1" } });
  });

  it("when the hook changes the item, the change is converted and written", async () => {
    await Tag.create({ id: 2, code: "cd", note: "change me" });
    expect(await stored(table, 2)).toMatchObject({ note: { S: "changed by the hook" }, code: { S: "CD" } });
  });
});
