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
async function operationsOf(run: () => Promise<unknown>): Promise<string[]> {
  const operations: string[] = [];
  const remove = Note.use(async (call, next) => {
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
    const operations = await operationsOf(() => note.save({ condition: new Condition("text").eq("A") }));
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
    const operations = await operationsOf(() => note.save());
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
    expect(await storedItem(tableName, key("f1"))).toEqual({
      id: { S: "f1" },
      text: { S: "mine" },
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
});
