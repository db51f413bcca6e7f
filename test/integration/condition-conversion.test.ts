// Condition values converted like writes, against DynamoDB Local: attribute `set` functions on query,
// scan and write conditions (and which values skip them), string prefixes of ISO-stored Dates, CONSTANT
// attributes, aliases known only to a later schema of a multi-schema model, and the consistent() error.
import dynamodel, { Condition, InvalidParameter, Schema, TypeMismatch } from "dynamodel";
import { outcomeAndOperationsSent, rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const lower = (value: string) => value.toLowerCase();
const ids = (items: readonly object[]) => items.map((item) => (item as { id: string }).id).sort();
const DAY = 86_400_000;

describe("attribute set functions apply to condition values", () => {
  const tableName = uniqueTableName("condset");
  const Person = dynamodel.model(
    "CondSetPerson",
    new Schema({
      id: { type: String, hashKey: true, set: lower },
      email: { type: String, set: lower, index: { name: "byEmail" } },
      num: Number,
      // set sees the Date (as in a write) and keeps the day only.
      day: { type: Date, set: (value: Date) => new Date(Math.floor(value.getTime() / DAY) * DAY) },
      words: { type: Array, schema: [{ type: String, set: lower }] },
    }),
    { tableName, throughput: "ON_DEMAND" },
  );

  beforeAll(async () => {
    await Person.create({
      id: "ABC",
      email: "X@Y.Z",
      num: 1,
      day: new Date("2020-05-05T13:00:00Z"),
      words: ["Hello", "World"],
    });
    await Person.create({ id: "DEF", email: "Q@R.S", num: 2, day: new Date("2021-01-01T00:00:00Z") });
    const stored = await rawClient().getItem({ TableName: tableName, Key: { id: { S: "abc" } } });
    expect(stored.Item?.email).toEqual({ S: "x@y.z" });
  });

  it("on the table's hash key of a query", async () => {
    const query = Person.query("id").eq("ABC");
    expect((await query.getRequest()).ExpressionAttributeValues).toEqual({ ":v0": { S: "abc" } });
    expect(ids(await query.exec())).toEqual(["abc"]);
  });

  it("on an index's hash key of a query", async () => {
    const query = Person.query("email").eq("X@Y.Z");
    const request = await query.getRequest();
    expect(request.IndexName).toBe("byEmail");
    expect(request.ExpressionAttributeValues).toEqual({ ":v0": { S: "x@y.z" } });
    expect(ids(await query.exec())).toEqual(["abc"]);
  });

  it.each<[string, () => ReturnType<typeof Person.scan>, string[]]>([
    ["eq", () => Person.scan("email").eq("X@Y.Z"), ["abc"]],
    ["ne", () => Person.scan("email").ne("X@Y.Z"), ["def"]],
    ["lt", () => Person.scan("email").lt("R"), ["def"]],
    ["between", () => Person.scan("email").between("A", "R"), ["def"]],
    ["in", () => Person.scan("email").in(["NOPE", "Q@R.S"]), ["def"]],
    ["beginsWith", () => Person.scan("email").beginsWith("X@"), ["abc"]],
    ["a Date through set", () => Person.scan("day").eq(new Date("2020-05-05T20:00:00Z")), ["abc"]],
    ["a list element through the element's set", () => Person.scan("words").contains("HELLO"), ["abc"]],
  ])("on scan filters: %s", async (_name, build, expected) => {
    expect(ids(await build().exec())).toEqual(expected);
  });

  it("sends the converted values", async () => {
    const request = await Person.scan("email")
      .in(["A", "B"])
      .and()
      .where("email")
      .between("C", "D")
      .and()
      .where("email")
      .beginsWith("E")
      .getRequest();
    expect(request.ExpressionAttributeValues).toEqual({
      ":v0": { S: "a" },
      ":v1": { S: "b" },
      ":v2": { S: "c" },
      ":v3": { S: "d" },
      ":v4": { S: "e" },
    });
  });

  // Dynamoose's reference: condition "values go through attribute `set` functions"; Dynamoose 4.2 sends a
  // contains() substring of a String attribute through its set, as a beginsWith() prefix.
  it("on contains() substrings of a String attribute, not on size() numbers", async () => {
    const request = await Person.scan("email").contains("Y.Z").and().where("email").size().eq(5).getRequest();
    expect(request.ExpressionAttributeValues).toEqual({ ":v0": { S: "y.z" }, ":v1": { N: "5" } });
    expect(ids(await Person.scan("email").contains("Y.Z").exec())).toEqual(["abc"]);
    expect(ids(await Person.scan("email").contains("y.z").exec())).toEqual(["abc"]);
    // A list element goes through the element definition's own set, as before.
    expect(ids(await Person.scan("words").contains("WORLD").exec())).toEqual(["abc"]);
  });

  it("on update conditions", async () => {
    await Person.update("ABC", { num: 3 }, { condition: new Condition("email").eq("X@Y.Z") });
    const stored = await rawClient().getItem({ TableName: tableName, Key: { id: { S: "abc" } } });
    expect(stored.Item?.num).toEqual({ N: "3" });
  });

  it("on delete conditions", async () => {
    await Person.create({ id: "GONE", email: "G@H.I" });
    await expect(
      Person.delete("GONE", { condition: new Condition("email").eq("OTHER") }),
    ).rejects.toMatchObject({
      name: "ConditionalCheckFailedException",
    });
    await Person.delete("GONE", { condition: new Condition("email").eq("G@H.I") });
    const stored = await rawClient().getItem({ TableName: tableName, Key: { id: { S: "gone" } } });
    expect(stored.Item).toBeUndefined();
  });

  it("on transaction conditions", async () => {
    const check = (email: string) =>
      dynamodel.transaction([
        Person.transaction.condition("ABC", new Condition("email").eq(email)),
        Person.transaction.update("DEF", { num: 20 }),
      ]);
    await expect(check("OTHER")).rejects.toMatchObject({ name: "TransactionCanceledError" });
    await check("X@Y.Z");
    const stored = await rawClient().getItem({ TableName: tableName, Key: { id: { S: "def" } } });
    expect(stored.Item?.num).toEqual({ N: "20" });
  });
});

describe("an asynchronous set on condition values is awaited, as in Dynamoose", () => {
  const tableName = uniqueTableName("condasync");
  const later = async (value: string) => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    return value.toLowerCase();
  };
  const Account = dynamodel.model(
    "CondAsyncAccount",
    new Schema({
      id: { type: String, hashKey: true, set: later },
      email: { type: String, set: later, index: { name: "byEmailAsync" } },
      num: Number,
      // set returns what the condition compares; a rejection or a wrong type is the operation's error.
      code: {
        type: String,
        set: async (value: string) => {
          if (value === "BAD") throw new Error("code BAD refused by set");
          return value === "NUMBER" ? (7 as unknown as string) : value.trim();
        },
      },
    }),
    { tableName, throughput: "ON_DEMAND" },
  );
  const stored = async (id: string) =>
    (await rawClient().getItem({ TableName: tableName, Key: { id: { S: id } } })).Item;
  const sent: string[] = [];
  let unuse: () => void = () => undefined;

  beforeAll(async () => {
    await Account.create({ id: "ABC", email: "X@Y.Z", num: 1, code: " k1 " });
    await Account.create({ id: "DEF", email: "Q@R.S", num: 2, code: "k2" });
    expect((await stored("abc"))?.email).toEqual({ S: "x@y.z" });
    unuse = dynamodel.use(async (call, next) => {
      sent.push(call.operation);
      return next();
    });
  });
  afterAll(() => unuse());
  beforeEach(() => (sent.length = 0));

  it("on a query's hash key and an index's hash key", async () => {
    const query = Account.query("id").eq("ABC");
    expect((await query.getRequest()).ExpressionAttributeValues).toEqual({ ":v0": { S: "abc" } });
    expect(ids(await query.exec())).toEqual(["abc"]);
    const byEmail = Account.query("email").eq("X@Y.Z");
    expect(await byEmail.getRequest()).toMatchObject({
      IndexName: "byEmailAsync",
      ExpressionAttributeValues: { ":v0": { S: "x@y.z" } },
    });
    expect(ids(await byEmail.exec())).toEqual(["abc"]);
    expect(sent).toEqual(["Query", "Query"]); // getRequest() sends nothing
  });

  it("on scan filters, every value of between and in, and pages", async () => {
    expect(ids(await Account.scan("email").eq("Q@R.S").exec())).toEqual(["def"]);
    expect(ids(await Account.scan("email").between("A", "R").exec())).toEqual(["def"]);
    expect(ids(await Account.scan("email").in(["NOPE", "X@Y.Z"]).exec())).toEqual(["abc"]);
    expect(ids(await Account.scan("code").eq(" k2 ").all().exec())).toEqual(["def"]);
    const found: string[] = [];
    for await (const item of Account.scan("email").eq("X@Y.Z").limit(1)) found.push(item.id);
    expect(found).toEqual(["abc"]);
  });

  it("on update, delete, save and transaction conditions, in the request and on the table", async () => {
    const condition = new Condition("email").eq("X@Y.Z");
    const request = await Account.update("ABC", { num: 5 }, { condition, return: "request" });
    expect(request.ExpressionAttributeValues).toMatchObject({ ":v0": { S: "x@y.z" } });
    await Account.update("ABC", { num: 5 }, { condition });
    expect((await stored("abc"))?.num).toEqual({ N: "5" });
    await expect(
      Account.update("ABC", { num: 6 }, { condition: new Condition("email").eq("OTHER") }),
    ).rejects.toMatchObject({ name: "ConditionalCheckFailedException" });
    expect((await stored("abc"))?.num).toEqual({ N: "5" });

    const deleteRequest = await Account.delete("DEF", {
      condition: new Condition("code").eq(" K2"),
      return: "request",
    });
    expect(deleteRequest.ExpressionAttributeValues).toEqual({ ":v0": { S: "K2" } });

    const item = await Account.get("ABC");
    item!.num = 9;
    const saveRequest = (await item!.save({ condition, return: "request" })) as unknown as {
      ExpressionAttributeValues: Record<string, unknown>;
    };
    expect(Object.values(saveRequest.ExpressionAttributeValues)).toContainEqual({ S: "x@y.z" });
    await item!.save({ condition });
    expect((await stored("abc"))?.num).toEqual({ N: "9" });

    const transact = (email: string) =>
      dynamodel.transaction([
        Account.transaction.condition("ABC", new Condition("email").eq(email)),
        Account.transaction.update("DEF", { num: 20 }),
      ]);
    await expect(transact("OTHER")).rejects.toMatchObject({ name: "TransactionCanceledError" });
    expect((await stored("def"))?.num).toEqual({ N: "2" });
    await transact("X@Y.Z");
    expect((await stored("def"))?.num).toEqual({ N: "20" });
  });

  it("rejects with the set's own error or a TypeMismatch, and sends and writes nothing", async () => {
    await expect(Account.scan("code").eq("BAD").exec()).rejects.toThrow("code BAD refused by set");
    await expect(Account.query("id").eq("ABC").where("code").eq("BAD").getRequest()).rejects.toThrow(
      "code BAD refused by set",
    );
    await expect(
      Account.update("ABC", { num: 100 }, { condition: new Condition("code").eq("BAD") }),
    ).rejects.toThrow("code BAD refused by set");
    await expect(Account.delete("ABC", { condition: new Condition("code").eq("NUMBER") })).rejects.toThrow(
      TypeMismatch,
    );
    await expect(
      dynamodel.transaction([
        Account.transaction.condition("ABC", new Condition("code").eq("BAD")),
        Account.transaction.update("DEF", { num: 100 }),
      ]),
    ).rejects.toThrow("code BAD refused by set");
    expect(sent).toEqual([]);
    expect((await stored("abc"))?.num).toEqual({ N: "9" });
    expect((await stored("def"))?.num).toEqual({ N: "20" });
  });

  it("hands out transaction elements complete, so a copy of them (by a hook, or JSON) holds the values", async () => {
    const element = await Account.transaction.condition("ABC", new Condition("email").eq("X@Y.Z"));
    expect(element.ConditionCheck?.ExpressionAttributeValues).toEqual({ ":v0": { S: "x@y.z" } });
    // As the transaction sends it, and as the update and delete elements are handed out.
    expect(element.ConditionCheck?.ReturnValuesOnConditionCheckFailure).toBe("ALL_OLD");
    await dynamodel.transaction([JSON.parse(JSON.stringify(element))]);
    await expect(Account.transaction.condition("ABC", new Condition("code").eq("BAD"))).rejects.toThrow(
      "code BAD refused by set",
    );
  });

  it("calls an async set for contains() substrings of a String attribute, as Dynamoose does", async () => {
    expect((await Account.scan("code").contains(" k ").getRequest()).ExpressionAttributeValues).toEqual({
      ":v0": { S: "k" },
    });
    expect(ids(await Account.scan("code").contains(" k1").exec())).toEqual(["abc"]);
    await expect(Account.scan("code").contains("BAD").exec()).rejects.toThrow("code BAD refused by set");
  });
});

describe("the schema's own set on condition values, as on keys", () => {
  const tableName = uniqueTableName("condschemaset");
  const upper = (item: Record<string, unknown>) =>
    typeof item.id === "string" ? { ...item, id: item.id.toUpperCase() } : item;
  const Tagged = dynamodel.model(
    "CondSchemaSet",
    new Schema(
      { id: { type: String, hashKey: true }, r: { type: Number, rangeKey: true }, v: String, w: String },
      {
        set: (item) => {
          // A set written with whole items in mind may fail on the one-attribute item a condition gives it.
          if (item.w === "partial") throw new Error("this set needs whole items");
          return { ...upper(item), v: (item.v as string | undefined)?.trim() };
        },
      },
    ),
    { tableName, throughput: "ON_DEMAND" },
  );
  const Slow = dynamodel.model(
    "CondSchemaSetAsync",
    new Schema(
      { id: { type: String, hashKey: true }, r: { type: Number, rangeKey: true }, w: String },
      { set: async (item: Record<string, unknown>) => upper(item) },
    ),
    { tableName: uniqueTableName("condschemasetasync"), throughput: "ON_DEMAND" },
  );

  beforeAll(async () => {
    await Tagged.create({ id: "abc", r: 1, v: " x ", w: "w" });
    await Slow.create({ id: "abc", r: 1, w: "w" });
    const stored = await rawClient().getItem({
      TableName: tableName,
      Key: { id: { S: "ABC" }, r: { N: "1" } },
    });
    expect(stored.Item?.v).toEqual({ S: "x" });
  });

  it("on query key conditions, scan filters and write conditions", async () => {
    expect((await Tagged.query("id").eq("abc").getRequest()).ExpressionAttributeValues).toEqual({
      ":v0": { S: "ABC" },
    });
    expect(await Tagged.query("id").eq("abc").exec()).toHaveLength(1);
    expect(await Tagged.scan("id").eq("abc").exec()).toHaveLength(1);
    expect(await Tagged.scan("v").eq(" x ").exec()).toHaveLength(1);
    expect(await Tagged.scan("w").eq("w").exec()).toHaveLength(1);
    // Where it fails, the value is compared as given: the condition is not where that error belongs.
    expect((await Tagged.scan("w").eq("partial").getRequest()).ExpressionAttributeValues).toEqual({
      ":v0": { S: "partial" },
    });
    await Tagged.update({ id: "abc", r: 1 }, { w: "w2" }, { condition: new Condition("v").eq(" x ") });
    expect((await Tagged.get({ id: "abc", r: 1 }))?.w).toBe("w2");
  });

  it("awaits an asynchronous one", async () => {
    expect(await Slow.query("id").eq("abc").exec()).toHaveLength(1);
    await Slow.delete({ id: "abc", r: 1 }, { condition: new Condition("id").eq("abc") });
    expect(await Slow.get({ id: "abc", r: 1 })).toBeUndefined();
  });
});

describe("beginsWith on a string-stored attribute keeps the prefix", () => {
  const tableName = uniqueTableName("condprefix");
  const Event = dynamodel.model(
    "CondPrefixEvent",
    new Schema({
      id: { type: String, hashKey: true },
      iso: { type: { value: Date, settings: { storage: "iso" } } },
    }),
    { tableName, throughput: "ON_DEMAND" },
  );

  beforeAll(async () => {
    await Event.create({ id: "a", iso: new Date("2020-07-01T10:00:00Z") });
    await Event.create({ id: "b", iso: new Date("2021-07-01T10:00:00Z") });
  });

  it("sends a string prefix of an ISO Date as given", async () => {
    const scan = Event.scan("iso").beginsWith("2020");
    expect((await scan.getRequest()).ExpressionAttributeValues).toEqual({ ":v0": { S: "2020" } });
    expect(ids(await scan.exec())).toEqual(["a"]);
    expect(ids(await Event.scan("iso").beginsWith("2021-07").exec())).toEqual(["b"]);
  });

  it("still converts a whole Date", async () => {
    const request = await Event.scan("iso").beginsWith(new Date("2020-07-01T10:00:00Z")).getRequest();
    expect(request.ExpressionAttributeValues).toEqual({ ":v0": { S: "2020-07-01T10:00:00.000Z" } });
    expect(ids(await Event.scan("iso").lt("2021").exec())).toEqual(["a"]);
  });
});

describe("beginsWith needs a String or Binary operand (DynamoDB's begins_with)", () => {
  const tableName = uniqueTableName("condprefixtype");
  const Reading = dynamodel.model(
    "CondPrefixReading",
    new Schema({
      id: { type: String, hashKey: true },
      at: { type: Number, rangeKey: true },
      when: Date,
      blob: Buffer,
      tags: { type: Set, schema: [String] },
      flag: Boolean,
    }),
    { tableName, throughput: "ON_DEMAND" },
  );

  beforeAll(async () => {
    await Reading.create({ id: "a", at: 12, when: new Date(5), blob: Buffer.from("xyz") });
  });

  it.each([
    ["a Number attribute", () => Reading.scan("at").beginsWith(1), "at", 1],
    ["a Date stored as a number", () => Reading.scan("when").beginsWith(new Date(5)), "when", new Date(5)],
    ["a query's Number range key", () => Reading.query("id").eq("a").where("at").beginsWith(1), "at", 1],
    [
      "a condition of a delete",
      () => Reading.delete({ id: "a", at: 12 }, { condition: new Condition("at").beginsWith(1) }),
      "at",
      1,
    ],
  ])("on %s: a TypeMismatch naming the path and value, nothing sent", async (_what, run, path, value) => {
    const sent: string[] = [];
    const stop = dynamodel.use(async (call, next) => {
      sent.push(call.operation);
      return next();
    });
    try {
      const started = run();
      const outcome = "exec" in started ? started.exec() : started;
      await expect(outcome).rejects.toThrow(TypeMismatch);
      await expect("exec" in started ? started.exec() : run()).rejects.toMatchObject({
        path,
        value,
        message: `"${path}" must be a string or binary prefix (beginsWith) (got ${value instanceof Date ? value.toISOString() : value})`,
      });
    } finally {
      stop();
    }
    expect(sent.filter((operation) => operation !== "DescribeTable")).toEqual([]);
    expect((await rawClient().scan({ TableName: tableName })).Count).toBe(1);
  });

  it.each([
    ["a String Set", "tags"],
    ["a Boolean", "flag"],
    ["a Date stored as a number", "when"],
  ])("a string prefix on %s names the attribute as what cannot take it", async (_what, path) => {
    // Converted as a whole value of the attribute's type, it said `must be of type set of string (got "r")`,
    // pointing at the value.
    const { error, sent } = await outcomeAndOperationsSent(() => Reading.scan(path).beginsWith("r").exec());
    expect(error).toMatchObject({
      name: "TypeMismatch",
      path,
      value: "r",
      message: `"${path}" must be a String or Binary attribute to take a beginsWith prefix (got "r")`,
    });
    expect(sent.filter((operation) => operation !== "DescribeTable")).toEqual([]);
  });

  it("a Binary attribute takes a Buffer prefix", async () => {
    const scan = Reading.scan("blob").beginsWith(Buffer.from("xy"));
    expect((await scan.getRequest()).ExpressionAttributeValues).toEqual({ ":v0": { B: Buffer.from("xy") } });
    expect(ids(await scan.exec())).toEqual(["a"]);
  });
});

describe("CONSTANT attributes in conditions", () => {
  const tableName = uniqueTableName("condconst");
  const Thing = dynamodel.model(
    "CondConstThing",
    new Schema({ id: { type: String, hashKey: true }, k: dynamodel.type.CONSTANT("K"), n: Number }),
    { tableName, throughput: "ON_DEMAND" },
  );

  beforeAll(async () => {
    await Thing.create({ id: "a", k: "K", n: 1 });
  });

  it("compares with any value of the constant's type", async () => {
    const scan = Thing.scan("k").ne("J");
    expect((await scan.getRequest()).ExpressionAttributeValues).toEqual({ ":v0": { S: "J" } });
    expect(ids(await scan.exec())).toEqual(["a"]);
    expect(await Thing.scan("k").eq("J").exec()).toHaveLength(0);
    expect(await Thing.scan("k").ne("K").exec()).toHaveLength(0);
    expect(ids(await Thing.scan("k").in(["J", "K"]).exec())).toEqual(["a"]);
  });

  it("still checks the type", async () => {
    await expect(Thing.scan("k").ne(5).getRequest()).rejects.toThrow(TypeMismatch);
  });
});

describe("a multi-schema model resolves conditions in every schema", () => {
  const tableName = uniqueTableName("condmulti");
  const Entity = dynamodel.model(
    "CondMultiEntity",
    [
      new Schema({ id: { type: String, hashKey: true }, title: String, code: Number }),
      new Schema({
        id: { type: String, hashKey: true },
        nick: { type: String, alias: "nn", set: lower },
        code: String,
      }),
    ],
    { tableName, throughput: "ON_DEMAND" },
  );

  beforeAll(async () => {
    await Entity.create({ id: "book", title: "Dune", code: 1 });
    await Entity.create({ id: "user", nn: "Q", code: "x" });
    const stored = await rawClient().getItem({ TableName: tableName, Key: { id: { S: "user" } } });
    expect(stored.Item?.nick).toEqual({ S: "q" });
  });

  it("maps an alias only the second schema defines, with its set", async () => {
    const scan = Entity.scan("nn").eq("Q");
    const request = await scan.getRequest();
    expect(request.ExpressionAttributeNames).toEqual({ "#n0": "nick" });
    expect(request.ExpressionAttributeValues).toEqual({ ":v0": { S: "q" } });
    expect(ids(await scan.exec())).toEqual(["user"]);
    const query = Entity.query("id").eq("user").where("nn").eq("Q");
    expect((await query.getRequest()).ExpressionAttributeNames).toEqual({ "#n0": "id", "#n1": "nick" });
    expect(ids(await query.exec())).toEqual(["user"]);
  });

  it("lets the first schema win where both define a name", async () => {
    expect(ids(await Entity.scan("code").eq(1).exec())).toEqual(["book"]);
    await expect(Entity.scan("code").eq("x").getRequest()).rejects.toThrow(TypeMismatch);
  });
});

describe("consistent() query on a GSI-only key", () => {
  const Person = dynamodel.model(
    "CondConsistent",
    new Schema({ id: { type: String, hashKey: true }, email: { type: String, index: { name: "byEmail" } } }),
    { tableName: uniqueTableName("condcons"), create: false },
  );

  it("says the global index was left out because of consistent()", async () => {
    const query = Person.query("email").eq("odd").consistent();
    await expect(query.exec()).rejects.toThrow(InvalidParameter);
    await expect(query.exec()).rejects.toThrow(
      '"email" (index "byEmail") could serve it, but consistent() leaves global secondary indexes out',
    );
    // Without consistent() the index serves.
    expect((await Person.query("email").eq("odd").getRequest()).IndexName).toBe("byEmail");
  });
});

describe("content saveUnknown keeps is kept in condition values, as a write keeps it", () => {
  const tableName = uniqueTableName("condunknown");
  const Note = dynamodel.model(
    "CondUnknownNote",
    new Schema(
      { id: String, meta: Object, box: { type: Object, schema: { size: Number } } },
      { saveUnknown: true },
    ),
    { tableName, throughput: "ON_DEMAND" },
  );
  const Picky = dynamodel.model(
    "CondUnknownPicky",
    new Schema({ id: String, meta: Object }, { saveUnknown: ["meta.kept"] }),
    { tableName: uniqueTableName("condunknownpicky"), throughput: "ON_DEMAND" },
  );
  const meta = { tag: "a", inner: { n: 1 } };

  beforeAll(async () => {
    await Note.create({ id: "n1", meta, box: { size: 2, colour: "red" } as { size: number } });
    await Note.create({ id: "n2", meta: { tag: "b" }, box: { size: 2 } });
    await Picky.create({ id: "p1", meta: { kept: 1, dropped: 2 } });
  });

  it("matches an Object without a schema, and undeclared members of a map, by their whole value", async () => {
    expect(ids(await Note.scan("meta").eq(meta).exec())).toEqual(["n1"]);
    expect(ids(await Note.scan("box").eq({ size: 2, colour: "red" }).exec())).toEqual(["n1"]);
    const request = await Note.scan("meta").eq(meta).getRequest();
    expect(request.ExpressionAttributeValues).toEqual({
      ":v0": { M: { tag: { S: "a" }, inner: { M: { n: { N: "1" } } } } },
    });
  });

  it("in write conditions too", async () => {
    await Note.update({ id: "n1" }, { meta: { tag: "c" } }, { condition: new Condition("meta").eq(meta) });
    const stored = await rawClient().getItem({ TableName: Note.table().name, Key: { id: { S: "n1" } } });
    expect(stored.Item?.meta).toEqual({ M: { tag: { S: "c" } } });
  });

  it("in contains() on a list of objects", async () => {
    const Bag = dynamodel.model(
      "CondUnknownBag",
      new Schema(
        {
          id: String,
          bag: { type: Array, schema: [Object] },
          objs: { type: Array, schema: [{ type: Object, schema: { d: String } }] },
        },
        { saveUnknown: ["bag.**", "objs.*.e"] },
      ),
      { tableName: uniqueTableName("condunknownbag"), throughput: "ON_DEMAND" },
    );
    await Bag.create({ id: "b1", bag: [{ t: "a" }], objs: [{ d: "x", e: 1 } as { d: string }] });
    expect(ids(await Bag.scan("bag").contains({ t: "a" }).exec())).toEqual(["b1"]);
    expect(ids(await Bag.scan("objs").contains({ d: "x", e: 1 }).exec())).toEqual(["b1"]);
  });

  it("type.UNDEFINED, which stores nothing, is no value to compare with", async () => {
    for (const path of ["meta", "undeclared"])
      await expect(Note.scan(path).eq(dynamodel.type.UNDEFINED).exec()).rejects.toThrow(TypeMismatch);
  });

  it("drops what the patterns do not keep, as the write did", async () => {
    await Picky.table().initialize();
    expect(ids(await Picky.scan("meta").eq({ kept: 1, dropped: 2 }).exec())).toEqual(["p1"]);
  });
});
