// item.delete() deletes the item by the key it is stored under (SPEC §4). A key attribute with a `set`
// function holds what `set` made of it once the item is stored; running `set` again would name another
// key, delete nothing and report nothing.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("itemDeleteKey");
const Prefixed = dynamodel.model(
  "ItemDeleteKeyPrefixed",
  new Schema({
    id: { type: String, set: (value: string) => `p#${value}` },
    sort: { type: String, rangeKey: true, set: (value: string) => `s#${value}` },
    n: Number,
  }),
  { tableName, throughput: "ON_DEMAND" },
);

async function storedIds(): Promise<string[]> {
  const { Items } = await rawClient().scan({ TableName: tableName });
  return (Items ?? []).map((item) => `${item.id?.S}/${item.sort?.S}`).sort();
}

it("deletes a read item by its stored key", async () => {
  await Prefixed.create({ id: "read", sort: "1", n: 1 });
  expect(await storedIds()).toContain("p#read/s#1");

  const read = (await Prefixed.get({ id: "read", sort: "1" }))!;
  expect(read.id).toBe("p#read");
  expect(await read.delete({ return: "request" })).toMatchObject({
    Key: { id: { S: "p#read" }, sort: { S: "s#1" } },
  });
  await read.delete();
  expect(await storedIds()).not.toContain("p#read/s#1");
});

it("deletes a created (saved) item by its stored key, also after other changes", async () => {
  const created = await Prefixed.create({ id: "made", sort: "2", n: 1 });
  created.n = 2; // not a key attribute: the stored key still names the item
  await created.delete();
  expect(await storedIds()).not.toContain("p#made/s#2");
});

it("converts the key of an item never stored, or whose key changed, as save() would store it", async () => {
  const fresh = new Prefixed({ id: "fresh", sort: "3" });
  expect(await fresh.delete({ return: "request" })).toMatchObject({
    Key: { id: { S: "p#fresh" }, sort: { S: "s#3" } },
  });

  const moved = (await Prefixed.create({ id: "old", sort: "4" }))!;
  moved.id = "new";
  expect(await moved.delete({ return: "request" })).toMatchObject({
    Key: { id: { S: "p#new" }, sort: { S: "s#4" } },
  });
  expect(await storedIds()).toContain("p#old/s#4");
});

it("Model.delete(key) still runs set on the key it is given", async () => {
  await Prefixed.create({ id: "byKey", sort: "5" });
  await Prefixed.delete({ id: "byKey", sort: "5" });
  expect(await storedIds()).not.toContain("p#byKey/s#5");
});

it("looks only at the key: other attributes that no longer fit the schema do not stop the delete", async () => {
  await Prefixed.create({ id: "legacy", sort: "6", n: 1 });
  // Stored data of another type (written before the schema changed), and a value the caller broke.
  await rawClient().updateItem({
    TableName: tableName,
    Key: { id: { S: "p#legacy" }, sort: { S: "s#6" } },
    UpdateExpression: "SET n = :old",
    ExpressionAttributeValues: { ":old": { S: "old" } },
  });
  const read = (await Prefixed.get({ id: "legacy", sort: "6" }))!;
  (read as unknown as Record<string, unknown>).n = "broken";
  await read.delete();
  expect(await storedIds()).not.toContain("p#legacy/s#6");
});
