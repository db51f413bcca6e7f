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

  // Dynamoose stores Math.floor(now / 1000): a timestamp never says a time later than the write.
  it("counts whole seconds passed in a timestamp, where an ordinary seconds Date rounds", async () => {
    jest.useFakeTimers({
      now: new Date("2020-01-02T03:04:05.900Z"),
      doNotFake: [
        "nextTick",
        "setImmediate",
        "setTimeout",
        "setInterval",
        "clearTimeout",
        "clearInterval",
        "queueMicrotask",
        "hrtime",
        "performance",
      ],
    });
    try {
      const visit = await Visit.create({ id: "floor", at: new Date("2020-01-02T03:04:05.900Z") });
      expect((visit.seen as Date).toISOString()).toBe("2020-01-02T03:04:05.000Z");
      const stored = await storedItem(tableName, { id: { S: "floor" } });
      expect(stored?.seen).toEqual({ N: "1577934245" });
      expect(stored?.at).toEqual({ N: "1577934246" });
      await Visit.update({ id: "floor" }, { at: new Date("2020-01-01T00:00:00Z") });
      expect((await storedItem(tableName, { id: { S: "floor" } }))?.seen).toEqual({ N: "1577934245" });
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("maps with get functions, after a save", () => {
  const tableName = uniqueTableName("nestedGets");
  const Account = dynamodel.model(
    "NestedGetsAccount",
    new Schema({
      id: String,
      // gets only inside: the item holds the stored value (default filled in), as for a get-only attribute
      region: {
        type: Object,
        schema: {
          code: { type: String, alias: "regionCode", get: (code: string) => code.toUpperCase() },
          country: { type: String, default: "no" },
        },
      },
      // a get of its own: the item keeps the caller's value, and a get's display value is never stored
      profile: {
        type: Object,
        schema: { name: String, visits: { type: Number, default: 0 } },
        get: (profile: { name?: string }) => ({ ...profile, name: `${profile.name}!` }),
      },
      tags: {
        type: Array,
        schema: [String],
        default: [],
        get: (tags: string[]) => tags.map((t) => t.toUpperCase()),
      },
    }),
    { tableName, throughput: "ON_DEMAND" },
  );

  it("hold the stored value under the caller's names, or the caller's value; never store a display value", async () => {
    const created = await Account.create({
      id: "a",
      region: { regionCode: "ab" },
      profile: { name: "ann" },
      tags: ["p"],
    });
    expect(created.region).toEqual({ regionCode: "ab", country: "no" });
    expect(created.profile).toEqual({ name: "ann" });
    expect(created.tags).toEqual(["p"]);
    expect(created.modifiedPaths()).toEqual([]);

    created.region!.country = "se";
    created.tags!.push("q");
    await created.save();
    expect(await storedItem(tableName, { id: { S: "a" } })).toEqual({
      id: { S: "a" },
      region: { M: { code: { S: "ab" }, country: { S: "se" } } },
      profile: { M: { name: { S: "ann" }, visits: { N: "0" } } },
      tags: { L: [{ S: "p" }, { S: "q" }] },
    });
    const read = (await Account.get("a"))!;
    expect(read.region).toEqual({ regionCode: "AB", country: "se" });
    expect(read.profile).toEqual({ name: "ann!", visits: 0 });
  });
});

describe("a Set of Dates stored in seconds, given as a Set", () => {
  const tableName = uniqueTableName("secondsSet");
  const Log = dynamodel.model(
    "SecondsSetLog",
    new Schema({
      id: String,
      at: { type: Set, schema: [{ value: Date, settings: { storage: "seconds" } }] },
    }),
    { tableName, throughput: "ON_DEMAND" },
  );

  it("is held as stored: members rounded to the second, equal ones once", async () => {
    const when = new Date("2020-01-02T03:04:05.678Z");
    const log = await Log.create({ id: "l", at: new Set([when, new Date(when.getTime() + 1)]) });
    expect([...(log.at as Set<Date>)].map((date) => date.toISOString())).toEqual([
      "2020-01-02T03:04:06.000Z",
    ]);
    expect(log.toJSON()).toEqual((await Log.get("l"))!.toJSON());
  });
});

describe("aliases in a list type that is not the attribute's first", () => {
  const tableName = uniqueTableName("multiListAlias");
  const Bag = dynamodel.model(
    "MultiListAliasBag",
    new Schema({
      id: String,
      items: [
        { type: Array, schema: [String] },
        { type: Array, schema: [{ type: Object, schema: { c: { type: String, alias: "colour" } } }] },
      ],
    }),
    { tableName, throughput: "ON_DEMAND" },
  );

  it("are applied on reads", async () => {
    await Bag.create({ id: "b", items: [{ colour: "red" }] });
    const read = (await Bag.get("b"))!;
    expect(read.items).toEqual([{ colour: "red" }]);
    expect(read.modifiedPaths()).toEqual([]);
  });
});

describe("set and get inside a map or a list, saved again unchanged", () => {
  const tableName = uniqueTableName("nestedSetGet");
  const double = (value: number) => value * 2;
  const tenfold = (value: number) => value * 10;
  const Meter = dynamodel.model(
    "NestedSetGetMeter",
    new Schema({
      id: String,
      reading: { type: Object, schema: { n: { type: Number, set: double, get: tenfold }, unit: String } },
      history: {
        type: Array,
        schema: [{ type: Object, schema: { n: { type: Number, set: double, get: tenfold } } }],
      },
      // An asynchronous get inside: the item keeps the caller's value, which set turns into the stored one.
      slow: {
        type: Object,
        schema: { n: { type: Number, set: double, get: async (value: number) => value + 1 } },
      },
    }),
    { tableName, throughput: "ON_DEMAND" },
  );
  const expected = {
    id: { S: "m" },
    reading: { M: { n: { N: "6" }, unit: { S: "kWh" } } },
    history: { L: [{ M: { n: { N: "2" } } }, { M: { n: { N: "4" } } }] },
    slow: { M: { n: { N: "10" } } },
  };

  it("runs each set once: the item shows the stored values as a read does", async () => {
    const meter = new Meter({
      id: "m",
      reading: { n: 3, unit: "kWh" },
      history: [{ n: 1 }, { n: 2 }],
      slow: { n: 5 },
    });
    await meter.save();
    expect(await storedItem(tableName, { id: { S: "m" } })).toEqual(expected);
    expect(meter.reading).toEqual({ n: 60, unit: "kWh" });
    expect(meter.history).toEqual([{ n: 20 }, { n: 40 }]);
    expect(meter.modifiedPaths()).toEqual(["slow.n"]);
    await meter.save();
    await meter.save();
    expect(await storedItem(tableName, { id: { S: "m" } })).toEqual(expected);

    const read = (await Meter.get("m"))!;
    expect(read.reading).toEqual({ n: 60, unit: "kWh" });
    // An asynchronous get counts as changed in modifiedPaths() (docs/item.md); saving writes nothing new.
    expect(read.modifiedPaths()).toEqual(["slow.n"]);
    await read.save();
    expect(await storedItem(tableName, { id: { S: "m" } })).toEqual(expected);
  });

  it("a get inside that hides its value: the item keeps what it was given, and the next save keeps the value", async () => {
    const Secret = dynamodel.model(
      "NestedSetGetSecret",
      new Schema({
        id: String,
        account: {
          type: Object,
          schema: {
            pin: { type: String, set: (pin: string) => `#${pin.replace(/^#/, "")}`, get: () => undefined },
            name: String,
          },
        },
      }),
      { tableName: uniqueTableName("nestedHiddenGet"), throughput: "ON_DEMAND" },
    );
    const secret = new Secret({ id: "s", account: { pin: "1234", name: "ann" } });
    await secret.save();
    secret.account!.name = "bob";
    await secret.save();
    const stored = await storedItem(Secret.table().name, { id: { S: "s" } });
    expect(stored?.account).toEqual({ M: { pin: { S: "#1234" }, name: { S: "bob" } } });
  });

  it("a changed value still goes through set once", async () => {
    const read = (await Meter.get("m"))!;
    read.reading!.n = 4;
    expect(read.modifiedPaths()).toEqual(["reading.n", "slow.n"]);
    await read.save();
    expect((await storedItem(tableName, { id: { S: "m" } }))?.reading).toEqual({
      M: { n: { N: "8" }, unit: { S: "kWh" } },
    });
    expect(read.reading).toEqual({ n: 80, unit: "kWh" });
    expect(read.modifiedPaths()).toEqual(["slow.n"]);
  });
});
