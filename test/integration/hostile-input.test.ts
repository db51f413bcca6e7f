// Input a caller may not expect to be special: `constructor` and `__proto__` keys (JSON request bodies),
// BigInts and circular values in settings, `null` where Dynamoose takes "none". Each gets dynamodel's own
// error class (or works), never a raw TypeError from inside the library, and nothing is written by mistake.
import dynamodel, { InvalidParameter, InvalidParameterType, Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const scanRaw = async (tableName: string) => (await rawClient().scan({ TableName: tableName })).Items ?? [];

describe("constructor and __proto__ keys", () => {
  const tableName = uniqueTableName("hostile-keys");
  const Loose = dynamodel.model(
    "HostileLoose",
    new Schema({ id: String, s: String }, { saveUnknown: true }),
    {
      tableName,
      throughput: "ON_DEMAND",
    },
  );

  it("an attribute named constructor is stored, read, saved and deleted like any other", async () => {
    await Loose.create({ id: "c", constructor: "given" } as never);
    await rawClient().putItem({
      TableName: tableName,
      Item: { id: { S: "r" }, constructor: { S: "stored" } },
    });
    const read = (await Loose.get("r"))! as unknown as Record<string, unknown> & { save(): Promise<unknown> };
    expect(read.constructor).toBe("stored");
    expect(read).toBeInstanceOf(Loose);
    read.s = "changed";
    await read.save();
    const items = await scanRaw(tableName);
    expect(items).toContainEqual({ id: { S: "c" }, constructor: { S: "given" } });
    expect(items).toContainEqual({ id: { S: "r" }, constructor: { S: "stored" }, s: { S: "changed" } });
    await Loose.delete("r");
    await (await Loose.get("c"))!.delete();
    expect(await scanRaw(tableName)).toEqual([]);
  });

  it("a __proto__ key from JSON neither replaces the item's prototype nor is stored at the top level", async () => {
    const body = JSON.parse('{"id":"p","s":"x","__proto__":{"polluted":true}}') as Record<string, unknown>;
    const item = new Loose(body as never);
    expect(Object.getPrototypeOf(item)).toBe(Loose.prototype);
    expect((item as unknown as Record<string, unknown>).polluted).toBeUndefined();
    await Loose.create(body as never);
    // Nested (here under saveUnknown), it is a map member like any other, stored as data.
    const nested = await Loose.create(JSON.parse('{"id":"n","free":{"__proto__":{"a":1},"b":2}}') as never);
    expect(Object.getPrototypeOf((nested as unknown as { free: object }).free)).toBe(Object.prototype);
    const items = await scanRaw(tableName);
    expect(items).toContainEqual({ id: { S: "p" }, s: { S: "x" } });
    const free = items.find((item) => item.id?.S === "n")!.free!.M!;
    expect(Object.keys(free)).toEqual(["__proto__", "b"]);
    expect(Object.getOwnPropertyDescriptor(free, "__proto__")!.value).toEqual({ M: { a: { N: "1" } } });
  });
});

describe("__proto__ in declared maps, updates and conditions", () => {
  const tableName = uniqueTableName("hostile-proto");
  const Doc = dynamodel.model(
    "HostileProtoDoc",
    new Schema(
      { id: String, name: String, meta: { type: Object, schema: { a: String } } },
      { saveUnknown: ["meta.*"] },
    ),
    { tableName, throughput: "ON_DEMAND" },
  );

  it("a __proto__ member of a declared map is data, on create and update", async () => {
    await Doc.create(JSON.parse('{"id":"d","meta":{"a":"1","__proto__":"x"}}') as never);
    await Doc.update({ id: "e" }, { meta: JSON.parse('{"a":"2","__proto__":"y"}') } as never);
    const stored = await scanRaw(tableName);
    const meta = (id: string) => stored.find((item) => item.id?.S === id)!.meta!.M!;
    expect(Object.keys(meta("d"))).toEqual(["a", "__proto__"]);
    expect(Object.getOwnPropertyDescriptor(meta("d"), "__proto__")!.value).toEqual({ S: "x" });
    expect(Object.getOwnPropertyDescriptor(meta("e"), "__proto__")!.value).toEqual({ S: "y" });
  });

  it("a top-level __proto__ in an update is left out, as new Model() leaves it out", async () => {
    await Doc.create({ id: "u", name: "Ann" });
    await expect(
      Doc.update({ id: "u" }, JSON.parse('{"__proto__":{"name":"evil"}}') as never),
    ).rejects.toThrow("An update needs at least one change.");
    await Doc.update(JSON.parse('{"id":"u","name":"Bea","__proto__":{"$REMOVE":["name"]}}') as never);
    expect(stored(await scanRaw(tableName), "u")).toEqual({ id: { S: "u" }, name: { S: "Bea" } });
  });
});

const stored = (items: Record<string, unknown>[], id: string) =>
  items.find((item) => (item.id as { S?: string } | undefined)?.S === id);

describe("values JSON cannot print, and null for none", () => {
  const Thing = dynamodel.model("HostileThing", { id: String }, { initialize: false });
  const circular: Record<string, unknown> = {};
  circular.self = circular;

  it("BigInts and circular values in settings are dynamodel errors naming them", async () => {
    await expect(Thing.get("k", { return: 10n } as never)).rejects.toThrow(
      new InvalidParameter('get: return must be "item" or "request" (got 10n).'),
    );
    await expect(Thing.get("k", 10n as never)).rejects.toThrow(InvalidParameterType);
    await expect(
      Thing.update({ id: "k" }, { a: 1 } as never, { returnValues: circular } as never),
    ).rejects.toThrow(InvalidParameter);
    expect(() => new Schema({ id: String }).pre(10n as never, () => undefined)).toThrow(
      /^Unknown hook operation 10n: use one of/,
    );
    expect(() => new Schema({ id: String, a: { type: String, index: { type: 10n } } } as never)).toThrow(
      new InvalidParameter('Index on "a": type must be "global" or "local" (got 10n).'),
    );
    const Enum = dynamodel.model(
      "HostileEnum",
      new Schema({ id: String, e: { type: String, enum: ["a", 10n] } } as never),
      {
        initialize: false,
      },
    );
    const item = new Enum({ id: "x", e: "zz" } as never) as unknown as { validate(): Promise<void> };
    await expect(item.validate()).rejects.toThrow('"e" must be one of ["a",10n] (got "zz")');
  });

  it("a long value is shortened in the message", async () => {
    const long = "x".repeat(100_000);
    const error = await Thing.get("k", { return: long } as never).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(InvalidParameter);
    expect((error as Error).message.length).toBeLessThan(300);
  });

  it("schema definitions: an empty type list, a Symbol default name, index: null", () => {
    expect(() => new Schema({ id: String, a: { type: [] } } as never)).toThrow(
      new InvalidParameter('Attribute "a" does not have a valid type (got an empty list of types).'),
    );
    expect(() => new Schema({ id: String, a: { type: String, defaultMap: Symbol("s") } } as never)).toThrow(
      new InvalidParameter(
        'Attribute "a": defaultMap Symbol(s) must be one of its aliases or the attribute name.',
      ),
    );
    // `index: null` is no index, as in Dynamoose; something else is an error naming it.
    expect(new Schema({ id: String, a: { type: String, index: null } } as never).indexAttributes).toEqual([]);
    expect(() => new Schema({ id: String, a: { type: String, index: 5 } } as never)).toThrow(
      new InvalidParameter('Index on "a": index must be true, an object or an array of objects (got 5).'),
    );
  });

  it("model(name, schema, null) takes no options, as in Dynamoose", () => {
    const Nulled = dynamodel.model("HostileNulled", { id: String }, null as never);
    expect(Nulled.table().name).toBe("HostileNulled");
  });

  it("log providers that are not objects are InvalidParameterType", async () => {
    const { providers } = await dynamodel.logger();
    for (const bad of [null, undefined, () => undefined, 10n, Symbol("p")]) {
      expect(() => providers.add(bad as never)).toThrow(InvalidParameterType);
      expect(() => providers.set([bad] as never)).toThrow(InvalidParameterType);
    }
    expect(providers.list()).toEqual([]);
    // A class with a static log() is a provider, as in Dynamoose, which only asks for `provider.log`.
    class StaticProvider {
      static log(): void {}
    }
    providers.add(StaticProvider as never);
    expect(providers.list()).toEqual([StaticProvider]);
    providers.clear();
  });
});
