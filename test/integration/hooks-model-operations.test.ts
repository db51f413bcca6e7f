// Hooks and events around update and the batch operations, against DynamoDB Local.
import dynamodel, { Condition, Schema } from "dynamodel";
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

describe("update hooks and events", () => {
  const schema = new Schema({ id: Number, name: String, count: Number });
  const calls: string[] = [];
  schema.pre("update", function () {
    calls.push(`pre ${JSON.stringify(this.update)}`);
    // A pre hook may change the request: here it adds to every update.
    this.update = { ...(this.update as object), $ADD: { count: 1 } };
  });
  schema.post("update", function (result) {
    calls.push(`post ${(result as { name: string }).name}`);
  });
  const Cat = dynamodel.model("HookUpdateCat", schema, {
    tableName: uniqueTableName("hookupdate"),
    throughput: "ON_DEMAND",
  });
  const events: unknown[] = [];
  Cat.on("update", (item: unknown) => events.push(item));

  it("runs pre hooks that change the request, post hooks with the result, then emits update", async () => {
    await Cat.create({ id: 1, name: "Tom", count: 0 });
    const updated = await Cat.update({ id: 1 }, { name: "Thomas" });
    expect(updated.count).toBe(1);
    expect(calls).toEqual(['pre {"name":"Thomas"}', "post Thomas"]);
    expect(events).toHaveLength(1);
    expect((await stored(Cat.table().name, 1))?.count).toEqual({ N: "1" });
  });
});

describe("a pre hook that throws aborts the operation", () => {
  const schema = new Schema({ id: Number, name: String });
  schema.pre("batchPut", function () {
    if ((this.items ?? []).some((item) => (item as { name?: string }).name === "forbidden")) {
      throw new Error("forbidden name");
    }
  });
  schema.pre("batchDelete", async function () {
    throw new Error("deletes are disabled");
  });
  schema.pre("update", function (next) {
    next(new Error("updates are disabled"));
  });
  const Cat = dynamodel.model("HookAbortCat", schema, {
    tableName: uniqueTableName("hookabort"),
    throughput: "ON_DEMAND",
  });
  const errors: unknown[] = [];
  Cat.on("error", (error: unknown) => errors.push(error));

  it("leaves the table unchanged and emits error", async () => {
    await Cat.create({ id: 1, name: "Tom" });
    await expect(
      Cat.batchPut([
        { id: 2, name: "ok" },
        { id: 3, name: "forbidden" },
      ]),
    ).rejects.toThrow("forbidden name");
    expect(await stored(Cat.table().name, 2)).toBeUndefined();
    await expect(Cat.batchDelete([1])).rejects.toThrow("deletes are disabled");
    await expect(Cat.update(1, { name: "Changed" })).rejects.toThrow("updates are disabled");
    expect((await stored(Cat.table().name, 1))?.name).toEqual({ S: "Tom" });
    expect(errors).toHaveLength(3);
  });
});

describe("a post hook that fails goes to the error handlers (as in Mongoose)", () => {
  const schema = new Schema({ id: Number, name: String });
  const handled: unknown[] = [];
  schema.post("save", function () {
    throw new Error("audit log is down");
  });
  schema.post("save", function (error: unknown, item: unknown, next: (error?: unknown) => void) {
    handled.push(["save", (error as Error).message, (item as { name?: string } | undefined)?.name]);
    next(new Error(`saved, but: ${(error as Error).message}`));
  });
  // exec() gives the post hooks the result; an iteration gives them the number of items.
  const sizeOf = (result: unknown) =>
    typeof result === "number" ? `${result} items` : `[${(result as unknown[]).length}]`;
  schema.post("update", function () {
    throw new Error("update audit is down");
  });
  schema.post("scan", function (result) {
    throw new Error(`scan saw ${sizeOf(result)}`);
  });
  schema.post("scan", function (error: unknown, result: unknown, next: () => void) {
    handled.push(["scan", (error as Error).message, sizeOf(result)]);
    next();
  });
  const Cat = dynamodel.model("HookPostFailCat", schema, {
    tableName: uniqueTableName("hookpostfail"),
    throughput: "ON_DEMAND",
  });
  const events: unknown[] = [];
  Cat.on("error", (error: unknown) => events.push(["error", (error as Error).message]));
  Cat.on("save", (item: { name?: string }) => events.push(["save", item.name]));
  Cat.on("update", (item: { name?: string }) => events.push(["update", item.name]));
  beforeEach(() => void (events.length = 0));

  it("rejects with the handler's error after the write happened, which is still announced", async () => {
    await expect(new Cat({ id: 1, name: "Tom" }).save()).rejects.toThrow("saved, but: audit log is down");
    expect(await stored(Cat.table().name, 1)).toEqual({ id: { N: "1" }, name: { S: "Tom" } });
    expect(handled).toEqual([["save", "audit log is down", "Tom"]]);
    expect(events).toEqual([
      ["save", "Tom"],
      ["error", "saved, but: audit log is down"],
    ]);
  });

  it("gives a scan's error handler the result", async () => {
    await expect(Cat.scan().exec()).rejects.toThrow("scan saw [1]");
    expect(handled.at(-1)).toEqual(["scan", "scan saw [1]", "[1]"]);
  });

  it("gives an iterated scan's error handler the number of items", async () => {
    const names: string[] = [];
    const iterate = async () => {
      for await (const cat of Cat.scan()) names.push(cat.name ?? "");
    };
    await expect(iterate()).rejects.toThrow("scan saw 1 items");
    expect(names).toEqual(["Tom"]);
    expect(handled.at(-1)).toEqual(["scan", "scan saw 1 items", "1 items"]);
  });

  it("announces a model-level write whose post hook fails, then the error", async () => {
    await expect(Cat.update({ id: 2 }, { name: "Ann" })).rejects.toThrow("update audit is down");
    expect(await stored(Cat.table().name, 2)).toEqual({ id: { N: "2" }, name: { S: "Ann" } });
    expect(events).toEqual([
      ["update", "Ann"],
      ["error", "update audit is down"],
    ]);
  });

  it("announces no write when the write itself fails", async () => {
    const condition = new Condition("name").exists();
    await expect(Cat.update({ id: 3 }, { name: "Max" }, { condition })).rejects.toThrow(
      "The conditional request failed",
    );
    expect(await stored(Cat.table().name, 3)).toBeUndefined();
    expect(events).toEqual([["error", "The conditional request failed"]]);
  });
});

describe("a query or scan that fails emits error once, however it is run", () => {
  const plain = dynamodel.model("IterErrorCat", new Schema({ id: Number, name: String }), {
    tableName: uniqueTableName("itererror"),
    throughput: "ON_DEMAND",
  });
  const hookedSchema = new Schema({ id: Number, name: String });
  hookedSchema.pre("scan", () => undefined);
  const hooked = dynamodel.model("IterErrorHookedCat", hookedSchema, {
    tableName: uniqueTableName("itererrorhooked"),
    throughput: "ON_DEMAND",
  });

  it.each([
    ["without hooks", plain],
    ["with hooks", hooked],
  ])("%s: exec(), for await and pages()", async (_how, Cat) => {
    const errors: unknown[] = [];
    Cat.on("error", (error: unknown) => errors.push(error));
    // DynamoDB refuses a scan of an index the table does not have.
    const failing = () => Cat.scan().using("noSuchIndex");
    await expect(failing().exec()).rejects.toThrow(/noSuchIndex|index/i);
    await expect(
      (async () => {
        for await (const cat of failing()) void cat;
      })(),
    ).rejects.toThrow(/noSuchIndex|index/i);
    await expect(
      (async () => {
        for await (const page of failing().pages()) void page;
      })(),
    ).rejects.toThrow(/noSuchIndex|index/i);
    expect(errors).toHaveLength(3);
    expect((errors as Error[]).map((error) => error.name)).toEqual([
      "ValidationException",
      "ValidationException",
      "ValidationException",
    ]);
  });
});

describe("batch hooks run once per call", () => {
  const schema = new Schema({ id: Number });
  let pre = 0;
  let post = 0;
  schema.pre("batchPut", () => void (pre += 1));
  schema.post("batchPut", () => void (post += 1));
  const Cat = dynamodel.model("HookBatchCat", schema, {
    tableName: uniqueTableName("hookbatch"),
    throughput: "ON_DEMAND",
  });
  const puts: unknown[] = [];
  Cat.on("batchPut", (result: unknown) => puts.push(result));

  it("even when the batch needs several requests", async () => {
    const requests: string[] = [];
    Cat.use(async (call, next) => {
      requests.push(call.operation);
      return next();
    });
    await Cat.batchPut(Array.from({ length: 60 }, (_, id) => ({ id })));
    expect(requests.filter((operation) => operation === "BatchWriteItem")).toHaveLength(3);
    expect([pre, post, puts.length]).toEqual([1, 1, 1]);
  });
});

describe("a listener that throws", () => {
  const Cat = dynamodel.model(
    "HookListenerCat",
    { id: Number, name: String },
    { tableName: uniqueTableName("hooklistener"), throughput: "ON_DEMAND" },
  );

  it("never breaks the request", async () => {
    Cat.on("update", () => {
      throw new Error("listener bug");
    });
    await Cat.create({ id: 1, name: "Tom" });
    await expect(Cat.update(1, { name: "Tim" })).resolves.toMatchObject({ name: "Tim" });
  });
});

describe("write events are emitted only for writes that happened", () => {
  const Cat = dynamodel.model("HookRequestOnlyCat", new Schema({ id: Number, name: String }), {
    tableName: uniqueTableName("hookrequestonly"),
    throughput: "ON_DEMAND",
  });
  const events: string[] = [];
  for (const name of ["save", "update", "delete", "batchPut", "batchDelete"] as const) {
    Cat.on(name, () => events.push(name));
  }

  it('return: "request" builds the request, writes nothing and emits nothing', async () => {
    await Cat.table().initialize();
    await Cat.create({ id: 1, name: "Tom" }, { return: "request" });
    await new Cat({ id: 1, name: "Tom" }).save({ return: "request" });
    await Cat.update({ id: 1 }, { name: "Bo" }, { return: "request" });
    await Cat.delete(1, { return: "request" });
    await Cat.batchPut([{ id: 2, name: "Ann" }], { return: "request" });
    await Cat.batchDelete([2], { return: "request" });
    expect(events).toEqual([]);
    expect(await stored(Cat.table().name, 1)).toBeUndefined();

    await Cat.create({ id: 1, name: "Tom" });
    await Cat.update({ id: 1 }, { name: "Bo" });
    await Cat.delete(1);
    await Cat.batchPut([{ id: 2, name: "Ann" }]);
    await Cat.batchDelete([2]);
    expect(events).toEqual(["save", "update", "delete", "batchPut", "batchDelete"]);
  });

  it('a pre hook that asks for return: "request" makes a write emit nothing too', async () => {
    const schema = new Schema({ id: Number, name: String });
    schema.pre(["update", "batchPut", "batchDelete"], function () {
      this.settings.return = "request";
    });
    const Asked = dynamodel.model("EventRequestByHookCat", schema, {
      tableName: uniqueTableName("eventsbyhook"),
      throughput: "ON_DEMAND",
    });
    const seen: string[] = [];
    for (const name of ["update", "batchPut", "batchDelete", "error"] as const) {
      Asked.on(name, () => void seen.push(name));
    }
    await Asked.table().initialize();
    await Asked.update({ id: 1 }, { name: "Bo" });
    await Asked.batchPut([{ id: 2, name: "Ann" }]);
    await Asked.batchDelete([3]);
    expect(seen).toEqual([]);
    expect(await stored(Asked.table().name, 1)).toBeUndefined();
    expect(await stored(Asked.table().name, 2)).toBeUndefined();
  });
});

describe("pre hooks change the request of this run, not the caller's objects", () => {
  const schema = new Schema({ id: Number, name: String, tags: { type: Array, schema: [String] } });
  schema.pre("update", function () {
    (this.update as { $SET: { name: string } }).$SET.name = "from hook";
    (this.key as { id: number }).id = 2;
  });
  schema.pre("get", function () {
    (this.key as { id: number }).id = 2;
  });
  schema.pre("batchPut", function () {
    (this.items![0] as { tags: string[] }).tags.push("hook");
  });
  schema.pre("batchGet", function () {
    (this.keys![0] as { id: number }).id = 2;
  });
  const table = uniqueTableName("hookcopies");
  const Tagged = dynamodel.model("HookCopiesTagged", schema, { tableName: table, throughput: "ON_DEMAND" });

  it("update, get, batchPut and batchGet run as changed, and leave what the caller passed alone", async () => {
    const key = { id: 1 };
    const update = { $SET: { name: "mine" } };
    await Tagged.update(key, update);
    expect(key).toEqual({ id: 1 });
    expect(update).toEqual({ $SET: { name: "mine" } });
    expect(await stored(table, 1)).toBeUndefined();
    expect((await stored(table, 2))!.name).toEqual({ S: "from hook" });

    const getKey = { id: 1 };
    expect((await Tagged.get(getKey))!.name).toBe("from hook");
    expect(getKey).toEqual({ id: 1 });

    const objects = [{ id: 3, tags: ["a"] }];
    await Tagged.batchPut(objects);
    expect(objects).toEqual([{ id: 3, tags: ["a"] }]);
    expect((await stored(table, 3))!.tags).toEqual({ L: [{ S: "a" }, { S: "hook" }] });

    const keys = [{ id: 1 }];
    const [found] = await Tagged.batchGet(keys);
    expect(found!.id).toBe(2);
    expect(keys).toEqual([{ id: 1 }]);
  });
});

describe("Model.on, once and off refuse what they cannot use", () => {
  const Listened = dynamodel.model("HookListenedRefusals", new Schema({ id: Number }), {
    tableName: uniqueTableName("hooklistened"),
    throughput: "ON_DEMAND",
  });

  it("an event no model emits is an InvalidParameter; a listener that is no function an InvalidParameterType", () => {
    const listener = () => undefined;
    expect(() => Listened.on("sav" as never, listener)).toThrow(
      expect.objectContaining({
        name: "InvalidParameter",
        message:
          'on(): a model emits "save", "delete", "update", "batchPut", "batchDelete", "error" (got "sav").',
      }),
    );
    expect(() => Listened.once("saved" as never, listener)).toThrow(
      /once\(\): a model emits .* \(got "saved"\)/,
    );
    expect(() => Listened.off("get" as never)).toThrow(/off\(\): a model emits .* \(got "get"\)/);
    expect(() => Listened.on("save", 5 as never)).toThrow(
      expect.objectContaining({
        name: "InvalidParameterType",
        message: 'on("save", listener): the listener must be a function (got 5).',
      }),
    );
    // The documented ones still work, and off() without a listener removes them all.
    expect(Listened.on("save", listener).once("error", listener).off("save")).toBe(Listened);
  });
});

describe("with pre hooks, unprocessed entries are still the caller's own", () => {
  const hooked = new Schema({ id: { type: Number, hashKey: true }, name: String });
  hooked.pre("batchPut", function () {});
  hooked.pre("batchGet", function () {});
  hooked.pre("batchDelete", function () {});
  const table = uniqueTableName("hookoriginals");
  const Thing = dynamodel.model("HookOriginalsThing", hooked, { tableName: table, throughput: "ON_DEMAND" });
  const failing = (operation: string) =>
    Thing.use(async (call, next) => {
      if (call.operation !== operation) return next();
      if (operation === "BatchGetItem") {
        const input = call.input as { RequestItems: Record<string, unknown> };
        return { Responses: { [table]: [] }, UnprocessedKeys: input.RequestItems };
      }
      throw Object.assign(new Error("internal"), { name: "InternalServerError" });
    });

  it("batchPut, batchDelete and batchGet report the very objects and keys they were given", async () => {
    await Thing.table().initialize();
    const objects = [1, 2].map((id) => ({ id, name: `n${id}` }));
    const keys = [{ id: 1 }, { id: 2 }];
    let stop = failing("BatchWriteItem");
    try {
      const putError = await Thing.batchPut(objects, { maxRetries: 0 }).then(
        () => undefined,
        (error: unknown) => error as { unprocessedItems: unknown[] },
      );
      expect(putError!.unprocessedItems[0]).toBe(objects[0]);
      expect(putError!.unprocessedItems[1]).toBe(objects[1]);
      const deleteError = await Thing.batchDelete(keys, { maxRetries: 0 }).then(
        () => undefined,
        (error: unknown) => error as { unprocessedItems: unknown[] },
      );
      expect(deleteError!.unprocessedItems[0]).toBe(keys[0]);
    } finally {
      stop();
    }
    stop = failing("BatchGetItem");
    try {
      const result = await Thing.batchGet(keys, { maxRetries: 0 });
      expect(result.unprocessedKeys[0]).toBe(keys[0]);
      expect(result.unprocessedKeys[1]).toBe(keys[1]);
    } finally {
      stop();
    }
  });
});
