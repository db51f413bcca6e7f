// The DynamoDB Local workloads, each written twice: through dynamodel and as a hand-written raw SDK
// loop at the same concurrency. Each resolves with the number of items it wrote or read.
import {
  BatchWriteItemCommand,
  PutItemCommand,
  QueryCommand,
  type AttributeValue,
  type DynamoDB,
  type WriteRequest,
} from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import type { dynamodelModel } from "./adapters/dynamodel";
import { EMAIL_INDEX, TABLE, benchItem, type BenchItem } from "./fixtures";

export type BenchModel = ReturnType<typeof dynamodelModel>;
export const PAGE_EMAIL = "pages@example.com";
const BATCH_CONCURRENCY = 4; // dynamodel's default batch concurrency

/** Items with ids `${prefix}-0…`, so every run writes fresh items. */
export const itemsFor = (prefix: string, count: number): BenchItem[] =>
  Array.from({ length: count }, (_, index) => ({ ...benchItem(index), id: `${prefix}-${index}` }));

/** Runs `work` over `items` with `concurrency` workers pulling from one queue. */
async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

export const putWorkload = {
  raw: (client: DynamoDB, items: BenchItem[], concurrency: number) =>
    pool(items, concurrency, (item) =>
      client.send(
        new PutItemCommand({ TableName: TABLE, Item: marshall(item, { removeUndefinedValues: true }) }),
      ),
    ),
  dynamodel: (User: BenchModel, items: BenchItem[], concurrency: number) =>
    pool(items, concurrency, (item) => new User(item).save()),
};

async function rawBatchChunk(client: DynamoDB, requests: WriteRequest[]): Promise<void> {
  let pending = requests;
  for (let attempt = 0; pending.length > 0; attempt += 1) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * 2 ** attempt));
    const output = await client.send(new BatchWriteItemCommand({ RequestItems: { [TABLE]: pending } }));
    pending = output.UnprocessedItems?.[TABLE] ?? [];
  }
}

export const batchWorkload = {
  raw: async (client: DynamoDB, items: BenchItem[]) => {
    const chunks: WriteRequest[][] = [];
    for (let start = 0; start < items.length; start += 25)
      chunks.push(
        items.slice(start, start + 25).map((item) => ({
          PutRequest: { Item: marshall(item, { removeUndefinedValues: true }) },
        })),
      );
    await pool(chunks, BATCH_CONCURRENCY, (chunk) => rawBatchChunk(client, chunk));
  },
  dynamodel: async (User: BenchModel, items: BenchItem[]) => {
    const { unprocessedItems } = await User.batchPut(items);
    if (unprocessedItems.length > 0) throw new Error(`${unprocessedItems.length} items unprocessed`);
  },
};

export const queryWorkload = {
  raw: async (client: DynamoDB, pageSize: number): Promise<number> => {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const output = await client.send(
        new QueryCommand({
          TableName: TABLE,
          IndexName: EMAIL_INDEX,
          KeyConditionExpression: "#email = :email",
          ExpressionAttributeNames: { "#email": "email" },
          ExpressionAttributeValues: { ":email": { S: PAGE_EMAIL } },
          Limit: pageSize,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const image of output.Items ?? []) items.push(unmarshall(image));
      startKey = output.LastEvaluatedKey;
    } while (startKey);
    return items.length;
  },
  dynamodel: async (User: BenchModel, pageSize: number): Promise<number> => {
    const items: unknown[] = [];
    for await (const page of User.query("email").eq(PAGE_EMAIL).limit(pageSize).pages()) items.push(...page);
    return items.length;
  },
};
