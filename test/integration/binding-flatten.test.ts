// A table shared by several models without an entity attribute gives each item read to the model whose
// schemas know most of its attribute names. A flattened object (`storage: "flatten"`) is stored under
// `prefix + sub-name` attributes, and those names count for its model too.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const key = { pk: { type: String, hashKey: true }, sk: { type: String, rangeKey: true } } as const;
const Person = dynamodel.model(
  "BindingFlattenPerson",
  new Schema({
    ...key,
    name: String,
    address: {
      type: Object,
      storage: "flatten",
      prefix: "addr_",
      schema: { city: String, zip: String, street: String },
    },
  }),
);
// Knows as many of a person's top-level names (pk, sk, name) as the person's schema does: only the
// flattened names tell a person's item apart.
const Note = dynamodel.model("BindingFlattenNote", new Schema({ ...key, name: String, label: String }));
const tableName = uniqueTableName("bindingFlatten");
new dynamodel.Table(tableName, [Person, Note], { throughput: "ON_DEMAND" });

describe("shared tables and flattened attributes", () => {
  beforeAll(async () => {
    await Person.create({
      pk: "p",
      sk: "a",
      name: "Ann",
      address: { city: "Oslo", zip: "0150", street: "Storgata" },
    });
    await Note.create({ pk: "p", sk: "n", name: "Ann", label: "todo" });
  });

  it("stores the flattened object as top-level attributes", async () => {
    const { Item } = await rawClient().getItem({
      TableName: tableName,
      Key: { pk: { S: "p" }, sk: { S: "a" } },
    });
    expect(Object.keys(Item!).sort()).toEqual(["addr_city", "addr_street", "addr_zip", "name", "pk", "sk"]);
  });

  it("reads a flattened model's item as that model, even through another model of the table", async () => {
    const items = await Note.query("pk").eq("p").exec();
    expect(items.map((item) => [item.sk, item.constructor])).toEqual([
      ["a", Person],
      ["n", Note],
    ]);
    const person = items[0] as unknown as Record<string, unknown>;
    expect(person.address).toEqual({ city: "Oslo", zip: "0150", street: "Storgata" });
    expect(await Note.get({ pk: "p", sk: "a" })).toBeInstanceOf(Person);
  });

  it("still gives the other model's items to it when read through the flattened model", async () => {
    const items = await Person.scan().exec();
    expect(items.map((item) => [item.sk, item.constructor]).sort()).toEqual([
      ["a", Person],
      ["n", Note],
    ]);
  });
});

describe("a multi-schema model with a flattened attribute", () => {
  const Place = dynamodel.model(
    "BindingFlattenPlace",
    [
      new Schema({ id: { type: String, hashKey: true }, kind: String, name: String }),
      new Schema({
        id: { type: String, hashKey: true },
        kind: String,
        address: { type: Object, storage: "flatten", prefix: "addr_", schema: { city: String, zip: String } },
      }),
    ],
    { tableName: uniqueTableName("bindingFlattenSchemas") },
  );

  it("reads an item of the flattened schema with that schema, rebuilding the object", async () => {
    await Place.create({ id: "x", kind: "place", address: { city: "Oslo", zip: "0150" } });
    expect((await Place.get("x"))?.toJSON()).toEqual({
      id: "x",
      kind: "place",
      address: { city: "Oslo", zip: "0150" },
    });
    const [scanned] = await Place.scan().exec();
    expect((scanned as unknown as Record<string, unknown>).address).toEqual({ city: "Oslo", zip: "0150" });
  });
});
