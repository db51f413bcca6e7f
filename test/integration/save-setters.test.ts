// An item read from the table and saved again: `set` runs only on the values that changed, so a setter
// that is not idempotent (appending, hashing) never transforms a stored value twice.
import dynamodel, { Schema } from "dynamodel";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const table = uniqueTableName("saveSetters");
const bang = (value: string) => `${value}!`;
const Note = dynamodel.model(
  "SaveSetterNote",
  new Schema({
    id: { type: String, hashKey: true },
    title: { type: String, set: bang },
    at: { type: Date, set: (value: Date) => new Date(value.getTime() + 1000) },
    meta: { type: Object, schema: { tag: { type: String, set: bang }, other: String } },
    views: Number,
  }),
  { tableName: table },
);

async function stored(id: string): Promise<Record<string, unknown> | undefined> {
  const { Item } = await rawClient().getItem({
    TableName: table,
    Key: { id: { S: id } },
    ConsistentRead: true,
  });
  return Item ? unmarshall(Item) : undefined;
}

describe("saving an item read from the table", () => {
  beforeAll(() =>
    Note.create({ id: "n1", title: "x", at: new Date(5000), meta: { tag: "t", other: "o" }, views: 1 }),
  );

  it("does not run set again on values it still holds", async () => {
    expect(await stored("n1")).toEqual({
      id: "n1",
      title: "x!",
      at: 6000,
      meta: { tag: "t!", other: "o" },
      views: 1,
    });
    const note = (await Note.get("n1"))!;
    note.views = 2;
    note.meta!.other = "p";
    const request = (await note.save({ return: "request" })) as unknown as { UpdateExpression: string };
    expect(request.UpdateExpression).not.toMatch(/title|at\b/);
    await note.save();
    expect(await stored("n1")).toEqual({
      id: "n1",
      title: "x!",
      at: 6000,
      meta: { tag: "t!", other: "p" },
      views: 2,
    });
  });

  it("runs set on a value that changed, with the stored one as `old`", async () => {
    const seen: unknown[] = [];
    const Tracked = dynamodel.model(
      "SaveSetterTracked",
      new Schema({
        id: { type: String, hashKey: true },
        title: {
          type: String,
          set: (value: string, old?: string | null) => {
            seen.push([value, old]);
            return `${value}!`;
          },
        },
      }),
      { tableName: uniqueTableName("saveSettersTracked") },
    );
    // A new item's old value is null, as Dynamoose's create, save and batchPut give it.
    await Tracked.create({ id: "t", title: "a" });
    const item = (await Tracked.get("t"))!;
    await item.save();
    expect(seen).toEqual([["a", null]]);
    item.title = "b";
    await item.save();
    expect(seen).toEqual([
      ["a", null],
      ["b", "a!"],
    ]);
    const { Item } = await rawClient().getItem({ TableName: Tracked.table().name, Key: { id: { S: "t" } } });
    expect(Item?.title).toEqual({ S: "b!" });
    seen.length = 0;
    await new Tracked({ id: "u", title: "c" }).save();
    await Tracked.batchPut([{ id: "v", title: "d" }]);
    await dynamodel.transaction([Tracked.transaction.create({ id: "w", title: "e" })]);
    // An update reads no item: undefined, as in Dynamoose.
    await Tracked.update({ id: "u" }, { title: "f" });
    expect(seen).toEqual([
      ["c", null],
      ["d", null],
      ["e", null],
      ["f", undefined],
    ]);
  });

  it("a new item built from read values is still a new item: set runs", async () => {
    const copy = new Note({ id: "n2", title: "x!" });
    await copy.save();
    expect(await stored("n2")).toMatchObject({ id: "n2", title: "x!!" });
  });
});

describe("get functions and what the item holds after a save", () => {
  const shownTable = uniqueTableName("saveGetters");
  const Shown = dynamodel.model(
    "SaveGetterShown",
    new Schema({
      id: { type: String, hashKey: true },
      name: { type: String, get: (value: string) => value.toUpperCase() },
      code: { type: String, set: (value: string) => `#${value}` },
      home: { type: Object, schema: { city: { type: String, default: "Oslo" }, street: String } },
      visits: Number,
    }),
    { tableName: shownTable },
  );
  const storedShown = async (id: string) =>
    (await rawClient().getItem({ TableName: shownTable, Key: { id: { S: id } }, ConsistentRead: true })).Item;

  it("a read item holding get(stored) is unchanged: saving it never stores the display form", async () => {
    await Shown.create({ id: "g1", name: "ada", code: "7", home: {}, visits: 1 });
    const read = (await Shown.get("g1"))!;
    expect(read.name).toBe("ADA");
    expect(read.modifiedPaths()).toEqual([]);
    expect(read.isDirty()).toBe(false);
    read.visits = 2;
    const request = (await read.save({ return: "request" })) as unknown as { UpdateExpression: string };
    expect(Object.keys(request)).toContain("UpdateExpression");
    await read.save();
    expect(await storedShown("g1")).toEqual({
      id: { S: "g1" },
      name: { S: "ada" },
      code: { S: "#7" },
      home: { M: { city: { S: "Oslo" } } },
      visits: { N: "2" },
    });
    // A value the caller does change is stored as given.
    read.name = "Grace";
    expect(read.modifiedPaths()).toEqual(["name"]);
    await read.save();
    expect((await storedShown("g1"))?.name).toEqual({ S: "Grace" });
  });

  it("after a save the item holds what set and nested defaults stored, so nothing looks changed", async () => {
    const created = await Shown.create({ id: "g2", code: "9", home: { street: "Main" } });
    expect(created.code).toBe("#9");
    expect(created.home).toEqual({ city: "Oslo", street: "Main" });
    expect(created.isDirty()).toBe(false);
    expect(created.original()).toMatchObject({ code: "#9", home: { city: "Oslo", street: "Main" } });
    await created.save();
    expect((await storedShown("g2"))?.code).toEqual({ S: "#9" });
  });
});

describe("Sets and Dates after a save", () => {
  const formTable = uniqueTableName("saveForms");
  const Form = dynamodel.model(
    "SaveFormHolder",
    new Schema({
      id: { type: String, hashKey: true },
      tags: { type: Set, schema: [String] },
      when: Date,
      iso: { type: { value: Date, settings: { storage: "iso" } } },
      nested: { type: Object, schema: { nums: { type: Set, schema: [Number] }, at: Date } },
      list: { type: Array, schema: [{ type: Set, schema: [String] }] },
      plain: String,
    }),
    { tableName: formTable },
  );

  it("an array given for a Set is held as a Set, a number or string for a Date as a Date, as a read holds them", async () => {
    const given = {
      id: "f1",
      tags: ["x", "x", "y"],
      when: 5000,
      iso: "2020-01-02T03:04:05.000Z",
      nested: { nums: [1, 2], at: 7 },
      list: [["a"]],
      plain: "p",
    };
    const created = await Form.create(given as never);
    expect(created.tags).toEqual(new Set(["x", "y"]));
    created.tags!.add("z"); // Dynamoose code does this on what create() resolves with
    expect(created.when).toEqual(new Date(5000));
    expect(created.iso).toEqual(new Date("2020-01-02T03:04:05.000Z"));
    expect(created.nested).toEqual({ nums: new Set([1, 2]), at: new Date(7) });
    expect(created.list).toEqual([new Set(["a"])]);
    expect(given.tags).toEqual(["x", "x", "y"]); // the caller's object is untouched
    const read = (await Form.get("f1"))!;
    expect(read.toJSON()).toEqual({ ...created.toJSON(), tags: ["x", "y"] });
    expect(created.modifiedPaths()).toEqual(["tags"]);
    await created.save();
    const stored = await rawClient().getItem({
      TableName: formTable,
      Key: { id: { S: "f1" } },
      ConsistentRead: true,
    });
    expect(stored.Item?.tags).toEqual({ SS: ["x", "y", "z"] });
    expect(stored.Item?.when).toEqual({ N: "5000" });
  });
});

describe("an attribute with both get and set", () => {
  const priceTable = uniqueTableName("saveGetSet");
  const Product = dynamodel.model(
    "SaveGetSetProduct",
    new Schema({
      id: { type: String, hashKey: true },
      cents: { type: Number, set: (dollars: number) => dollars * 100, get: (cents: number) => cents / 100 },
      name: String,
    }),
    { tableName: priceTable },
  );
  const storedCents = async (id: string) =>
    (await rawClient().getItem({ TableName: priceTable, Key: { id: { S: id } }, ConsistentRead: true })).Item
      ?.cents;

  it("keeps an untouched value and runs set on a new one, even one equal to the stored form", async () => {
    await Product.create({ id: "p1", cents: 5, name: "pen" });
    expect(await storedCents("p1")).toEqual({ N: "500" });
    const read = (await Product.get("p1"))!;
    expect(read.cents).toBe(5);
    read.name = "ink pen";
    await read.save();
    expect(await storedCents("p1")).toEqual({ N: "500" });
    // 500 dollars: the same number as the stored cents, but a change all the same.
    read.cents = 500;
    expect(read.modifiedPaths()).toEqual(["cents"]);
    await read.save();
    expect(await storedCents("p1")).toEqual({ N: "50000" });
  });

  it("holds get(stored) after a save, as a read shows it: not dirty, and the next save leaves it alone", async () => {
    const created = await Product.create({ id: "p2", cents: 7 });
    expect(await storedCents("p2")).toEqual({ N: "700" });
    expect(created.cents).toBe(7); // get(700)
    expect(created.isDirty()).toBe(false);
    created.name = "nib";
    await created.save();
    expect(await storedCents("p2")).toEqual({ N: "700" });

    const odd = dynamodel.model(
      "SaveGetSetCode",
      new Schema({
        id: String,
        code: { type: String, set: (code: string) => `#${code}`, get: (code: string) => code.toUpperCase() },
      }),
      { tableName: uniqueTableName("saveGetSetCode") },
    );
    const item = await odd.create({ id: "c1", code: "x" });
    expect(item.code).toBe("#X");
    expect(item.modifiedPaths()).toEqual([]);
  });
});
