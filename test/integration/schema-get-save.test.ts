// What a schema's own `get` makes of an item is the item, as in Dynamoose (docs/schema.md): a save writes
// it. So a schema `get`/`set` pair (decode on read, encode on write) round-trips, and a `get` alone is
// stored by a save of the item it showed.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const encode = (text: string) => Buffer.from(text).toString("base64");
const decode = (text: string) => Buffer.from(text, "base64").toString();
const key = (id: string) => ({ id: { S: id } });

it("a schema get/set pair round-trips: reading and saving, changed or not, stores the encoded value once", async () => {
  const Vault = dynamodel.model(
    "SchemaGetSetVault",
    new Schema(
      { id: String, secret: String, age: Number },
      {
        get: (item: Record<string, unknown>) => ({ ...item, secret: decode(String(item.secret)) }),
        set: (item: Record<string, unknown>) => ({ ...item, secret: encode(String(item.secret)) }),
      },
    ),
    { tableName: uniqueTableName("SchemaGetSetVault"), throughput: "ON_DEMAND" },
  );
  await Vault.create({ id: "v", secret: "tom", age: 1 });
  const stored = { id: { S: "v" }, secret: { S: encode("tom") }, age: { N: "1" } };
  expect(await storedItem(Vault.table().name, key("v"))).toEqual(stored);

  const read = (await Vault.get("v"))!;
  expect(read.secret).toBe("tom");
  await read.save();
  expect(await storedItem(Vault.table().name, key("v"))).toEqual(stored);
  const again = (await Vault.get("v"))!;
  again.age = 2;
  await again.save();
  expect(await storedItem(Vault.table().name, key("v"))).toEqual({ ...stored, age: { N: "2" } });
  expect((await Vault.get("v"))?.secret).toBe("tom");
});

it("a schema get alone: the item holds what it showed, and a save writes that", async () => {
  const Person = dynamodel.model(
    "SchemaGetOnly",
    new Schema(
      { id: String, nick: String },
      { get: (item: Record<string, unknown>) => ({ ...item, nick: String(item.nick).toUpperCase() }) },
    ),
    { tableName: uniqueTableName("SchemaGetOnly"), throughput: "ON_DEMAND" },
  );
  await Person.create({ id: "p", nick: "tom" });
  const read = (await Person.get("p"))!;
  expect(read.nick).toBe("TOM");
  expect(read.modifiedPaths()).toEqual(["nick"]);
  await read.save();
  expect(await storedItem(Person.table().name, key("p"))).toEqual({ id: { S: "p" }, nick: { S: "TOM" } });
});
