import dynamodel, { Condition, Schema, TypeMismatch, ValidationError } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

async function rawItem(table: string, key: Record<string, unknown>) {
  const { Item } = await rawClient().getItem({
    TableName: table,
    Key: Object.fromEntries(
      Object.entries(key).map(([name, value]) => [
        name,
        typeof value === "number" ? { N: String(value) } : { S: String(value) },
      ]),
    ),
    ConsistentRead: true,
  });
  return Item;
}

describe("every type round-trips", () => {
  const tableName = uniqueTableName("types");
  const Thing = dynamodel.model(
    "Thing",
    new Schema({
      id: { type: String, hashKey: true },
      count: Number,
      flag: Boolean,
      blob: Buffer,
      born: Date,
      bornSeconds: { type: { value: Date, settings: { storage: "seconds" } } },
      bornIso: { type: { value: Date, settings: { storage: "iso" } } },
      address: { type: Object, schema: { city: String, zip: { type: Number } } },
      tags: { type: Array, schema: [String] },
      labels: { type: Set, schema: [String] },
      scores: { type: Set, schema: [Number] },
      nothing: dynamodel.type.NULL,
      kind: dynamodel.type.CONSTANT("thing"),
      anything: dynamodel.type.ANY,
      either: [String, Number],
    }),
    { tableName, throughput: "ON_DEMAND" },
  );

  it("stores the documented DynamoDB representation and reads back JS values", async () => {
    const born = new Date("2024-05-06T07:08:09.123Z");
    await Thing.create({
      id: "t1",
      count: 3,
      flag: true,
      blob: Buffer.from("hi"),
      born,
      bornSeconds: born,
      bornIso: born,
      address: { city: "Oslo", zip: 150 },
      tags: ["a", "b"],
      labels: new Set(["x", "y"]),
      scores: [1, 2, 2],
      nothing: null,
      kind: "thing",
      anything: { deep: [1, "two"] },
      either: 7,
    });
    const stored = await rawItem(tableName, { id: "t1" });
    expect(stored).toEqual({
      id: { S: "t1" },
      count: { N: "3" },
      flag: { BOOL: true },
      blob: { B: new Uint8Array(Buffer.from("hi")) },
      born: { N: String(born.getTime()) },
      bornSeconds: { N: String(Math.round(born.getTime() / 1000)) },
      bornIso: { S: "2024-05-06T07:08:09.123Z" },
      address: { M: { city: { S: "Oslo" }, zip: { N: "150" } } },
      tags: { L: [{ S: "a" }, { S: "b" }] },
      labels: { SS: expect.arrayContaining(["x", "y"]) },
      scores: { NS: expect.arrayContaining(["1", "2"]) },
      nothing: { NULL: true },
      kind: { S: "thing" },
      anything: { M: { deep: { L: [{ N: "1" }, { S: "two" }] } } },
      either: { N: "7" },
    });
    const item = (await Thing.get("t1"))!;
    expect(item.born).toEqual(born);
    expect(item.bornSeconds).toEqual(new Date(Math.round(born.getTime() / 1000) * 1000));
    expect(item.bornIso).toEqual(born);
    expect(item.labels).toEqual(new Set(["x", "y"]));
    expect(item.scores).toEqual(new Set([1, 2]));
    expect(Buffer.isBuffer(item.blob)).toBe(true);
    expect(item.address).toEqual({ city: "Oslo", zip: 150 });
    expect(item.either).toBe(7);
    expect(item.toJSON()).toMatchObject({
      labels: ["x", "y"],
      born: "2024-05-06T07:08:09.123Z",
      blob: "aGk=",
    });
  });

  it("returns undefined for a missing item", async () => {
    expect(await Thing.get("missing")).toBeUndefined();
  });
});

describe("bad input gives a clear error and writes nothing", () => {
  const tableName = uniqueTableName("bad");
  const Cat = dynamodel.model(
    "BadCat",
    {
      id: { type: Number, hashKey: true },
      name: { type: String, required: true },
      age: { type: Number, validate: (age: unknown) => (age as number) >= 0 },
      slow: { type: String, validate: async (value: unknown) => value !== "no" },
      status: { type: String, enum: ["active", "gone"] },
      flags: { type: Set, schema: [Boolean] },
    },
    { tableName, throughput: "ON_DEMAND" },
  );

  beforeAll(() => Cat.table().initialize());

  it.each([
    [{ id: 1, name: 5 }, TypeMismatch, '"name" must be of type string (got 5)'],
    [{ id: 1, name: null }, TypeMismatch, '"name" must be of type string (got null)'],
    [{ id: 1 }, ValidationError, '"name" is required (got undefined)'],
    [
      { id: 1, name: "x", status: "lost" },
      ValidationError,
      '"status" must be one of ["active","gone"] (got "lost")',
    ],
    [{ id: 1, name: "x", age: -3 }, ValidationError, '"age" failed its validate rule (got -3)'],
    [{ id: 1, name: "x", slow: "no" }, ValidationError, '"slow" failed its validate rule (got "no")'],
    [{ id: 1, name: "x", flags: [true] }, Error, "flags"],
    [{ id: 1, name: "x".repeat(410 * 1024) }, ValidationError, "larger than DynamoDB's limit"],
    [{ id: "1", name: "x" }, TypeMismatch, '"id" must be of type number (got "1")'],
  ])("case %# is rejected", async (input, errorClass, message) => {
    await expect(Cat.create(input as never)).rejects.toThrow(errorClass);
    await expect(Cat.create(input as never)).rejects.toThrow(message);
    expect(await rawItem(tableName, { id: 1 })).toBeUndefined();
  });

  it("rejects an unknown option", async () => {
    await expect(Cat.create({ id: 2, name: "x" }, { overWrite: true } as never)).rejects.toThrow(
      'unknown option "overWrite"',
    );
  });

  it("rejects a key of the wrong type", async () => {
    await expect(Cat.get("1" as never)).rejects.toThrow('"id" must be of type number (got "1")');
  });
});

describe("a required Set given no members", () => {
  const tableName = uniqueTableName("reqSet");
  const Tagged = dynamodel.model(
    "RequiredSet",
    { id: String, version: Number, tags: { type: Set, schema: [String], required: true } },
    { tableName, throughput: "ON_DEMAND" },
  );
  beforeAll(() => Tagged.table().initialize());

  // DynamoDB has no empty sets: an empty Set is written as no attribute, which would leave a stored item
  // breaking its own rule, and every later save of it refused.
  it.each([
    ["save()", () => new Tagged({ id: "a", version: 1, tags: [] }).save()],
    ["create()", () => Tagged.create({ id: "a", version: 1, tags: new Set<string>() })],
    ["batchPut()", () => Tagged.batchPut([{ id: "a", version: 1, tags: [] }])],
    ["update()", () => Tagged.update({ id: "a" }, { $SET: { tags: new Set<string>() } })],
  ])("is refused by %s and nothing is written", async (_name, write) => {
    await expect(write()).rejects.toThrow(ValidationError);
    await expect(write()).rejects.toThrow(
      '"tags" is required (an empty set is stored as no value) (got Set([]))',
    );
    expect(await rawItem(tableName, { id: "a" })).toBeUndefined();
  });

  it("is accepted when the attribute has a default, which every later write fills in again", async () => {
    const Defaulted = dynamodel.model(
      "RequiredSetDefault",
      { id: String, tags: { type: Set, schema: [String], required: true, default: [] as string[] } },
      { tableName: uniqueTableName("reqSetDefault"), throughput: "ON_DEMAND" },
    );
    await Defaulted.create({ id: "d" });
    const loaded = (await Defaulted.get("d"))!;
    await loaded.save();
    expect(await rawItem(Defaulted.table().name, { id: "d" })).toEqual({ id: { S: "d" } });
  });

  it("is refused when the default has members: it would appear on some later, unrelated save", async () => {
    const WithMembers = dynamodel.model(
      "RequiredSetMemberDefault",
      { id: String, tags: { type: Set, schema: [String], required: true, default: ["x"] } },
      { tableName: uniqueTableName("reqSetMembers"), throughput: "ON_DEMAND" },
    );
    await WithMembers.create({ id: "n" });
    await expect(WithMembers.create({ id: "m", tags: new Set<string>() })).rejects.toThrow(
      '"tags" is required (an empty set is stored as no value)',
    );
    expect(await rawItem(WithMembers.table().name, { id: "m" })).toBeUndefined();
    expect(await rawItem(WithMembers.table().name, { id: "n" })).toEqual({
      id: { S: "n" },
      tags: { SS: ["x"] },
    });
  });

  it("is refused when a function default gives members, accepted when it gives none", async () => {
    const table = uniqueTableName("reqSetFunctionDefault");
    const Both = dynamodel.model(
      "RequiredSetFunctionDefault",
      {
        id: String,
        tags: { type: Set, schema: [String], required: true, default: () => ["x"] },
        marks: { type: Set, schema: [String], required: true, default: () => [] as string[] },
      },
      { tableName: table, throughput: "ON_DEMAND" },
    );
    await Both.create({ id: "ok", marks: new Set<string>() });
    expect(await rawItem(table, { id: "ok" })).toEqual({ id: { S: "ok" }, tags: { SS: ["x"] } });
    await expect(Both.create({ id: "no", tags: new Set<string>() })).rejects.toThrow('"tags" is required');
    expect(await rawItem(table, { id: "no" })).toBeUndefined();
  });

  it("is refused when a loaded item's set is emptied, and the stored set stays", async () => {
    await Tagged.create({ id: "b", version: 1, tags: ["x"] });
    const loaded = (await Tagged.get("b"))!;
    loaded.tags = new Set();
    await expect(loaded.save()).rejects.toThrow('"tags" is required');
    expect(await rawItem(tableName, { id: "b" })).toEqual({
      id: { S: "b" },
      version: { N: "1" },
      tags: { SS: ["x"] },
    });
  });
});

// Dynamoose's Schema.md validates with /ID_.+/gu: a global regular expression remembers where its last
// match ended, so a validator that used it as given would reject every other save.
describe("a RegExp validate with the g or y flag", () => {
  const tableName = uniqueTableName("regex");
  const Tag = dynamodel.model(
    "RegexTag",
    { id: Number, code: { type: String, validate: /ID_.+/gu }, sticky: { type: String, validate: /^x+$/y } },
    { tableName, throughput: "ON_DEMAND" },
  );

  it("accepts the same matching value on every save, and still rejects one that does not match", async () => {
    for (let id = 1; id <= 4; id += 1) await Tag.create({ id, code: "ID_abc", sticky: "xx" });
    expect(await rawItem(tableName, { id: 4 })).toEqual({
      id: { N: "4" },
      code: { S: "ID_abc" },
      sticky: { S: "xx" },
    });
    await expect(Tag.create({ id: 5, code: "nope" })).rejects.toThrow(
      '"code" must match /ID_.+/gu (got "nope")',
    );
    expect(await rawItem(tableName, { id: 5 })).toBeUndefined();
  });
});

describe("save, get, delete", () => {
  const tableName = uniqueTableName("crud");
  const requests: string[] = [];
  const Cat = dynamodel.model(
    "CrudCat",
    new Schema(
      {
        id: { type: Number, hashKey: true },
        name: String,
        address: { type: Object, schema: { city: String, street: String } },
        nick: { type: String, alias: "nickname" },
        lives: { type: Number, default: 9 },
      },
      { timestamps: true },
    ),
    { tableName, throughput: "ON_DEMAND" },
  );
  beforeAll(() => {
    Cat.use(async (call, next) => {
      requests.push(call.operation);
      return next();
    });
  });

  it("creates with defaults and timestamps, and create refuses to overwrite", async () => {
    const cat = await Cat.create({ id: 1, name: "Tom", nickname: "T" });
    expect(cat.lives).toBe(9);
    expect(cat.createdAt).toBeInstanceOf(Date);
    const stored = await rawItem(tableName, { id: 1 });
    expect(stored).toMatchObject({
      nick: { S: "T" },
      lives: { N: "9" },
      createdAt: { N: expect.any(String) },
    });
    await expect(Cat.create({ id: 1, name: "Again" })).rejects.toThrow(
      expect.objectContaining({
        name: "ConditionalCheckFailedException",
        operation: "PutItem",
        model: "CrudCat",
      }),
    );
  });

  it("saves a loaded item with an UpdateItem of only the changed paths", async () => {
    await Cat.create({ id: 2, name: "Tom", address: { city: "Oslo", street: "Main" } });
    const cat = (await Cat.get(2))!;
    expect(cat.nickname).toBeUndefined();
    cat.address!.city = "Bergen";
    expect(cat.modifiedPaths()).toEqual(["address.city"]);
    expect(cat.isDirty("address")).toBe(true);
    // Someone else changes another attribute meanwhile: our save must not wipe it.
    await rawClient().updateItem({
      TableName: tableName,
      Key: { id: { N: "2" } },
      UpdateExpression: "SET #n = :v",
      ExpressionAttributeNames: { "#n": "name" },
      ExpressionAttributeValues: { ":v": { S: "Changed elsewhere" } },
    });
    requests.length = 0;
    await cat.save();
    expect(requests).toEqual(["UpdateItem"]);
    const stored = await rawItem(tableName, { id: 2 });
    expect(stored?.name).toEqual({ S: "Changed elsewhere" });
    expect(stored?.address).toEqual({ M: { city: { S: "Bergen" }, street: { S: "Main" } } });
    expect(cat.isDirty()).toBe(false);
  });

  it("falls back to a full put when the loaded item was deleted meanwhile", async () => {
    await Cat.create({ id: 3, name: "Gone" });
    const cat = (await Cat.get(3))!;
    await rawClient().deleteItem({ TableName: tableName, Key: { id: { N: "3" } } });
    cat.name = "Back";
    await cat.save();
    expect((await rawItem(tableName, { id: 3 }))?.name).toEqual({ S: "Back" });
  });

  it("removes an attribute deleted from a loaded item", async () => {
    await Cat.create({ id: 4, name: "Tom", nickname: "T" });
    const cat = (await Cat.get(4))!;
    delete cat.nickname;
    await cat.save();
    expect((await rawItem(tableName, { id: 4 }))?.nick).toBeUndefined();
  });

  it("deletes with and without a condition", async () => {
    await Cat.create({ id: 5, name: "Tom" });
    await expect(Cat.delete(5, { condition: new Condition("name").eq("Jerry") })).rejects.toThrow(
      expect.objectContaining({ name: "ConditionalCheckFailedException" }),
    );
    expect(await rawItem(tableName, { id: 5 })).toBeDefined();
    const cat = (await Cat.get(5))!;
    await cat.delete();
    expect(await rawItem(tableName, { id: 5 })).toBeUndefined();
  });

  it("returns the request instead of sending it", async () => {
    requests.length = 0;
    const request = await Cat.get({ id: 9 }, { return: "request", attributes: ["nickname", "address.city"] });
    expect(request).toEqual({
      TableName: tableName,
      Key: { id: { N: "9" } },
      ProjectionExpression: "#n0, #n1.#n2",
      ExpressionAttributeNames: { "#n0": "nick", "#n1": "address", "#n2": "city" },
    });
    expect(requests).toEqual([]);
  });

  it("supports callbacks", (done) => {
    const returned = Cat.get(1, (error, cat) => {
      expect(error).toBeNull();
      expect(cat?.name).toBe("Tom");
      done();
    });
    expect(returned).toBeUndefined();
  });
});
