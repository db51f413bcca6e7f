// `get` functions only shape what an item shows: whatever they do, saving the item again writes what is
// stored, unchanged (docs/schema.md "get"). A `get` that changes its argument in place, one that throws, a
// list read in part with `set` and `get` inside it, and the schema's own `set` next to `get`s inside a map.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

describe("a get that changes its argument in place", () => {
  const tableName = uniqueTableName("getInPlace");
  const Gauge = dynamodel.model(
    "GetInPlaceGauge",
    new Schema({
      id: String,
      reading: {
        type: Object,
        schema: { n: Number, unit: String },
        get: (value: { n: number; unit: string }) => {
          value.n = value.n * 10; // changes the object it is given, and returns it
          return value;
        },
      },
      tags: {
        type: Array,
        schema: [String],
        get: (value: string[]) => {
          value.push("shown");
          return value;
        },
      },
    }),
    { tableName, throughput: "ON_DEMAND" },
  );

  it("does not change what a read-then-save stores", async () => {
    await new Gauge({ id: "g", reading: { n: 1, unit: "kWh" }, tags: ["a"] }).save();
    const stored = await storedItem(tableName, { id: { S: "g" } });

    const read = (await Gauge.get("g"))!;
    expect(read.reading).toEqual({ n: 10, unit: "kWh" });
    expect(read.tags).toEqual(["a", "shown"]);
    expect(read.modifiedPaths()).toEqual([]);
    await read.save();
    await read.save();
    expect(await storedItem(tableName, { id: { S: "g" } })).toEqual(stored);
    expect(stored).toEqual({
      id: { S: "g" },
      reading: { M: { n: { N: "1" }, unit: { S: "kWh" } } },
      tags: { L: [{ S: "a" }] },
    });
  });

  it("a value really changed is still saved", async () => {
    const read = (await Gauge.get("g"))!;
    read.reading = { n: 7, unit: "kWh" };
    await read.save();
    expect((await storedItem(tableName, { id: { S: "g" } }))?.reading).toEqual({
      M: { n: { N: "7" }, unit: { S: "kWh" } },
    });
  });
});

describe("a get that throws on a stored value", () => {
  const tableName = uniqueTableName("getThrows");
  const refuse = (value: string) => {
    if (value.startsWith("bad")) throw new Error(`cannot show ${value}`);
    return value.toUpperCase();
  };
  const Note = dynamodel.model(
    "GetThrowsNote",
    new Schema({
      id: String,
      plain: { type: String, get: refuse },
      trimmed: { type: String, set: (value: string) => value.trim(), get: refuse },
      lazy: { type: String, get: async (value: string) => refuse(value) },
    }),
    { tableName, throughput: "ON_DEMAND" },
  );

  it("does not fail the save, nor the next one, and the table holds what was given", async () => {
    const note = new Note({ id: "n", plain: "bad one", trimmed: " bad two ", lazy: "bad three" });
    await note.save();
    // The display value cannot be worked out: the item keeps what it was given.
    expect(note.trimmed).toBe(" bad two ");
    await note.save();
    note.plain = "bad four";
    await note.save();
    expect(await storedItem(tableName, { id: { S: "n" } })).toEqual({
      id: { S: "n" },
      plain: { S: "bad four" },
      trimmed: { S: "bad two" },
      lazy: { S: "bad three" },
    });
  });
});

describe("a list read in part, with set and get inside its elements", () => {
  const tableName = uniqueTableName("partSetGet");
  const element = {
    type: Object,
    schema: { n: { type: Number, set: (value: number) => value * 2, get: (value: number) => value * 10 } },
  };
  const Log = dynamodel.model(
    "PartSetGetLog",
    new Schema({
      id: String,
      name: String,
      entries: { type: Array, schema: [element] },
      box: { type: Object, schema: { entries: { type: Array, schema: [element] }, label: String } },
    }),
    { tableName, throughput: "ON_DEMAND" },
  );
  const expected = {
    id: { S: "l" },
    name: { S: "first" },
    entries: { L: [{ M: { n: { N: "2" } } }, { M: { n: { N: "4" } } }] },
    box: { M: { entries: { L: [{ M: { n: { N: "6" } } }] }, label: { S: "x" } } },
  };

  it("keeps the elements as read after a save, so the next save goes through too", async () => {
    await new Log({
      id: "l",
      name: "first",
      entries: [{ n: 1 }, { n: 2 }],
      box: { entries: [{ n: 3 }], label: "x" },
    }).save();
    expect(await storedItem(tableName, { id: { S: "l" } })).toEqual(expected);

    const read = (await Log.get("l", {
      attributes: ["id", "name", "entries[1]", "box.entries[0]", "box.label"],
    }))!;
    expect(read.entries).toEqual([{ n: 40 }]);
    expect(read.box).toEqual({ entries: [{ n: 60 }], label: "x" });
    await read.save();
    expect(read.entries).toEqual([{ n: 40 }]);
    expect(read.box).toEqual({ entries: [{ n: 60 }], label: "x" });
    expect(read.modifiedPaths()).toEqual([]);

    read.name = "second";
    read.box!.label = "y";
    await read.save();
    expect(await storedItem(tableName, { id: { S: "l" } })).toEqual({
      ...expected,
      name: { S: "second" },
      box: { M: { entries: { L: [{ M: { n: { N: "6" } } }] }, label: { S: "y" } } },
    });
    expect(read.entries).toEqual([{ n: 40 }]);
  });
});

describe("the schema's own set, with get functions inside a map", () => {
  const tableName = uniqueTableName("schemaSetGets");
  const Card = dynamodel.model(
    "SchemaSetGetsCard",
    new Schema(
      {
        id: String,
        owner: { type: Object, schema: { name: { type: String, get: (name: string) => `${name}!` } } },
      },
      { set: (item: Record<string, unknown>) => item },
    ),
    { tableName, throughput: "ON_DEMAND" },
  );

  it("leaves a saved item as a read shows it, and not dirty", async () => {
    const card = new Card({ id: "c", owner: { name: "ann" } });
    await card.save();
    expect(card.owner).toEqual({ name: "ann!" });
    expect(card.modifiedPaths()).toEqual([]);
    await card.save();
    expect(await storedItem(tableName, { id: { S: "c" } })).toEqual({
      id: { S: "c" },
      owner: { M: { name: { S: "ann" } } },
    });
  });
});
