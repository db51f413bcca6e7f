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
    expect((error as Error).message).toContain('"tags"');
    expect((error as Error).message).toContain("set of string, set of number");
    expect(await rawItem(tableName, "mixed")).toBeUndefined();
  });
});
