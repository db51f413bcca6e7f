// Bad input gets a clear error and writes nothing: the cases an audit found getting through (a weaker
// condition, an option read for its truthiness, a value stored with its content lost, a crash).
import dynamodel, {
  Condition,
  DynamodelError,
  InvalidParameter,
  InvalidParameterType,
  Schema,
  TypeMismatch,
  ValidationError,
} from "dynamodel";
import { outcomeAndOperationsSent, rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("BadInput");
const Thing = dynamodel.model(
  "BadInputThing",
  new Schema(
    { id: String, v: Number, s: String, any: dynamodel.type.ANY, js: { type: Object, storage: "json" } },
    { saveUnknown: ["extra"] },
  ),
  { tableName },
);
const key = (id: string) => ({ id: { S: id } });
let counter = 0;

describe("unfinished comparisons", () => {
  it("cannot be joined with and()/or(): the attribute would be dropped and the write weakened", async () => {
    await Thing.create({ id: "c1", v: 1, s: "x" });
    expect(() => new Condition("s").size().and().where("v").eq(1)).toThrow(InvalidParameter);
    expect(() => new Condition("s").or().where("v").eq(2)).toThrow(
      'or() cannot follow "s" before it has a comparator',
    );
    await expect(Thing.scan("s").or().exec()).rejects.toThrow(InvalidParameter);
    expect(await storedItem(tableName, key("c1"))).toEqual({ id: { S: "c1" }, v: { N: "1" }, s: { S: "x" } });
  });

  it("make a read with size() alone reject instead of reading everything", async () => {
    await expect(Thing.scan("s").size().exec()).rejects.toThrow(
      new InvalidParameter(
        'The condition on size("s") has no comparator: follow size() with eq(), gt() or another comparison.',
      ),
    );
  });
});

describe("true/false options", () => {
  it('refuse overwrite: "no" in create, save and transaction.create, and leave the item alone', async () => {
    await Thing.create({ id: "o1", v: 1 });
    for (const write of [
      () => Thing.create({ id: "o1", v: 999 }, { overwrite: "no" as unknown as boolean }),
      () => new Thing({ id: "o1", v: 999 }).save({ overwrite: "false" as unknown as boolean }),
      () => Thing.transaction.create({ id: "o1", v: 999 }, { overwrite: 0 as unknown as boolean }),
    ]) {
      await expect(write()).rejects.toThrow(InvalidParameter);
    }
    await expect(
      Thing.create({ id: "o1", v: 999 }, { overwrite: "no" as unknown as boolean }),
    ).rejects.toThrow(new InvalidParameter('overwrite must be true or false (got "no").'));
    expect((await storedItem(tableName, key("o1")))?.v).toEqual({ N: "1" });
  });

  it('refuse consistent: "yes" in get, batchGet and consistent(), before sending', async () => {
    const sent: string[] = [];
    const remove = Thing.use(async (call, next) => {
      sent.push(call.operation);
      return next();
    });
    try {
      const yes = "yes" as unknown as boolean;
      await expect(Thing.get("o1", { consistent: yes })).rejects.toThrow(
        'get: consistent must be true or false (got "yes").',
      );
      await expect(Thing.batchGet(["o1"], { consistent: yes })).rejects.toThrow(InvalidParameter);
      await expect(Thing.query("id").eq("o1").consistent(yes).exec()).rejects.toThrow(InvalidParameter);
    } finally {
      remove();
    }
    expect(sent).toEqual([]);
  });
});

describe("boolean attribute settings, read as Dynamoose reads them", () => {
  it('honour truthy values: required: "yes" is required, hashKey: 1 is the hash key', async () => {
    const Strict = dynamodel.model(
      "BadInputStrict",
      new Schema({ id: String, email: { type: String, required: "yes" as unknown as boolean } }),
      { tableName: uniqueTableName("BadInputStrict") },
    );
    await Strict.create({ id: "b", email: "b@example.com" });
    await expect(Strict.create({ id: "a" })).rejects.toThrow(ValidationError);
    expect(await storedItem(Strict.table().name, key("a"))).toBeUndefined();
    expect(new Schema({ a: String, b: { type: String, hashKey: 1 as unknown as boolean } }).hashKey).toBe(
      "b",
    );
    expect(new Schema({ a: String, b: { type: String, rangeKey: "y" as unknown as boolean } }).rangeKey).toBe(
      "b",
    );
  });
});

describe("values whose content would be lost", () => {
  it("a Map in an ANY or saveUnknown attribute is stored with its entries, as the SDK's marshall stores it", async () => {
    await Thing.create({ id: "m1", any: new Map([["k", 1]]), extra: new Map([["a", "b"]]) });
    const stored = await storedItem(tableName, key("m1"));
    expect(stored?.any).toEqual({ M: { k: { N: "1" } } });
    expect(stored?.extra).toEqual({ M: { a: { S: "b" } } });
  });

  it.each<[string, unknown, string]>([
    ["a Promise", Promise.resolve(1), '"any" must be a value DynamoDB can store (got a Promise)'],
    ["a WeakMap", new WeakMap(), '"any" must be a value DynamoDB can store (got WeakMap)'],
    ["an Invalid Date", new Date(Number.NaN), '"any" must be a valid Date (got Invalid Date)'],
    ["a Map with a number key", new Map([[1, "a"]]), '"any" must be a Map with string keys only'],
  ])("%s in an ANY attribute is a TypeMismatch and nothing is stored", async (_name, value, message) => {
    await expect(Thing.create({ id: "m2", any: value })).rejects.toThrow(message);
    await expect(Thing.create({ id: "m2", any: value })).rejects.toThrow(TypeMismatch);
    expect(await storedItem(tableName, key("m2"))).toBeUndefined();
  });

  it("a cycle in an ANY attribute is a TypeMismatch (not a stack overflow)", async () => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    await expect(Thing.create({ id: "m3", any: cycle })).rejects.toThrow(TypeMismatch);
    await expect(Thing.create({ id: "m3", any: cycle })).rejects.toThrow(
      '"any" must be a value without cycles (it contains itself, or is nested too deeply)',
    );
    // Met while converting too (an update's value is not copied first).
    await expect(Thing.update({ id: "m3" }, { any: cycle })).rejects.toThrow(
      "must be a value without cycles (it contains itself, or is nested over 100 levels)",
    );
    expect(await storedItem(tableName, key("m3"))).toBeUndefined();
  });

  it('deep data that is no cycle is kept: a storage: "json" value 40 levels deep saves and reads back', async () => {
    let deep: Record<string, unknown> = { leaf: true };
    for (let level = 0; level < 40; level += 1) deep = { next: deep };
    await Thing.create({ id: "d1", js: deep });
    const read = (await Thing.get("d1"))!;
    expect(read.js).toEqual(deep);
  });

  it("a Map is the item's own copy, as other values are: changing it leaves the caller's alone", () => {
    const given = new Map([["k", 1]]);
    const item = new Thing({ id: "m4", any: given });
    (item.any as Map<string, number>).set("k", 2);
    expect(given.get("k")).toBe(1);
  });

  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  it.each<[string, unknown, string]>([
    [
      "NaN",
      { n: Number.NaN, keep: 1 },
      '"js.n" must be a finite number (JSON has no NaN or Infinity) (got NaN)',
    ],
    ["a function", { f: () => 1 }, '"js.f" must be a value JSON can hold'],
    ["a BigInt", { big: 10n }, '"js.big" must be a value JSON can hold (got 10n)'],
    ["a Map", { m: new Map([["a", 1]]) }, '"js.m" must be a value JSON can hold'],
    [
      "a Buffer",
      { b: Buffer.from("hi") },
      '"js.b" must be a value JSON can hold (binary data reads back as a plain object',
    ],
    [
      "a Uint8Array",
      { list: [new Uint8Array([1, 2])] },
      '"js.list[0]" must be a value JSON can hold (binary data',
    ],
    ["an ArrayBuffer", { raw: new ArrayBuffer(2) }, '"js.raw" must be a value JSON can hold (binary data'],
  ])(
    '%s in a storage: "json" attribute is a TypeMismatch and nothing is stored',
    async (_name, value, message) => {
      await expect(Thing.create({ id: "j1", js: value as Record<string, unknown> })).rejects.toThrow(message);
      expect(await storedItem(tableName, key("j1"))).toBeUndefined();
    },
  );

  it('a cycle in a storage: "json" attribute is a TypeMismatch, in an update too', async () => {
    await expect(Thing.create({ id: "j3", js: cyclic })).rejects.toThrow(TypeMismatch);
    await expect(Thing.update({ id: "j3" }, { js: cyclic })).rejects.toThrow(
      '"js.self" must be a value without cycles (it contains itself)',
    );
    expect(await storedItem(tableName, key("j3"))).toBeUndefined();
  });

  it('a storage: "json" attribute still stores what JSON holds, Dates through their toJSON', async () => {
    await Thing.create({ id: "j2", js: { n: 1, list: [1, "a", null], at: new Date(0) } });
    expect((await storedItem(tableName, key("j2")))?.js).toEqual({
      S: '{"n":1,"list":[1,"a",null],"at":"1970-01-01T00:00:00.000Z"}',
    });
  });
});

describe('a storage: "json" attribute holding a string another program wrote', () => {
  it("reads it back as stored, so neither the item nor a scan that reaches it fails", async () => {
    // Written past the library, as another program would: text that is no JSON, and JSON of no object.
    await rawClient().putItem({
      TableName: tableName,
      Item: { id: { S: "legacy1" }, js: { S: "not json" } },
    });
    await rawClient().putItem({ TableName: tableName, Item: { id: { S: "legacy2" }, js: { S: "42" } } });
    await Thing.create({ id: "legacy3", js: [1, { a: "b" }] });

    expect((await Thing.get("legacy1"))?.js).toBe("not json");
    expect((await Thing.get("legacy2"))?.js).toBe("42");
    expect((await Thing.get("legacy3"))?.js).toEqual([1, { a: "b" }]);
    const read = await Thing.scan("id").beginsWith("legacy").exec();
    expect(read.map((item) => [item.id, item.js]).sort()).toEqual([
      ["legacy1", "not json"],
      ["legacy2", "42"],
      ["legacy3", [1, { a: "b" }]],
    ]);
    expect(await storedItem(tableName, key("legacy1"))).toEqual({
      id: { S: "legacy1" },
      js: { S: "not json" },
    });
  });
});

describe("empty key values, which DynamoDB refuses", () => {
  const Keyed = dynamodel.model(
    "BadInputKeyed",
    { id: String, at: { type: String, rangeKey: true }, mail: { type: String, index: { name: "byMail" } } },
    { tableName: uniqueTableName("BadInputKeyed") },
  );

  it("are a ValidationError naming the attribute before anything is sent: table keys and index keys", async () => {
    await Keyed.create({ id: "a", at: "1" });
    const message = (name: string) =>
      `"${name}" is a key attribute (of the table or an index), which DynamoDB does not allow to be empty (got "")`;
    await expect(Keyed.create({ id: "", at: "1" })).rejects.toThrow(new ValidationError(message("id")));
    await expect(Keyed.create({ id: "b", at: "" })).rejects.toThrow(message("at"));
    await expect(Keyed.create({ id: "b", at: "1", mail: "" })).rejects.toThrow(message("mail"));
    await expect(Keyed.get({ id: "", at: "1" })).rejects.toThrow(message("id"));
    await expect(Keyed.delete({ id: "a", at: "" })).rejects.toThrow(message("at"));
    await expect(Keyed.update({ id: "", at: "1" }, { mail: "x" })).rejects.toThrow(ValidationError);
    // An update setting an index key to "" too, plain, under $SET or in a transaction.
    await expect(Keyed.update({ id: "a", at: "1" }, { mail: "" })).rejects.toThrow(message("mail"));
    await expect(Keyed.update({ id: "a", at: "1" }, { $SET: { mail: "" } })).rejects.toThrow(message("mail"));
    await expect(
      dynamodel.transaction([Keyed.transaction.update({ id: "a", at: "1" }, { mail: "" })]),
    ).rejects.toThrow(message("mail"));
    const { Items } = await rawClient().scan({ TableName: Keyed.table().name });
    expect(Items).toEqual([{ id: { S: "a" }, at: { S: "1" } }]);
  });

  it("compared in a query's key condition are a ValidationError too, on the table's key or an index's", async () => {
    const message = (name: string) =>
      `"${name}" is a key attribute (of the table or an index), which DynamoDB does not allow to be empty, ` +
      `so a key condition cannot compare it with an empty value (got "")`;
    await expect(Keyed.query("id").eq("").exec()).rejects.toThrow(new ValidationError(message("id")));
    await expect(Keyed.query("id").eq("a").where("at").beginsWith("").exec()).rejects.toThrow(message("at"));
    await expect(Keyed.query("id").eq("a").where("at").between("", "9").exec()).rejects.toThrow(
      message("at"),
    );
    await expect(Keyed.query("mail").eq("").exec()).rejects.toThrow(message("mail"));
    // Outside the key condition an empty value is an ordinary comparison.
    await expect(Keyed.query("id").eq("a").where("mail").eq("").exec()).resolves.toHaveLength(0);
    await expect(Keyed.scan("id").eq("").exec()).resolves.toHaveLength(0);
  });

  it("compared in a query's key condition over the key's byte limit are a ValidationError; nothing is sent", async () => {
    const tooLong = (name: string, kind: string, limit: number, bytes: number) =>
      new ValidationError(
        `"${name}" is a ${kind} key (of the table or an index), whose value DynamoDB allows at most ${limit} ` +
          `bytes, so a key condition cannot compare it with a longer one (got "${bytes} bytes")`,
      );
    const hash = await outcomeAndOperationsSent(() => Keyed.query("id").eq("p".repeat(2049)).exec());
    expect(hash).toEqual({ error: tooLong("id", "partition", 2048, 2049), sent: [] });
    // Counted in UTF-8: 342 three-byte characters are 1026 bytes.
    const range = await outcomeAndOperationsSent(() =>
      Keyed.query("id").eq("a").where("at").beginsWith("€".repeat(342)).exec(),
    );
    expect(range).toEqual({ error: tooLong("at", "sort", 1024, 1026), sent: [] });
    await expect(Keyed.query("id").eq("p".repeat(2048)).exec()).resolves.toHaveLength(0);
  });

  it("a key attribute with a set is compared as set makes the value: a long one it shortens is queried", async () => {
    const shorten = (value: string) => (value.length > 100 ? `h${value.length}` : value);
    const Hashed = dynamodel.model(
      "BadInputHashedKey",
      new Schema({ id: { type: String, set: shorten }, at: { type: String, rangeKey: true, set: shorten } }),
      { tableName: uniqueTableName("hashedKey"), throughput: "ON_DEMAND" },
    );
    const long = "x".repeat(3000);
    await Hashed.create({ id: long, at: long });
    expect(await Hashed.query("id").eq(long).where("at").eq(long).exec()).toHaveLength(1);
  });
});

describe("numbers DynamoDB cannot store (magnitude over 1e126 or under 1e-130)", () => {
  const range = "(DynamoDB stores numbers of magnitude 1e-130 to under 1e126, and 0)";

  it.each<[string, Record<string, unknown>, string]>([
    ["too large", { v: 1e200 }, `"v" must be of type number ${range} (got 1e+200)`],
    ["too small", { v: -1e-131 }, `"v" must be of type number ${range} (got -1e-131)`],
    [
      "in an ANY attribute",
      { any: { deep: [2e126] } },
      `"any.deep[0]" must be a finite number ${range} (got 2e+126)`,
    ],
  ])(
    "are a TypeMismatch naming the attribute when %s, and nothing is written",
    async (_case, values, message) => {
      const id = `range${(counter += 1)}`;
      await expect(Thing.create({ id, ...values })).rejects.toThrow(new TypeMismatch(message));
      expect(await storedItem(tableName, key(id))).toBeUndefined();
    },
  );

  it("are refused in updates ($SET and $ADD) and leave the item as it was", async () => {
    await Thing.create({ id: "range-u", v: 1 });
    await expect(Thing.update({ id: "range-u" }, { v: 1e130 })).rejects.toThrow(
      `"v" must be of type number ${range} (got 1e+130)`,
    );
    await expect(Thing.update({ id: "range-u" }, { $ADD: { v: 1e-200 } })).rejects.toThrow(TypeMismatch);
    expect(await storedItem(tableName, key("range-u"))).toEqual({ id: { S: "range-u" }, v: { N: "1" } });
  });

  it("at the edges of the range are stored as given", async () => {
    await Thing.create({ id: "range-edge", v: -1e-130, any: [0, 9.99e125] });
    const stored = await storedItem(tableName, key("range-edge"));
    // DynamoDB gives numbers back in plain decimal notation.
    expect(Number(stored?.v?.N)).toBe(-1e-130);
    expect(stored?.any?.L?.map((element) => Number(element.N))).toEqual([0, 9.99e125]);
    expect(await Thing.get("range-edge")).toMatchObject({ v: -1e-130, any: [0, 9.99e125] });
  });
});

describe("wrong arguments get dynamodel's error classes, naming what was wrong", () => {
  it("an item made from something other than an object is an InvalidParameterType", async () => {
    expect(() => new Thing(5 as unknown as Record<string, unknown>)).toThrow(
      new InvalidParameterType("A model item must be created from an object (got 5)."),
    );
    await expect(Thing.create(null as unknown as Record<string, unknown>)).rejects.toThrow(
      InvalidParameterType,
    );
    await expect(Thing.delete(["a", 1] as unknown as string)).rejects.toThrow(DynamodelError);
  });

  it("attributes that are not a non-empty array of paths are an InvalidParameter, before sending", async () => {
    const five = 5 as unknown as string[];
    await expect(Thing.batchGet(["a"], { attributes: five })).rejects.toThrow(
      new InvalidParameter("attributes must be an array of attribute paths (got 5)."),
    );
    await expect(Thing.get("a", { attributes: [] })).rejects.toThrow(
      "attributes must name at least one attribute path (got []).",
    );
    await expect(Thing.scan().attributes([]).exec()).rejects.toThrow(InvalidParameter);
  });

  it("a condition attribute that is not a name or path is an InvalidParameter", async () => {
    await expect(
      Thing.scan()
        .where(5 as unknown as string)
        .exec(),
    ).rejects.toThrow(new InvalidParameter("A condition needs an attribute name or path (got 5)."));
    expect(() => new Condition().where(null as unknown as string)).toThrow(InvalidParameter);
  });

  it("schema and table settings of the wrong kind fail when defined, not at the first write", () => {
    expect(
      () => new Schema({ id: String, b: { type: String, index: { project: 5 as unknown as true } } }),
    ).toThrow(
      new InvalidParameter(
        'Index on "b": project must be true, false or an array of attribute names (got 5).',
      ),
    );
    expect(
      () =>
        new Schema({ id: String, at: { type: { value: Date, settings: { storage: "weeks" as "iso" } } } }),
    ).toThrow('A Date\'s storage must be "milliseconds", "seconds" or "iso" (got "weeks").');
    expect(() => new Schema({ id: String, "": String })).toThrow(
      new InvalidParameter("The schema: attribute names must not be empty."),
    );
    const model = (expires: unknown) =>
      dynamodel.model(`BadInputExpires${counter++}`, { id: String }, { expires } as never);
    expect(() => model({ ttl: 1000, attribute: 5 })).toThrow(
      new InvalidParameter("`expires.attribute` must be a top-level attribute name (got 5)."),
    );
    expect(() => model(-5)).toThrow(
      "Table option `expires` must be a positive, finite number of ms (got -5).",
    );
    expect(() => model({ ttl: Number.NaN })).toThrow(InvalidParameter);
    expect(() => dynamodel.Table.defaults.set({ throughput: -1 })).toThrow(InvalidParameter);
    expect(dynamodel.Table.defaults.get()).toEqual({});
  });

  it("onProgress that is not a function, and a negative waitForActive frequency, are refused up front", async () => {
    await expect(Thing.batchPut([{ id: "p1" }], { onProgress: 5 as never })).rejects.toThrow(
      new InvalidParameter("onProgress must be a function (got 5)."),
    );
    await expect(Thing.batchGet(["p1"], { onProgress: "x" as never })).rejects.toThrow(InvalidParameter);
    expect(await storedItem(tableName, key("p1"))).toBeUndefined();
    expect(() =>
      dynamodel.model(
        `BadInputWait${counter++}`,
        { id: String },
        {
          waitForActive: { enabled: true, check: { timeout: 1000, frequency: -1 } },
        },
      ),
    ).toThrow(InvalidParameter);
  });

  it("a log provider without log() is an InvalidParameterType", async () => {
    const logger = await dynamodel.logger();
    expect(() => logger.providers.add(5 as never)).toThrow(InvalidParameterType);
  });
});

describe("an update of attributes the schema does not have", () => {
  it('names them, instead of a bare "needs a change", and writes nothing', async () => {
    await Thing.create({ id: "u1", v: 1 });
    const message =
      'The update names no attribute of the schema: "nope", "addr.nope" (an attribute the schema does not ' +
      "declare, and saveUnknown does not keep, is left out, as is a value of which saveUnknown keeps nothing).";
    await expect(Thing.update({ id: "u1" }, { nope: 1, "addr.nope": 2 })).rejects.toThrow(
      new InvalidParameter(message),
    );
    await expect(Thing.update({ id: "u1" }, { $ADD: { nope: 1 } })).rejects.toThrow(InvalidParameter);
    // Mixed with a real change, an unknown attribute is left out, as on writes.
    await Thing.update({ id: "u1" }, { v: 2, nope: 1 });
    expect(await storedItem(tableName, key("u1"))).toEqual({ id: { S: "u1" }, v: { N: "2" } });
  });
});

it("parallel() takes at most DynamoDB's 1,000,000 segments (more ran out of memory)", async () => {
  await expect(Thing.scan().parallel(1_000_001).exec()).rejects.toThrow(
    new InvalidParameter("parallel() takes at most 1000000 segments, DynamoDB's limit (got 1000001)."),
  );
});

describe("checks a bad-input audit found missing (session 12)", () => {
  it("create() with settings that are not an object rejects, and writes nothing", async () => {
    await expect(Thing.create({ id: "s12a" }, 5 as never)).rejects.toThrow(InvalidParameterType);
    await expect(Thing.create({ id: "s12a" }, [] as never)).rejects.toThrow(InvalidParameterType);
    await expect(Thing.create({ id: "s12a" }, { overwite: false } as never)).rejects.toThrow(
      'create: unknown option "overwite"',
    );
    expect(await storedItem(tableName, key("s12a"))).toBeUndefined();
  });

  it("table.create() with a misspelt or wrong option rejects and creates nothing", async () => {
    const name = uniqueTableName("BadCreate");
    const table = new dynamodel.Table(name, [dynamodel.model(`BadCreate${counter++}`, { id: String })], {
      create: false,
      waitForActive: false,
    });
    await expect(table.create({ retrun: "request" } as never)).rejects.toThrow(
      'table.create: unknown option "retrun"',
    );
    await expect(table.create({ return: "bogus" } as never)).rejects.toThrow(InvalidParameter);
    await expect(table.create(5 as never)).rejects.toThrow(InvalidParameterType);
    const { TableNames } = await rawClient().listTables({});
    expect(TableNames).not.toContain(name);
    expect((await table.create({ return: "request" })).TableName).toBe(name);
  });

  it("the tableName option is a non-empty string, or null for the model's name", async () => {
    const define = (tableName: unknown) =>
      dynamodel.model(`BadTableName${counter++}`, { id: String }, { tableName, create: false } as never);
    expect(() => define(5)).toThrow(
      new InvalidParameterType("The tableName option must be a string (got 5)."),
    );
    expect(() => define("")).toThrow(InvalidParameter);
    const fallback = define(null);
    expect(fallback.table().name).toBe(fallback.name);
  });

  it("an empty string for an index key inside $IF_NOT_EXISTS is a ValidationError, and nothing is written", async () => {
    const indexTable = uniqueTableName("BadIfNotExists");
    const Indexed = dynamodel.model(
      "BadIfNotExistsModel",
      { id: String, gh: { type: String, index: { name: "byGh", type: "global" } } },
      { tableName: indexTable, throughput: "ON_DEMAND" },
    );
    await Indexed.create({ id: "i1", gh: "g" });
    await expect(Indexed.update({ id: "i1" }, { gh: { $IF_NOT_EXISTS: "" } } as never)).rejects.toThrow(
      ValidationError,
    );
    expect(await storedItem(indexTable, key("i1"))).toEqual({ id: { S: "i1" }, gh: { S: "g" } });
  });

  it("expires takes a positive finite TTL and a boolean returnExpired", () => {
    const define = (expires: unknown) =>
      dynamodel.model(`BadExpires${counter++}`, { id: String }, { expires, create: false } as never);
    expect(() => define(Infinity)).toThrow("must be a positive, finite number of ms (got Infinity)");
    expect(() => define({ ttl: Infinity })).toThrow(InvalidParameter);
    expect(() => define({ ttl: 1000, items: { returnExpired: "no" } })).toThrow(
      '`expires.items.returnExpired` must be true or false (got "no")',
    );
    expect(() => define({ ttl: 1000, items: 5 })).toThrow(InvalidParameter);
    expect(() => define({ ttl: 1000, items: { returnExpired: false } })).not.toThrow();
  });

  it("schema, scan and table helpers check their arguments", async () => {
    const schema = new Schema({ id: String });
    expect(() => schema.getAttributeType(5 as never)).toThrow(InvalidParameterType);
    await expect(Thing.scan().all(0, 1.5).exec()).rejects.toThrow(
      "all() max must be a whole number of at least 0 (got 1.5)",
    );
    expect(
      () => new Schema({ id: String, g: { type: String, index: { type: "global", throughput: -1 } } }),
    ).toThrow('Index on "g": throughput must be a whole number ≥ 1');
    expect(
      () =>
        new Schema({
          id: String,
          g: { type: String, index: { type: "global", throughput: { read: 2 } as never } },
        }),
    ).not.toThrow();
    await expect(Thing.table().describeBackup(5 as never)).rejects.toThrow(InvalidParameterType);
  });

  it("custom methods need a name and a function; built-ins of functions stay", () => {
    const Custom = dynamodel.model(`BadMethods${counter++}`, { id: String }, { create: false });
    expect(() => Custom.methods.set(5 as never, () => 1)).toThrow(InvalidParameterType);
    expect(() => Custom.methods.set("x", 5 as never)).toThrow(InvalidParameterType);
    expect(() => Custom.methods.item.set("y", null as never)).toThrow(InvalidParameterType);
    const before = Custom.toString;
    Custom.methods.set("toString", () => "replaced");
    expect(Custom.toString).toBe(before);
  });
});

describe("saveUnknown patterns with a wildcard before their end", () => {
  const unknownTable = uniqueTableName("WildUnknown");
  const Wild = dynamodel.model(
    "WildUnknownModel",
    new Schema({ id: String }, { saveUnknown: ["person.*.c", "**.z"] }),
    { tableName: unknownTable, throughput: "ON_DEMAND" },
  );

  it("keep what they match, and only maps and lists on the way to it", async () => {
    await Wild.create({
      id: "w1",
      person: { b: { c: 2, d: 3 }, e: 5 },
      deep: { er: { z: 1, y: 2 } },
      x: 7,
    } as never);
    expect(await storedItem(unknownTable, key("w1"))).toEqual({
      id: { S: "w1" },
      person: { M: { b: { M: { c: { N: "2" } } } } },
      deep: { M: { er: { M: { z: { N: "1" } } } } },
    });
    expect((await Wild.get("w1"))?.toJSON()).toEqual({
      id: "w1",
      person: { b: { c: 2 } },
      deep: { er: { z: 1 } },
    });
  });

  it("read what other code stored the same way: no scalar on the way, no empty shell", async () => {
    await rawClient().putItem({
      TableName: unknownTable,
      Item: {
        id: { S: "w2" },
        x: { N: "7" },
        person: { M: { e: { N: "5" }, b: { M: { c: { N: "2" }, d: { N: "3" } } } } },
        deep: { M: { er: { M: { y: { N: "2" } } }, z: { N: "1" } } },
        tags: { L: [{ N: "1" }] },
      },
    });
    expect((await Wild.get("w2"))?.toJSON()).toEqual({
      id: "w2",
      person: { b: { c: 2 } },
      deep: { z: 1 },
    });
  });
});

describe("startAt() with a Buffer key after a trip through JSON", () => {
  const bufferTable = uniqueTableName("BufferCursor");
  const Blob = dynamodel.model(
    "BufferCursorModel",
    { id: Buffer, n: Number },
    { tableName: bufferTable, throughput: "ON_DEMAND" },
  );

  it("takes the JSON form of the Buffer back", async () => {
    await Blob.batchPut([1, 2, 3].map((n) => ({ id: Buffer.from([n]), n })));
    const seen: number[] = [];
    let cursor: unknown;
    do {
      const page = await Blob.scan()
        .limit(1)
        .startAt(cursor as never)
        .exec();
      seen.push(...page.map((item) => item.n!));
      cursor = page.lastKey === undefined ? undefined : JSON.parse(JSON.stringify(page.lastKey));
    } while (cursor !== undefined);
    expect(seen.sort()).toEqual([1, 2, 3]);
  });
});

describe("startAt() without the table's key", () => {
  const pairTable = uniqueTableName("StartAtPair");
  const Pair = dynamodel.model(
    "StartAtPairModel",
    {
      id: { type: String, hashKey: true },
      at: { type: Number, rangeKey: true, alias: "when" },
      g: { type: String, index: { name: "byG", type: "global" } },
    },
    { tableName: pairTable, throughput: "ON_DEMAND" },
  );

  it.each([
    ["scan, the range key missing", () => Pair.scan().startAt({ id: "a" }), "at", '{"id":"a"}'],
    ["query, the hash key missing", () => Pair.query("id").eq("a").startAt({ at: 1 }), "id", '{"at":1}'],
    [
      "an index query, only the index key",
      () => Pair.query("g").eq("x").startAt({ g: "x" }),
      "id",
      '{"g":"x"}',
    ],
  ])("%s: an InvalidParameter naming it, nothing sent", async (_case, build, missing, shown) => {
    await Pair.table().initialize();
    const sent: string[] = [];
    const stop = dynamodel.use(async (call, next) => {
      sent.push(call.operation);
      return next();
    });
    try {
      await expect(build().exec()).rejects.toThrow(
        new InvalidParameter(
          `startAt() needs the table's key attribute "${missing}" (got ${shown}): pass a result's lastKey.`,
        ),
      );
    } finally {
      stop();
    }
    expect(sent).toEqual([]);
  });

  it("a lastKey (also by the alias of a key) is taken as before", async () => {
    await Pair.batchPut([1, 2, 3].map((at) => ({ id: "p", at, g: "y" })));
    const first = await Pair.query("id").eq("p").limit(1).exec();
    expect(first.lastKey).toEqual({ id: "p", when: 1 });
    const rest = await Pair.query("id").eq("p").startAt(first.lastKey!).exec();
    expect(rest.map((item) => item.when)).toEqual([2, 3]);
    const byAlias = await Pair.query("id")
      .eq("p")
      .startAt({ id: "p", when: 2 } as never)
      .exec();
    expect(byAlias.map((item) => item.when)).toEqual([3]);
  });
});

describe("key values over DynamoDB's byte limits", () => {
  const keyTable = uniqueTableName("KeyBytes");
  const Keyed = dynamodel.model(
    "KeyBytesModel",
    {
      id: { type: String, hashKey: true },
      sk: { type: String, rangeKey: true },
      g: { type: String, index: { name: "byG", type: "global", rangeKey: "gs" } },
      gs: String,
    },
    { tableName: keyTable, throughput: "ON_DEMAND" },
  );
  const stored = async (id: string, sk: string) =>
    (await rawClient().getItem({ TableName: keyTable, Key: { id: { S: id }, sk: { S: sk } } })).Item;

  it("accept 2048 bytes for a partition key and 1024 for a sort key, in UTF-8", async () => {
    await Keyed.create({
      id: "é".repeat(1024),
      sk: "x".repeat(1024),
      g: "y".repeat(2048),
      gs: "z".repeat(1024),
    });
    expect(await stored("é".repeat(1024), "x".repeat(1024))).toBeDefined();
    expect(await Keyed.get({ id: "é".repeat(1024), sk: "x".repeat(1024) })).toBeDefined();
  });

  it("refuse one byte more on writes, keys and updates, naming the attribute, and send nothing", async () => {
    const sent: string[] = [];
    const stop = dynamodel.use(async (call, next) => {
      sent.push(call.operation);
      return next();
    });
    try {
      await expect(Keyed.create({ id: "é".repeat(1024) + "a", sk: "s" })).rejects.toThrow(
        '"id" is a partition key (of the table or an index), whose value DynamoDB allows at most 2048 bytes (got "2049 bytes")',
      );
      await expect(Keyed.create({ id: "a", sk: "x".repeat(1025) })).rejects.toThrow(
        '"sk" is a sort key (of the table or an index), whose value DynamoDB allows at most 1024 bytes (got "1025 bytes")',
      );
      await expect(Keyed.create({ id: "a", sk: "s", g: "y".repeat(2049) })).rejects.toThrow(ValidationError);
      await expect(Keyed.create({ id: "a", sk: "s", gs: "z".repeat(1025) })).rejects.toThrow(ValidationError);
      await expect(Keyed.get({ id: "a", sk: "x".repeat(1025) })).rejects.toThrow(ValidationError);
      await expect(Keyed.delete({ id: "a".repeat(2049), sk: "s" })).rejects.toThrow(ValidationError);
      await expect(Keyed.update({ id: "a", sk: "s" }, { gs: "z".repeat(1025) })).rejects.toThrow(
        ValidationError,
      );
      await expect(
        Keyed.batchPut([
          { id: "b", sk: "s" },
          { id: "c", sk: "x".repeat(1025) },
        ]),
      ).rejects.toThrow(ValidationError);
      expect(sent).toEqual([]);
    } finally {
      stop();
    }
    expect(await stored("a", "s")).toBeUndefined();
    expect(await stored("b", "s")).toBeUndefined();
  });
});

describe("bigint values of a Number attribute", () => {
  it("out of DynamoDB's range or precision are a TypeMismatch before sending; others are stored exactly", async () => {
    await Thing.get("big0"); // the table is set up on the model's first request
    const sent: string[] = [];
    const stop = dynamodel.use(async (call, next) => {
      sent.push(call.operation);
      return next();
    });
    try {
      await expect(Thing.create({ id: "big1", v: 10n ** 130n } as never)).rejects.toThrow(
        "of up to 38 significant digits, of magnitude under 1e126",
      );
      await expect(
        Thing.create({ id: "big1", v: 123456789012345678901234567890123456789n } as never),
      ).rejects.toThrow(TypeMismatch);
      await expect(Thing.update({ id: "big1" }, { v: -(10n ** 126n) } as never)).rejects.toThrow(
        TypeMismatch,
      );
      expect(sent).toEqual([]);
    } finally {
      stop();
    }
    expect(await storedItem(tableName, key("big1"))).toBeUndefined();
    const exact = 12345678901234567890123456789012345678n; // 38 digits
    await Thing.create({ id: "big2", v: exact } as never);
    await Thing.update({ id: "big2" }, { $ADD: { v: 2n } } as never);
    expect((await storedItem(tableName, key("big2")))?.v).toEqual({ N: String(exact + 2n) });
    await Thing.create({ id: "big3", v: 10n ** 125n } as never); // one significant digit
    expect(await storedItem(tableName, key("big3"))).toBeDefined();
  });
});

describe("in() with more values than DynamoDB takes", () => {
  it("is an InvalidParameter when built; 100 values are sent and answered", async () => {
    const values = Array.from({ length: 101 }, (_, index) => index);
    expect(() => new Condition("v").in(values)).toThrow(
      "takes at most 100 values, DynamoDB's limit (got 101); split the condition with or()",
    );
    await expect(Thing.scan("v").in(values).exec()).rejects.toThrow(InvalidParameter);
    await Thing.create({ id: "in1", v: 99 });
    const found = await Thing.scan("v").in(values.slice(0, 100)).exec();
    expect(found.map((item) => item.id)).toContain("in1");
  });
});

describe("item methods check their arguments", () => {
  it("populate() refuses a misspelt option; validate() takes a callback and nothing else", async () => {
    const item = new Thing({ id: "im1", v: -1 });
    await expect(item.populate({ propertys: true } as never)).rejects.toThrow(
      'populate: unknown option "propertys"',
    );
    await expect(item.populate(5 as never)).rejects.toThrow(InvalidParameterType);
    const none = await Thing.scan("id").eq("no such item").exec();
    await expect(none.populate({ propertys: true } as never)).rejects.toThrow('unknown option "propertys"');
    await expect(item.validate(5 as never)).rejects.toThrow(InvalidParameterType);
    const outcome = await new Promise<unknown>((resolve) => {
      expect(new Thing({ id: "im1", v: "x" } as never).validate((error) => resolve(error))).toBeUndefined();
    });
    expect(outcome).toBeInstanceOf(TypeMismatch);
    await new Promise<void>((resolve, reject) =>
      item.validate((error) => (error === null ? resolve() : reject(error))),
    );
  });
});

describe("raw() with no input", () => {
  it("sends the operation as it is (ListTables needs none)", async () => {
    // Untyped, as a JavaScript caller writes it: the type asks for an input.
    const raw = Thing.table().raw.bind(Thing.table()) as unknown as (operation: string) => Promise<unknown>;
    const output = (await raw("ListTables")) as { TableNames?: string[] };
    expect(output.TableNames).toContain(tableName);
  });
});

describe("a condition setting that is not a Condition", () => {
  it("names what was given, points a condition object to new Condition(), and writes nothing", async () => {
    await Thing.create({ id: "cond1", v: 1 });
    const attempt = Thing.update({ id: "cond1" }, { v: 2 }, { condition: { v: { lt: 5 } } as never });
    await expect(attempt).rejects.toThrow(InvalidParameter);
    await expect(attempt).rejects.toThrow(
      'condition must be a Condition or a raw { ConditionExpression, … } object (got {"v":{"lt":5}}); for a condition object such as { age: { gt: 5 } }, pass new Condition(object).',
    );
    await expect(new Thing({ id: "cond1", v: 3 }).save({ condition: "v > 1" as never })).rejects.toThrow(
      'condition must be a Condition or a raw { ConditionExpression, … } object (got "v > 1").',
    );
    expect(await storedItem(tableName, key("cond1"))).toEqual({ id: { S: "cond1" }, v: { N: "1" } });
  });
});

describe("a path inside a storage: json attribute", () => {
  it("is an InvalidParameter in conditions and projections, and nothing is written", async () => {
    await Thing.create({ id: "json-path", js: { theme: "dark" } });
    const message = '"js.theme": "js" is stored as one JSON string (storage: "json")';
    await expect(
      Thing.scan("js.theme" as never)
        .eq("dark")
        .exec(),
    ).rejects.toThrow(message);
    await expect(Thing.get("json-path", { attributes: ["js.theme" as never] })).rejects.toThrow(message);
    await expect(
      Thing.update({ id: "json-path" }, { v: 1 }, { condition: new Condition("js.theme").eq("dark") }),
    ).rejects.toThrow(InvalidParameter);
    // Nested in a map: still one string in the table, named by its whole path.
    const Nested = dynamodel.model(
      "BadInputJsonNested",
      new Schema({ id: String, m: { type: Object, schema: { s: { type: Object, storage: "json" } } } }),
      { tableName },
    );
    await expect(
      Nested.scan("m.s.k" as never)
        .eq(1)
        .exec(),
    ).rejects.toThrow('"m.s.k": "m.s" is stored as one JSON string');
    expect(await storedItem(tableName, key("json-path"))).toEqual({
      id: { S: "json-path" },
      js: { S: '{"theme":"dark"}' },
    });
  });
});

describe("a Date stored as an ISO string takes ISO strings only", () => {
  const tableName = uniqueTableName("isoInput");
  const Event = dynamodel.model(
    "IsoInputEvent",
    new Schema({ id: String, at: { type: { value: Date, settings: { storage: "iso" } } } }),
    { tableName, throughput: "ON_DEMAND" },
  );

  it.each([
    ["2020-01-01", "2020-01-01T00:00:00.000Z"],
    ["2020", "2020-01-01T00:00:00.000Z"],
    ["2020-01-01T10:00:00.123Z", "2020-01-01T10:00:00.123Z"],
    ["2020-01-01T10:00+02:00", "2020-01-01T08:00:00.000Z"],
    // RFC 3339's forms, as other programs write them: lowercase letters, a space, an offset without a colon.
    ["2020-01-01t10:00:00z", "2020-01-01T10:00:00.000Z"],
    ["2020-01-01 10:00:00+0000", "2020-01-01T10:00:00.000Z"],
    ["2020-02-29T23:30:00-0130", "2020-03-01T01:00:00.000Z"],
  ])("stores %j as the instant it names", async (given, stored) => {
    await Event.create({ id: given, at: given as unknown as Date });
    expect((await storedItem(tableName, { id: { S: given } }))?.at).toEqual({ S: stored });
  });

  // Each of these `new Date()` would read: in the process's time zone, or as a year.
  it("reads the same forms stored by another writer as the instant they name, and a save leaves them", async () => {
    const stored = "2020-01-01T10:00:00+05"; // new Date() reads it as an Invalid Date
    await rawClient().putItem({ TableName: tableName, Item: { id: { S: "other" }, at: { S: stored } } });
    const read = (await Event.get("other"))!;
    expect(read.at?.toISOString()).toBe("2020-01-01T05:00:00.000Z");
    expect(read.modifiedPaths()).toEqual([]);
    await read.save();
    expect((await storedItem(tableName, { id: { S: "other" } }))?.at).toEqual({ S: stored });
  });

  // Or roll over into the next month or day, as `new Date()` does.
  it.each([
    "2020-01-01T10:00",
    "March 7, 2020",
    "1",
    "12345",
    "2020-02-30",
    "2021-02-29",
    "2020-01-01T10:60Z",
  ])("refuses %j with a TypeMismatch naming the attribute, and stores nothing", async (given) => {
    await expect(Event.create({ id: "bad", at: given as unknown as Date })).rejects.toThrow(
      new TypeMismatch("at", "of type date", given),
    );
    expect(await storedItem(tableName, { id: { S: "bad" } })).toBeUndefined();
  });
});

describe("names DynamoDB cannot store, inside values", () => {
  const tableName = uniqueTableName("storedNames");
  const Bag = dynamodel.model(
    "StoredNamesBag",
    new Schema(
      { id: String, data: dynamodel.type.ANY, box: { type: Object, schema: { a: String } } },
      { saveUnknown: true },
    ),
    { tableName, throughput: "ON_DEMAND" },
  );
  // The table exists, so "nothing stored" below means nothing was written, not that nothing could be.
  beforeAll(() => Bag.create({ id: "warm" }));
  const emptyKey = (path: string, value: unknown) =>
    new ValidationError(path, "name", value, 'holds a map key named ""; DynamoDB stores no empty names');

  it.each([
    ["a type.ANY map", { id: "a", data: { "": 1 } }, emptyKey("data", { "": 1 })],
    ["a map in a list", { id: "b", data: [{ ok: 1 }, { "": 1 }] }, emptyKey("data[1]", { "": 1 })],
    ["a JavaScript Map", { id: "c", data: new Map([["", 1]]) }, emptyKey("data", new Map([["", 1]]))],
    ["a map saveUnknown keeps", { id: "d", box: { a: "x", "": 1 } }, emptyKey("box", { a: "x", "": 1 })],
  ])('a map key "" in %s is a ValidationError naming the map; nothing is sent', async (_, item, error) => {
    const { error: thrown, sent } = await outcomeAndOperationsSent(() => Bag.create(item as never));
    expect(thrown).toEqual(error);
    expect((thrown as ValidationError).rule).toBe("name");
    expect(sent).toEqual([]);
    expect(await storedItem(tableName, { id: { S: item.id } })).toBeUndefined();
  });

  it('a key "" holding nothing to store is left out, as any undefined member is', async () => {
    await Bag.create({ id: "h", data: { "": undefined, a: 1 } });
    await Bag.create({ id: "i", data: { "": dynamodel.type.UNDEFINED, a: 1 } });
    for (const id of ["h", "i"])
      expect((await storedItem(tableName, { id: { S: id } }))?.data).toEqual({ M: { a: { N: "1" } } });
  });

  it('an attribute named "" that saveUnknown would keep is refused the same way', async () => {
    const { error, sent } = await outcomeAndOperationsSent(() => Bag.create({ id: "e", "": 1 } as never));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toBe(
      'The item holds an attribute named ""; DynamoDB stores no empty names (got {"id":"e","":1})',
    );
    expect(sent).toEqual([]);
  });

  it("a map key over 64 KB is refused, naming its size", async () => {
    const long = "k".repeat(65_536);
    const { error, sent } = await outcomeAndOperationsSent(() =>
      Bag.create({ id: "f", data: { [long]: 1 } }),
    );
    expect(error).toEqual(
      new ValidationError(
        "data",
        "name",
        `${"k".repeat(20)}…`,
        "holds a map key of 65536 bytes; DynamoDB stores names of at most 65535 bytes",
      ),
    );
    expect(sent).toEqual([]);
  });

  it("in a batchPut, one such entry refuses the whole call before any chunk is written", async () => {
    const items = Array.from({ length: 30 }, (_, index) => ({
      id: `batch-${index}`,
      data: index === 27 ? { nested: { "": 1 } } : { ok: index },
    }));
    const { error, sent } = await outcomeAndOperationsSent(() => Bag.batchPut(items));
    expect((error as Error).message).toBe(
      'batchPut entry [27]: "data.nested" holds a map key named ""; DynamoDB stores no empty names (got {"":1})',
    );
    expect(sent).toEqual([]);
    expect(await storedItem(tableName, { id: { S: "batch-0" } })).toBeUndefined();
  });

  it("in an update's value and a condition's value too", async () => {
    await Bag.create({ id: "g", data: { ok: 1 } });
    const update = await outcomeAndOperationsSent(() => Bag.update({ id: "g" }, { data: { a: { "": 2 } } }));
    expect(update.error).toEqual(emptyKey("data.a", { "": 2 }));
    expect(update.sent).toEqual([]);
    const scan = await outcomeAndOperationsSent(() => Bag.scan("data").eq({ "": 1 }).exec());
    expect(scan.error).toEqual(emptyKey("data", { "": 1 }));
    expect(scan.sent).toEqual([]);
    expect(await storedItem(tableName, { id: { S: "g" } })).toEqual({
      id: { S: "g" },
      data: { M: { ok: { N: "1" } } },
    });
  });
});
