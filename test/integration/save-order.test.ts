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

test("a request only shown does not count as a newer save", async () => {
  await Counter.create({ id: "shown", n: 1 });
  const item = (await Counter.get("shown"))!;
  item.n = 5;
  const saving = item.save();
  await item.save({ return: "request" });
  await saving;
  expect(item.isDirty()).toBe(false);
  expect(item.original()).toEqual({ id: "shown", n: 5 });
});

test("when the newer save fails, the item keeps its earlier image and the next save writes the changes again", async () => {
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
  expect(item.original()).toEqual({ id: "failed", n: 1, note: "a" });
  expect(item.modifiedPaths().sort()).toEqual(["n", "note"]);
  await item.save();
  expect(await readRaw("failed")).toEqual({ id: "failed", n: 2, note: "b" });
  expect(item.isDirty()).toBe(false);
});
