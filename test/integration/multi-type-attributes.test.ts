// Attributes of several types (SPEC §2: "first match wins"; Dynamoose: of several object schemas, the
// one whose attributes match best). The variant a write chose must also read the stored value back, and
// the later pipeline steps (required, nested defaults) must use it, or stored data is lost.
import dynamodel, { Schema, TypeMismatch } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

async function rawItem(tableName: string, id: string) {
  const { Item } = await rawClient().getItem({ TableName: tableName, Key: { id: { S: id } } });
  return Item;
}

describe("an attribute of several object schemas", () => {
  const tableName = uniqueTableName("multiObject");
  const Shape = dynamodel.model(
    "MultiTypeShape",
    new Schema({
      id: String,
      n: Number,
      shape: [
        {
          type: Object,
          schema: { a: { type: String, required: true }, label: { type: String, default: "x" } },
        },
        { type: Object, schema: { b: Number, c: Number } },
      ],
    }),
    { tableName, throughput: "ON_DEMAND" },
  );

  // No rules in either schema: only the read decides what comes back.
  const Plain = dynamodel.model(
    "MultiTypePlain",
    new Schema({
      id: String,
      n: Number,
      shape: [
        { type: Object, schema: { a: String } },
        { type: Object, schema: { b: Number, c: Number } },
      ],
    }),
    { tableName, throughput: "ON_DEMAND" },
  );

  it("reads a map written by the second schema with that schema, and a save keeps it", async () => {
    await Plain.create({ id: "second", shape: { b: 1, c: 2 } });
    expect((await rawItem(tableName, "second"))?.shape).toEqual({ M: { b: { N: "1" }, c: { N: "2" } } });

    const read = await Plain.get("second");
    expect(read?.toJSON()).toEqual({ id: "second", shape: { b: 1, c: 2 } });
    expect((await Plain.scan().exec()).find((item) => item.id === "second")?.toJSON().shape).toEqual({
      b: 1,
      c: 2,
    });

    read!.n = 1;
    await read!.save();
    expect(await rawItem(tableName, "second")).toEqual({
      id: { S: "second" },
      n: { N: "1" },
      shape: { M: { b: { N: "1" }, c: { N: "2" } } },
    });
  });

  it("checks required and applies defaults of the chosen schema only", async () => {
    await Shape.create({ id: "noA", shape: { b: 5 } });
    expect((await rawItem(tableName, "noA"))?.shape).toEqual({ M: { b: { N: "5" } } });

    await Shape.create({ id: "first", shape: { a: "A" } });
    expect((await rawItem(tableName, "first"))?.shape).toEqual({ M: { a: { S: "A" }, label: { S: "x" } } });
    expect((await Shape.get("first"))?.toJSON().shape).toEqual({ a: "A", label: "x" });
  });
});

describe("an attribute of several set or list types", () => {
  const tableName = uniqueTableName("multiContainer");
  const Box = dynamodel.model(
    "MultiTypeBox",
    new Schema({
      id: String,
      tags: [
        { type: Set, schema: [String] },
        { type: Set, schema: [Number] },
      ],
      list: [
        { type: Array, schema: [String] },
        { type: Array, schema: [Number] },
      ],
    }),
    { tableName, throughput: "ON_DEMAND" },
  );

  it("stores members that fit a later type with that type, and reads them back", async () => {
    await Box.create({ id: "numbers", tags: [1, 2], list: [3, 4] });
    const stored = await rawItem(tableName, "numbers");
    expect(stored?.tags).toEqual({ NS: expect.arrayContaining(["1", "2"]) });
    expect(stored?.list).toEqual({ L: [{ N: "3" }, { N: "4" }] });

    const read = await Box.get("numbers");
    expect(read?.tags).toEqual(new Set([1, 2]));
    expect(read?.list).toEqual([3, 4]);

    await Box.create({ id: "strings", tags: ["a"], list: ["b"] });
    expect(await rawItem(tableName, "strings")).toEqual({
      id: { S: "strings" },
      tags: { SS: ["a"] },
      list: { L: [{ S: "b" }] },
    });
  });

  it("rejects members that fit no type, naming every type, and writes nothing", async () => {
    // Mixed members fit neither type: the compiler says so too, hence the cast.
    const mixed = ["a", 1] as unknown as string[];
    const error = await Box.create({ id: "mixed", tags: mixed }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeMismatch);
    // The first type's own error, naming the member that failed.
    expect((error as Error).message).toBe('"tags[]" must be of type string (got 1)');
    expect(await rawItem(tableName, "mixed")).toBeUndefined();
  });
});

describe("the type a write chose is the one every later step uses", () => {
  const tableName = uniqueTableName("multiChosen");
  const Mixed = dynamodel.model(
    "MultiTypeChosen",
    new Schema({
      id: String,
      shape: [
        { type: Object, schema: { a: String, b: Number } },
        { type: Object, schema: { a: Number } },
      ],
      list: [
        { type: Array, schema: [{ type: Object, schema: { a: String } }] },
        { type: Array, schema: [{ type: Object, schema: { a: Number } }] },
      ],
    }),
    { tableName, throughput: "ON_DEMAND" },
  );

  it("converts with the schema that accepted the value, however the schemas are ordered", async () => {
    // The first schema names more keys, but `a` is no string: the second takes it (and drops `b`).
    await Mixed.create({ id: "second", shape: { a: 1, b: 2 }, list: [{ a: 3 }] });
    expect(await rawItem(tableName, "second")).toEqual({
      id: { S: "second" },
      shape: { M: { a: { N: "1" } } },
      list: { L: [{ M: { a: { N: "3" } } }] },
    });
    await Mixed.create({ id: "first", shape: { a: "x", b: 2 }, list: [{ a: "y" }] });
    expect(await rawItem(tableName, "first")).toEqual({
      id: { S: "first" },
      shape: { M: { a: { S: "x" }, b: { N: "2" } } },
      list: { L: [{ M: { a: { S: "y" } } }] },
    });
  });

  it("names the nested path when no schema accepts the value, and writes nothing", async () => {
    await expect(Mixed.create({ id: "none", shape: { a: true } as never })).rejects.toThrow(
      '"shape.a" must be of type string (got true)',
    );
    expect(await rawItem(tableName, "none")).toBeUndefined();
  });
});

describe("a reference to a model with a range key next to an object schema", () => {
  const tableName = uniqueTableName("multiReference");
  const Target = dynamodel.model(
    "MultiTypeTarget",
    new Schema({ pk: String, sk: { type: String, rangeKey: true } }),
    { tableName: uniqueTableName("multiTarget"), throughput: "ON_DEMAND" },
  );
  const Holder = dynamodel.model(
    "MultiTypeHolder",
    new Schema({ id: String, ref: [Target, { type: Object, schema: { x: String } }] }),
    { tableName, throughput: "ON_DEMAND" },
  );

  beforeAll(() => Holder.table().initialize());

  it("reads a stored {pk, sk} map as the reference, and a map of the object schema as that", async () => {
    await rawClient().putItem({
      TableName: tableName,
      Item: { id: { S: "r" }, ref: { M: { pk: { S: "a" }, sk: { S: "b" } } } },
    });
    await rawClient().putItem({
      TableName: tableName,
      Item: { id: { S: "o" }, ref: { M: { x: { S: "y" } } } },
    });
    expect((await Holder.get("r"))?.toJSON().ref).toEqual({ pk: "a", sk: "b" });
    expect((await Holder.get("o"))?.toJSON().ref).toEqual({ x: "y" });
  });
});

// Dynamoose's typings let `type: {value}` list the types too; the settings apply to each.
describe("several types listed in {value: [...]}", () => {
  const tableName = uniqueTableName("multiValue");
  const Reading = dynamodel.model(
    "MultiTypeValueList",
    new Schema({
      id: String,
      v: { type: { value: [String, Number] } },
      at: { type: { value: [Date, Boolean], settings: { storage: "iso" } } },
    }),
    { tableName, throughput: "ON_DEMAND" },
  );

  it("stores each value as the first type that fits, and reads it back", async () => {
    await Reading.create({ id: "n", v: 1, at: new Date(0) });
    await Reading.create({ id: "s", v: "one", at: true });
    expect(await rawItem(tableName, "n")).toEqual({
      id: { S: "n" },
      v: { N: "1" },
      at: { S: "1970-01-01T00:00:00.000Z" },
    });
    expect(await rawItem(tableName, "s")).toEqual({ id: { S: "s" }, v: { S: "one" }, at: { BOOL: true } });
    expect((await Reading.get("n"))!.toJSON()).toEqual({ id: "n", v: 1, at: "1970-01-01T00:00:00.000Z" });
    expect((await Reading.get("s"))!.v).toBe("one");
  });

  it("refuses a value of none of the types, writing nothing", async () => {
    await expect(Reading.create({ id: "bad", v: true as never })).rejects.toThrow(
      new TypeMismatch('"v" must be one of the types string, number (got true)'),
    );
    expect(await rawItem(tableName, "bad")).toBeUndefined();
  });
});
