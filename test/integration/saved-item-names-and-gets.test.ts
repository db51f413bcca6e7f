// After a save the item agrees with what was stored (docs/item.md): nested aliases stay under the names the
// item holds them by when a nested default fills in, and an attribute with only a `get` is not dirty.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const address = {
  city: String,
  zip: { type: String, alias: "postcode" },
  visits: { type: Number, default: 0 },
};

describe.each([["a map"], ["a flattened object"]])("a nested alias in %s with a nested default", (label) => {
  const tableName = uniqueTableName("heldNames");
  const flattened = label === "a flattened object";
  const Place = dynamodel.model(
    `HeldNames${flattened ? "Flat" : "Map"}`,
    new Schema({
      id: String,
      address: flattened
        ? { type: Object, storage: "flatten", schema: address }
        : { type: Object, schema: address },
    }),
    { tableName, throughput: "ON_DEMAND" },
  );

  it("stays under the alias after create and after a save of a read item", async () => {
    const created = await Place.create({ id: "a", address: { city: "Oslo", postcode: "1" } });
    expect(created.address).toEqual({ city: "Oslo", postcode: "1", visits: 0 });
    expect(created.isDirty()).toBe(false);

    const read = (await Place.get("a"))!;
    read.address!.city = "Bergen";
    await read.save();
    expect(read.address).toEqual({ city: "Bergen", postcode: "1", visits: 0 });
    expect(read.isDirty()).toBe(false);
    await read.save(); // nothing changed: the alias is not taken for a new attribute
    expect((await Place.get("a"))!.address).toEqual({ city: "Bergen", postcode: "1", visits: 0 });
    const stored = await storedItem(tableName, { id: { S: "a" } });
    expect(JSON.stringify(stored)).toContain('zip"');
    expect(JSON.stringify(stored)).not.toContain("postcode");
  });
});

describe("an attribute with a get and no set, right after a save", () => {
  const tableName = uniqueTableName("getOnly");
  const Profile = dynamodel.model(
    "GetOnlyProfile",
    new Schema({
      id: String,
      name: { type: String, get: (name: string) => name.toUpperCase() },
      settings: {
        type: Object,
        storage: "json",
        get: (value: Record<string, unknown>) => ({ ...value, seen: true }),
      },
    }),
    { tableName, throughput: "ON_DEMAND" },
  );

  it("holds what it wrote, as Dynamoose's saved item does, and is not dirty", async () => {
    const created = await Profile.create({ id: "p", name: "tom", settings: { theme: "dark" } });
    expect(created.name).toBe("tom");
    expect(created.settings).toEqual({ theme: "dark" });
    expect(created.isDirty()).toBe(false);
    expect(created.modifiedPaths()).toEqual([]);

    const read = (await Profile.get("p"))!;
    expect(read.name).toBe("TOM");
    read.name = "tom"; // the stored form itself: writing it would change nothing
    expect(read.isDirty()).toBe(false);
    read.name = "ann";
    expect(read.modifiedPaths()).toEqual(["name"]);
    await read.save();
    expect(await storedItem(tableName, { id: { S: "p" } })).toEqual({
      id: { S: "p" },
      name: { S: "ann" },
      settings: { S: '{"theme":"dark"}' },
    });
  });
});

describe("aliases inside list elements", () => {
  const tableName = uniqueTableName("listAliases");
  const Order = dynamodel.model(
    "ListAliasOrder",
    new Schema({
      id: String,
      lines: {
        type: Array,
        schema: [
          {
            type: Object,
            schema: {
              sku: { type: String, alias: "product" },
              qty: { type: Number, default: 1 },
              parts: {
                type: Array,
                schema: [{ type: Object, schema: { n: { type: String, alias: "name" } } }],
              },
            },
          },
        ],
      },
    }),
    { tableName, throughput: "ON_DEMAND" },
  );

  it("are applied on every read, like a map's, and can be changed and saved by the alias", async () => {
    const created = await Order.create({ id: "o", lines: [{ product: "a", parts: [{ name: "p" }] }] });
    expect(created.lines).toEqual([{ product: "a", qty: 1, parts: [{ name: "p" }] }]);
    expect(await storedItem(tableName, { id: { S: "o" } })).toEqual({
      id: { S: "o" },
      lines: { L: [{ M: { sku: { S: "a" }, qty: { N: "1" }, parts: { L: [{ M: { n: { S: "p" } } }] } } }] },
    });

    const read = (await Order.get("o"))!;
    expect(read.lines).toEqual([{ product: "a", qty: 1, parts: [{ name: "p" }] }]);
    expect((await Order.scan().exec())[0]!.lines).toEqual(read.lines);
    expect(read.isDirty()).toBe(false);

    read.lines![0]!.product = "b";
    expect(read.modifiedPaths()).toEqual(["lines"]);
    await read.save();
    expect(read.isDirty()).toBe(false);
    expect(read.lines).toEqual([{ product: "b", qty: 1, parts: [{ name: "p" }] }]);
    expect((await Order.get("o"))!.lines).toEqual(read.lines);
  });
});

describe("a Date stored in seconds", () => {
  const tableName = uniqueTableName("secondsDates");
  const seconds = { value: Date, settings: { storage: "seconds" as const } };
  const Visit = dynamodel.model(
    "SecondsVisit",
    new Schema(
      { id: String, at: { type: seconds } },
      { timestamps: { updatedAt: { seen: { type: seconds } } } },
    ),
    { tableName, throughput: "ON_DEMAND" },
  );

  it("is held as stored after a save: whole seconds, as a read gives it back", async () => {
    const visit = await Visit.create({ id: "v", at: new Date("2020-01-02T03:04:05.678Z") });
    expect((visit.at as Date).toISOString()).toBe("2020-01-02T03:04:06.000Z");
    expect((visit.seen as Date).getTime() % 1000).toBe(0);
    expect(visit.toJSON()).toEqual((await Visit.get("v"))!.toJSON());
    expect(visit.isDirty()).toBe(false);
    expect((await storedItem(tableName, { id: { S: "v" } }))?.at).toEqual({ N: "1577934246" });
  });
});

describe("a map or Set with get functions in it, after a save", () => {
  const tableName = uniqueTableName("nestedGets");
  const Account = dynamodel.model(
    "NestedGetsAccount",
    new Schema({
      id: String,
      region: {
        type: Object,
        schema: {
          code: {
            type: String,
            set: (code: string) => code.trim(),
            get: (code: string) => code.toUpperCase(),
          },
          country: { type: String, default: "no" },
        },
      },
      labels: { type: Set, schema: [String], get: (labels: Set<string>) => labels },
    }),
    { tableName, throughput: "ON_DEMAND" },
  );

  it("holds what a read gives back: set, default, get and Set applied, and is not dirty", async () => {
    const created = await Account.create({ id: "a", region: { code: " ab " }, labels: ["x", "x"] });
    expect(created.region).toEqual({ code: "AB", country: "no" });
    expect(created.labels).toEqual(new Set(["x"]));
    expect(created.isDirty()).toBe(false);
    expect(created.toJSON()).toEqual((await Account.get("a"))!.toJSON());

    const read = (await Account.get("a"))!;
    read.region!.code = " cd ";
    expect(read.modifiedPaths()).toEqual(["region.code"]);
    await read.save();
    expect(read.region).toEqual({ code: "CD", country: "no" });
    expect(read.isDirty()).toBe(false);
    expect((await storedItem(tableName, { id: { S: "a" } }))?.region).toEqual({
      M: { code: { S: "cd" }, country: { S: "no" } },
    });
  });
});
