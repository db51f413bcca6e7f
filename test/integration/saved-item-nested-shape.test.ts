// After a save, maps, lists and Sets on the item hold what the table got: nested keys the schema does not
// declare (and saveUnknown does not keep) leave them, an emptied Set leaves the item (DynamoDB stores no
// empty sets), a map or list declared without a schema holds what was kept of it. The item then agrees
// with the table, original() and toJSON(), and is not dirty.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("savedNestedShape");
const stored = (id: string) => storedItem(tableName, { id: { S: id } });

const Place = dynamodel.model(
  "SavedNestedShapePlace",
  new Schema(
    {
      id: String,
      addr: { type: Object, schema: { city: String, zip: String } },
      tags: { type: Set, schema: [String] },
      inner: { type: Object, schema: { marks: { type: Set, schema: [Number] }, n: Number } },
      loose: { type: Object },
      list: { type: Array, schema: [] },
      rows: { type: Array, schema: [{ type: Object, schema: { a: String } }] },
      free: { type: Object },
    },
    { saveUnknown: ["free.**"] },
  ),
  { tableName, throughput: "ON_DEMAND" },
);

type Loose = Record<string, unknown>;

it("a new item loses what the table did not get, at any depth", async () => {
  const item = new Place({
    id: "1",
    addr: { city: "Oslo", junk: 1 },
    tags: [],
    inner: { marks: new Set(), n: 1, extra: "x" },
    loose: { a: 1 },
    list: [1, "two"],
    rows: [{ a: "r", b: "dropped" }],
    free: { k: { deep: true } },
  } as never);
  await item.save();
  expect(await stored("1")).toEqual({
    id: { S: "1" },
    addr: { M: { city: { S: "Oslo" } } },
    inner: { M: { n: { N: "1" } } },
    loose: { M: {} },
    list: { L: [] },
    rows: { L: [{ M: { a: { S: "r" } } }] },
    free: { M: { k: { M: { deep: { BOOL: true } } } } },
  });
  const expected = {
    id: "1",
    addr: { city: "Oslo" },
    inner: { n: 1 },
    loose: {},
    list: [],
    rows: [{ a: "r" }],
    free: { k: { deep: true } },
  };
  expect(item.toJSON()).toEqual(expected);
  expect("tags" in item).toBe(false);
  expect(item.isDirty()).toBe(false);
  expect((await Place.get("1"))!.toJSON()).toEqual(expected);
});

it("a read item's save: a nested junk key and an emptied Set leave the item", async () => {
  await Place.create({ id: "2", addr: { city: "Bergen" }, tags: new Set(["a"]) });
  const item = (await Place.get("2"))!;
  (item.addr as Loose).junk = 1;
  item.tags!.clear();
  await item.save();
  expect(await stored("2")).toEqual({ id: { S: "2" }, addr: { M: { city: { S: "Bergen" } } } });
  expect(item.toJSON()).toEqual({ id: "2", addr: { city: "Bergen" } });
  expect(item.original()).toEqual({ id: "2", addr: { city: "Bergen" } });
  expect(item.isDirty()).toBe(false);
  expect(item.modifiedPaths()).toEqual([]);
});

it("an item whose content is all stored keeps its own objects", async () => {
  const addr = { city: "Tromsø" };
  const item = new Place({ id: "3", addr, tags: ["t"] });
  const held = item.addr;
  await item.save();
  expect(item.addr).toBe(held);
  expect(item.addr).toEqual({ city: "Tromsø" });
  expect(item.tags).toEqual(new Set(["t"]));
  expect(item.isDirty()).toBe(false);
});

it("an Array declared with schema: [] is a list without a declared element, as with no schema", async () => {
  await Place.create({ id: "4", list: ["a", 1] } as never);
  expect(await stored("4")).toEqual({ id: { S: "4" }, list: { L: [] } });
});

const Owner = dynamodel.model("SavedNestedShapeOwner", new Schema({ id: String, name: String }), {
  tableName: uniqueTableName("savedNestedOwner"),
  throughput: "ON_DEMAND",
});
const Shown = dynamodel.model(
  "SavedNestedShapeShown",
  new Schema({
    id: String,
    address: { type: Object, schema: { city: { type: String, get: (city: string) => city.toUpperCase() } } },
    meta: { type: Object, schema: { owner: Owner, note: String } },
    tags: { type: Set, schema: [String] },
  }),
  { tableName, create: false },
);

it("only the attributes that lost content change; display values and references stay", async () => {
  const owner = await Owner.create({ id: "o1", name: "Ann" });
  await Shown.create({
    id: "5",
    address: { city: "oslo" },
    meta: { owner, note: "n" },
    tags: new Set(["a"]),
  });
  const item = (await Shown.get("5"))!;
  expect(item.address!.city).toBe("OSLO");
  item.tags!.clear();
  await item.save();
  expect("tags" in item).toBe(false);
  expect(item.address!.city).toBe("OSLO");
  expect(item.isDirty()).toBe(false);

  const withJunk = new Shown({ id: "6", meta: { owner, note: "n", junk: 1 } } as never);
  await withJunk.save();
  // The map holding a reference keeps the item it was given (its stored form is the key), without the key
  // the table did not get.
  expect(withJunk.meta!.owner).toBe(owner);
  expect(Object.keys(withJunk.meta!)).toEqual(["owner", "note"]);
  expect(await stored("6")).toEqual({
    id: { S: "6" },
    meta: { M: { owner: { S: "o1" }, note: { S: "n" } } },
  });
});

describe("maps the item cannot hold in their stored form", () => {
  const Mixed = dynamodel.model(
    "SavedNestedShapeMixed",
    new Schema({
      id: String,
      withAny: { type: Object, schema: { a: { type: String, alias: "ay" }, any: dynamodel.type.ANY } },
      withGet: { type: Object, schema: { a: { type: String, get: (value: string) => `${value}!` } } },
      rows: { type: Array, schema: [{ type: Object, schema: { a: String, any: dynamodel.type.ANY } }] },
      shown: {
        type: Object,
        schema: { a: String },
        get: (value: Loose) => ({ ...value, extra: "shown" }),
      },
    }),
    { tableName, create: false },
  );

  it("lose the keys the table did not get, at any depth, and keep display values and ANY content", async () => {
    const item = new Mixed({
      id: "7",
      withAny: { ay: "x", junk: 1, any: { q: 1, deep: { r: 2 } } },
      withGet: { a: "y", junk: 2 },
      rows: [{ a: "z", junk: 3, any: [1, { s: 4 }] }],
    } as never);
    await item.save();
    expect(await stored("7")).toEqual({
      id: { S: "7" },
      withAny: { M: { a: { S: "x" }, any: { M: { q: { N: "1" }, deep: { M: { r: { N: "2" } } } } } } },
      withGet: { M: { a: { S: "y" } } },
      rows: { L: [{ M: { a: { S: "z" }, any: { L: [{ N: "1" }, { M: { s: { N: "4" } } }] } } }] },
    });
    expect(item.toJSON()).toEqual({
      id: "7",
      withAny: { ay: "x", any: { q: 1, deep: { r: 2 } } },
      withGet: { a: "y" },
      rows: [{ a: "z", any: [1, { s: 4 }] }],
    });
    expect(item.isDirty()).toBe(false);
  });

  it("a map with a get of its own keeps what the get shows", async () => {
    await Mixed.create({ id: "8", shown: { a: "b" } });
    const read = (await Mixed.get("8"))!;
    expect(read.shown).toEqual({ a: "b", extra: "shown" });
    await read.save();
    expect(read.shown).toEqual({ a: "b", extra: "shown" });
    expect((await stored("8"))?.shown).toEqual({ M: { a: { S: "b" } } });
  });
});

it("a map the caller assigned is pruned as a copy: the caller's object, even frozen, is left alone", async () => {
  const Mixed = dynamodel.model(
    "SavedNestedShapeFrozen",
    new Schema({ id: String, meta: { type: Object, schema: { a: String, any: dynamodel.type.ANY } } }),
    { tableName, create: false },
  );
  const item = new Mixed({ id: "9" });
  const given = Object.freeze({ a: "x", junk: 1, any: { q: 1 } });
  (item as unknown as { meta: unknown }).meta = given;
  await item.save();
  expect(given).toEqual({ a: "x", junk: 1, any: { q: 1 } });
  expect(item.meta).toEqual({ a: "x", any: { q: 1 } });
  expect(await stored("9")).toEqual({
    id: { S: "9" },
    meta: { M: { a: { S: "x" }, any: { M: { q: { N: "1" } } } } },
  });
});
