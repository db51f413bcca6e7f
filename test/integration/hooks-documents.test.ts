// Hooks and events of the document operations, queries, scans and transactions; middleware.
import dynamodel, { Condition, Schema, type DynamoCall } from "dynamodel";
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

describe("save, validate, delete and get hooks", () => {
  const calls: string[] = [];
  const address = new Schema({ city: String });
  // Hooks of a nested schema belong to that schema's own models, never to the parent's operations.
  address.pre("save", () => void calls.push("nested pre save"));
  const schema = new Schema({ id: Number, name: String, address });
  schema.pre("validate", function () {
    calls.push(`pre validate ${String(this.name)}`);
  });
  schema.post("validate", () => void calls.push("post validate"));
  schema.pre("save", function (next) {
    calls.push("pre save");
    this.name = String(this.name).trim();
    next();
  });
  schema.post("save", function (item) {
    calls.push(`post save ${String(item.name)}`);
  });
  schema.pre("delete", function () {
    calls.push(`pre delete ${String(this.id)}`);
    if (this.id === 13) throw new Error("13 is protected");
  });
  schema.post("delete", () => void calls.push("post delete"));
  schema.pre("get", function () {
    calls.push(`pre get ${JSON.stringify(this.key)}`);
  });
  schema.post("get", (item) => void calls.push(`post get ${(item as { name?: string } | undefined)?.name}`));
  const Cat = dynamodel.model("HookDocCat", schema, {
    tableName: uniqueTableName("hookdoc"),
    throughput: "ON_DEMAND",
  });
  const saved: unknown[] = [];
  const deleted: unknown[] = [];
  Cat.on("save", (item: unknown) => saved.push(item));
  Cat.on("delete", (item: unknown) => deleted.push(item));

  beforeEach(() => {
    calls.length = 0;
  });

  it("validates before the pre save hooks (as Mongoose), with this = the item, and emits save", async () => {
    const cat = await Cat.create({ id: 1, name: "  Tom ", address: { city: "Oslo" } });
    expect(calls).toEqual(["pre validate   Tom ", "post validate", "pre save", "post save Tom"]);
    expect((await stored(Cat.table().name, 1))?.name).toEqual({ S: "Tom" });
    expect(saved).toEqual([cat]);
  });

  it("runs validate hooks for item.validate()", async () => {
    await new Cat({ id: 2, name: "Ann" }).validate();
    expect(calls).toEqual(["pre validate Ann", "post validate"]);
  });

  it("runs get hooks with the key in the context", async () => {
    await Cat.get(1);
    expect(calls).toEqual(["pre get 1", "post get Tom"]);
  });

  it("runs delete hooks for Model.delete and item.delete; a throwing pre hook keeps the item", async () => {
    await Cat.create({ id: 13, name: "Lucky" });
    await expect(Cat.delete(13)).rejects.toThrow("13 is protected");
    expect(await stored(Cat.table().name, 13)).toBeDefined();
    const tom = (await Cat.get(1))!;
    calls.length = 0;
    await tom.delete();
    expect(calls).toEqual(["pre delete 1", "post delete"]);
    expect(await stored(Cat.table().name, 1)).toBeUndefined();
    expect(deleted).toHaveLength(1);
  });

  it("aborts a save whose pre hook rejects: nothing written", async () => {
    const Strict = dynamodel.model(
      "HookStrictCat",
      new Schema({ id: Number, name: String }).pre("save", async () => {
        throw new Error("read-only");
      }),
      { tableName: uniqueTableName("hookstrict"), throughput: "ON_DEMAND" },
    );
    await expect(Strict.create({ id: 1, name: "x" })).rejects.toThrow("read-only");
    await Strict.table().initialize();
    expect(await stored(Strict.table().name, 1)).toBeUndefined();
  });
});

describe("post validate hooks get the item (as in Mongoose)", () => {
  const schema = new Schema({ id: Number, name: String });
  const seen: unknown[] = [];
  schema.post("validate", function (result) {
    seen.push([result === this, JSON.stringify(result)]);
  });
  const Cat = dynamodel.model("HookPostValidateCat", schema, {
    tableName: uniqueTableName("hookpostvalidate"),
    throughput: "ON_DEMAND",
  });

  it("from create, save, item.validate() and transaction.create alike", async () => {
    await Cat.create({ id: 1, name: "a" });
    await new Cat({ id: 2, name: "b" }).save();
    await new Cat({ id: 3, name: "c" }).validate();
    await dynamodel.transaction([Cat.transaction.create({ id: 4, name: "d" })]);
    expect(seen).toEqual([
      [true, '{"id":1,"name":"a"}'],
      [true, '{"id":2,"name":"b"}'],
      [true, '{"id":3,"name":"c"}'],
      [true, '{"id":4,"name":"d"}'],
    ]);
    expect(await stored(Cat.table().name, 4)).toEqual({ id: { N: "4" }, name: { S: "d" } });
  });
});

describe("query, scan and transaction hooks", () => {
  const schema = new Schema({
    id: Number,
    owner: { type: String, index: { name: "byOwner" } },
    hidden: Boolean,
  });
  const seen: string[] = [];
  schema.pre("scan", function () {
    seen.push("pre scan");
    // Hide soft-deleted items from every scan: replace the builder with a filtered one.
    this.query = (this.query as ReturnType<typeof Cat.scan>).where("hidden").not().eq(true);
  });
  // exec() passes the result array; iteration passes the number of items it yielded.
  schema.post(
    "scan",
    (result) =>
      void seen.push(`post scan ${typeof result === "number" ? result : (result as unknown[]).length}`),
  );
  schema.pre("query", () => void seen.push("pre query"));
  schema.pre("transaction", function () {
    seen.push(`pre transaction ${(this.items ?? []).length}`);
  });
  schema.post("transaction", () => void seen.push("post transaction"));
  const Cat = dynamodel.model("HookQueryCat", schema, {
    tableName: uniqueTableName("hookquery"),
    throughput: "ON_DEMAND",
  });

  it("lets a scan pre hook change the request", async () => {
    await Cat.batchPut([
      { id: 1, owner: "ann", hidden: false },
      { id: 2, owner: "ann", hidden: true },
      { id: 3, owner: "bob" },
    ]);
    const visible = await Cat.scan().exec();
    expect(visible.map((cat) => cat.id).sort()).toEqual([1, 3]);
    await Cat.query("owner").eq("ann").exec();
    expect(seen).toEqual(["pre scan", "post scan 2", "pre query"]);
  });

  it("runs scan hooks around async iteration and pages(); a break skips the post hooks", async () => {
    seen.length = 0;
    const ids: number[] = [];
    for await (const cat of Cat.scan().limit(1)) ids.push(cat.id!);
    expect(ids.sort()).toEqual([1, 3]); // the pre hook's filter applies to iteration too
    expect(seen).toEqual(["pre scan", "post scan 2"]);
    seen.length = 0;
    for await (const page of Cat.scan().limit(1).pages()) {
      expect(page.length).toBeLessThanOrEqual(1);
      break;
    }
    expect(seen).toEqual(["pre scan"]);
  });

  it("runs transaction hooks once per transaction", async () => {
    seen.length = 0;
    await dynamodel.transaction([Cat.transaction.create({ id: 10, owner: "x" }), Cat.transaction.delete(3)]);
    expect(seen).toEqual(["pre transaction 2", "post transaction"]);
    expect(await stored(Cat.table().name, 10)).toBeDefined();
  });
});

describe("middleware", () => {
  const Cat = dynamodel.model(
    "MiddlewareCat",
    { id: Number, name: String },
    { tableName: uniqueTableName("mw"), throughput: "ON_DEMAND" },
  );

  it("can answer from a cache without a second request", async () => {
    await Cat.create({ id: 1, name: "Tom" });
    const cache = new Map<string, unknown>();
    const sent: string[] = [];
    const stop = Cat.use(async (call: DynamoCall, next) => {
      if (call.operation !== "GetItem") return next();
      const key = JSON.stringify(call.input);
      if (!cache.has(key)) {
        sent.push(key);
        cache.set(key, await next());
      }
      return cache.get(key);
    });
    expect((await Cat.get(1))?.name).toBe("Tom");
    expect((await Cat.get(1))?.name).toBe("Tom");
    stop();
    expect(sent).toHaveLength(1);
  });

  it("can count calls by operation, instance middleware first", async () => {
    const order: string[] = [];
    const counts: Record<string, number> = {};
    const stopInstance = dynamodel.use(async (call, next) => {
      order.push(`instance ${call.operation}`);
      counts[call.operation] = (counts[call.operation] ?? 0) + 1;
      return next();
    });
    const stopModel = Cat.use(async (call, next) => {
      order.push(`model ${call.operation}`);
      return next();
    });
    await Cat.create({ id: 2, name: "Ann" });
    await Cat.get(2);
    stopInstance();
    stopModel();
    expect(counts).toEqual({ PutItem: 1, GetItem: 1 });
    expect(order).toEqual(["instance PutItem", "model PutItem", "instance GetItem", "model GetItem"]);
  });

  it("can retry a call by calling next() again, and change its input", async () => {
    let attempts = 0;
    const stopRetry = Cat.use(async (call, next) => {
      try {
        return await next();
      } catch (error) {
        if ((error as Error).name !== "ThrottlingException") throw error;
        return next(); // the same call, sent again
      }
    });
    const stopFlaky = Cat.use(async (call, next) => {
      if (call.operation !== "PutItem") return next();
      attempts += 1;
      if (attempts === 1) throw Object.assign(new Error("slow down"), { name: "ThrottlingException" });
      (call.input as { Item: Record<string, unknown> }).Item.name = { S: "Changed by middleware" };
      return next();
    });
    await Cat.create({ id: 3, name: "x" });
    stopRetry();
    stopFlaky();
    expect(attempts).toBe(2);
    expect((await stored(Cat.table().name, 3))?.name).toEqual({ S: "Changed by middleware" });
  });
});

describe("transaction hooks of several models", () => {
  it("run in the order the models appear, pre and post alike (as a multi-schema model's schemas do)", async () => {
    const calls: string[] = [];
    const schemaA = new Schema({ id: Number });
    const schemaB = new Schema({ id: Number });
    for (const [name, schema] of [
      ["A", schemaA],
      ["B", schemaB],
    ] as const) {
      schema.pre("transaction", () => void calls.push(`${name} pre`));
      schema.post("transaction", () => void calls.push(`${name} post`));
    }
    const A = dynamodel.model("HookTxA", schemaA, { tableName: uniqueTableName("hooktxa") });
    const B = dynamodel.model("HookTxB", schemaB, { tableName: uniqueTableName("hooktxb") });
    await A.create({ id: 1 });
    await B.create({ id: 1 });
    await dynamodel.transaction([
      A.transaction.condition(1, new Condition("id").exists()),
      B.transaction.delete(1),
    ]);
    expect(calls).toEqual(["A pre", "B pre", "A post", "B post"]);
  });

  const twoModels = (prefix: string) => {
    const schemaA = new Schema({ id: Number, n: Number });
    const schemaB = new Schema({ id: Number, n: Number });
    const A = dynamodel.model(`${prefix}A`, schemaA, { tableName: uniqueTableName(`${prefix}a`) });
    const B = dynamodel.model(`${prefix}B`, schemaB, { tableName: uniqueTableName(`${prefix}b`) });
    return { A, B, schemaA, schemaB };
  };

  it("each model's hooks see their own model's name, and share the items and settings", async () => {
    const { A, B, schemaA, schemaB } = twoModels("HookTxNames");
    const seen: string[] = [];
    schemaA.pre("transaction", function () {
      seen.push(`A pre ${this.model} ${this.items!.length}`);
      this.settings.clientRequestToken = "from-a";
    });
    schemaB.pre("transaction", function () {
      seen.push(`B pre ${this.model} ${this.items!.length} ${String(this.settings.clientRequestToken)}`);
      // Added as the call's own elements may be: a pending Model.transaction.* element.
      this.items = [...this.items!, A.transaction.create({ id: 7, n: 7 })];
    });
    schemaA.post("transaction", function () {
      seen.push(`A post ${this.model}`);
    });
    schemaB.post("transaction", function () {
      seen.push(`B post ${this.model}`);
    });
    const requests: unknown[] = [];
    const stop = dynamodel.use(async (call, next) => {
      requests.push(call.input);
      return next();
    });
    await A.create({ id: 1, n: 1 });
    await B.create({ id: 1, n: 1 });
    requests.length = 0;
    await dynamodel.transaction([B.transaction.update({ id: 1 }, { n: 2 }), A.transaction.delete(1)]);
    stop();
    expect(seen).toEqual([
      "B pre HookTxNamesB 2 undefined",
      "A pre HookTxNamesA 3",
      "B post HookTxNamesB",
      "A post HookTxNamesA",
    ]);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ TransactItems: expect.any(Array), ClientRequestToken: "from-a" });
    expect((requests[0] as { TransactItems: unknown[] }).TransactItems).toHaveLength(3);
    expect(await stored(A.table().name, 7)).toEqual({ id: { N: "7" }, n: { N: "7" } });
    expect(await stored(A.table().name, 1)).toBeUndefined();
    expect((await stored(B.table().name, 1))?.n).toEqual({ N: "2" });
  });

  it("a pre hook may change this.items in place: push, replace an element, empty it", async () => {
    const { A, schemaA } = twoModels("HookTxInPlace");
    let change: (items: unknown[]) => void = () => undefined;
    schemaA.pre("transaction", function () {
      change(this.items!);
    });
    await A.table().initialize();
    change = (items) => void items.push(A.transaction.create({ id: 2, n: 2 }));
    await dynamodel.transaction([A.transaction.create({ id: 1, n: 1 })]);
    expect(await stored(A.table().name, 1)).toEqual({ id: { N: "1" }, n: { N: "1" } });
    expect(await stored(A.table().name, 2)).toEqual({ id: { N: "2" }, n: { N: "2" } });

    change = (items) => void (items[0] = A.transaction.create({ id: 4, n: 4 }));
    await dynamodel.transaction([A.transaction.create({ id: 3, n: 3 })]);
    expect(await stored(A.table().name, 3)).toBeUndefined();
    expect(await stored(A.table().name, 4)).toEqual({ id: { N: "4" }, n: { N: "4" } });

    // Emptied: DynamoDB takes no empty transaction, and nothing is written.
    change = (items) => void (items.length = 0);
    await expect(dynamodel.transaction([A.transaction.create({ id: 5, n: 5 })])).rejects.toThrow();
    expect(await stored(A.table().name, 5)).toBeUndefined();
  });

  it("models made from one Schema run its transaction hooks once, for the first of them", async () => {
    const shared = new Schema({ id: Number });
    const seen: string[] = [];
    shared.pre("transaction", function () {
      seen.push(`pre ${this.model}`);
    });
    shared.post("transaction", function () {
      seen.push(`post ${this.model}`);
    });
    const A = dynamodel.model("HookTxSharedA", shared, { tableName: uniqueTableName("hooktxshareda") });
    const B = dynamodel.model("HookTxSharedB", shared, { tableName: uniqueTableName("hooktxsharedb") });
    await A.create({ id: 1 });
    await B.create({ id: 1 });
    await dynamodel.transaction([A.transaction.delete(1), B.transaction.delete(1)]);
    expect(seen).toEqual(["pre HookTxSharedA", "post HookTxSharedA"]);
    expect(await stored(B.table().name, 1)).toBeUndefined();
  });

  it("runs the middleware of every model taking part, once each, after the instance's", async () => {
    const { A, B } = twoModels("HookTxMiddleware");
    const order: string[] = [];
    const calls: Record<string, unknown>[] = [];
    const shared = async (_call: unknown, next: () => Promise<unknown>) => {
      order.push("shared");
      return next();
    };
    const stops = [
      dynamodel.use(async (call, next) => {
        if (call.operation === "TransactWriteItems") {
          order.push("instance");
          calls.push({ ...call });
        }
        return next();
      }),
      A.use(async (call, next) => {
        if (call.operation === "TransactWriteItems") order.push("A");
        return next();
      }),
      B.use(async (call, next) => {
        if (call.operation === "TransactWriteItems") order.push("B");
        return next();
      }),
    ];
    await A.create({ id: 1 });
    await B.create({ id: 1 });
    stops.push(A.use(shared), B.use(shared));
    order.length = 0;
    await dynamodel.transaction([B.transaction.delete(1), A.transaction.delete(1)]);
    for (const stop of stops) stop();
    expect(order).toEqual(["instance", "B", "shared", "A"]);
    expect(calls).toHaveLength(1);
    expect("model" in calls[0]!).toBe(false);
    expect(calls[0]!.table).toBe(`${B.table().name}, ${A.table().name}`);
    expect(await stored(A.table().name, 1)).toBeUndefined();
    expect(await stored(B.table().name, 1)).toBeUndefined();
  });
});

describe("a query or scan pre hook changing this.query in place (SPEC §9, Mongoose's this.where())", () => {
  const schema = new Schema({ owner: String, id: { type: Number, rangeKey: true }, hidden: Boolean });
  schema.pre("query", function () {
    // No reassignment: the builder the hook gets changes in place, and its chain methods return it.
    const query = this.query as ReturnType<typeof Pet.query>;
    expect(query.where("hidden").not().eq(true)).toBe(query);
  });
  schema.pre("scan", function () {
    const scan = this.query as ReturnType<typeof Pet.scan>;
    scan.where("hidden").not().eq(true);
    scan.where("id").ge(2);
  });
  // A post hook keeping the builder it saw (see "a copy" below).
  let keptScan: ReturnType<typeof Pet.scan> | undefined;
  schema.post("scan", function () {
    keptScan = this.query as ReturnType<typeof Pet.scan>;
  });
  const Pet = dynamodel.model("HookInPlacePet", schema, {
    tableName: uniqueTableName("hookInPlace"),
    throughput: "ON_DEMAND",
  });
  beforeAll(() =>
    Pet.batchPut([
      { owner: "ann", id: 1, hidden: false },
      { owner: "ann", id: 2, hidden: true },
      { owner: "ann", id: 3 },
      { owner: "bob", id: 4 },
    ]),
  );
  const ids = (items: readonly { id: number }[]) => items.map((pet) => pet.id).sort();

  it("changes what exec(), for await and pages() read", async () => {
    const query = Pet.query("owner").eq("ann");
    expect(ids(await query.exec())).toEqual([1, 3]);
    const iterated: { id: number }[] = [];
    for await (const pet of query) iterated.push(pet);
    expect(ids(iterated)).toEqual([1, 3]);
    const paged: { id: number }[] = [];
    for await (const page of query.pages()) paged.push(...page);
    expect(ids(paged)).toEqual([1, 3]);
    expect(ids(await Pet.scan().exec())).toEqual([3, 4]);
  });

  it("gives the hooks a copy: one a hook kept and changed later changes no run", async () => {
    keptScan = undefined;
    const scan = Pet.scan();
    expect(ids(await scan.exec())).toEqual([3, 4]);
    expect(keptScan).toBeDefined();
    expect(keptScan).not.toBe(scan);
    keptScan!.where("id").eq(4);
    expect(ids(await scan.exec())).toEqual([3, 4]);
    keptScan = undefined;
    for await (const pet of scan) void pet;
    expect(keptScan).not.toBe(scan);
  });

  it("leaves the caller's builder as it was: the hooks' changes are not added to it", async () => {
    const scan = Pet.scan();
    await scan.exec();
    expect(await scan.getRequest()).toEqual({ TableName: Pet.table().name });
    expect(scan.limit(1)).toBe(scan); // it still changes in place, as every builder does
    expect(await scan.getRequest()).toEqual({ TableName: Pet.table().name, Limit: 1 });
  });
});

describe("a query or scan pre hook putting another builder in this.query", () => {
  const Other = dynamodel.model("HookReplaceOther", new Schema({ id: Number, secret: String }), {
    tableName: uniqueTableName("hookReplaceOther"),
    throughput: "ON_DEMAND",
  });
  const schema = new Schema({ id: Number, name: String });
  let mode: "other" | "replace" | "fail" = "replace";
  schema.pre("scan", function () {
    if (mode === "fail") throw new Error("refused by the hook");
    this.query = mode === "other" ? Other.scan() : Pet.scan().where("id").eq(1);
  });
  const Pet = dynamodel.model("HookReplacePet", schema, {
    tableName: uniqueTableName("hookReplacePet"),
    throughput: "ON_DEMAND",
  });
  beforeAll(async () => {
    await Pet.batchPut([
      { id: 1, name: "a" },
      { id: 2, name: "b" },
    ]);
    await Other.create({ id: 7, secret: "s" });
  });

  it("runs it for exec(), pages() and for await", async () => {
    mode = "replace";
    const seen: (number | undefined)[] = (await Pet.scan().exec()).map((pet) => pet.id);
    for await (const page of Pet.scan().pages()) seen.push(...page.map((pet) => pet.id));
    for await (const pet of Pet.scan()) seen.push(pet.id);
    expect(seen).toEqual([1, 1, 1]);
  });

  it("rejects with what a failing pre hook throws, on every way to run", async () => {
    mode = "fail";
    await expect(Pet.scan().exec()).rejects.toThrow("refused by the hook");
    await expect(Pet.scan().pages().next()).rejects.toThrow("refused by the hook");
  });

  it("refuses a builder of another model: its items are not this model's", async () => {
    mode = "other";
    await expect(Pet.scan().exec()).rejects.toThrow(
      "A scan pre hook of HookReplacePet put a scan of HookReplaceOther in this.query",
    );
    const iterated = async () => {
      for await (const pet of Pet.scan()) void pet;
    };
    await expect(iterated()).rejects.toThrow(dynamodel.InvalidParameter);
  });
});
