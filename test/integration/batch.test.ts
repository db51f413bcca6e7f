import type { AttributeValue, WriteRequest } from "@aws-sdk/client-dynamodb";
import dynamodel, { InvalidParameter, Schema, TypeMismatch, ValidationError } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

function defineThing(base: string) {
  const tableName = uniqueTableName(base);
  const Thing = dynamodel.model(
    `Batch${base}`,
    new Schema({
      id: { type: Number, hashKey: true },
      name: { type: String, required: true, alias: "label" },
      born: Date,
    }),
    { tableName, throughput: "ON_DEMAND" },
  );
  return { Thing, tableName };
}

async function countStored(tableName: string): Promise<number> {
  let count = 0;
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await rawClient().scan({ TableName: tableName, Select: "COUNT", ExclusiveStartKey: start });
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return count;
}

const objects = (from: number, count: number) =>
  Array.from({ length: count }, (_, index) => ({
    id: from + index,
    label: `thing ${from + index}`,
    born: new Date(from + index),
  }));

describe("batchPut, batchGet, batchDelete", () => {
  const { Thing, tableName } = defineThing("basic");

  it("puts 1,000 objects, gets 250 keys in order, deletes 300 keys, each in one call", async () => {
    const progress: number[] = [];
    const put = await Thing.batchPut(objects(0, 1000), { onProgress: ({ done }) => progress.push(done) });
    expect(put).toEqual({ unprocessedItems: [] });
    expect(progress[progress.length - 1]).toBe(1000);
    expect(await countStored(tableName)).toBe(1000);

    const keys = Array.from({ length: 250 }, (_, index) => 999 - index * 4);
    const items = await Thing.batchGet([...keys, 999, { id: 5000 }]);
    expect(items.map((item) => item.id)).toEqual(keys);
    expect(items[0]!.label).toBe("thing 999");
    expect(items[0]!.born).toEqual(new Date(999));
    expect(items.unprocessedKeys).toEqual([]);

    const deleted = await Thing.batchDelete(Array.from({ length: 300 }, (_, index) => ({ id: index })));
    expect(deleted).toEqual({ unprocessedItems: [] });
    expect(await countStored(tableName)).toBe(700);
  });

  it("validates every object before the first request: one bad object writes nothing", async () => {
    const bad = [...objects(2000, 60), { id: 2060, label: 5 }];
    await expect(Thing.batchPut(bad as never)).rejects.toThrow(TypeMismatch);
    await expect(Thing.batchPut([...objects(2100, 30), { id: 2130 }] as never)).rejects.toThrow(
      ValidationError,
    );
    await expect(Thing.batchDelete([1, "x"] as never)).rejects.toThrow(TypeMismatch);
    const found = await Thing.batchGet([2000, 2059, 2100]);
    expect(found).toHaveLength(0);
  });

  // DynamoDB refuses a key twice in one BatchWriteItem, so Dynamoose's batchPut fails and writes nothing;
  // keeping either entry would silently drop the other.
  it("refuses two entries with the same key, naming both, and writes nothing", async () => {
    const twice = [...objects(6000, 30), { id: 6005, label: "again" }];
    await expect(Thing.batchPut(twice)).rejects.toThrow(
      new InvalidParameter(
        "batchPut entries [5] and [30] have the same key ({id: 6005}): one item can be written once per " +
          "batch (DynamoDB refuses a key twice). Merge them, or write them one after the other.",
      ),
    );
    await expect(Thing.batchPut(twice, { return: "request" })).rejects.toThrow(InvalidParameter);
    expect(await Thing.batchGet([6000, 6005, 6029])).toHaveLength(0);
    // A key given by its alias or by a DynamoDB-typed object is the same key.
    await expect(
      Thing.batchPut([
        { id: 6100, label: "a" },
        { id: { N: "6100" }, name: { S: "b" } },
      ] as never),
    ).rejects.toThrow(/entries \[0\] and \[1\] have the same key/);
    // batchDelete of a key twice still deletes it once: nothing is lost.
    await Thing.batchPut([{ id: 6200, label: "x" }]);
    await expect(Thing.batchDelete([6200, { id: 6200 }])).resolves.toEqual({ unprocessedItems: [] });
    expect(await Thing.batchGet([6200])).toHaveLength(0);
  });

  it("names the bad entry by its index in the caller's array", async () => {
    const bad = [...objects(4000, 40), { id: 4040, label: 5 }];
    await expect(Thing.batchPut(bad as never)).rejects.toThrow(
      new TypeMismatch('batchPut entry [40]: "name" must be of type string (got 5)'),
    );
    await expect(Thing.batchPut([...objects(4100, 3), null] as never)).rejects.toThrow(
      "batchPut needs objects (got null as batchPut entry [3]).",
    );
    await expect(Thing.batchDelete([4000, 4001, "x"] as never)).rejects.toThrow(
      'batchDelete entry [2]: "id" must be of type number (got "x")',
    );
    await expect(Thing.batchGet([{ id: 4000 }, { idd: 1 }] as never)).rejects.toThrow(
      /^batchGet entry \[1\]: /,
    );
    // A user's own error from a set function passes through as it was thrown.
    const Strict = dynamodel.model(
      "BatchStrictThing",
      new Schema({
        id: Number,
        code: {
          type: String,
          set: (value: unknown) => {
            if (value === "bad") throw new RangeError("bad code");
            return value as string;
          },
        },
      }),
      { tableName: uniqueTableName("batchstrict"), throughput: "ON_DEMAND" },
    );
    await expect(
      Strict.batchPut([
        { id: 1, code: "ok" },
        { id: 2, code: "bad" },
      ]),
    ).rejects.toThrow(new RangeError("bad code"));
    expect(await Thing.batchGet([4000, 4039, 4040, 4100])).toHaveLength(0);
    await Strict.table().initialize(); // nothing was sent, so the table was not even set up
    expect(await countStored(Strict.table().name)).toBe(0);
  });

  it("return: request builds the inputs and sends nothing", async () => {
    const request = await Thing.batchGet([1, 2], { return: "request", consistent: true });
    expect(request).toEqual({
      RequestItems: { [tableName]: { Keys: [{ id: { N: "1" } }, { id: { N: "2" } }], ConsistentRead: true } },
    });
    const puts = await Thing.batchPut(objects(3000, 30), { return: "request" });
    expect(Array.isArray(puts) && puts.map((input) => input.RequestItems![tableName]!.length)).toEqual([
      25, 5,
    ]);
  });

  it("reports keys still unprocessed after the retries as the caller's keys", async () => {
    const stubborn = { id: 998 };
    const remove = Thing.use(async (call, next) => {
      const output = (await next()) as {
        UnprocessedKeys?: Record<string, { Keys: Record<string, AttributeValue>[] }>;
      };
      if (call.operation === "BatchGetItem") {
        output.UnprocessedKeys = { [tableName]: { Keys: [{ id: { N: "998" } }] } };
      }
      return output;
    });
    try {
      const items = await Thing.batchGet([stubborn, { id: 997 }], { maxRetries: 2, baseDelay: 1 });
      expect(items.unprocessedKeys).toEqual([stubborn]);
      expect(items.unprocessedKeys[0]).toBe(stubborn);
    } finally {
      remove();
    }
  });

  it("reports what stays unprocessed in the caller's order, whatever order DynamoDB lists it in", async () => {
    // Every request is held back whole, its entries listed in reverse (DynamoDB promises no order).
    const remove = Thing.use(async (call) => {
      const name = tableName;
      if (call.operation === "BatchGetItem") {
        const input = call.input as { RequestItems: Record<string, { Keys: unknown[] }> };
        return {
          Responses: { [name]: [] },
          UnprocessedKeys: { [name]: { Keys: [...input.RequestItems[name]!.Keys].reverse() } },
        };
      }
      const input = call.input as { RequestItems: Record<string, WriteRequest[]> };
      return { UnprocessedItems: { [name]: [...input.RequestItems[name]!].reverse() } };
    });
    try {
      const keys = [{ id: 5001 }, { id: 5002 }, { id: 5003 }];
      const got = await Thing.batchGet(keys, { maxRetries: 0 });
      expect(got.unprocessedKeys).toEqual(keys);
      const put = await Thing.batchPut(objects(5001, 3), { maxRetries: 0 });
      expect(put.unprocessedItems.map((item) => item.id)).toEqual([5001, 5002, 5003]);
      const deleted = await Thing.batchDelete([5003, 5001, 5002], { maxRetries: 0 });
      expect(deleted.unprocessedItems).toEqual([{ id: 5003 }, { id: 5001 }, { id: 5002 }]);
    } finally {
      remove();
    }
    expect(await Thing.batchGet([5001, 5002, 5003])).toHaveLength(0);
  });

  it("reports a bare hash value left unprocessed as a key object, named as reads name it", async () => {
    const Aliased = dynamodel.model(
      "BatchAliasedKey",
      new Schema({ pk: { type: Number, hashKey: true, alias: "thingId" }, note: String }),
      { tableName: uniqueTableName("aliasedKey"), throughput: "ON_DEMAND" },
    );
    await Aliased.create({ thingId: 5, note: "kept" });
    const remove = Aliased.use(async (call, next) => {
      const output = (await next()) as Record<string, unknown>;
      const name = Aliased.table().name;
      if (call.operation === "BatchGetItem") {
        output.UnprocessedKeys = { [name]: { Keys: [{ pk: { N: "6" } }] } };
      }
      if (call.operation === "BatchWriteItem") {
        output.UnprocessedItems = { [name]: [{ DeleteRequest: { Key: { pk: { N: "6" } } } }] };
      }
      return output;
    });
    try {
      const items = await Aliased.batchGet([5, 6], { maxRetries: 1, baseDelay: 1 });
      expect(items.map((item) => item.toJSON())).toEqual([{ thingId: 5, note: "kept" }]);
      expect(items.unprocessedKeys).toEqual([{ thingId: 6 }]);
      const deleted = await Aliased.batchDelete([5, 6], { maxRetries: 1, baseDelay: 1 });
      expect(deleted.unprocessedItems).toEqual([{ thingId: 6 }]);
    } finally {
      remove();
    }
    const stored = await rawClient().scan({ TableName: Aliased.table().name });
    expect(stored.Items).toEqual([]);
  });
});

describe("batch writes under faults", () => {
  const { Thing, tableName } = defineThing("faults");

  it("stores all 10,000 objects when half of every batch comes back unprocessed and every fifth call throttles", async () => {
    let calls = 0;
    const remove = Thing.use(async (call, next) => {
      if (call.operation !== "BatchWriteItem") return next();
      calls += 1;
      if (calls % 5 === 0) {
        throw Object.assign(new Error("Rate exceeded"), { name: "ProvisionedThroughputExceededException" });
      }
      const input = call.input as { RequestItems: Record<string, WriteRequest[]> };
      const requests = input.RequestItems[tableName]!;
      const kept = requests.slice(0, Math.ceil(requests.length / 2));
      const returned = requests.slice(kept.length);
      call.input = { RequestItems: { [tableName]: kept } };
      const output = (await next()) as { UnprocessedItems?: Record<string, WriteRequest[]> };
      const unprocessed = [...(output.UnprocessedItems?.[tableName] ?? []), ...returned];
      return { ...output, UnprocessedItems: unprocessed.length > 0 ? { [tableName]: unprocessed } : {} };
    });
    try {
      let last = { done: 0, total: 0 };
      const started = performance.now();
      const result = await Thing.batchPut(objects(0, 10_000), {
        maxRetries: 20,
        baseDelay: 1,
        maxDelay: 10,
        onProgress: (progress) => (last = progress),
      });
      const seconds = (performance.now() - started) / 1000;
      expect(result.unprocessedItems).toEqual([]);
      expect(last).toEqual({ done: 10_000, total: 10_000 });
      expect(calls).toBeGreaterThan(400 * 5);
      expect(seconds).toBeLessThan(60);
    } finally {
      remove();
    }
    expect(await countStored(tableName)).toBe(10_000);
    const sample = await Thing.batchGet([0, 4321, 9999]);
    expect(sample.map((item) => item.label)).toEqual(["thing 0", "thing 4321", "thing 9999"]);
  });
});

// Model.md: batchGet's `attributes` "will use the underlying AttributesToGet DynamoDB option". It does
// whenever every attribute is a top-level one (aliases resolved); document paths need a projection.
describe("batchGet attributes", () => {
  const { Thing, tableName } = defineThing("attributes");
  beforeAll(() => Thing.batchPut(objects(1, 2)));

  it("are sent as AttributesToGet, keys included, and read partial items", async () => {
    expect(await Thing.batchGet([1, 2], { attributes: ["id", "label"], return: "request" })).toEqual({
      RequestItems: {
        [tableName]: { Keys: [{ id: { N: "1" } }, { id: { N: "2" } }], AttributesToGet: ["id", "name"] },
      },
    });
    const found = await Thing.batchGet([1, 2], { attributes: ["label"] });
    expect(found.map((thing) => thing.toJSON())).toEqual([
      { id: 1, label: "thing 1" },
      { id: 2, label: "thing 2" },
    ]);
    found[0]!.label = "renamed";
    await found[0]!.save();
    const { Item } = await rawClient().getItem({ TableName: tableName, Key: { id: { N: "1" } } });
    expect(Item).toEqual({ id: { N: "1" }, name: { S: "renamed" }, born: { N: "1" } });
  });
});
