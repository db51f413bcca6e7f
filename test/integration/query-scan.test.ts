// Condition, Query and Scan against DynamoDB Local, with real data: operators, index choice,
// pagination, streaming, injection-proof names and values, and errors.
import dynamodel, {
  Condition,
  InvalidFilterComparison,
  InvalidParameter,
  Schema,
  TypeMismatch,
  type DynamoCall,
} from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const ids = (items: readonly object[]) => items.map((item) => (item as { id: string }).id).sort();

describe("every operator includes and excludes the right items", () => {
  const tableName = uniqueTableName("operators");
  const Pet = dynamodel.model(
    "QsPet",
    new Schema({
      id: { type: String, hashKey: true },
      age: Number,
      name: String,
      tags: { type: Set, schema: [String] },
      born: Date,
      address: { type: Object, schema: { city: String } },
      nickname: String,
    }),
    { tableName, throughput: "ON_DEMAND" },
  );

  beforeAll(async () => {
    await Pet.create({
      id: "a",
      age: 1,
      name: "Alice",
      tags: ["x", "y"],
      born: new Date("2020-01-01"),
      address: { city: "Oslo" },
      nickname: "al",
    });
    await Pet.create({
      id: "b",
      age: 5,
      name: "Bob",
      tags: ["y"],
      born: new Date("2021-06-01"),
      address: { city: "Bergen" },
    });
    await Pet.create({ id: "c", age: 9, name: "Carol", tags: ["z", "w", "v"], born: new Date("2022-03-01") });
    await Pet.create({ id: "d", age: 12, name: "Dan" });
  });

  it.each<[string, () => ReturnType<typeof Pet.scan>, string[]]>([
    ["eq", () => Pet.scan("age").eq(5), ["b"]],
    ["ne", () => Pet.scan("age").ne(5), ["a", "c", "d"]],
    ["lt", () => Pet.scan("age").lt(5), ["a"]],
    ["le", () => Pet.scan("age").le(5), ["a", "b"]],
    ["gt", () => Pet.scan("age").gt(5), ["c", "d"]],
    ["ge", () => Pet.scan("age").ge(5), ["b", "c", "d"]],
    ["between", () => Pet.scan("age").between(2, 9), ["b", "c"]],
    ["beginsWith", () => Pet.scan("name").beginsWith("Ca"), ["c"]],
    ["contains (substring)", () => Pet.scan("name").contains("o"), ["b", "c"]],
    ["contains (set element)", () => Pet.scan("tags").contains("y"), ["a", "b"]],
    ["exists", () => Pet.scan("nickname").exists(), ["a"]],
    ["exists(false)", () => Pet.scan("nickname").exists(false), ["b", "c", "d"]],
    ["object form {exists: false}", () => Pet.scan({ address: { exists: false } }), ["c", "d"]],
    ["in", () => Pet.scan("name").in(["Bob", "Dan", "Zed"]), ["b", "d"]],
    ["size", () => Pet.scan("tags").size().ge(2), ["a", "c"]],
    ["not eq", () => Pet.scan("name").not().eq("Bob"), ["a", "c", "d"]],
    [
      "not() before a group of between",
      () =>
        Pet.scan()
          .not()
          .group((c) => c.where("age").between(2, 9)),
      ["a", "d"],
    ],
    [
      "not() before a group of beginsWith",
      () =>
        Pet.scan()
          .not()
          .group((c) => c.where("name").beginsWith("A")),
      ["b", "c", "d"],
    ],
    ["not contains", () => Pet.scan("tags").not().contains("y"), ["c", "d"]],
    [
      "not() before a group of in",
      () =>
        Pet.scan()
          .not()
          .group((c) => c.where("age").in([1, 12])),
      ["b", "c"],
    ],
    ["a Date value", () => Pet.scan("born").ge(new Date("2021-01-01")), ["b", "c"]],
    ["a document path", () => Pet.scan("address.city").eq("Oslo"), ["a"]],
    ["the object form", () => Pet.scan({ age: { gt: 1 }, name: { beginsWith: "D" } }), ["d"]],
    ["and", () => Pet.scan("age").gt(1).and().where("age").lt(12), ["b", "c"]],
    ["or", () => Pet.scan("age").eq(1).or().where("name").eq("Dan"), ["a", "d"]],
    [
      "a group",
      () =>
        Pet.scan("age")
          .gt(1)
          .and()
          .group((c) => c.where("name").eq("Bob").or().where("name").eq("Dan")),
      ["b", "d"],
    ],
    ["a Condition as init", () => Pet.scan(new Condition("age").le(1).or().where("age").ge(12)), ["a", "d"]],
    [
      "a raw FilterExpression",
      () =>
        Pet.scan({
          FilterExpression: "#n = :n",
          ExpressionAttributeNames: { "#n": "name" },
          ExpressionAttributeValues: { ":n": "Carol" },
        }),
      ["c"],
    ],
    [
      // Dynamoose's Condition guide writes a raw number value as {"N": 100}.
      "a raw condition with a {N: number} value",
      () =>
        Pet.scan(
          new Condition({
            FilterExpression: "#a = :a",
            ExpressionAttributeNames: { "#a": "age" },
            ExpressionAttributeValues: { ":a": { N: 12 } },
          }),
        ),
      ["d"],
    ],
    [
      // The same page: a raw condition has "either `FilterExpression` or `ComparisonExpression`".
      "a raw ComparisonExpression",
      () =>
        Pet.scan(
          new Condition({
            ComparisonExpression: "#a = :a",
            ExpressionAttributeNames: { "#a": "age" },
            ExpressionAttributeValues: { ":a": 12 },
          }),
        ),
      ["d"],
    ],
  ])("%s", async (_name, build, expected) => {
    expect(ids(await build().all().exec())).toEqual(expected);
  });

  it("builders change in place, as Dynamoose's: a chained call changes the builder and returns it", async () => {
    const adults = Pet.scan("age").ge(5);
    expect(ids(await adults.exec())).toEqual(["b", "c", "d"]);
    const named = adults.where("name").eq("Bob");
    expect(named).toBe(adults);
    expect(ids(await adults.exec())).toEqual(["b"]);
    // Statement style, as Dynamoose's guide writes it: the result need not be kept.
    const scan = Pet.scan();
    scan.where("age").ge(5);
    scan.attributes(["id"]);
    expect((await scan.exec()).map((pet) => pet.toJSON())).toEqual(
      expect.arrayContaining([{ id: "b" }, { id: "c" }, { id: "d" }]),
    );
    expect(await scan.getRequest()).toMatchObject({ ProjectionExpression: expect.any(String) });
    // A Condition passed in is not changed by what the builder chains after it.
    const condition = new Condition("age").ge(5);
    Pet.scan(condition).where("name").eq("Bob");
    expect(ids(await Pet.scan(condition).exec())).toEqual(["b", "c", "d"]);
  });

  it("a run sends the builder as it was when the run started", async () => {
    const scan = Pet.scan("age").ge(5);
    const running = scan.exec();
    const request = scan.getRequest();
    scan.where("name").eq("Bob");
    expect(ids(await running)).toEqual(["b", "c", "d"]);
    expect(await request).toEqual(await Pet.scan("age").ge(5).getRequest());
    expect(ids(await scan.exec())).toEqual(["b"]);
    // An iterator and pages() take the builder as it is when they are made, not at their first next().
    const adults = Pet.scan("age").ge(5);
    const iterator = adults[Symbol.asyncIterator]();
    const pages = adults.pages();
    adults.where("name").eq("Bob");
    const iterated: { id: string }[] = [];
    for (let next = await iterator.next(); !next.done; next = await iterator.next())
      iterated.push(next.value);
    expect(ids(iterated)).toEqual(["b", "c", "d"]);
    const paged: { id: string }[] = [];
    for await (const page of pages) paged.push(...page);
    expect(ids(paged)).toEqual(["b", "c", "d"]);
  });

  it("returns items through the read pipeline, with counts and toJSON()", async () => {
    const result = await Pet.scan("age").gt(4).exec();
    expect(result).toBeInstanceOf(Array);
    expect(result.count).toBe(3);
    expect(result.scannedCount).toBe(4);
    expect(result.timesScanned).toBe(1);
    expect(result.lastKey).toBeUndefined();
    const bob = result.find((pet) => pet.id === "b")!;
    expect(bob).toBeInstanceOf(Pet);
    expect(bob.born).toEqual(new Date("2021-06-01"));
    expect(bob.tags).toEqual(new Set(["y"]));
    expect(JSON.parse(JSON.stringify(result)).find((pet: { id: string }) => pet.id === "b")).toEqual({
      id: "b",
      age: 5,
      name: "Bob",
      tags: ["y"],
      born: "2021-06-01T00:00:00.000Z",
      address: { city: "Bergen" },
    });
    expect(await result.populate()).toBe(result);
  });

  it("count() resolves with {count, scannedCount}; attributes() projects; exec takes a callback", async () => {
    expect(await Pet.scan("age").gt(4).count().exec()).toEqual({ count: 3, scannedCount: 4 });
    const projected = await Pet.scan("id").eq("c").attributes(["id", "address.city"]).exec();
    expect(projected.map((pet) => ({ ...pet }))).toEqual([{ id: "c" }]);
    const viaCallback = await new Promise((resolve, reject) =>
      Pet.scan("id")
        .eq("a")
        .exec((error, result) => (error ? reject(error) : resolve(ids(result!)))),
    );
    expect(viaCallback).toEqual(["a"]);
  });
});

describe("index choice on a table with two GSIs and one LSI", () => {
  const tableName = uniqueTableName("indexes");
  const Order = dynamodel.model(
    "QsOrder",
    new Schema({
      customer: { type: String, hashKey: true },
      id: { type: String, rangeKey: true },
      email: { type: String, index: { name: "byEmail" } },
      status: { type: String, index: { name: "byStatus", rangeKey: "placed" } },
      placed: Date,
      total: { type: Number, index: { name: "byTotal", type: "local" } },
    }),
    { tableName, throughput: "ON_DEMAND" },
  );
  const sent: DynamoCall[] = [];

  beforeAll(async () => {
    Order.use(async (call, next) => {
      sent.push(call);
      return next();
    });
    const day = (n: number) => new Date(Date.UTC(2024, 0, n));
    await Order.create({
      customer: "ann",
      id: "o1",
      email: "ann@x",
      status: "open",
      placed: day(1),
      total: 10,
    });
    await Order.create({
      customer: "ann",
      id: "o2",
      email: "ann@x",
      status: "done",
      placed: day(2),
      total: 30,
    });
    await Order.create({
      customer: "ann",
      id: "o3",
      email: "ann@y",
      status: "open",
      placed: day(3),
      total: 50,
    });
    await Order.create({
      customer: "bob",
      id: "o4",
      email: "bob@x",
      status: "open",
      placed: day(4),
      total: 20,
    });
  });

  const run = async (query: ReturnType<typeof Order.query>) => {
    sent.length = 0;
    const result = await query.exec();
    const input = sent.find((call) => call.operation === "Query")!.input as { IndexName?: string };
    return { index: input.IndexName, ids: ids(result) };
  };

  it.each<[string, () => ReturnType<typeof Order.query>, string | undefined, string[]]>([
    ["the table for its hash key", () => Order.query("customer").eq("ann"), undefined, ["o1", "o2", "o3"]],
    [
      "the table with its range key",
      () => Order.query("customer").eq("ann").where("id").ge("o2"),
      undefined,
      ["o2", "o3"],
    ],
    [
      "the LSI for the hash key and its range key",
      () => Order.query("customer").eq("ann").where("total").gt(20),
      "byTotal",
      ["o2", "o3"],
    ],
    ["a GSI by its hash key", () => Order.query("email").eq("ann@x"), "byEmail", ["o1", "o2"]],
    [
      "the GSI whose range key has a condition",
      () =>
        Order.query("customer")
          .eq("ann")
          .where("status")
          .eq("open")
          .where("placed")
          .lt(new Date(Date.UTC(2024, 0, 3))),
      "byStatus",
      ["o1"],
    ],
    [
      "the table over a GSI when neither has a range condition",
      () => Order.query("status").eq("open").where("customer").eq("bob"),
      undefined,
      ["o4"],
    ],
    [
      "using() forces an index",
      () => Order.query("customer").eq("ann").where("status").eq("open").using("byTotal"),
      "byTotal",
      ["o1", "o3"],
    ],
  ])("%s", async (_name, build, index, expected) => {
    expect(await run(build())).toEqual({ index, ids: expected });
  });

  it("sorts descending and reads consistently", async () => {
    const newest = await Order.query("customer").eq("ann").sort("descending").limit(1).consistent().exec();
    expect(ids(newest)).toEqual(["o3"]);
    expect(newest.lastKey).toEqual({ customer: "ann", id: "o3" });
    expect(newest.queriedCount).toBe(1);
    // As Dynamoose's query docs read it; not enumerable, so the result prints as Dynamoose's does.
    expect(newest.scannedCount).toBe(1);
    expect(Object.keys(newest)).not.toContain("scannedCount");
  });

  it("refuses a consistent() scan of a global index before sending, and sends one of a local index", async () => {
    sent.length = 0;
    await expect(Order.scan().using("byEmail").consistent().exec()).rejects.toThrow(
      new InvalidParameter(
        'using("byEmail") with consistent(): DynamoDB cannot read a global secondary index with strong consistency.',
      ),
    );
    expect(sent).toEqual([]);
    const local = await Order.scan().using("byTotal").consistent().exec();
    expect(local.length).toBeGreaterThan(0);
    const inputs = sent.map((call) => call.input as { IndexName?: string; ConsistentRead?: boolean });
    expect(inputs.map((input) => [input.IndexName, input.ConsistentRead])).toEqual([["byTotal", true]]);
  });

  it("hands back an index's lastKey with Dates as Dates, and continues from it", async () => {
    const first = await Order.query("status").eq("open").limit(1).exec();
    expect(first.lastKey).toEqual({
      customer: "ann",
      id: "o1",
      status: "open",
      placed: new Date(Date.UTC(2024, 0, 1)),
    });
    const second = await Order.query("status").eq("open").limit(1).startAt(first.lastKey).exec();
    expect(ids(second)).toEqual(["o3"]);
  });

  // Dynamoose's reference: count() "Calling twice toggles it off"; consistent() "toggles likewise".
  it("toggles count() and consistent() when called again, as in Dynamoose", async () => {
    sent.length = 0;
    const countedTwice = await Order.query("customer").eq("ann").count().count().exec();
    expect(ids(countedTwice)).toEqual(["o1", "o2", "o3"]);
    expect(await Order.scan().where("customer").eq("ann").count().count().count().exec()).toEqual({
      count: 3,
      scannedCount: expect.any(Number),
    });
    await Order.scan().using("byTotal").consistent().consistent().exec();
    await Order.scan().using("byTotal").consistent().consistent().consistent().exec();
    await Order.scan().using("byTotal").consistent(true).consistent(true).exec();
    await Order.scan().using("byTotal").consistent().consistent(false).exec();
    await Order.scan().using("byTotal").consistent().consistent(null).exec();
    const inputs = sent.map((call) => call.input as { Select?: string; ConsistentRead?: boolean });
    expect(inputs.map((input) => [input.Select, input.ConsistentRead])).toEqual([
      [undefined, undefined],
      ["COUNT", undefined],
      [undefined, undefined],
      [undefined, true],
      [undefined, true],
      [undefined, undefined],
      [undefined, undefined],
    ]);
    // A global index cannot be read consistently: toggled off, it is no longer refused.
    await expect(Order.scan().using("byEmail").consistent().consistent().exec()).resolves.toHaveLength(4);
  });

  it("counts with {count, queriedCount}, real numbers from DynamoDB", async () => {
    expect(await Order.query("customer").eq("ann").where("email").eq("ann@x").count().exec()).toEqual({
      count: 2,
      queriedCount: 3,
    });
  });
});

describe("names and values are placeholders, never spliced", () => {
  const tableName = uniqueTableName("injection");
  const Doc = dynamodel.model(
    "QsDoc",
    new Schema({ id: { type: String, hashKey: true } }, { saveUnknown: true }),
    { tableName, throughput: "ON_DEMAND" },
  );
  const hostile = "x) OR (attribute_exists(id)";
  const names = ["a-b", "a b", "#x", ":y", "über"];

  beforeAll(async () => {
    await Doc.create({
      id: "1",
      ...Object.fromEntries(names.map((name) => [name, `v-${name}`])),
      payload: hostile,
    });
    await Doc.create({ id: "2", ...Object.fromEntries(names.map((name) => [name, "other"])), payload: "x" });
  });

  it("stores the names and the value exactly", async () => {
    const { Item } = await rawClient().getItem({ TableName: tableName, Key: { id: { S: "1" } } });
    for (const name of names) expect(Item?.[name]).toEqual({ S: `v-${name}` });
    expect(Item?.payload).toEqual({ S: hostile });
  });

  it.each(names)("matches on %j exactly", async (name) => {
    expect(ids(await Doc.scan(name).eq(`v-${name}`).exec())).toEqual(["1"]);
    expect(ids(await Doc.query("id").eq("2").where(name).eq(`v-${name}`).exec())).toEqual([]);
  });

  it("matches the hostile value exactly and widens nothing", async () => {
    expect(ids(await Doc.scan("payload").eq(hostile).exec())).toEqual(["1"]);
    expect(ids(await Doc.scan("payload").eq("x").exec())).toEqual(["2"]);
    expect(ids(await Doc.query("id").eq(hostile).exec())).toEqual([]);
  });
});

describe("bad input is a clear error", () => {
  const tableName = uniqueTableName("errors");
  const Thing = dynamodel.model(
    "QsThing",
    new Schema({
      id: { type: String, hashKey: true },
      age: Number,
      email: { type: String, index: { name: "byEmail" } },
    }),
    { tableName, throughput: "ON_DEMAND" },
  );

  it("an unknown comparator", () => {
    // Thrown by scan()/query() themselves, as in Dynamoose (only later chain steps become exec()'s failure).
    expect(() => Thing.scan({ age: { bigger: 3 } })).toThrow(InvalidFilterComparison);
    // Dynamoose's message, naming the operation when the condition comes through query() or scan().
    expect(() => Thing.scan({ age: { bigger: 3 } })).toThrow(
      "The type: bigger is invalid for the scan operation.",
    );
    expect(() => Thing.query({ age: { bigger: 3 } })).toThrow(
      new InvalidFilterComparison("The type: bigger is invalid for the query operation."),
    );
    expect(() => new Condition({ age: { bigger: 3 } })).toThrow(
      new InvalidFilterComparison("The type: bigger is invalid."),
    );
  });

  it("a query without a hash-key eq names the attributes that could serve", async () => {
    const error = await Thing.query("age")
      .gt(3)
      .exec()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidParameter);
    expect((error as Error).message).toContain(
      'these attributes could serve: "id" (the table), "email" (index "byEmail")',
    );
    await expect(Thing.query().exec()).rejects.toThrow("Model.query() was given no condition.");
    await expect(Thing.query("id").eq("a").or().where("id").eq("b").exec()).rejects.toThrow(InvalidParameter);
  });

  it("a value of the wrong type", async () => {
    await expect(Thing.scan("age").eq("five").exec()).rejects.toThrow(TypeMismatch);
    await expect(Thing.query("id").eq(5).exec()).rejects.toThrow(TypeMismatch);
    await expect(Thing.scan().startAt({ id: 5 }).exec()).rejects.toThrow(TypeMismatch);
  });

  it("bad settings", async () => {
    await expect(Thing.scan().limit(0).exec()).rejects.toThrow(
      "limit() must be a whole number of at least 1 (got 0).",
    );
    await expect(Thing.scan().parallel(1.5).exec()).rejects.toThrow(InvalidParameter);
    await expect(
      Thing.query("id")
        .eq("a")
        .sort("up" as never)
        .exec(),
    ).rejects.toThrow('sort() takes "ascending" or "descending"');
    await expect(Thing.scan().all(-1).exec()).rejects.toThrow(InvalidParameter);
  });

  it("an unfinished condition, and iterating a count", async () => {
    // Only an attribute and no comparator: an empty condition, as in Dynamoose; after a comparison, an error.
    expect(await Thing.scan("age").getRequest()).not.toHaveProperty("FilterExpression");
    expect((await Thing.scan("age").exec()).length).toBe((await Thing.scan().exec()).length);
    await expect(Thing.scan("age").gt(1).and().where("id").exec()).rejects.toThrow(
      'The condition on "id" has no comparator',
    );
    const iterate = async () => {
      for await (const _item of Thing.scan().count() as unknown as AsyncIterable<unknown>) break;
    };
    await expect(iterate()).rejects.toThrow("A count() has no items to iterate");
  });
});

describe("a query whose key condition is raw, with methods chained after it", () => {
  const tableName = uniqueTableName("rawChain");
  const Visit = dynamodel.model(
    "QsRawChainVisit",
    new Schema({
      id: { type: String, hashKey: true },
      place: { type: String, index: { name: "byPlace" } },
      minutes: Number,
    }),
    { tableName, throughput: "ON_DEMAND" },
  );
  const atOslo = {
    FilterExpression: "#p = :p",
    ExpressionAttributeNames: { "#p": "place" },
    ExpressionAttributeValues: { ":p": "Oslo" },
  };

  beforeAll(async () => {
    await Visit.create({ id: "short", place: "Oslo", minutes: 5 });
    await Visit.create({ id: "long", place: "Oslo", minutes: 50 });
    await Visit.create({ id: "elsewhere", place: "Bergen", minutes: 90 });
  });

  it("ANDs the chained part as the filter (Dynamoose drops it)", async () => {
    const query = Visit.query(atOslo).using("byPlace").where("minutes").gt(10);
    expect(await query.getRequest()).toMatchObject({
      IndexName: "byPlace",
      KeyConditionExpression: "#p = :p",
      FilterExpression: "#n0 > :v0",
    });
    expect(ids(await query.exec())).toEqual(["long"]);
    expect(ids(await Visit.query(atOslo).using("byPlace").exec())).toEqual(["long", "short"]);
  });
});
