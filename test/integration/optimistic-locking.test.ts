import { unmarshall } from "@aws-sdk/util-dynamodb";
import dynamodel, { InvalidParameter, Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("locking");
const Doc = dynamodel.model(
  "LockedDoc",
  new Schema({ id: String, title: String, count: Number }, { version: true }),
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

describe("optimistic locking", () => {
  it("create sets version 1 and requires the item to be absent", async () => {
    const doc = await Doc.create({ id: "a", title: "first" });
    expect(doc.version).toBe(1);
    expect(await stored("a")).toEqual({ id: "a", title: "first", version: 1 });
    await expect(Doc.create({ id: "a", title: "again" })).rejects.toMatchObject({
      name: "ConditionalCheckFailedException",
      item: { id: "a", title: "first", version: 1 },
    });
    // The first save of a new item is a create too: it never overwrites a versioned item.
    await expect(new Doc({ id: "a", title: "blind" }).save()).rejects.toMatchObject({
      name: "ConditionalCheckFailedException",
    });
    expect((await stored("a"))!.title).toBe("first");
  });

  it("save increments the version and requires the one it read; the loser gets the stored item", async () => {
    await Doc.create({ id: "b", title: "v1" });
    const mine = (await Doc.get("b"))!;
    const theirs = (await Doc.get("b"))!;
    theirs.title = "theirs";
    await theirs.save();
    expect(theirs.version).toBe(2);
    mine.title = "mine";
    const error = await mine.save().then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toMatchObject({ name: "ConditionalCheckFailedException" });
    const winner = (error as { item?: { title?: string; version?: number } }).item;
    expect(winner?.title).toBe("theirs");
    expect(winner?.version).toBe(2);
    expect(winner).toBeInstanceOf(Doc);
    expect(await stored("b")).toMatchObject({ title: "theirs", version: 2 });
  });

  it("an unchanged item saves nothing and keeps its version", async () => {
    await Doc.create({ id: "c", title: "same" });
    const doc = (await Doc.get("c"))!;
    await doc.save();
    expect((await stored("c"))!.version).toBe(1);
  });

  it("Model.update increments the version, and requires it only when the update names it", async () => {
    await Doc.create({ id: "d", title: "x" });
    const updated = await Doc.update("d", { title: "y" });
    expect(updated.version).toBe(2);
    await Doc.update("d", { title: "z", version: 2 });
    expect(await stored("d")).toMatchObject({ title: "z", version: 3 });
    const error = await Doc.update("d", { title: "stale", version: 2 }).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toMatchObject({
      name: "ConditionalCheckFailedException",
      item: { title: "z", version: 3 },
    });
    // `as never`: the types refuse it already; untyped code gets the InvalidParameter.
    await expect(Doc.update("d", { $ADD: { version: 5 } } as never)).rejects.toThrow(InvalidParameter);
    expect((await stored("d"))!.version).toBe(3);
  });

  it("20 concurrent updaters: the final version counts the saves that succeeded; every loser conflicted", async () => {
    await Doc.create({ id: "race", count: 0 });
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, async (_, index) => {
        const doc = (await Doc.get("race", { consistent: true }))!;
        doc.count = (doc.count ?? 0) + 1;
        doc.title = `writer ${index}`;
        try {
          await doc.save();
          return "saved";
        } catch (error) {
          return (error as Error).name;
        }
      }),
    );
    const saved = outcomes.filter((outcome) => outcome === "saved").length;
    expect(saved).toBeGreaterThanOrEqual(1);
    expect(outcomes.every((o) => o === "saved" || o === "ConditionalCheckFailedException")).toBe(true);
    const final = await stored("race");
    // The create was the first save.
    expect(final!.version).toBe(1 + saved);
    expect(final!.count).toBe(saved);
  });

  it("batchPut writes version 1 to objects without one and keeps a version an object carries", async () => {
    await Doc.create({ id: "bp-loaded", title: "v1" });
    await Doc.update("bp-loaded", { title: "v2" });
    const loaded = (await Doc.get("bp-loaded"))!;
    expect(loaded.version).toBe(2);
    loaded.title = "re-put";

    await Doc.batchPut([{ id: "bp-new", title: "n" }, { id: "bp-given", title: "g", version: 9 }, loaded]);
    expect(await stored("bp-new")).toEqual({ id: "bp-new", title: "n", version: 1 });
    expect(await stored("bp-given")).toEqual({ id: "bp-given", title: "g", version: 9 });
    expect(await stored("bp-loaded")).toEqual({ id: "bp-loaded", title: "re-put", version: 2 });
  });

  it("deleting a loaded item requires the version it read: item.delete(), Model.delete(item), transaction", async () => {
    for (const id of ["del-a", "del-b", "del-c"]) await Doc.create({ id, title: "v1" });
    const stale = await Promise.all(["del-a", "del-b", "del-c"].map(async (id) => (await Doc.get(id))!));
    for (const id of ["del-a", "del-b", "del-c"]) await Doc.update(id, { title: "v2" });

    await expect(stale[0]!.delete()).rejects.toMatchObject({
      name: "ConditionalCheckFailedException",
      item: { id: "del-a", title: "v2", version: 2 },
    });
    await expect(Doc.delete(stale[1]!)).rejects.toMatchObject({ name: "ConditionalCheckFailedException" });
    await expect(dynamodel.transaction([Doc.transaction.delete(stale[2]!)])).rejects.toMatchObject({
      name: "TransactionCanceledError",
    });
    for (const id of ["del-a", "del-b", "del-c"])
      expect(await stored(id)).toMatchObject({ title: "v2", version: 2 });

    const fresh = await Promise.all(["del-a", "del-b", "del-c"].map(async (id) => (await Doc.get(id))!));
    await fresh[0]!.delete();
    await Doc.delete(fresh[1]!);
    await dynamodel.transaction([Doc.transaction.delete(fresh[2]!)]);
    for (const id of ["del-a", "del-b", "del-c"]) expect(await stored(id)).toBeUndefined();
  });

  it("deleting by key, or an item read without its version, checks no version", async () => {
    await Doc.create({ id: "del-key", title: "v1" });
    await Doc.update("del-key", { title: "v2" });
    await Doc.delete("del-key");
    expect(await stored("del-key")).toBeUndefined();

    await Doc.create({ id: "del-partial", title: "v1" });
    const partial = (await Doc.get("del-partial", { attributes: ["id", "title"] }))!;
    await Doc.update("del-partial", { title: "v2" });
    await partial.delete(); // as a keys-only index read and delete would: it has no version to require
    expect(await stored("del-partial")).toBeUndefined();
  });
});
