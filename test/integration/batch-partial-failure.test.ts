// A batch whose later request fails (not throttling: a network error after the SDK's own retries, expired
// credentials) has written its earlier chunks: the error it rejects with says which entries were not
// written (or read), as the batch's result would, in the caller's own objects and order.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(async () => {
  dynamodel.aws.ddb.set(rawClient());
  await Thing.table().initialize(); // the table exists before the raw SDK reads it
});

const tableName = uniqueTableName("batchPartial");
const Thing = dynamodel.model(
  "BatchPartialThing",
  new Schema({ id: { type: Number, hashKey: true }, name: String }),
  { tableName, throughput: "ON_DEMAND" },
);

const boom = () =>
  Object.assign(new Error("We encountered an internal error."), { name: "InternalServerError" });

/** Fails the `nth` request of `operation` (1-based); the others reach DynamoDB Local. */
function failNth(operation: string, nth: number): () => void {
  let seen = 0;
  return Thing.use(async (call, next) => {
    if (call.operation === operation && ++seen === nth) throw boom();
    return next();
  });
}

async function storedIds(): Promise<number[]> {
  const { Items = [] } = await rawClient().scan({ TableName: tableName, ConsistentRead: true });
  return Items.map((item) => Number(item["id"]!.N)).sort((a, b) => a - b);
}

async function clear(): Promise<void> {
  for (const id of await storedIds())
    await rawClient().deleteItem({ TableName: tableName, Key: { id: { N: String(id) } } });
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, index) => from + index);

describe("a batch write that fails partway", () => {
  beforeEach(clear);

  it("batchPut rejects with the error and unprocessedItems: the failed chunk's and the unsent chunks' objects", async () => {
    const objects = range(1, 80).map((id) => ({ id, name: `n${id}` }));
    const remove = failNth("BatchWriteItem", 2);
    try {
      const error = await Thing.batchPut(objects, { concurrency: 1 }).then(
        () => undefined,
        (caught: unknown) => caught as Error & { unprocessedItems?: unknown[] },
      );
      expect(error).toMatchObject({ name: "InternalServerError" });
      // Chunks of 25 one at a time: the first was written, the second failed, the third and fourth never sent.
      expect(await storedIds()).toEqual(range(1, 25));
      expect(error!.unprocessedItems).toEqual(objects.slice(25));
      expect(error!.unprocessedItems![0]).toBe(objects[25]);
    } finally {
      remove();
    }
  });

  it("with chunks in flight side by side, every entry is either stored or reported", async () => {
    const objects = range(1, 200).map((id) => ({ id, name: `n${id}` }));
    const remove = failNth("BatchWriteItem", 3);
    try {
      const error = (await Thing.batchPut(objects, { concurrency: 4 }).catch(
        (caught: unknown) => caught,
      )) as {
        unprocessedItems: { id: number }[];
      };
      const stored = await storedIds();
      const reported = error.unprocessedItems.map((object) => object.id);
      expect([...stored, ...reported].sort((a, b) => a - b)).toEqual(range(1, 200));
      expect(reported.length).toBeGreaterThanOrEqual(25);
      expect(reported).toEqual([...reported].sort((a, b) => a - b)); // the caller's order
    } finally {
      remove();
    }
  });

  it("batchDelete reports the keys it did not delete", async () => {
    await Thing.batchPut(range(1, 60).map((id) => ({ id })));
    const keys = range(1, 60).map((id) => ({ id }));
    const remove = failNth("BatchWriteItem", 2);
    try {
      const error = (await Thing.batchDelete(keys, { concurrency: 1 }).catch(
        (caught: unknown) => caught,
      )) as {
        unprocessedItems: unknown[];
      };
      expect(await storedIds()).toEqual(range(26, 35));
      expect(error.unprocessedItems).toEqual(keys.slice(25));
    } finally {
      remove();
    }
  });

  it("a failure after a retry reports only what that retry still held", async () => {
    const objects = range(1, 10).map((id) => ({ id }));
    let calls = 0;
    // The first request leaves ids 6–10 unprocessed; the retry of those fails.
    const remove = Thing.use(async (call, next) => {
      if (call.operation !== "BatchWriteItem") return next();
      calls += 1;
      if (calls === 2) throw boom();
      const input = call.input as {
        RequestItems: Record<string, { PutRequest: { Item: { id: { N: string } } } }[]>;
      };
      const requests = input.RequestItems[tableName]!;
      const held = requests.filter((request) => Number(request.PutRequest.Item.id.N) > 5);
      input.RequestItems[tableName] = requests.filter((request) => !held.includes(request));
      const output = (await next()) as Record<string, unknown>;
      return { ...output, UnprocessedItems: { [tableName]: held } };
    });
    try {
      const error = (await Thing.batchPut(objects, { baseDelay: 1 }).catch((caught: unknown) => caught)) as {
        unprocessedItems: unknown[];
      };
      expect(await storedIds()).toEqual(range(1, 5));
      expect(error.unprocessedItems).toEqual(objects.slice(5));
    } finally {
      remove();
    }
  });
});

describe("a batchGet that fails partway", () => {
  it("reports the request's failure even when reading what it found fails too", async () => {
    const Picky = dynamodel.model(
      "BatchPartialPicky",
      new Schema({
        id: { type: Number, hashKey: true },
        name: {
          type: String,
          get: (value: unknown) => {
            if (value === "bad") throw new Error("get failed");
            return value;
          },
        },
      }),
      { tableName, create: false, waitForActive: false },
    );
    await Thing.batchPut(range(1, 101).map((id) => ({ id, name: id === 1 ? "bad" : "fine" })));
    let seen = 0;
    const remove = Picky.use(async (call, next) => {
      if (call.operation === "BatchGetItem" && ++seen === 2) throw boom();
      return next();
    });
    try {
      const error = (await Picky.batchGet(range(1, 101), { concurrency: 1 }).catch(
        (caught: unknown) => caught,
      )) as {
        name: string;
        unprocessedKeys: unknown[];
      };
      expect(error.name).toBe("InternalServerError");
      expect(error.unprocessedKeys).toEqual([{ id: 101 }]);
      expect("items" in error).toBe(false);
    } finally {
      remove();
    }
  });

  it("rejects with unprocessedKeys: the keys of the failed and unsent requests", async () => {
    await Thing.batchPut(range(1, 250).map((id) => ({ id })));
    const keys = range(1, 250);
    const remove = failNth("BatchGetItem", 2);
    try {
      const error = (await Thing.batchGet(keys, { concurrency: 1 }).catch((caught: unknown) => caught)) as {
        name: string;
        unprocessedKeys: unknown[];
      };
      expect(error.name).toBe("InternalServerError");
      // A bare hash value is reported as a key object, as in the result's unprocessedKeys.
      expect(error.unprocessedKeys).toEqual(range(101, 150).map((id) => ({ id })));
      // What the first request read is handed over, as items of the model, in the keys' order.
      const { items } = error as unknown as { items: { id: number; toJSON(): unknown }[] };
      expect(items.map((item) => item.id)).toEqual(range(1, 100));
      expect(items[0]).toBeInstanceOf(Thing);
      expect((items as unknown as { unprocessedKeys: unknown[] }).unprocessedKeys).toBe(
        error.unprocessedKeys,
      );
    } finally {
      remove();
    }
  });
});
