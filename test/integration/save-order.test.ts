// Two saves of one item in flight at once may finish in either order. The save started last is what the
// item's stored image records, so a third save still writes what the table lacks. Before, whichever save
// finished last recorded its state: an older one finishing late made the item believe the table held that.
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import dynamodel, { Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("save-order");
const Counter = dynamodel.model("SaveOrderCounter", new Schema({ id: String, n: Number, note: String }), {
  tableName,
  throughput: "ON_DEMAND",
});
beforeAll(() => Counter.table().initialize());

async function readRaw(id: string): Promise<Record<string, unknown> | undefined> {
  const { Item } = await rawClient().getItem({ TableName: tableName, Key: marshall({ id }) });
  return Item === undefined ? undefined : unmarshall(Item);
}

/** Holds back the response of the first UpdateItem until `release()`; later ones pass. */
function holdFirstUpdate(): { release: () => void; stop: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  const stop = Counter.use(async (call, next) => {
    if (call.operation !== "UpdateItem" || held) return next();
    held = true;
    const result = await next();
    await gate;
    return result;
  });
  return { release, stop };
}

test.each([
  ["the older save finishes last", true],
  ["the saves finish in order", false],
])("%s: the item records the newer save, and a later save writes what is missing", async (_, late) => {
  const id = late ? "late" : "in-order";
  await Counter.create({ id, n: 1, note: "a" });
  const item = (await Counter.get(id))!;
  const { release, stop } = holdFirstUpdate();
  try {
    item.n = 2;
    const older = item.save();
    await new Promise((resolve) => setTimeout(resolve, 50)); // the older UpdateItem is on its way
    item.n = 3;
    item.note = "b";
    if (!late) release();
    const newer = item.save();
    await (late ? newer : older);
    release();
    await Promise.all([older, newer]);
  } finally {
    stop();
  }
  expect(await readRaw(id)).toEqual({ id, n: 3, note: "b" });
  expect(item.isDirty()).toBe(false);
  expect(item.original()).toEqual({ id, n: 3, note: "b" });

  // Back to a value only the older save sent: a change, since the table holds 3.
  item.n = 2;
  expect(item.modifiedPaths()).toEqual(["n"]);
  await item.save();
  expect(await readRaw(id)).toEqual({ id, n: 2, note: "b" });
});

test("a request only shown, or a transaction element never sent, does not count as a newer save", async () => {
  await Counter.create({ id: "shown", n: 1 });
  const item = (await Counter.get("shown"))!;
  item.n = 5;
  const saving = item.save();
  await item.save({ return: "request" });
  await Counter.transaction.create(item);
  await saving;
  expect(item.isDirty()).toBe(false);
  expect(item.original()).toEqual({ id: "shown", n: 5 });
});

test("when the newer save fails, the item records what the older one wrote", async () => {
  await Counter.create({ id: "failed", n: 1, note: "a" });
  const item = (await Counter.get("failed"))!;
  const { release, stop } = holdFirstUpdate();
  try {
    item.n = 2;
    const older = item.save();
    await new Promise((resolve) => setTimeout(resolve, 50));
    item.note = "b";
    const newer = item.save({ condition: new dynamodel.Condition("n").eq(99) });
    await expect(newer).rejects.toMatchObject({ name: "ConditionalCheckFailedException" });
    release();
    await older;
  } finally {
    stop();
  }
  expect(await readRaw("failed")).toEqual({ id: "failed", n: 2, note: "a" });
  expect(item.original()).toEqual({ id: "failed", n: 2, note: "a" });
  expect(item.modifiedPaths()).toEqual(["note"]);
  await item.save();
  expect(await readRaw("failed")).toEqual({ id: "failed", n: 2, note: "b" });
  expect(item.isDirty()).toBe(false);
});

test("optimistic locking: when the older save wins the race, the item keeps its version", async () => {
  const Doc = dynamodel.model(
    "SaveOrderDoc",
    new Schema({ id: String, a: Number, b: Number }, { version: true }),
    {
      tableName: uniqueTableName("save-order-v"),
      throughput: "ON_DEMAND",
    },
  );
  await Doc.table().initialize();
  await Doc.create({ id: "v" });
  const item = (await Doc.get("v"))!;
  // Both are planned against version 1; the newer is held until the older is stored, so it fails on the version.
  let olderStored!: () => void;
  const stored = new Promise<void>((resolve) => (olderStored = resolve));
  let updates = 0;
  const stop = Doc.use(async (call, next) => {
    if (call.operation !== "UpdateItem") return next();
    updates += 1;
    if (updates === 1) {
      const result = await next();
      olderStored();
      return result;
    }
    await stored;
    return next();
  });
  item.a = 1;
  const older = item.save();
  item.b = 2;
  const newer = item.save();
  const [first, second] = await Promise.allSettled([older, newer]).finally(stop);
  expect(first.status).toBe("fulfilled");
  expect(second).toMatchObject({ status: "rejected", reason: { name: "ConditionalCheckFailedException" } });
  const { Item } = await rawClient().getItem({ TableName: Doc.table().name, Key: marshall({ id: "v" }) });
  expect(unmarshall(Item!)).toEqual({ id: "v", a: 1, version: 2 });
  expect(item.version).toBe(2);
  expect(item.modifiedPaths()).toEqual(["b"]);
  await item.save();
  expect(
    unmarshall(
      (await rawClient().getItem({ TableName: Doc.table().name, Key: marshall({ id: "v" }) })).Item!,
    ),
  ).toEqual({
    id: "v",
    a: 1,
    b: 2,
    version: 3,
  });
});
