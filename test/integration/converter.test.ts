// `aws.converter.set()` takes effect (SPEC §1, Dynamoose's "the converter methods that Dynamoose is using
// to parse objects in and out of DynamoDB"): every operation of the instance goes through the custom
// marshall and unmarshall, a converter that changes values changes what is stored and what is read,
// revert() restores plain behaviour, and other instances are unaffected. Also: set() and use() refuse bad
// arguments when they are given, not on the next request.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import dynamodel, { Condition, InvalidParameterType, Schema, type Converter } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

type Image = Record<string, AttributeValue>;

/** Every string in a JS value, deeply, through `change`. */
function mapStrings(value: unknown, change: (text: string) => string): unknown {
  if (typeof value === "string") return change(value);
  if (Array.isArray(value)) return value.map((element) => mapStrings(element, change));
  if (value instanceof Set) return new Set([...value].map((element) => mapStrings(element, change)));
  if (value instanceof Uint8Array || value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, mapStrings(inner, change)]));
}

/** Stores every string upper-case and reads every string lower-case. */
function shoutingConverter(): Converter {
  const defaults = new dynamodel.Instance().aws.converter();
  return {
    ...defaults,
    marshall: ((data: Record<string, unknown>, options?: Parameters<typeof marshall>[1]) =>
      marshall(
        mapStrings(data, (text) => text.toUpperCase()) as Record<string, unknown>,
        options,
      )) as Converter["marshall"],
    unmarshall: ((data: Image, options) =>
      mapStrings(unmarshall(data, options), (text) => text.toLowerCase())) as Converter["unmarshall"],
  };
}

/** The SDK's own functions, wrapped in spies. */
function spyConverter() {
  const defaults = new dynamodel.Instance().aws.converter();
  const marshallSpy = jest.fn(defaults.marshall);
  const unmarshallSpy = jest.fn(defaults.unmarshall);
  const converter: Converter = {
    ...defaults,
    marshall: marshallSpy as unknown as Converter["marshall"],
    unmarshall: unmarshallSpy,
  };
  return { converter, marshallSpy, unmarshallSpy };
}

let modelCount = 0;

/** A fresh instance on the test server with a Cat model (hash key `id`, range key `kind`) in its own table. */
function instanceWithCat() {
  const instance = new dynamodel.Instance();
  instance.aws.ddb.set(rawClient());
  modelCount += 1;
  const Cat = dynamodel.model(
    `ConverterCat${modelCount}`,
    new Schema({ id: { type: String, hashKey: true }, name: String, tags: { type: Set, schema: [String] } }),
  );
  const tableName = uniqueTableName("converter");
  new instance.Table(tableName, [Cat], { throughput: "ON_DEMAND" });
  return { instance, Cat, tableName };
}

async function stored(tableName: string, id: string): Promise<Image | undefined> {
  return (await rawClient().getItem({ TableName: tableName, Key: { id: { S: id } } })).Item;
}

describe("a spy converter", () => {
  it("is called by save, get, query, scan, update, delete, batchPut, batchGet and transactions", async () => {
    const { instance, Cat } = instanceWithCat();
    await Cat.create({ id: "warmup" }); // creates the table before the spies are installed
    const { converter, marshallSpy, unmarshallSpy } = spyConverter();
    instance.aws.converter.set(converter);

    const counts = async (operation: () => Promise<unknown>) => {
      marshallSpy.mockClear();
      unmarshallSpy.mockClear();
      await operation();
      return { marshall: marshallSpy.mock.calls.length, unmarshall: unmarshallSpy.mock.calls.length };
    };

    expect((await counts(() => new Cat({ id: "a", name: "tom" }).save())).marshall).toBeGreaterThan(0);
    expect(await counts(() => Cat.get("a"))).toEqual({ marshall: 1, unmarshall: 1 });
    expect(await counts(() => Cat.query("id").eq("a").exec())).toEqual({ marshall: 1, unmarshall: 1 });
    expect((await counts(() => Cat.scan().exec())).unmarshall).toBe(2); // a and warmup
    const updated = await counts(() => Cat.update({ id: "a" }, { name: "felix" }));
    expect(updated.marshall).toBeGreaterThanOrEqual(2); // Key and ExpressionAttributeValues
    expect(updated.unmarshall).toBe(1); // the updated item
    expect((await counts(() => Cat.batchPut([{ id: "b" }, { id: "c" }]))).marshall).toBe(2);
    expect(await counts(() => Cat.batchGet(["b", "c"]))).toEqual({ marshall: 2, unmarshall: 2 });
    const transaction = await counts(() =>
      dynamodel.transaction([Cat.transaction.create({ id: "d" }), Cat.transaction.delete("b")]),
    );
    expect(transaction.marshall).toBeGreaterThanOrEqual(2);
    expect((await counts(() => Cat.delete("c"))).marshall).toBe(1);

    // What it was given is what dynamodel built: plain JS values, converted once.
    marshallSpy.mockClear();
    await Cat.create({ id: "e", name: "kitty", tags: new Set(["x"]) });
    expect(marshallSpy.mock.calls.map((call) => call[0])).toContainEqual({
      id: "e",
      name: "kitty",
      tags: new Set(["x"]),
    });
    expect(marshallSpy.mock.calls[0]?.[1]).toEqual({ removeUndefinedValues: true });
  });
});

describe("a converter that changes values", () => {
  it("changes what is stored and what is read, on every path", async () => {
    const { instance, Cat, tableName } = instanceWithCat();
    instance.aws.converter.set(shoutingConverter());

    await Cat.create({ id: "tom", name: "tom cat", tags: new Set(["grey"]) });
    expect(await stored(tableName, "TOM")).toEqual({
      id: { S: "TOM" },
      name: { S: "TOM CAT" },
      tags: { SS: ["GREY"] },
    });
    expect(await stored(tableName, "tom")).toBeUndefined();

    // Written raw, in mixed case: read back lower-case, and found by lower-case keys and values.
    await rawClient().putItem({
      TableName: tableName,
      Item: { id: { S: "FELIX" }, name: { S: "Felix THE Cat" } },
    });
    expect((await Cat.get("felix"))?.toJSON()).toEqual({ id: "felix", name: "felix the cat" });
    // Filter values are converted like the items: "tom cat" matches the stored "TOM CAT".
    const found = await Cat.scan("name").eq("tom cat").exec();
    expect(found.map((cat) => cat.id)).toEqual(["tom"]);
    expect((await Cat.query("id").eq("tom").exec()).map((cat) => cat.name)).toEqual(["tom cat"]);

    const updated = await Cat.update({ id: "tom" }, { name: "thomas" });
    expect(updated.name).toBe("thomas");
    expect((await stored(tableName, "TOM"))?.name).toEqual({ S: "THOMAS" });

    await Cat.batchPut([{ id: "ann", name: "ann" }]);
    expect((await stored(tableName, "ANN"))?.name).toEqual({ S: "ANN" });
    expect((await Cat.batchGet(["ann", "tom"])).map((cat) => cat.name).sort()).toEqual(["ann", "thomas"]);

    await dynamodel.transaction([Cat.transaction.update({ id: "ann" }, { name: "annie" })]);
    expect((await stored(tableName, "ANN"))?.name).toEqual({ S: "ANNIE" });
    const [read] = (await dynamodel.transaction([Cat.transaction.get("ann")])) as { name?: string }[];
    expect(read?.name).toBe("annie");

    // A failed condition carries the stored item, decoded by the converter too.
    const failure = await Cat.update(
      { id: "tom" },
      { name: "x" },
      { condition: new Condition("name").eq("nobody") },
    )
      .then(() => undefined)
      .catch((error: unknown) => error as { name: string; item?: { name?: string } });
    expect(failure?.name).toBe("ConditionalCheckFailedException");
    expect(failure?.item?.name).toBe("thomas");

    await Cat.delete("ann");
    expect(await stored(tableName, "ANN")).toBeUndefined();
  });

  it("revert() restores plain behaviour", async () => {
    const { instance, Cat, tableName } = instanceWithCat();
    instance.aws.converter.set(shoutingConverter());
    await Cat.create({ id: "a", name: "loud" });
    instance.aws.converter.revert();
    expect(instance.aws.converter().marshall).toBe(marshall);
    await Cat.create({ id: "b", name: "Quiet" });
    expect((await stored(tableName, "b"))?.name).toEqual({ S: "Quiet" });
    expect((await Cat.get("A"))?.name).toBe("LOUD"); // stored upper-case, read as it is
  });

  it("belongs to its instance: others are unaffected", async () => {
    const shouting = instanceWithCat();
    const other = instanceWithCat();
    shouting.instance.aws.converter.set(shoutingConverter());
    await Promise.all([
      shouting.Cat.create({ id: "a", name: "Loud" }),
      other.Cat.create({ id: "a", name: "Calm" }),
    ]);
    expect((await stored(shouting.tableName, "A"))?.name).toEqual({ S: "LOUD" });
    expect((await stored(other.tableName, "a"))?.name).toEqual({ S: "Calm" });
    expect(other.instance.aws.converter().marshall).toBe(marshall);
    expect(dynamodel.aws.converter().marshall).toBe(marshall);
  });

  it("middleware sees dynamodel's own form; events report what DynamoDB receives", async () => {
    const { instance, Cat } = instanceWithCat();
    await Cat.create({ id: "warmup" });
    instance.aws.converter.set(shoutingConverter());
    const seen: unknown[] = [];
    const reported: unknown[] = [];
    const remove = instance.use(async (call, next) => {
      if (call.operation === "PutItem") seen.push((call.input as { Item: Image }).Item);
      return next();
    });
    const listener = (event: { operation: string; input: { Item?: Image } }) => {
      if (event.operation === "PutItem") reported.push(event.input.Item);
    };
    instance.events.on("request", listener);
    await Cat.create({ id: "mid", name: "mixed" });
    remove();
    instance.events.off("request", listener);
    expect(seen).toEqual([{ id: { S: "mid" }, name: { S: "mixed" } }]);
    expect(reported).toEqual([{ id: { S: "MID" }, name: { S: "MIXED" } }]);
  });
});

describe("refused arguments", () => {
  it("aws.converter.set() needs the four functions, and names what is missing", () => {
    const instance = new dynamodel.Instance();
    const before = instance.aws.converter();
    expect(() => instance.aws.converter.set(undefined as unknown as Converter)).toThrow(InvalidParameterType);
    expect(() => instance.aws.converter.set({ marshall, unmarshall } as unknown as Converter)).toThrow(
      /missing or not a function: convertToAttr, convertToNative/,
    );
    expect(() => instance.aws.converter.set({ ...before, marshall: 5 } as unknown as Converter)).toThrow(
      /missing or not a function: marshall\./,
    );
    expect(instance.aws.converter()).toBe(before);
  });

  it("use() refuses a non-function when it is registered, and requests keep working", async () => {
    const { instance, Cat } = instanceWithCat();
    expect(() => instance.use(5 as never)).toThrow(InvalidParameterType);
    expect(() => instance.use(5 as never)).toThrow(/use\(\) needs a middleware function.*got 5/);
    expect(() => dynamodel.use(null as never)).toThrow(InvalidParameterType);
    expect(() => Cat.use("log" as never)).toThrow(InvalidParameterType);
    await Cat.create({ id: "still-works" });
    expect((await Cat.get("still-works"))?.id).toBe("still-works");
  });
});

describe("numbers through a custom converter", () => {
  it("writes numbers beyond 2^53 (dynamodel's N strings use the exponent form) and reads them back", async () => {
    const instance = new dynamodel.Instance();
    instance.aws.ddb.set(rawClient());
    modelCount += 1;
    const Meter = dynamodel.model(`ConverterMeter${modelCount}`, { id: String, reading: Number });
    const tableName = uniqueTableName("converter-big");
    new instance.Table(tableName, [Meter], { throughput: "ON_DEMAND" });
    instance.aws.converter.set(spyConverter().converter);
    await Meter.create({ id: "m", reading: 1e21 });
    await Meter.update({ id: "m" }, { $ADD: { reading: 1e21 } });
    expect(
      (await rawClient().getItem({ TableName: tableName, Key: { id: { S: "m" } } })).Item?.reading,
    ).toEqual({
      N: "2000000000000000000000",
    });
    expect((await Meter.get("m"))?.reading).toBe(2e21);
  });
});
