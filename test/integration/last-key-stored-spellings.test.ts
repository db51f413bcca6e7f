// A `lastKey` holds key values in the item's form, and `startAt()` turns them back into DynamoDB's. A key
// another program stored in another spelling (an ISO date with an offset, fractional epoch seconds, a decimal
// beyond a JavaScript number) would come back as another value: a `startAt(lastKey)` loop skipped items or
// repeated a page forever. Such a key attribute is handed out in its stored AttributeValue form instead, as
// is a bigint, which JSON cannot hold.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import dynamodel, { Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const throughJson = (key: unknown) => JSON.parse(JSON.stringify(key)) as Record<string, unknown>;

/** A table of items `{pk: "a", sk}` written through the raw SDK, with `sk` as given. */
function tableOf(base: string, type: "S" | "N") {
  const tableName = uniqueTableName(base);
  return {
    tableName,
    async fill(values: readonly string[]) {
      await rawClient().createTable({
        TableName: tableName,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [
          { AttributeName: "pk", AttributeType: "S" },
          { AttributeName: "sk", AttributeType: type },
        ],
        KeySchema: [
          { AttributeName: "pk", KeyType: "HASH" },
          { AttributeName: "sk", KeyType: "RANGE" },
        ],
      });
      for (const value of values) {
        const sk: AttributeValue = type === "S" ? { S: value } : { N: value };
        await rawClient().putItem({ TableName: tableName, Item: { pk: { S: "a" }, sk } });
      }
    },
  };
}

interface Page extends Array<{ sk: unknown }> {
  lastKey?: object;
}

/** Pages by `startAt(lastKey)`, the cursor sent through JSON each time, at most 12 pages. */
async function pagedByHand(page: (cursor: Record<string, unknown> | undefined) => Promise<Page>) {
  const keys: unknown[] = [];
  let cursor: Record<string, unknown> | undefined;
  let pages = 0;
  do {
    const items = await page(cursor);
    keys.push(...items.map((item) => item.sk));
    cursor = items.lastKey === undefined ? undefined : throughJson(items.lastKey);
    pages += 1;
  } while (cursor !== undefined && pages < 12);
  return { keys, finished: cursor === undefined };
}

const modelSettings = { create: false, waitForActive: false } as const;

it("an ISO Date key stored with an offset: no item is skipped", async () => {
  const table = tableOf("spellingIso", "S");
  await table.fill([
    "2024-01-01T00:00:00.000Z",
    "2024-01-01T00:30:00-01:00", // 01:30Z, stored between 00:00 and 01:00 as DynamoDB orders strings
    "2024-01-01T01:00:00.000Z",
    "2024-01-01T01:15:00.000Z",
    "2024-01-01T02:00:00.000Z",
  ]);
  const Note = dynamodel.model(
    "SpellingIsoNote",
    new Schema({
      pk: { type: String, hashKey: true },
      sk: { type: { value: Date, settings: { storage: "iso" } }, rangeKey: true },
    }),
    { ...modelSettings, tableName: table.tableName },
  );
  const first = await Note.query("pk").eq("a").limit(2).exec();
  expect(first.lastKey).toEqual({ pk: "a", sk: { S: "2024-01-01T00:30:00-01:00" } });
  const { keys, finished } = await pagedByHand((cursor) =>
    Note.query("pk").eq("a").limit(2).startAt(cursor).exec(),
  );
  expect(finished).toBe(true);
  expect((keys as Date[]).map((date) => date.toISOString())).toEqual([
    "2024-01-01T00:00:00.000Z",
    "2024-01-01T01:30:00.000Z",
    "2024-01-01T01:00:00.000Z",
    "2024-01-01T01:15:00.000Z",
    "2024-01-01T02:00:00.000Z",
  ]);
});

it.each([
  ["seconds", ["1700000000.25", "1700000000.75", "1700000001.5"]],
  ["milliseconds", ["1700000000000", "1700000000000.5", "1700000000001"]],
] as const)("a %s Date key stored with a fraction: the pages end", async (storage, values) => {
  const table = tableOf(`spelling${storage}`, "N");
  await table.fill(values);
  const Tick = dynamodel.model(
    `Spelling${storage}Tick`,
    new Schema({
      pk: { type: String, hashKey: true },
      sk: { type: { value: Date, settings: { storage } }, rangeKey: true },
    }),
    { ...modelSettings, tableName: table.tableName },
  );
  const { keys, finished } = await pagedByHand((cursor) =>
    Tick.query("pk").eq("a").limit(1).startAt(cursor).exec(),
  );
  expect(finished).toBe(true);
  expect(keys).toHaveLength(3);
});

it("a Number key beyond a JavaScript number's precision: the pages end", async () => {
  const table = tableOf("spellingDecimal", "N");
  await table.fill(["0.1", "0.10000000000000000001", "0.2"]);
  const Reading = dynamodel.model(
    "SpellingDecimalReading",
    new Schema({ pk: { type: String, hashKey: true }, sk: { type: Number, rangeKey: true } }),
    { ...modelSettings, tableName: table.tableName },
  );
  const { keys, finished } = await pagedByHand((cursor) =>
    Reading.query("pk").eq("a").limit(1).startAt(cursor).exec(),
  );
  expect(finished).toBe(true);
  expect(keys).toHaveLength(3);
});

it("a key read as a bigint is handed out stored, so the cursor goes through JSON", async () => {
  const table = tableOf("spellingBig", "N");
  await table.fill(["12345678901234567891", "12345678901234567892", "12345678901234567893"]);
  const Account = dynamodel.model(
    "SpellingBigAccount",
    new Schema({ pk: { type: String, hashKey: true }, sk: { type: Number, rangeKey: true } }),
    { ...modelSettings, tableName: table.tableName },
  );
  const first = await Account.query("pk").eq("a").limit(1).exec();
  expect(first[0]!.sk).toBe(12345678901234567891n);
  expect(first.lastKey).toEqual({ pk: "a", sk: { N: "12345678901234567891" } });
  const { keys, finished } = await pagedByHand((cursor) =>
    Account.query("pk").eq("a").limit(1).startAt(cursor).exec(),
  );
  expect(finished).toBe(true);
  expect(keys).toEqual([12345678901234567891n, 12345678901234567892n, 12345678901234567893n]);
});

it("a key stored as the schema writes it stays in the item's form", async () => {
  const table = tableOf("spellingPlain", "N");
  await table.fill(["1700000000", "1700000001"]);
  const Tick = dynamodel.model(
    "SpellingPlainTick",
    new Schema({
      pk: { type: String, hashKey: true },
      sk: { type: { value: Date, settings: { storage: "seconds" } }, rangeKey: true },
    }),
    { ...modelSettings, tableName: table.tableName },
  );
  const first = await Tick.query("pk").eq("a").limit(1).exec();
  expect(first.lastKey).toEqual({ pk: "a", sk: new Date(1_700_000_000_000) });
});

it("a Number key the library wrote with an exponent stays a number (DynamoDB answers it in decimals)", async () => {
  const table = tableOf("spellingExponent", "N");
  await table.fill([]);
  const Reading = dynamodel.model(
    "SpellingExponentReading",
    new Schema({ pk: { type: String, hashKey: true }, sk: { type: Number, rangeKey: true } }),
    { ...modelSettings, tableName: table.tableName },
  );
  await Reading.batchPut([1e-7, 1.5e-7, 1e21].map((sk) => ({ pk: "a", sk })));
  const first = await Reading.query("pk").eq("a").limit(1).exec();
  expect(first.lastKey).toEqual({ pk: "a", sk: 1e-7 });
  const last = await Reading.query("pk").eq("a").limit(1).startAt({ pk: "a", sk: 1.5e-7 }).exec();
  expect(last.lastKey).toEqual({ pk: "a", sk: 1e21 });
});

it("an index's COMBINE range key is the string it joins, which startAt() takes back", async () => {
  const tableName = uniqueTableName("spellingCombine");
  await rawClient().createTable({
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: [
      { AttributeName: "id", AttributeType: "S" },
      { AttributeName: "group", AttributeType: "S" },
      { AttributeName: "full", AttributeType: "S" },
    ],
    KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
    GlobalSecondaryIndexes: [
      {
        IndexName: "byFull",
        KeySchema: [
          { AttributeName: "group", KeyType: "HASH" },
          { AttributeName: "full", KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "ALL" },
      },
    ],
  });
  const Person = dynamodel.model(
    "SpellingCombinePerson",
    new Schema({
      id: String,
      group: { type: String, index: { name: "byFull", type: "global", rangeKey: "full" } },
      first: String,
      last: String,
      full: { type: dynamodel.type.COMBINE(["first", "last"], "|") },
    }),
    { ...modelSettings, tableName },
  );
  await Person.batchPut(
    ["Ann", "Bo", "Cy"].map((first, n) => ({ id: `p${n}`, group: "g", first, last: "Lee" })),
  );
  const ids: string[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await Person.query("group").eq("g").using("byFull").limit(1).startAt(cursor).exec();
    ids.push(...page.map((person) => person.id!));
    if (page.lastKey !== undefined) expect(typeof (page.lastKey as { full?: unknown }).full).toBe("string");
    cursor = page.lastKey === undefined ? undefined : throughJson(page.lastKey);
  } while (cursor !== undefined);
  expect(ids).toEqual(["p0", "p1", "p2"]);
});
