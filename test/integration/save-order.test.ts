// A save called before the item's previous save settled waits for it, and is planned against what it
// recorded: it writes what changed since, in order. Before, both were planned against the image read, so the
// later one could leave out a change the earlier undid, and a value deleted meanwhile came back.
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

/** Holds back the response of the model's first `operation` until `release()`; later ones pass. */
function holdFirst(
  model: { use: typeof Counter.use },
  operation: "UpdateItem" | "PutItem",
): { release: () => void; stop: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  const stop = model.use(async (call, next) => {
    if (call.operation !== operation || held) return next();
    held = true;
    const result = await next();
    await gate;
    return result;
  });
  return { release, stop };
}

test("a save called before the previous one settled waits for it, then writes what changed since", async () => {
  await Counter.create({ id: "queued", n: 1, note: "a" });
  const item = (await Counter.get("queued"))!;
  const sent: string[] = [];
  const record = Counter.use(async (call, next) => {
    sent.push(call.operation);
    return next();
  });
  const { release, stop } = holdFirst(Counter, "UpdateItem");
  try {
    item.n = 2;
    const older = item.save();
    await new Promise((resolve) => setTimeout(resolve, 50)); // the older UpdateItem is on its way
    item.n = 3;
    item.note = "b";
    const newer = item.save();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).toEqual(["UpdateItem"]); // the newer one waits for the older to settle
    release();
    await Promise.all([older, newer]);
  } finally {
    stop();
    record();
  }
  expect(sent).toEqual(["UpdateItem", "UpdateItem"]);
  expect(await readRaw("queued")).toEqual({ id: "queued", n: 3, note: "b" });
  expect(item.isDirty()).toBe(false);
  expect(item.original()).toEqual({ id: "queued", n: 3, note: "b" });
});

test("an attribute deleted, or a change undone, while a save is in flight is written by the next save", async () => {
  await Counter.create({ id: "undone", n: 1, note: "a" });
  const item = (await Counter.get("undone"))!;
  item.n = 2;
  const first = item.save(); // plans with "note" still there
  delete item.note; // deleted while the first save is in flight
  const second = item.save();
  await Promise.all([first, second]);
  expect(await readRaw("undone")).toEqual({ id: "undone", n: 2 });
  expect(item.isDirty()).toBe(false);

  delete item.note;
  item.n = 5;
  const removing = item.save();
  item.n = 2; // undone before the save settled
  const undoing = item.save();
  await Promise.all([removing, undoing]);
  expect(await readRaw("undone")).toEqual({ id: "undone", n: 2 });
  expect(item.original()).toEqual({ id: "undone", n: 2 });
  expect(item.isDirty()).toBe(false);
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

test("when the earlier save fails, the later one still runs, against what is stored", async () => {
  await Counter.create({ id: "failed", n: 1, note: "a" });
  const item = (await Counter.get("failed"))!;
  item.n = 2;
  const older = item.save({ condition: new dynamodel.Condition("n").eq(99) });
  item.note = "b";
  const newer = item.save();
  await expect(older).rejects.toMatchObject({ name: "ConditionalCheckFailedException" });
  await newer;
  expect(await readRaw("failed")).toEqual({ id: "failed", n: 2, note: "b" });
  expect(item.isDirty()).toBe(false);
});

test("optimistic locking: a save waiting for the previous one is planned against the version it stored", async () => {
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
  item.a = 1;
  const older = item.save();
  item.b = 2;
  const newer = item.save();
  await Promise.all([older, newer]);
  const { Item } = await rawClient().getItem({ TableName: Doc.table().name, Key: marshall({ id: "v" }) });
  // Each save took the version the one before it stored: 1 → 2 → 3, no conflict with itself.
  expect(unmarshall(Item!)).toEqual({ id: "v", a: 1, b: 2, version: 3 });
  expect(item.version).toBe(3);
  expect(item.isDirty()).toBe(false);
});

test("a change made while a save is in flight is kept on the item and written by the next save", async () => {
  const Visit = dynamodel.model(
    "SaveOrderVisit",
    new Schema({ id: String, seen: Date, tag: { type: String, set: (value: string) => value.trim() } }),
    { tableName: uniqueTableName("save-order-visit"), throughput: "ON_DEMAND" },
  );
  await Visit.create({ id: "a", seen: new Date(1000), tag: "x" });
  const item = (await Visit.get("a"))!;
  item.seen = new Date(2000);
  item.tag = "y";
  const first = item.save();
  item.seen = new Date(3000); // changed again before the first save settled
  item.tag = " z ";
  const second = item.save();
  await Promise.all([first, second]);
  const { Item } = await rawClient().getItem({ TableName: Visit.table().name, Key: marshall({ id: "a" }) });
  expect(unmarshall(Item!)).toEqual({ id: "a", seen: 3000, tag: "z" });
  expect(item.seen?.getTime()).toBe(3000);
  expect(item.tag).toBe("z");
  expect(item.isDirty()).toBe(false);
});

test("a validate hook that saves the item again does not wait for the save that waits for it", async () => {
  const schema = new Schema({ id: String, n: Number });
  let again = false;
  schema.post("validate", async function () {
    if (again) return;
    again = true;
    await (this as unknown as { save(): Promise<unknown> }).save();
  });
  const Hooked = dynamodel.model("SaveOrderHooked", schema, {
    tableName: uniqueTableName("save-order-hooked"),
    throughput: "ON_DEMAND",
  });
  await Hooked.table().initialize();
  await new Hooked({ id: "h", n: 1 }).save();
  expect(again).toBe(true);
  const { Item } = await rawClient().getItem({ TableName: Hooked.table().name, Key: marshall({ id: "h" }) });
  expect(unmarshall(Item!)).toEqual({ id: "h", n: 1 });
}, 10_000);

test("what the pipeline's own functions change on the item is not the caller's change: the item holds what was stored, set runs once", async () => {
  let calls = 0;
  const schema = new Schema({
    id: String,
    map: {
      type: dynamodel.type.ANY,
      set: (value: Map<string, unknown>) => new Map([...value, ["stamp", "S"]]),
    },
    list: {
      type: dynamodel.type.ANY,
      set: (value: string[]) => value.sort().map((entry) => entry.toLowerCase()),
    },
    due: {
      type: Date,
      set: (value: Date) => {
        calls += 1;
        value.setUTCDate(value.getUTCDate() + 1); // changes its argument, the item's own Date
        return value;
      },
    },
  });
  schema.pre("validate", () => undefined);
  const Task = dynamodel.model("SaveOrderTask", schema, {
    tableName: uniqueTableName("save-order-task"),
    throughput: "ON_DEMAND",
  });
  const item = new Task({
    id: "t",
    map: new Map([["x", 1]]),
    list: ["B", "A"],
    due: new Date("2020-01-01T00:00:00Z"),
  });
  await item.save();
  expect(calls).toBe(1);
  const { Item } = await rawClient().getItem({ TableName: Task.table().name, Key: marshall({ id: "t" }) });
  expect(unmarshall(Item!)).toEqual({
    id: "t",
    map: { x: 1, stamp: "S" },
    list: ["a", "b"],
    due: Date.parse("2020-01-02T00:00:00Z"),
  });
  expect(item.map).toEqual(
    new Map<string, unknown>([
      ["x", 1],
      ["stamp", "S"],
    ]),
  );
  expect(item.list).toEqual(["a", "b"]);
  expect(item.isDirty()).toBe(false);
});

test("a map replaced, or an attribute added, while a save is in flight stays as the caller left it", async () => {
  const Meta = dynamodel.model(
    "SaveOrderMeta",
    new Schema({ id: String, meta: { type: Object, schema: { a: String } } }, { saveUnknown: ["extra"] }),
    { tableName: uniqueTableName("save-order-meta"), throughput: "ON_DEMAND" },
  );
  await Meta.table().initialize();
  const item = new Meta({ id: "m", meta: { a: "x", junk: 1 } } as never);
  const { release, stop } = holdFirst(Meta, "PutItem");
  try {
    const saving = item.save();
    await new Promise((resolve) => setTimeout(resolve, 50));
    item.meta = { a: "caller" };
    (item as unknown as { extra: string }).extra = "added";
    release();
    await saving;
  } finally {
    stop();
  }
  expect(item.meta).toEqual({ a: "caller" });
  expect((item as unknown as { extra: string }).extra).toBe("added");
  expect(item.modifiedPaths().sort()).toEqual(["extra", "meta.a"]);
  await item.save();
  const { Item } = await rawClient().getItem({ TableName: Meta.table().name, Key: marshall({ id: "m" }) });
  expect(unmarshall(Item!)).toEqual({ id: "m", meta: { a: "caller" }, extra: "added" });
});
