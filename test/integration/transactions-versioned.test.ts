// Optimistic locking inside transactions (SPEC §11): the same version rules as single writes.
import { unmarshall } from "@aws-sdk/util-dynamodb";
import dynamodel, { Schema, TransactionCanceledError } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("txVersioned");
const Doc = dynamodel.model(
  "TxVersionedDoc",
  new Schema(
    { id: String, title: String, count: Number },
    { version: true, timestamps: { updatedAt: "at" } },
  ),
  { tableName, throughput: "ON_DEMAND" },
);

async function stored(id: string): Promise<Record<string, unknown> | undefined> {
  const { Item } = await rawClient().getItem({
    TableName: tableName,
    Key: { id: { S: id } },
    ConsistentRead: true,
  });
  return Item ? unmarshall(Item) : undefined;
}

describe("versioned models in transactions", () => {
  it("create writes version 1 and never overwrites", async () => {
    await dynamodel.transaction([Doc.transaction.create({ id: "c1", title: "one" })]);
    expect(await stored("c1")).toEqual({ id: "c1", title: "one", version: 1, at: expect.any(Number) });
    const error = await dynamodel
      .transaction([Doc.transaction.create({ id: "c1", title: "again" }, { overwrite: true })])
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TransactionCanceledError);
    expect((error as TransactionCanceledError).reasons[0]!.code).toBe("ConditionalCheckFailed");
    expect((await stored("c1"))!.title).toBe("one");
  });

  it("an item of the model learns what was written once the transaction succeeded", async () => {
    const doc = new Doc({ id: "n1", title: "new" });
    await dynamodel.transaction([Doc.transaction.create(doc)]);
    expect(doc.version).toBe(1);
    expect(doc.at).toBeInstanceOf(Date);
    expect(doc.isDirty()).toBe(false);
  });

  it("a loaded item is saved with version + 1 and the item records what was written", async () => {
    await Doc.create({ id: "s1", title: "v1" });
    const doc = (await Doc.get("s1"))!;
    doc.title = "v2";
    await dynamodel.transaction([Doc.transaction.create(doc)]);
    expect(await stored("s1")).toEqual(expect.objectContaining({ title: "v2", version: 2 }));
    expect(doc.version).toBe(2);
    expect(doc.isDirty()).toBe(false);
  });

  it("a stale loaded item cancels the transaction; the reason carries the stored item", async () => {
    await Doc.create({ id: "s2", title: "v1" });
    const mine = (await Doc.get("s2"))!;
    const theirs = (await Doc.get("s2"))!;
    theirs.title = "theirs";
    await theirs.save();
    mine.title = "mine";
    const error = (await dynamodel
      .transaction([Doc.transaction.create({ id: "s2-other", title: "x" }), Doc.transaction.create(mine)])
      .catch((caught: unknown) => caught)) as TransactionCanceledError;
    expect(error).toBeInstanceOf(TransactionCanceledError);
    expect(error.reasons[1]).toMatchObject({ code: "ConditionalCheckFailed", key: { id: "s2" } });
    expect(error.reasons[1]!.item).toEqual(expect.objectContaining({ title: "theirs", version: 2 }));
    expect(await stored("s2-other")).toBeUndefined();
    expect(mine.version).toBe(1);
  });

  it("update increments the version and requires a named one", async () => {
    await Doc.create({ id: "u1", title: "v1", count: 0 });
    await dynamodel.transaction([Doc.transaction.update("u1", { $ADD: { count: 1 } })]);
    expect(await stored("u1")).toEqual(expect.objectContaining({ count: 1, version: 2 }));
    const error = (await dynamodel
      .transaction([Doc.transaction.update("u1", { title: "stale", version: 1 })])
      .catch((caught: unknown) => caught)) as TransactionCanceledError;
    expect(error.reasons[0]).toMatchObject({ code: "ConditionalCheckFailed" });
    expect(error.reasons[0]!.item).toEqual(expect.objectContaining({ version: 2, count: 1 }));
  });
});
