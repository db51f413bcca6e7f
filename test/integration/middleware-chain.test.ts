// A call walks the middleware chain it started with (SPEC §9: "the instance's middleware first, then the
// model's, each in registration order"): registering or removing middleware meanwhile changes later calls only.
import dynamodel from "dynamodel";
import type { Middleware } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

async function modelOnOwnInstance() {
  const instance = new dynamodel.Instance();
  instance.aws.ddb.set(rawClient());
  const Cat = dynamodel.model("ChainCat", { id: String, name: String });
  const table = new instance.Table(uniqueTableName("chain"), [Cat], { throughput: "ON_DEMAND" });
  await table.initialize();
  await Cat.create({ id: "a", name: "Tom" });
  return { instance, Cat };
}

describe("the middleware chain of a call", () => {
  it("still runs the next middleware when one removes itself during the call", async () => {
    const { instance, Cat } = await modelOnOwnInstance();
    const seen: string[] = [];
    const removeOnce = instance.use(async (_call, next) => {
      seen.push("once");
      removeOnce();
      return next();
    });
    instance.use(async (call, next) => {
      seen.push(`audit ${call.operation}`);
      return next();
    });

    const cat = await Cat.get("a");
    expect(cat?.name).toBe("Tom");
    expect(seen).toEqual(["once", "audit GetItem"]);

    await Cat.get("a");
    expect(seen).toEqual(["once", "audit GetItem", "audit GetItem"]);
  });

  it("keeps calls in flight on their chain when middleware is removed or added meanwhile", async () => {
    const { instance, Cat } = await modelOnOwnInstance();
    const seen: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const waiting: Middleware = async (call, next) => {
      seen.push("gate");
      await gate;
      return next();
    };
    const removeGate = instance.use(waiting);
    const removeAudit = instance.use(async (_call, next) => {
      seen.push("audit");
      return next();
    });

    const inFlight = Cat.get("a");
    await new Promise((resolve) => setTimeout(resolve, 20));
    removeGate();
    removeAudit();
    instance.use(async (_call, next) => {
      seen.push("late");
      return next();
    });
    release();

    await expect(inFlight).resolves.toMatchObject({ id: "a", name: "Tom" });
    expect(seen).toEqual(["gate", "audit"]);
    await Cat.get("a");
    expect(seen).toEqual(["gate", "audit", "late"]);
  });
});

describe("a middleware that answers without next()", () => {
  it.each([
    [undefined, "undefined"],
    [null, "null"],
    ["cached", '"cached"'],
  ])("with %j is an OtherError naming the operation, not a TypeError", async (answer, described) => {
    const { instance, Cat } = await modelOnOwnInstance();
    const remove = instance.use(async (call, next) => (call.operation === "GetItem" ? answer : next()));
    try {
      await expect(Cat.get("a")).rejects.toMatchObject({
        name: "OtherError",
        operation: "GetItem",
        message: expect.stringContaining(`A middleware answered GetItem with ${described}:`),
      });
    } finally {
      remove();
    }
    // The same model works again once the middleware is gone.
    expect((await Cat.get("a"))?.name).toBe("Tom");
  });

  it("with an object of DynamoDB's shape answers the call (a cache)", async () => {
    const { instance, Cat } = await modelOnOwnInstance();
    instance.use(async (call, next) =>
      call.operation === "GetItem" ? { Item: { id: { S: "a" }, name: { S: "Cached" } } } : next(),
    );
    expect((await Cat.get("a"))?.name).toBe("Cached");
  });

  it("a cached output answers a projected read of a shared table again, unchanged", async () => {
    // With `entityAttribute`, a projected read also asks for `_type` to know each item's model, and drops it
    // afterwards: from its own copy, not from the output the cache keeps and answers again.
    const instance = new dynamodel.Instance();
    instance.aws.ddb.set(rawClient());
    const Cat = dynamodel.model("CacheCat", { id: String, name: String });
    const Dog = dynamodel.model("CacheDog", { id: String, name: String });
    const table = new instance.Table(uniqueTableName("cache"), [Cat, Dog], {
      throughput: "ON_DEMAND",
      entityAttribute: "_type",
    });
    await table.initialize();
    await Cat.create({ id: "c", name: "Tom" });
    await Dog.create({ id: "d", name: "Rex" });
    const cache = new Map<string, unknown>();
    instance.use(async (call, next) => {
      if (call.operation !== "Scan") return next();
      if (!cache.has("scan")) cache.set("scan", await next());
      return cache.get("scan");
    });
    const read = async () =>
      (await Cat.scan().attributes(["name"]).exec())
        .map((item) => `${item instanceof Dog ? "Dog" : item instanceof Cat ? "Cat" : "?"} ${item.name}`)
        .sort();

    expect(await read()).toEqual(["Cat Tom", "Dog Rex"]);
    expect(await read()).toEqual(["Cat Tom", "Dog Rex"]);
    const cached = cache.get("scan") as { Items: Record<string, { S?: string }>[] };
    expect(cached.Items.map((image) => image._type?.S).sort()).toEqual(["CacheCat", "CacheDog"]);
  });
});

// SPEC §9: "`next()` sends `call` as it is now": its operation too, not only its input.
describe("a middleware that changes call.operation", () => {
  it("sends the new operation's command: a GetItem rewritten into a Query is a Query", async () => {
    const { instance, Cat } = await modelOnOwnInstance();
    const requests: [string, unknown][] = [];
    instance.events.on("request", (event: { operation: string; input: unknown }) =>
      requests.push([event.operation, event.input]),
    );
    instance.use(async (call, next) => {
      if (call.operation !== "GetItem") return next();
      const { TableName, Key } = call.input as { TableName: string; Key: { id: unknown } };
      call.operation = "Query";
      call.input = {
        TableName,
        KeyConditionExpression: "id = :id",
        ExpressionAttributeValues: { ":id": Key.id },
      };
      const { Items } = (await next()) as { Items: unknown[] };
      return { Item: Items[0] };
    });

    expect((await Cat.get("a"))?.toJSON()).toEqual({ id: "a", name: "Tom" });
    expect(requests).toEqual([["Query", expect.objectContaining({ KeyConditionExpression: "id = :id" })]]);
  });

  it("to a name that is no DynamoDB operation is an InvalidParameter, and nothing is sent", async () => {
    const { instance, Cat } = await modelOnOwnInstance();
    const requests: string[] = [];
    instance.events.on("request", (event: { operation: string }) => void requests.push(event.operation));
    const remove = instance.use(async (call, next) => {
      if (call.operation === "PutItem") (call as { operation: string }).operation = "putItem";
      return next();
    });
    try {
      await expect(Cat.create({ id: "b", name: "Felix" })).rejects.toMatchObject({
        name: "InvalidParameter",
        message: expect.stringMatching(
          /^Unknown DynamoDB operation "putItem" in call.operation, as a middleware left it \(did you mean "PutItem"\?\): use one of GetItem, /,
        ),
      });
    } finally {
      remove();
    }
    expect(requests).toEqual([]);
    const { Item } = await rawClient().getItem({
      TableName: Cat.table().name,
      Key: { id: { S: "b" } },
      ConsistentRead: true,
    });
    expect(Item).toBeUndefined();
  });
});
