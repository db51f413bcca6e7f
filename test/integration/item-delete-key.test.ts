// item.delete() deletes the item by the key it is stored under (SPEC §4), and a stored item given where a
// key is expected (Model.get/delete/update, batchGet/batchDelete, transaction elements) names that key too. A
// key attribute with a `set` function holds what `set` made of it once the item is stored; running `set`
// again would name another key, delete nothing and report nothing.
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

describe("a stored item given where a key is expected names its stored key", () => {
  async function readItem(id: string) {
    await Prefixed.create({ id, sort: "k", n: 1 });
    return (await Prefixed.get({ id, sort: "k" }))!;
  }

  it("Model.delete(item) and Model.get(item)", async () => {
    const read = await readItem("statics");
    expect((await Prefixed.get(read))?.n).toBe(1);
    await Prefixed.delete(read);
    expect(await storedIds()).not.toContain("p#statics/s#k");
  });

  it("batchDelete([item]) and batchGet([item])", async () => {
    const read = await readItem("batch");
    expect((await Prefixed.batchGet([read])).map((item) => item.id)).toEqual(["p#batch"]);
    expect(await Prefixed.batchDelete([read])).toEqual({ unprocessedItems: [] });
    expect(await storedIds()).not.toContain("p#batch/s#k");
  });

  it("transaction.delete(item) and transaction.condition(item, …)", async () => {
    const read = await readItem("txn");
    await dynamodel.transaction([Prefixed.transaction.condition(read, new dynamodel.Condition("n").eq(1))]);
    await dynamodel.transaction([Prefixed.transaction.delete(read)]);
    expect(await storedIds()).not.toContain("p#txn/s#k");
  });

  it("Model.update(item, …) and transaction.update(item, …) update it, creating no other item", async () => {
    const read = await readItem("updated");
    expect(await Prefixed.update(read, { $ADD: { n: 1 } }, { return: "request" })).toMatchObject({
      Key: { id: { S: "p#updated" }, sort: { S: "s#k" } },
    });
    expect((await Prefixed.update(read, { $ADD: { n: 1 } })).n).toBe(2);
    await dynamodel.transaction([Prefixed.transaction.update(read, { $ADD: { n: 1 } })]);
    const { Items } = await rawClient().scan({ TableName: tableName });
    const updated = (Items ?? []).filter((item) => item.id?.S?.endsWith("updated"));
    expect(updated).toEqual([expect.objectContaining({ id: { S: "p#updated" }, n: { N: "3" } })]);
  });

  it("an item whose key changed, or a plain object copied from an item, is converted with set", async () => {
    const read = await readItem("changed");
    read.id = "other";
    expect(await Prefixed.delete(read, { return: "request" })).toMatchObject({
      Key: { id: { S: "p#other" }, sort: { S: "s#k" } },
    });
    expect(await Prefixed.update(read, { n: 5 }, { return: "request" })).toMatchObject({
      Key: { id: { S: "p#other" }, sort: { S: "s#k" } },
    });
    const copy = { ...(await readItem("copied")).toJSON() };
    expect(await Prefixed.batchDelete([copy], { return: "request" })).toMatchObject({
      RequestItems: { [tableName]: [{ DeleteRequest: { Key: { id: { S: "p#p#copied" } } } }] },
    });
  });
});

// The same words and class as `get`'s for a key that gives no hash key, and nothing is deleted.
it("refuses a key without its hash key as get does", async () => {
  await Prefixed.create({ id: "kept", sort: "1", n: 1 });
  for (const [key, got] of [
    [undefined, "undefined"],
    [null, "null"],
    [["kept", "1"], '["kept","1"]'],
  ] as const) {
    const message = `The key must include the hash key "id" (got ${got}).`;
    await expect(Prefixed.get(key as never)).rejects.toThrow(new dynamodel.InvalidParameter(message));
    await expect(Prefixed.delete(key as never)).rejects.toThrow(new dynamodel.InvalidParameter(message));
  }
  expect(await storedIds()).toContain("p#kept/s#1");
});

// A key part the item still holds as read is its stored value; only the part that changed is converted.
// Converting both once refused a hash key whose `get` shows it as another type.
it("converts only the changed key part of a read item, not the one a get shows as another type", async () => {
  const Shown = dynamodel.model(
    "ItemDeleteKeyShown",
    new Schema({
      id: { type: Number, hashKey: true, get: (value: number) => `#${value}` },
      sort: { type: String, rangeKey: true },
    }),
    { tableName: uniqueTableName("itemDeleteKeyShown"), throughput: "ON_DEMAND" },
  );
  await Shown.create({ id: 5, sort: "a" });
  await Shown.create({ id: 5, sort: "b" });
  const read = (await Shown.get({ id: 5, sort: "a" }))!;
  expect(read.id).toBe("#5");
  read.sort = "b";
  expect(await Shown.delete(read, { return: "request" })).toMatchObject({
    Key: { id: { N: "5" }, sort: { S: "b" } },
  });
  expect((await Shown.get(read))?.toJSON()).toEqual({ id: "#5", sort: "b" });
  await Shown.batchDelete([read]);
  const { Items } = await rawClient().scan({ TableName: Shown.table().name });
  expect(Items).toEqual([{ id: { N: "5" }, sort: { S: "a" } }]);
});
