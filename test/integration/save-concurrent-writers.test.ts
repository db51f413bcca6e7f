// Saving an item read from the table while others write it (SPEC §4): "attributes written meanwhile by
// others survive", also when the item has no changes, and the fallback for an item deleted meanwhile
// re-creates it without overwriting an item someone else wrote again in between.
import dynamodel, { Condition } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("SaveConcurrent");
const Note = dynamodel.model("SaveConcurrentNote", { id: String, text: String, n: Number }, { tableName });
const key = (id: string) => ({ id: { S: id } });

/** Another writer: sets `other` and `n` on the stored item, through the raw SDK. */
async function writeByOthers(id: string): Promise<void> {
  await rawClient().updateItem({
    TableName: tableName,
    Key: key(id),
    UpdateExpression: "SET #other = :other, n = :n",
    ExpressionAttributeNames: { "#other": "other" },
    ExpressionAttributeValues: { ":other": { S: "byOthers" }, ":n": { N: "7" } },
  });
}

/** The DynamoDB operations sent for the model while `run` runs. */
async function operationsOf(model: { use: typeof Note.use }, run: () => Promise<unknown>): Promise<string[]> {
  const operations: string[] = [];
  const remove = model.use(async (call, next) => {
    operations.push(call.operation);
    return next();
  });
  try {
    await run();
  } finally {
    remove();
  }
  return operations;
}

describe("an unchanged item read from the table", () => {
  it("saved with a condition checks it without rewriting the item: what others wrote survives", async () => {
    await Note.create({ id: "c1", text: "A", n: 1 });
    const note = (await Note.get("c1"))!;
    await writeByOthers("c1");
    const operations = await operationsOf(Note, () =>
      note.save({ condition: new Condition("text").eq("A") }),
    );
    expect(operations).toEqual(["UpdateItem"]);
    expect(await storedItem(tableName, key("c1"))).toEqual({
      id: { S: "c1" },
      text: { S: "A" },
      n: { N: "7" },
      other: { S: "byOthers" },
    });
    // The condition is still checked.
    await expect(note.save({ condition: new Condition("text").eq("B") })).rejects.toMatchObject({
      name: "ConditionalCheckFailedException",
    });
  });

  it("saved without a condition is written again if it was deleted meanwhile", async () => {
    await Note.create({ id: "c2", text: "A", n: 1 });
    const note = (await Note.get("c2"))!;
    await rawClient().deleteItem({ TableName: tableName, Key: key("c2") });
    const operations = await operationsOf(Note, () => note.save());
    expect(operations).toEqual(["UpdateItem", "PutItem"]);
    expect(await storedItem(tableName, key("c2"))).toEqual({
      id: { S: "c2" },
      text: { S: "A" },
      n: { N: "1" },
    });
  });

  it('answers return: "request" with the request save() sends: an UpdateItem that writes nothing', async () => {
    await Note.create({ id: "c3", text: "A", n: 1 });
    const note = (await Note.get("c3"))!;
    const request = (await note.save({ return: "request" })) as unknown as Record<string, unknown>;
    expect(request).toEqual({
      TableName: tableName,
      Key: key("c3"),
      ConditionExpression: "attribute_exists(#n0)",
      ExpressionAttributeNames: { "#n0": "id" },
      ReturnValuesOnConditionCheckFailure: "ALL_OLD",
    });
  });

  it("in a transaction is a condition check: what others wrote survives", async () => {
    await Note.create({ id: "c4", text: "A", n: 1 });
    const note = (await Note.get("c4"))!;
    await writeByOthers("c4");
    const element = await Note.transaction.create(note);
    expect(Object.keys(element)).toEqual(["ConditionCheck"]);
    await dynamodel.transaction([element]);
    expect((await storedItem(tableName, key("c4")))?.other).toEqual({ S: "byOthers" });
  });
});

describe("the fallback for an item deleted meanwhile", () => {
  it("does not overwrite an item someone wrote again before the fallback put: the changes go onto it", async () => {
    await Note.create({ id: "f1", text: "A", n: 1 });
    const note = (await Note.get("f1"))!;
    await rawClient().deleteItem({ TableName: tableName, Key: key("f1") });
    note.text = "mine";
    // Someone writes the item again between the failed UpdateItem and the fallback PutItem.
    let rewritten = false;
    const remove = Note.use(async (call, next) => {
      if (call.operation === "PutItem" && !rewritten) {
        rewritten = true;
        await rawClient().putItem({
          TableName: tableName,
          Item: { id: { S: "f1" }, text: { S: "theirs" }, other: { S: "byOthers" } },
        });
      }
      return next();
    });
    try {
      await note.save();
    } finally {
      remove();
    }
    // The stored result equals a full overwrite (n is the item's, text its change), plus what they added.
    expect(await storedItem(tableName, key("f1"))).toEqual({
      id: { S: "f1" },
      text: { S: "mine" },
      n: { N: "1" },
      other: { S: "byOthers" },
    });
    expect(note.isDirty()).toBe(false);
  });

  it("checks the caller's condition against an absent item, and writes nothing when it fails", async () => {
    await Note.create({ id: "f2", text: "A", n: 1 });
    const note = (await Note.get("f2"))!;
    await rawClient().deleteItem({ TableName: tableName, Key: key("f2") });
    note.text = "mine";
    await expect(note.save({ condition: new Condition("text").eq("A") })).rejects.toMatchObject({
      name: "ConditionalCheckFailedException",
    });
    expect(await storedItem(tableName, key("f2"))).toBeUndefined();
  });

  it("gives up after three rounds of an item appearing and disappearing, with DynamoDB's conflict", async () => {
    await Note.create({ id: "f3", text: "A", n: 1 });
    const note = (await Note.get("f3"))!;
    await rawClient().deleteItem({ TableName: tableName, Key: key("f3") });
    note.text = "mine";
    // Someone writes the item before each of our PutItems and deletes it before each UpdateItem.
    const operations: string[] = [];
    const remove = Note.use(async (call, next) => {
      operations.push(call.operation);
      if (call.operation === "PutItem") {
        await rawClient().putItem({ TableName: tableName, Item: { id: { S: "f3" }, other: { S: "x" } } });
      } else if (operations.length > 1) {
        await rawClient().deleteItem({ TableName: tableName, Key: key("f3") });
      }
      return next();
    });
    try {
      await expect(note.save()).rejects.toMatchObject({ name: "ConditionalCheckFailedException" });
    } finally {
      remove();
    }
    expect(operations).toEqual(["UpdateItem", "PutItem", "UpdateItem", "PutItem", "UpdateItem", "PutItem"]);
    expect(await storedItem(tableName, key("f3"))).toEqual({ id: { S: "f3" }, other: { S: "x" } });
  });
});

describe("a projected item with nothing changed", () => {
  it("is not written back when it was deleted meanwhile: it holds too little (no made-up defaults)", async () => {
    const Sparse = dynamodel.model(
      "SaveConcurrentSparse",
      { id: String, text: String, n: { type: Number, default: 0 } },
      { tableName: uniqueTableName("SaveConcurrentSparse") },
    );
    await Sparse.create({ id: "p1", text: "A", n: 5 });
    const partial = (await Sparse.get("p1", { attributes: ["id"] }))!;
    await rawClient().deleteItem({ TableName: Sparse.table().name, Key: key("p1") });
    // Without a condition nothing is sent; with one, it is checked and fails on the absent item.
    expect(await operationsOf(Sparse, () => partial.save())).toEqual([]);
    await expect(partial.save({ condition: new Condition("text").exists() })).rejects.toMatchObject({
      name: "ConditionalCheckFailedException",
    });
    expect(await storedItem(Sparse.table().name, key("p1"))).toBeUndefined();
  });
});
