// The schema-level `set` and `validate` run on `Model.update` too (SPEC §2's write pipeline; Dynamoose's
// Schema.md: `set` "will also be used when retrieving an item (ie. `get`, `query`, `update`, etc)", and
// `validate` runs "before saving"). They see the attributes the update sets to plain values.
import dynamodel, { Schema, ValidationError } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("updateSchemaRules");
const seen: Record<string, unknown>[] = [];
const User = dynamodel.model(
  "UpdateSchemaRulesUser",
  new Schema(
    {
      id: String,
      email: { type: String, alias: "mail" },
      first: String,
      last: String,
      full: String,
      age: Number,
      visits: Number,
      address: { type: Object, schema: { city: String } },
    },
    {
      set: (user) => {
        const next = { ...user };
        if (typeof next.email === "string") next.email = next.email.toLowerCase();
        if (next.first !== undefined && next.last !== undefined) next.full = `${next.first} ${next.last}`;
        return next;
      },
      validate: (user) => {
        seen.push({ ...user });
        return !(typeof user.age === "number" && user.age < 0);
      },
    },
  ),
  { tableName, throughput: "ON_DEMAND" },
);

const stored = (id: string) => storedItem(tableName, { id: { S: id } });

beforeEach(() => {
  seen.length = 0;
});

it("runs the schema's set on the values an update sets, by alias too, and writes its values for them", async () => {
  await User.create({ id: "1", email: "A@B.C" });
  await User.update({ id: "1" }, { mail: "NEW@B.C", $SET: { first: "Ann", last: "Lee" } });
  // `full`, which the set computes, is not among the attributes the update names: as in Dynamoose, only
  // those are taken back, so a set written for whole items cannot overwrite what the update left alone.
  expect(await stored("1")).toEqual({
    id: { S: "1" },
    email: { S: "new@b.c" },
    first: { S: "Ann" },
    last: { S: "Lee" },
  });
  expect(seen.at(-1)).toEqual({ email: "new@b.c", first: "Ann", last: "Lee" });
});

it("rejects an update the schema's validate refuses, and writes nothing", async () => {
  await User.create({ id: "2", age: 3 });
  const before = await stored("2");
  const rejection = User.update({ id: "2" }, { age: -5, first: "x" });
  await expect(rejection).rejects.toBeInstanceOf(ValidationError);
  await expect(rejection).rejects.toThrow(/schema's validate rule/);
  expect(await stored("2")).toEqual(before);
  await expect(
    dynamodel.transaction([User.transaction.update({ id: "2" }, { age: -1 })]),
  ).rejects.toBeInstanceOf(ValidationError);
  expect(await stored("2")).toEqual(before);
});

it("leaves values DynamoDB computes out: $ADD, nested paths, removals", async () => {
  await User.create({ id: "3", age: 1, visits: 1, address: { city: "Oslo" } });
  seen.length = 0; // create's own call, with the whole item
  await User.update({ id: "3" }, { $ADD: { visits: 2 }, "address.city": "Bergen", $REMOVE: ["age"] });
  expect(seen).toEqual([]); // nothing plain was set: validate is not called with an empty object
  expect(await stored("3")).toEqual({
    id: { S: "3" },
    visits: { N: "3" },
    address: { M: { city: { S: "Bergen" } } },
  });
});

it("still checks each attribute's own type after the schema's set", async () => {
  await User.create({ id: "4" });
  await expect(User.update({ id: "4" }, { age: "old" as unknown as number })).rejects.toMatchObject({
    name: "TypeMismatch",
  });
  expect(await stored("4")).toEqual({ id: { S: "4" } });
});

it("runs each attribute's set first, then the schema's, once each, as a save does (update and transaction)", async () => {
  const orderTable = uniqueTableName("updateSetOrder");
  const schemaSaw: Record<string, unknown>[] = [];
  const Counter = dynamodel.model(
    "UpdateSetOrderCounter",
    new Schema(
      { id: String, n: { type: Number, set: (value) => (value as number) * 10 }, label: String },
      {
        set: (item) => {
          schemaSaw.push({ ...item });
          return typeof item.n === "number" ? { ...item, n: item.n + 1 } : item;
        },
      },
    ),
    { tableName: orderTable, throughput: "ON_DEMAND" },
  );
  const storedCounter = (id: string) => storedItem(orderTable, { id: { S: id } });
  await Counter.create({ id: "a", n: 1 });
  expect(await storedCounter("a")).toEqual({ id: { S: "a" }, n: { N: "11" } }); // 1 → 10 → 11

  schemaSaw.length = 0;
  await Counter.update({ id: "a" }, { n: 2, label: "x" });
  // Attribute set (2 → 20), then the schema's (20 → 21): not 30, the schema's set before the attribute's.
  expect(await storedCounter("a")).toEqual({ id: { S: "a" }, n: { N: "21" }, label: { S: "x" } });
  expect(schemaSaw).toContainEqual({ n: 20, label: "x" });

  await dynamodel.transaction([Counter.transaction.update({ id: "a" }, { n: 3 })]);
  expect(await storedCounter("a")).toEqual({ id: { S: "a" }, n: { N: "31" }, label: { S: "x" } });

  // A value the schema's set makes unfit is refused, naming the attribute, and nothing is written.
  const Unfit = dynamodel.model(
    "UpdateSetOrderUnfit",
    new Schema({ id: String, n: Number }, { set: (item) => ({ ...item, n: "many" }) }),
    { tableName: orderTable, create: false },
  );
  await expect(Unfit.update({ id: "a" }, { n: 4 })).rejects.toThrow('"n" must be of type number');
  expect(await storedCounter("a")).toEqual({ id: { S: "a" }, n: { N: "31" }, label: { S: "x" } });
});

it("after the schema's set, an update fills in no default again and keeps names and unknowns as a save does", async () => {
  const table = uniqueTableName("updateAfterSet");
  let defaultCalls = 0;
  const schemaSaw: Record<string, unknown>[] = [];
  const Doc = dynamodel.model(
    "UpdateAfterSetDoc",
    new Schema(
      {
        id: String,
        email: { type: String, alias: "mail" },
        first: String,
        last: String,
        full: dynamodel.type.COMBINE(["first", "last"], " "),
        meta: {
          type: Object,
          schema: {
            a: String,
            tag: { type: String, default: "D", forceDefault: true, set: (value) => `${value as string}-set` },
            stamp: { type: String, default: () => `d${(defaultCalls += 1)}` },
          },
        },
      },
      {
        saveUnknown: ["free"],
        set: (item) => {
          schemaSaw.push({ ...item });
          const meta = item.meta as Record<string, unknown> | undefined;
          return meta === undefined ? item : { ...item, meta: { a: meta.a, tag: meta.tag } };
        },
      },
    ),
    { tableName: table, throughput: "ON_DEMAND" },
  );
  const storedDoc = (id: string) => storedItem(table, { id: { S: id } });

  await Doc.create({ id: "saved", meta: { a: "x" } });
  const savedCalls = defaultCalls;
  await Doc.update({ id: "updated" }, { meta: { a: "x" } });
  // The same stored map both ways: the forced default through the attribute's set, the dropped default
  // not put back, and its function called once per write.
  expect((await storedDoc("updated"))?.meta).toEqual((await storedDoc("saved"))?.meta);
  expect((await storedDoc("updated"))?.meta).toEqual({ M: { a: { S: "x" }, tag: { S: "D-set" } } });
  expect(defaultCalls).toBe(savedCalls * 2);

  // An unknown attribute saveUnknown keeps is shown to the schema's set, as on a save; a value given for a
  // COMBINE attribute is not (it is only ever computed).
  schemaSaw.length = 0;
  await Doc.update({ id: "updated" }, { free: "f", first: "Ann", last: "Lee", full: "ignored" } as never);
  expect(schemaSaw.at(-1)).toEqual({ free: "f", first: "Ann", last: "Lee" });
  expect(await storedDoc("updated")).toMatchObject({ free: { S: "f" }, full: { S: "Ann Lee" } });

  // A wrong type given by alias is named by the attribute's name, as without a schema set.
  await expect(Doc.update({ id: "updated" }, { mail: 5 } as never)).rejects.toThrow(
    '"email" must be of type string (got 5)',
  );
});

it("with a schema set, a flattened sub-attribute is still updated by its path, and undefined from the set leaves a value out", async () => {
  const table = uniqueTableName("updateSetFlat");
  const Place = dynamodel.model(
    "UpdateSetFlatPlace",
    new Schema(
      {
        id: String,
        n: { type: Number, default: 7 },
        note: String,
        addr: { type: Object, storage: "flatten", prefix: "addr_", schema: { city: String, zip: String } },
      },
      { set: (item) => (item.note === "drop n" ? { ...item, n: undefined } : item) },
    ),
    { tableName: table, throughput: "ON_DEMAND" },
  );
  const storedPlace = (id: string) => storedItem(table, { id: { S: id } });
  await Place.create({ id: "p", n: 1, addr: { city: "Bergen", zip: "5003" } });
  await Place.update({ id: "p" }, { "addr.city": "Oslo" });
  expect(await storedPlace("p")).toEqual({
    id: { S: "p" },
    n: { N: "1" },
    addr_city: { S: "Oslo" },
    addr_zip: { S: "5003" },
  });
  // The schema's set takes `n` out: it is not written (nor set to its default), as a save leaves it out.
  await Place.update({ id: "p" }, { n: 2, note: "drop n" });
  expect(await storedPlace("p")).toMatchObject({ n: { N: "1" }, note: { S: "drop n" } });
});
