// An item whose own delete went through (`item.delete()`, `Model.delete(item)`) is saved as a new item: one
// PutItem of the whole item, as Dynamoose saves every item. Before, the save sent an UpdateItem of its
// changes, which landed on whatever someone else had created under the key since, while the item still
// showed its own attributes.
import { unmarshall } from "@aws-sdk/util-dynamodb";
import dynamodel, { Condition, Schema } from "dynamodel";
import { outcomeAndOperationsSent, rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("SaveAfterDelete");
const Pet = dynamodel.model(
  "SaveAfterDeletePet",
  new Schema(
    {
      id: String,
      name: String,
      code: { type: String, set: (code: string) => `#${code}` },
      visits: { type: Number, default: 0 },
    },
    { timestamps: true },
  ),
  { tableName },
);
const lockedTable = uniqueTableName("SaveAfterDeleteLocked");
const Locked = dynamodel.model(
  "SaveAfterDeleteLocked",
  new Schema({ id: String, name: String }, { version: true }),
  { tableName: lockedTable },
);
beforeAll(() => Promise.all([Pet.table().initialize(), Locked.table().initialize()]));

const key = (id: string) => ({ id: { S: id } });

async function stored(table: string, id: string): Promise<Record<string, unknown> | undefined> {
  const { Item } = await rawClient().getItem({ TableName: table, Key: key(id), ConsistentRead: true });
  return Item === undefined ? undefined : unmarshall(Item);
}

/** Someone else creates an item under the key. */
async function createdByOthers(table: string, id: string): Promise<void> {
  await rawClient().putItem({
    TableName: table,
    Item: { id: { S: id }, name: { S: "theirs" }, extra: { S: "E" } },
  });
}

const asyncTable = uniqueTableName("SaveAfterDeleteAsync");
const Shouting = dynamodel.model(
  "SaveAfterDeleteShouting",
  { id: { type: String, get: async (id: string) => id.toUpperCase() }, n: Number },
  { tableName: asyncTable },
);
let failing = false;
const Fragile = dynamodel.model(
  "SaveAfterDeleteFragile",
  {
    id: {
      type: String,
      get: async (id: string) => {
        if (failing) throw new Error("get failed");
        return id.toUpperCase();
      },
    },
    n: Number,
  },
  { tableName: asyncTable },
);
beforeAll(() => Shouting.table().initialize());

/** Someone else adds an attribute to the stored item. */
async function addedByOthers(id: string): Promise<void> {
  await rawClient().updateItem({
    TableName: tableName,
    Key: key(id),
    UpdateExpression: "SET extra = :e",
    ExpressionAttributeValues: { ":e": { S: "E" } },
  });
}

describe("deleting a read item whose hash key has an asynchronous get", () => {
  it("deletes the key it is stored under, not its display value", async () => {
    await Shouting.create({ id: "abc", n: 1 });
    const item = (await Shouting.get("abc"))!;
    expect(item.id).toBe("ABC");
    await item.delete();
    expect(await stored(asyncTable, "abc")).toBeUndefined();
  });

  it("rejects with the get's error when the get rejects, deleting nothing", async () => {
    await Fragile.create({ id: "abc", n: 1 });
    const item = (await Fragile.get("abc"))!;
    failing = true;
    try {
      await expect(item.delete()).rejects.toThrow("get failed");
    } finally {
      failing = false;
    }
    expect(await stored(asyncTable, "abc")).toEqual({ id: "abc", n: 1 });
  });
});

describe("saving an item after its own delete", () => {
  it("puts the whole item over what someone else created under its key since", async () => {
    await Pet.create({ id: "p1", name: "Rex", code: "7", visits: 3 });
    const pet = (await Pet.get("p1"))!;
    const createdAt = pet.createdAt!;
    await pet.delete();
    await createdByOthers(tableName, "p1");
    pet.visits = 4;
    const { error, sent } = await outcomeAndOperationsSent(() => pet.save());
    expect(error).toBeUndefined();
    expect(sent).toEqual(["PutItem"]);
    const row = await stored(tableName, "p1");
    // The `set` did not run again on the value the item read ("#7" stays "#7"); createdAt is kept.
    expect(row).toEqual({
      id: "p1",
      name: "Rex",
      code: "#7",
      visits: 4,
      createdAt: createdAt.getTime(),
      updatedAt: pet.updatedAt!.getTime(),
    });
    expect(pet.updatedAt!.getTime()).toBeGreaterThanOrEqual(createdAt.getTime());
    expect(pet.toJSON()).toEqual({
      ...row,
      createdAt: createdAt.toISOString(),
      updatedAt: pet.updatedAt!.toISOString(),
    });
    expect(pet.isDirty()).toBe(false);
    // From then on it is an item stored again: a change is an UpdateItem.
    pet.visits = 5;
    expect((await outcomeAndOperationsSent(() => pet.save())).sent).toEqual(["UpdateItem"]);
    expect((await stored(tableName, "p1"))!.visits).toBe(5);
  });

  it("puts it at once when nothing was created since (no UpdateItem that fails first)", async () => {
    const pet = await Pet.create({ id: "p2", name: "Rex", code: "7" });
    await pet.delete();
    const { sent } = await outcomeAndOperationsSent(() => pet.save());
    expect(sent).toEqual(["PutItem"]);
    expect(await stored(tableName, "p2")).toMatchObject({ id: "p2", name: "Rex", code: "#7", visits: 0 });
  });

  it("after Model.delete(item) too", async () => {
    await Pet.create({ id: "p3", name: "Rex", code: "7" });
    const pet = (await Pet.get("p3"))!;
    await Pet.delete(pet);
    await createdByOthers(tableName, "p3");
    await pet.save();
    expect(await stored(tableName, "p3")).toMatchObject({ id: "p3", name: "Rex", code: "#7" });
    expect((await stored(tableName, "p3"))!.extra).toBeUndefined();
  });

  it("not after a delete that failed its condition, or one only asked for its request", async () => {
    await Pet.create({ id: "p4", name: "Rex", code: "7" });
    const pet = (await Pet.get("p4"))!;
    await expect(pet.delete({ condition: new Condition("name").eq("Max") })).rejects.toMatchObject({
      name: "ConditionalCheckFailedException",
    });
    await pet.delete({ return: "request" });
    pet.visits = 9;
    await addedByOthers("p4");
    const { sent } = await outcomeAndOperationsSent(() => pet.save());
    expect(sent).toEqual(["UpdateItem"]);
    expect(await stored(tableName, "p4")).toMatchObject({ visits: 9, extra: "E" });
  });

  it("not after a delete of another key the caller gave the item: the item it was read as is still stored", async () => {
    await Pet.create({ id: "k1", name: "Rex", code: "7" });
    await Pet.create({ id: "k2", name: "Max", code: "8" });
    const pet = (await Pet.get("k1"))!;
    pet.id = "k2";
    await pet.delete(); // deletes k2, the key the item now holds
    expect(await stored(tableName, "k2")).toBeUndefined();
    pet.id = "k1";
    pet.visits = 6;
    await addedByOthers("k1");
    const { sent } = await outcomeAndOperationsSent(() => pet.save());
    expect(sent).toEqual(["UpdateItem"]);
    expect(await stored(tableName, "k1")).toMatchObject({ id: "k1", visits: 6, extra: "E" });
  });

  it("writes an item read with attributes as a new item: defaults fill what it did not read", async () => {
    await Pet.create({ id: "p5", name: "Rex", code: "7", visits: 3 });
    const pet = (await Pet.get("p5", { attributes: ["id", "name", "code"] }))!;
    await pet.delete();
    await pet.save();
    const row = await stored(tableName, "p5");
    expect(row).toMatchObject({ id: "p5", name: "Rex", code: "#7", visits: 0 });
  });

  it("under optimistic locking, creates it again with version 1, or fails if someone else did", async () => {
    await Locked.create({ id: "v1", name: "first" });
    const doc = (await Locked.get("v1"))!;
    await doc.delete();
    await doc.save();
    expect(await stored(lockedTable, "v1")).toEqual({ id: "v1", name: "first", version: 1 });
    expect(doc.version).toBe(1);

    await doc.delete();
    await createdByOthers(lockedTable, "v1");
    const before = await stored(lockedTable, "v1");
    await expect(doc.save()).rejects.toMatchObject({ name: "ConditionalCheckFailedException" });
    expect(await stored(lockedTable, "v1")).toEqual(before);
  });
});
