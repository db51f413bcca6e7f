// Pagination against DynamoDB Local over 1,000 real items: startAt(lastKey), all(), pages(), async
// iteration, parallel scans, and proof (by counting requests) that a break sends nothing more.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import dynamodel, { Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

/** Writes items with the raw SDK, 25 per BatchWriteItem, a few batches at a time. */
async function rawPutAll(table: string, items: Record<string, AttributeValue>[]): Promise<void> {
  const chunks: Record<string, AttributeValue>[][] = [];
  for (let at = 0; at < items.length; at += 25) chunks.push(items.slice(at, at + 25));
  for (let at = 0; at < chunks.length; at += 8) {
    await Promise.all(
      chunks.slice(at, at + 8).map(async (chunk) => {
        let pending = chunk.map((Item) => ({ PutRequest: { Item } }));
        while (pending.length > 0) {
          const { UnprocessedItems } = await rawClient().batchWriteItem({
            RequestItems: { [table]: pending },
          });
          pending = (UnprocessedItems?.[table] ?? []) as typeof pending;
        }
      }),
    );
  }
}

describe("pagination over 1,000 items", () => {
  const tableName = uniqueTableName("pages");
  const Row = dynamodel.model(
    "QsRow",
    new Schema({ group: { type: String, hashKey: true }, n: { type: Number, rangeKey: true }, id: String }),
    { tableName, throughput: "ON_DEMAND" },
  );
  const requests: string[] = [];
  const total = 1000;

  beforeAll(async () => {
    await Row.table().initialize();
    await rawPutAll(
      tableName,
      Array.from({ length: total }, (_unused, n) => ({
        group: { S: "g" },
        n: { N: String(n) },
        id: { S: `r${n}` },
      })),
    );
    Row.use(async (call, next) => {
      requests.push(call.operation);
      return next();
    });
  });
  beforeEach(() => (requests.length = 0));

  const expectEachOnce = (rows: readonly object[]) => {
    const seen = rows.map((row) => (row as { n: number }).n);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  };

  it("startAt(lastKey) with limit 37 gives every item exactly once", async () => {
    const rows: object[] = [];
    let lastKey: Record<string, unknown> | undefined;
    let pages = 0;
    do {
      const page = await Row.query("group").eq("g").limit(37).startAt(lastKey).exec();
      rows.push(...page);
      lastKey = page.lastKey;
      pages += 1;
    } while (lastKey !== undefined);
    expectEachOnce(rows);
    expect(pages).toBe(Math.ceil(total / 37));
  });

  it("Dynamoose's scanAll, whose startAt() result is not kept, gives every item exactly once", async () => {
    // Model.md's methods.set example: `let scan = this.scan(); if (lastKey) { scan.startAt(lastKey); }`.
    const seen = new Set<number>();
    let pages = 0;
    const scanAll = async (lastKey?: Record<string, unknown>): Promise<void> => {
      const scan = Row.scan();
      scan.limit(300);
      if (lastKey) scan.startAt(lastKey);
      const result = await scan.exec();
      for (const row of result) seen.add(row.n);
      pages += 1;
      if (result.lastKey && pages < 10) await scanAll(result.lastKey);
    };
    await scanAll();
    expect(seen.size).toBe(total);
    expect(pages).toBe(4);
  });

  it("all() follows every page; all(0, max) stops after max requests", async () => {
    const everything = await Row.query("group").eq("g").limit(37).all().exec();
    expectEachOnce(everything);
    expect(everything.timesQueried).toBe(Math.ceil(total / 37));
    expect(everything.queriedCount).toBe(total);
    expect(everything.lastKey).toBeUndefined();
    const three = await Row.query("group").eq("g").limit(37).all(0, 3).exec();
    expect(three).toHaveLength(111);
    expect(three.lastKey).toEqual({ group: "g", n: 110 });
    expect(requests.filter((operation) => operation === "Query")).toHaveLength(Math.ceil(total / 37) + 3);
  });

  it("for await streams every item once; pages() yields exec()-shaped pages", async () => {
    const rows: object[] = [];
    for await (const row of Row.query("group").eq("g").limit(37)) rows.push(row);
    expectEachOnce(rows);
    const sizes: number[] = [];
    for await (const page of Row.query("group").eq("g").limit(100).pages()) {
      sizes.push(page.length);
      expect(page.timesQueried).toBe(1);
      expect(page.count).toBe(page.length);
    }
    // The tenth page ends exactly at the limit, so DynamoDB returns a lastKey and one more, empty page.
    expect(sizes).toEqual([...Array<number>(10).fill(100), 0]);
  });

  it("an early break sends no further request", async () => {
    let seen = 0;
    for await (const _row of Row.query("group").eq("g").limit(10)) if (++seen === 15) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests).toEqual(["Query", "Query"]);
    requests.length = 0;
    for await (const _page of Row.scan().limit(10).pages()) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests).toEqual(["Scan"]);
  });

  it("scans and parallel scans give every item exactly once", async () => {
    expectEachOnce(await Row.scan().limit(37).all().exec());
    const parallel = await Row.scan().parallel(4).all().exec();
    expectEachOnce(parallel);
    expect(parallel.lastKey).toBeUndefined();
    const streamed: object[] = [];
    for await (const row of Row.scan().parallel(3).limit(50)) streamed.push(row);
    expectEachOnce(streamed);
  });

  it("a parallel scan with all() gives its items segment by segment, as Dynamoose merges them", async () => {
    // Each segment's items as DynamoDB returns them, page after page, read with the raw SDK.
    const segmentRows = async (segment: number): Promise<number[]> => {
      const rows: number[] = [];
      let start: Record<string, AttributeValue> | undefined;
      do {
        const page = await rawClient().scan({
          TableName: tableName,
          Segment: segment,
          TotalSegments: 3,
          Limit: 50,
          ...(start && { ExclusiveStartKey: start }),
        });
        for (const item of page.Items ?? []) rows.push(Number(item.n!.N));
        start = page.LastEvaluatedKey;
      } while (start !== undefined);
      return rows;
    };
    const expected = [...(await segmentRows(0)), ...(await segmentRows(1)), ...(await segmentRows(2))];
    const result = await Row.scan().parallel(3).limit(50).all().exec();
    expect(result.map((row) => row.n)).toEqual(expected);
  });

  it("a parallel scan's lastKey has one entry per segment and resumes each", async () => {
    const rows: object[] = [];
    let page = await Row.scan().parallel(3).limit(100).exec();
    rows.push(...page);
    expect(Array.isArray(page.lastKey)).toBe(true);
    expect(page.lastKey).toHaveLength(3);
    expect(page.timesScanned).toBe(3);
    while (page.lastKey !== undefined) {
      page = await Row.scan().parallel(3).limit(100).startAt(page.lastKey).exec();
      rows.push(...page);
    }
    expectEachOnce(rows);
  });

  it("count() sums every page with all()", async () => {
    expect(await Row.scan("n").lt(500).count().all().exec()).toEqual({ count: 500, scannedCount: total });
  });
});
