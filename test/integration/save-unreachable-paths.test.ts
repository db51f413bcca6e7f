// A save of an item read from the table changes nested paths only (SET m.a.b). When another writer has
// removed or retyped a map on such a path since the read, DynamoDB refuses the update ("The document path
// provided in the update expression is invalid for update"); the save reads the item again and writes what
// is missing whole, as the item holds it, leaving every other path as others wrote it.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import dynamodel, { Condition, Schema } from "dynamodel";
import { outcomeAndOperationsSent, rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("Unreachable");
const shape = {
  id: String,
  title: String,
  m: { type: Object, schema: { a: { type: Object, schema: { b: Number, c: Number } }, z: Number } },
} as const;
const Doc = dynamodel.model("UnreachableDoc", shape, { tableName });
const Deep = dynamodel.model(
  "UnreachableDeep",
  {
    id: String,
    deep: {
      type: Object,
      schema: { a: { type: Object, schema: { b: { type: Object, schema: { c: Number } } } } },
    },
  },
  { tableName },
);
const expiringTable = uniqueTableName("UnreachableExpiring");
const Expiring = dynamodel.model(
  "UnreachableExpiring",
  {
    id: String,
    m: { type: Object, schema: { a: { type: Object, schema: { b: Number, c: Number } } } },
    n: { type: Object, schema: { x: Number, y: Number } },
  },
  {
    tableName: expiringTable,
    expires: { ttl: 3_600_000, attribute: "ttl", items: { returnExpired: false } },
  },
);
const Listed = dynamodel.model(
  "UnreachableListed",
  {
    id: String,
    m: {
      type: Object,
      schema: { a: { type: Object, schema: { b: Number, l: { type: Array, schema: [Number] } } } },
    },
  },
  { tableName },
);
const lockedTable = uniqueTableName("UnreachableLocked");
const Locked = dynamodel.model("UnreachableLocked", new Schema(shape, { version: true }), {
  tableName: lockedTable,
});
beforeAll(() =>
  Promise.all([Doc.table().initialize(), Locked.table().initialize(), Expiring.table().initialize()]),
);

const key = (id: string) => ({ id: { S: id } });

/** Another writer's raw UpdateItem. */
async function writeByOthers(
  table: string,
  id: string,
  update: string,
  values?: Record<string, AttributeValue>,
): Promise<void> {
  await rawClient().updateItem({
    TableName: table,
    Key: key(id),
    UpdateExpression: update,
    ...(values === undefined ? {} : { ExpressionAttributeValues: values }),
    ...(update.includes("#ttl") ? { ExpressionAttributeNames: { "#ttl": "ttl" } } : {}),
  });
}

async function stored(table: string, id: string): Promise<Record<string, unknown> | undefined> {
  const { Item } = await rawClient().getItem({ TableName: table, Key: key(id), ConsistentRead: true });
  return Item === undefined ? undefined : unmarshall(Item);
}

const first = { title: "first", m: { a: { b: 1, c: 3 }, z: 5 } };

describe("saving a nested change whose map another writer removed or retyped", () => {
  it("writes the removed map as the item holds it; the other writer's other changes survive", async () => {
    await Doc.create({ id: "r1", ...first });
    const doc = (await Doc.get("r1"))!;
    await writeByOthers(tableName, "r1", "REMOVE m.a SET m.z = :z, extra = :o", {
      ":z": { N: "9" },
      ":o": { S: "theirs" },
    });
    doc.m!.a!.b = 2;
    const { error, sent } = await outcomeAndOperationsSent(() => doc.save());
    expect(error).toBeUndefined();
    // The refused update, a read of what the table holds now, the update made valid against it.
    expect(sent).toEqual(["UpdateItem", "GetItem", "UpdateItem"]);
    expect(await stored(tableName, "r1")).toEqual({
      id: "r1",
      title: "first",
      m: { a: { b: 2, c: 3 }, z: 9 },
      extra: "theirs",
    });
    // Saved again, the item saves as usual.
    doc.m!.a!.c = 4;
    doc.title = "second";
    await doc.save();
    expect(await stored(tableName, "r1")).toMatchObject({ title: "second", m: { a: { b: 2, c: 4 }, z: 9 } });
  });

  it("writes the whole top-level attribute when the other writer removed it, with the item's other changes", async () => {
    await Doc.create({ id: "r2", ...first });
    const doc = (await Doc.get("r2"))!;
    await writeByOthers(tableName, "r2", "REMOVE m");
    doc.m!.a!.b = 2;
    doc.title = "changed";
    await doc.save();
    expect(await stored(tableName, "r2")).toEqual({
      id: "r2",
      title: "changed",
      m: { a: { b: 2, c: 3 }, z: 5 },
    });
    expect(doc.toJSON()).toEqual({ id: "r2", title: "changed", m: { a: { b: 2, c: 3 }, z: 5 } });
  });

  it.each([
    ["a string", { S: "text" }],
    ["a number", { N: "7" }],
    ["a list", { L: [{ N: "1" }] }],
  ])("replaces a map the other writer turned into %s", async (_kind, value) => {
    const id = `t-${JSON.stringify(value)}`;
    await Doc.create({ id, ...first });
    const doc = (await Doc.get(id))!;
    await writeByOthers(tableName, id, "SET m.a = :v", { ":v": value });
    doc.m!.a!.b = 2;
    await doc.save();
    expect(await stored(tableName, id)).toEqual({ id, title: "first", m: { a: { b: 2, c: 3 }, z: 5 } });
  });

  it("leaves out a removal below a removed map: nothing is there to remove, and the map stays removed", async () => {
    await Doc.create({ id: "r3", ...first });
    const doc = (await Doc.get("r3"))!;
    await writeByOthers(tableName, "r3", "REMOVE m.a");
    delete doc.m!.a!.b;
    const { error, sent } = await outcomeAndOperationsSent(() => doc.save());
    expect(error).toBeUndefined();
    expect(sent).toEqual(["UpdateItem", "GetItem", "UpdateItem"]);
    expect(await stored(tableName, "r3")).toEqual({ id: "r3", title: "first", m: { z: 5 } });
    expect(doc.isDirty()).toBe(false);
    // A later change inside the map the table lacks writes it as the item holds it.
    doc.m!.a!.c = 4;
    await doc.save();
    expect(await stored(tableName, "r3")).toEqual({ id: "r3", title: "first", m: { a: { c: 4 }, z: 5 } });
  });

  it("with a removal and a value set below the same removed map, writes the map as the item holds it", async () => {
    await Doc.create({ id: "r4", ...first });
    const doc = (await Doc.get("r4"))!;
    await writeByOthers(tableName, "r4", "REMOVE m");
    delete doc.m!.a!.b;
    doc.m!.z = 6;
    await doc.save();
    expect(await stored(tableName, "r4")).toEqual({ id: "r4", title: "first", m: { a: { c: 3 }, z: 6 } });
  });

  it("reads an expired item DynamoDB has not deleted yet as it is stored: what others wrote elsewhere stays", async () => {
    await Expiring.create({ id: "x1", m: { a: { b: 1, c: 3 } }, n: { x: 1, y: 1 } });
    const doc = (await Expiring.get("x1"))!;
    await writeByOthers(expiringTable, "x1", "REMOVE m.a SET n.y = :y, #ttl = :past", {
      ":y": { N: "99" },
      ":past": { N: "1000" },
    });
    doc.m!.a!.b = 2;
    doc.n!.x = 5;
    await doc.save();
    expect(await stored(expiringTable, "x1")).toMatchObject({ m: { a: { b: 2, c: 3 } }, n: { x: 5, y: 99 } });
  });

  it("refuses to write a map holding a list the item read in part, writing nothing", async () => {
    await Listed.create({ id: "l1", m: { a: { b: 1, l: [10, 20, 30] } } });
    const doc = (await Listed.get("l1", { attributes: ["id", "m.a.b", "m.a.l[1]"] }))!;
    await writeByOthers(tableName, "l1", "REMOVE m.a");
    const before = await stored(tableName, "l1");
    doc.m!.a!.b = 3;
    await expect(doc.save()).rejects.toThrow(
      /Cannot save "m\.a\.l": it was read in part .* it cannot be written whole, as "m\.a" now is \(it holds \[20\]\)/,
    );
    expect(await stored(tableName, "l1")).toEqual(before);
  });

  it("an item read with attributes writes only what it read into the missing map", async () => {
    await Doc.create({ id: "p1", ...first });
    const doc = (await Doc.get("p1", { attributes: ["id", "m.a.b"] }))!;
    await writeByOthers(tableName, "p1", "REMOVE m.a");
    doc.m!.a!.b = 4;
    await doc.save();
    expect(await stored(tableName, "p1")).toEqual({ id: "p1", title: "first", m: { a: { b: 4 }, z: 5 } });
  });

  it("keeps the caller's condition on the second update, and a failing one fails the save", async () => {
    await Doc.create({ id: "c1", ...first });
    const doc = (await Doc.get("c1"))!;
    await writeByOthers(tableName, "c1", "REMOVE m.a");
    doc.m!.a!.b = 2;
    const conditions: unknown[] = [];
    const stop = Doc.use(async (call, next) => {
      if (call.operation === "UpdateItem")
        conditions.push((call.input as { ConditionExpression?: string }).ConditionExpression);
      return next();
    });
    try {
      await doc.save({ condition: new Condition("title").eq("first") });
    } finally {
      stop();
    }
    expect(conditions).toHaveLength(2);
    expect(conditions[1]).toBe(conditions[0]);
    expect((await stored(tableName, "c1"))!.m).toEqual({ a: { b: 2, c: 3 }, z: 5 });

    // A condition that fails once the map is gone: the first update is refused for its path, the second
    // for the condition, and nothing is written.
    await writeByOthers(tableName, "c1", "REMOVE m.a SET title = :t", { ":t": { S: "theirs" } });
    doc.m!.a!.b = 3;
    const before = await stored(tableName, "c1");
    await expect(doc.save({ condition: new Condition("title").eq("first") })).rejects.toMatchObject({
      name: "ConditionalCheckFailedException",
    });
    expect(await stored(tableName, "c1")).toEqual(before);
  });

  it("writes the item whole when it was deleted between the refused update and the read", async () => {
    await Doc.create({ id: "d1", ...first });
    const doc = (await Doc.get("d1"))!;
    await writeByOthers(tableName, "d1", "REMOVE m.a");
    doc.m!.a!.b = 2;
    const stop = Doc.use(async (call, next) => {
      if (call.operation === "GetItem")
        await rawClient().deleteItem({ TableName: tableName, Key: key("d1") });
      return next();
    });
    let sent: string[];
    try {
      ({ sent } = await outcomeAndOperationsSent(() => doc.save()));
    } finally {
      stop();
    }
    expect(sent).toEqual(["UpdateItem", "GetItem", "UpdateItem", "PutItem"]);
    expect(await stored(tableName, "d1")).toEqual({
      id: "d1",
      title: "first",
      m: { a: { b: 2, c: 3 }, z: 5 },
    });
  });

  it("gives up after three refused updates with DynamoDB's error; saved again, it goes through", async () => {
    await Deep.create({ id: "g1", deep: { a: { b: { c: 1 } } } });
    const doc = (await Deep.get("g1"))!;
    await writeByOthers(tableName, "g1", "REMOVE deep.a.b");
    doc.deep!.a!.b!.c = 2;
    // Each time the save has read the item again, the other writer retypes the parent of what it will write.
    const retypes = ["SET deep.a = :v", "SET deep = :v"];
    const stop = Deep.use(async (call, next) => {
      const result = await next();
      const retype = call.operation === "GetItem" ? retypes.shift() : undefined;
      if (retype !== undefined) await writeByOthers(tableName, "g1", retype, { ":v": { S: "theirs" } });
      return result;
    });
    let outcome: Awaited<ReturnType<typeof outcomeAndOperationsSent>>;
    try {
      outcome = await outcomeAndOperationsSent(() => doc.save());
    } finally {
      stop();
    }
    expect(outcome.error).toMatchObject({
      name: "ValidationException",
      message: expect.stringContaining("document path provided in the update expression is invalid"),
    });
    expect(outcome.sent).toEqual(["UpdateItem", "GetItem", "UpdateItem", "GetItem", "UpdateItem"]);
    expect(await stored(tableName, "g1")).toEqual({ id: "g1", deep: "theirs" });
    expect(doc.deep).toEqual({ a: { b: { c: 2 } } });
    await doc.save();
    expect(await stored(tableName, "g1")).toEqual({ id: "g1", deep: { a: { b: { c: 2 } } } });
  });
});

describe("under optimistic locking", () => {
  it("writes the removed map and takes the next version when the other writer left the version alone", async () => {
    await Locked.create({ id: "v1", ...first });
    const doc = (await Locked.get("v1"))!;
    await writeByOthers(lockedTable, "v1", "REMOVE m.a");
    doc.m!.a!.b = 2;
    await doc.save();
    expect(await stored(lockedTable, "v1")).toEqual({
      id: "v1",
      title: "first",
      m: { a: { b: 2, c: 3 }, z: 5 },
      version: 2,
    });
    expect(doc.version).toBe(2);
  });

  it("is a conflict when the other writer took a new version: nothing is written", async () => {
    await Locked.create({ id: "v2", ...first });
    const doc = (await Locked.get("v2"))!;
    await writeByOthers(lockedTable, "v2", "REMOVE m.a SET version = :v", { ":v": { N: "2" } });
    const before = await stored(lockedTable, "v2");
    doc.m!.a!.b = 2;
    await expect(doc.save()).rejects.toMatchObject({ name: "ConditionalCheckFailedException" });
    expect(await stored(lockedTable, "v2")).toEqual(before);
  });
});
