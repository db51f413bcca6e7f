// isDirty() and modifiedPaths() on items holding values their schema does not allow: set by the caller,
// or stored so by other code and read back. Asking what changed must answer, not throw; a save still
// refuses the value and writes nothing. Both kinds of change tracking are covered: a model tracked
// lazily and one whose `get` function makes it keep the stored image.
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import dynamodel, { Schema, TypeMismatch } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("dirty-unfit");
const attributes = {
  id: String,
  age: Number,
  level: { type: Number, default: 1 },
  address: { type: Object, schema: { city: String, zip: Number } },
  tags: { type: Set, schema: [String] },
  notes: { type: Array, schema: [String] },
  seen: { type: { value: Date, settings: { storage: "iso" } } },
  visits: { type: Array, schema: [{ type: { value: Date, settings: { storage: "iso" } } }] },
} as const;
const Lazy = dynamodel.model(
  "UnfitLazy",
  new Schema({ ...attributes, name: { type: String, alias: "nm" } }),
  {
    tableName,
    throughput: "ON_DEMAND",
  },
);
const Eager = dynamodel.model(
  "UnfitEager",
  new Schema({ ...attributes, name: { type: String, alias: "nm", get: (value: unknown) => value } }),
  { tableName, create: false, waitForActive: false },
);

beforeAll(() => Lazy.table().initialize());

async function readRaw(id: string): Promise<Record<string, unknown> | undefined> {
  const { Item } = await rawClient().getItem({ TableName: tableName, Key: marshall({ id }) });
  return Item === undefined ? undefined : unmarshall(Item);
}

type Data = Record<string, unknown> & {
  isDirty(path?: string): boolean;
  modifiedPaths(): string[];
  save(): Promise<unknown>;
};

describe.each([
  ["lazily tracked", Lazy],
  ["keeping its image", Eager],
])("a model %s", (label, Model) => {
  const id = (name: string) => `${label}-${name}`;

  async function readStored(name: string, stored: Record<string, unknown>): Promise<Data> {
    await rawClient().putItem({
      TableName: tableName,
      Item: marshall({ id: id(name), level: 2, ...stored }),
    });
    return (await Model.get(id(name))) as unknown as Data;
  }

  test("an item read with a wrong-typed stored value is not dirty until it changes", async () => {
    const item = await readStored("stored", { age: "thirty", level: "high", address: { city: 7 } });
    expect(item.age).toBe("thirty");
    expect(item.isDirty()).toBe(false);
    expect(item.modifiedPaths()).toEqual([]);
    expect(item.isDirty("age")).toBe(false);

    item.age = 30;
    expect(item.modifiedPaths()).toEqual(["age"]);
    expect(item.isDirty("age")).toBe(true);
    expect(item.isDirty("level")).toBe(false);
    item.level = "low";
    expect(item.modifiedPaths().sort()).toEqual(["age", "level"]);
  });

  test("a stored string that is no date, read as an Invalid Date, is not dirty until it changes", async () => {
    // Other code stored text where the schema keeps ISO dates: the read gives an Invalid Date, which once
    // compared unequal to itself (NaN), so the item was dirty from the moment it was read.
    const item = await readStored("no-date", { seen: "not a date", visits: ["garbage"] });
    expect((item.seen as Date).getTime()).toBeNaN();
    expect(item.modifiedPaths()).toEqual([]);
    expect(item.isDirty("seen")).toBe(false);
    expect(item.isDirty("visits")).toBe(false);
    item.age = 31;
    expect(item.modifiedPaths()).toEqual(["age"]);
    // The save still refuses what no date can be (docs/item.md), and writes nothing.
    const before = await readRaw(id("no-date"));
    await expect(item.save()).rejects.toThrow(
      /^"(seen|visits\[0\])" must be of type date \(got Invalid Date\)$/,
    );
    expect(await readRaw(id("no-date"))).toEqual(before);
    item.seen = new Date("2020-01-02T00:00:00.000Z");
    expect(item.modifiedPaths().sort()).toEqual(["age", "seen"]);
  });

  test("a wrong type set by the caller is a change at its top-level attribute", async () => {
    const item = await readStored("caller", { age: 30, name: "Ann", address: { city: "Oslo" } });
    item.age = "thirty";
    expect(item.isDirty()).toBe(true);
    expect(item.modifiedPaths()).toEqual(["age"]);
    (item.address as Record<string, unknown>).zip = "0150";
    expect(item.modifiedPaths().sort()).toEqual(["address", "age"]);
    expect(item.isDirty("address.city")).toBe(true);
    item.nm = 5;
    expect(item.modifiedPaths().sort()).toEqual(["address", "age", "nm"]);
    expect(item.isDirty("name")).toBe(true);
    item.tags = new Set([1, 2]);
    expect(item.isDirty("tags")).toBe(true);

    // The save refuses the first unfit value and writes nothing.
    const before = await readRaw(id("caller"));
    await expect(item.save()).rejects.toThrow(TypeMismatch);
    await expect(item.save()).rejects.toThrow(/^"(age|address\.zip|name|tags\[\])" must be of type/);
    expect(await readRaw(id("caller"))).toEqual(before);
  });

  test("a value put back to what was read is not a change; a function never equals it", async () => {
    const item = await readStored("back", { age: "thirty" });
    item.age = 1;
    item.age = "thirty";
    expect(item.isDirty()).toBe(false);
    item.age = () => 1;
    expect(item.modifiedPaths()).toEqual(["age"]);
  });

  test("a hole in a list (an index set past its end) is a change to the list; the save refuses it", async () => {
    const item = await readStored("hole", { notes: ["a"] });
    (item.notes as string[])[3] = "far";
    expect(item.modifiedPaths()).toEqual(["notes"]);
    expect(item.isDirty("notes")).toBe(true);
    const before = await readRaw(id("hole"));
    await expect(item.save()).rejects.toThrow('"notes[1]" must be of type string (got undefined)');
    expect(await readRaw(id("hole"))).toEqual(before);

    const fresh = new Model({ id: id("hole-new"), notes: ["a"] }) as unknown as Data;
    (fresh.notes as string[])[2] = "b";
    expect(fresh.modifiedPaths().sort()).toEqual(["id", "level", "notes"]);
    await expect(fresh.save()).rejects.toThrow(TypeMismatch);
    expect(await readRaw(id("hole-new"))).toBeUndefined();
  });

  test("on a new item every held attribute is listed, unfit ones included", () => {
    const item = new Model({ id: id("new"), age: "x" as unknown as number }) as unknown as Data;
    expect(item.modifiedPaths().sort()).toEqual(["age", "id", "level"]);
    expect(item.isDirty("age")).toBe(true);
  });
});

test("a flattened object holding a wrong-typed stored value is not dirty until it changes", async () => {
  const flatTable = uniqueTableName("dirty-unfit-flat");
  const Place = dynamodel.model(
    "UnfitFlatPlace",
    new Schema({
      id: String,
      address: { type: Object, storage: "flatten", prefix: "addr_", schema: { city: String, zip: String } },
    }),
    { tableName: flatTable, throughput: "ON_DEMAND" },
  );
  await Place.table().initialize();
  await rawClient().putItem({
    TableName: flatTable,
    Item: { id: { S: "p" }, addr_city: { N: "5" }, addr_zip: { S: "z" } },
  });
  const read = (await Place.get("p"))! as unknown as Data;
  expect(read.address).toEqual({ city: 5, zip: "z" });
  expect(read.isDirty()).toBe(false);
  (read.address as Record<string, unknown>).zip = "y";
  expect(read.modifiedPaths()).toEqual(["address"]);
});

it("an attribute held under its name and its alias at once is compared as it is, and refused by save()", async () => {
  const Named = dynamodel.model(
    "UnfitNamedTwice",
    new Schema({
      id: String,
      nm: { type: String, alias: "nick" },
      obj: { type: Object, schema: { a: { type: String, alias: "x" } } },
    }),
    { tableName: uniqueTableName("unfitNamedTwice"), throughput: "ON_DEMAND" },
  );
  await Named.create({ id: "1", nick: "n", obj: { x: "X" } });
  const read = (await Named.get("1"))! as unknown as Record<string, unknown> & {
    obj: Record<string, unknown>;
    modifiedPaths(): string[];
    isDirty(path?: string): boolean;
    save(): Promise<unknown>;
  };
  read.nm = "n"; // the value read, under its real name: held twice all the same
  expect(read.modifiedPaths()).toEqual(["nm"]);
  read.nm = "under its real name too";
  read.obj.a = "and inside a map";
  expect(read.modifiedPaths().sort()).toEqual(["nm", "obj"]);
  expect(read.isDirty()).toBe(true);
  expect(read.isDirty("nick")).toBe(true);
  await expect(read.save()).rejects.toThrow(
    /^Cannot map attribute "(nm|a)" to "(nick|x)" because both are defined\.$/,
  );
  await expect(read.save()).rejects.toMatchObject({ name: "InvalidParameter" });
  const { Item } = await rawClient().getItem({ TableName: Named.table().name, Key: { id: { S: "1" } } });
  expect(unmarshall(Item!)).toEqual({ id: "1", nm: "n", obj: { a: "X" } });
});
