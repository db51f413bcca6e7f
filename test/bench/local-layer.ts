// End-to-end throughput against a real DynamoDB Local (started through dynamodel/local): sequential
// puts, 16-way concurrent puts, a batchPut of 10,000 items and a 1,000-item query in pages of 100,
// dynamodel against a hand-written raw SDK loop at the same concurrency. Wall time, alternating
// which goes first, median of the runs. The server's own cost dominates: this shows that dynamodel
// adds nothing that matters end to end, not its CPU cost (see the library-only layer for that).
import assert from "node:assert/strict";
import { CreateTableCommand, GetItemCommand, type DynamoDB } from "@aws-sdk/client-dynamodb";
import { startLocal } from "dynamodel/local";
import { dynamodelModel } from "./adapters/dynamodel";
import { EMAIL_INDEX, TABLE } from "./fixtures";
import { median } from "./harness";
import {
  batchWorkload,
  itemsFor,
  PAGE_EMAIL,
  putWorkload,
  queryWorkload,
  type BenchModel,
} from "./local-workloads";

interface Row {
  name: string;
  items: number;
  raw: number[];
  dynamodel: number[];
}

async function createTable(client: DynamoDB): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: TABLE,
      BillingMode: "PAY_PER_REQUEST",
      KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
      AttributeDefinitions: [
        { AttributeName: "id", AttributeType: "S" },
        { AttributeName: "email", AttributeType: "S" },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: EMAIL_INDEX,
          KeySchema: [{ AttributeName: "email", KeyType: "HASH" }],
          Projection: { ProjectionType: "ALL" },
        },
      ],
    }),
  );
}

async function wallMillis(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Both variants `runs` times, alternating which goes first. */
async function compare(
  row: Row,
  runs: number,
  raw: (run: number) => Promise<unknown>,
  ours: (run: number) => Promise<unknown>,
): Promise<Row> {
  for (let run = 0; run < runs; run += 1) {
    if (run % 2 === 0) {
      row.raw.push(await wallMillis(() => raw(run)));
      row.dynamodel.push(await wallMillis(() => ours(run)));
    } else {
      row.dynamodel.push(await wallMillis(() => ours(run)));
      row.raw.push(await wallMillis(() => raw(run)));
    }
  }
  return row;
}

async function assertStored(client: DynamoDB, id: string): Promise<void> {
  const output = await client.send(new GetItemCommand({ TableName: TABLE, Key: { id: { S: id } } }));
  assert.equal(output.Item?.id?.S, id, `${id} was written`);
}

async function measureAll(client: DynamoDB, User: BenchModel, quick: boolean): Promise<Row[]> {
  const runs = quick ? 2 : 5;
  const sequential = quick ? 100 : 300;
  const concurrent = quick ? 400 : 1600;
  const batch = quick ? 2000 : 10_000;
  const row = (name: string, items: number): Row => ({ name, items, raw: [], dynamodel: [] });
  const rows: Row[] = [];
  // Warm-up: connections, code, and above all the server's JIT, which keeps speeding DynamoDB Local up
  // for thousands of requests (a short warm-up favours whichever side runs later).
  const warm = quick ? 500 : 2000;
  await putWorkload.raw(client, itemsFor("warm-raw", warm), 16);
  await putWorkload.dynamodel(User, itemsFor("warm-ours", warm), 16);
  await putWorkload.raw(client, itemsFor("warm-raw-seq", warm / 4), 1);
  await putWorkload.dynamodel(User, itemsFor("warm-ours-seq", warm / 4), 1);
  const puts = (prefix: string, count: number, concurrency: number) =>
    [
      (run: number) => putWorkload.raw(client, itemsFor(`raw-${prefix}-${run}`, count), concurrency),
      (run: number) => putWorkload.dynamodel(User, itemsFor(`ours-${prefix}-${run}`, count), concurrency),
    ] as const;
  rows.push(await compare(row("sequential puts", sequential), runs, ...puts("seq", sequential, 1)));
  rows.push(await compare(row("16-way concurrent puts", concurrent), runs, ...puts("par", concurrent, 16)));
  rows.push(
    await compare(
      row(`batchPut of ${batch.toLocaleString("en")} (4 requests in flight)`, batch),
      runs,
      (run) => batchWorkload.raw(client, itemsFor(`raw-batch-${run}`, batch)),
      (run) => batchWorkload.dynamodel(User, itemsFor(`ours-batch-${run}`, batch)),
    ),
  );
  for (const prefix of ["raw-seq-0", "ours-seq-0", "raw-par-0", "ours-par-0", "raw-batch-0", "ours-batch-0"])
    await assertStored(client, `${prefix}-${prefix.includes("batch") ? batch - 1 : 99}`);
  await batchWorkload.raw(
    client,
    itemsFor("page", 1000).map((item) => ({ ...item, email: PAGE_EMAIL })),
  );
  const counts: number[] = [];
  const count = (work: Promise<number>) => work.then((items) => counts.push(items));
  rows.push(
    await compare(
      row("query of 1,000 items, pages of 100", 1000),
      quick ? 2 : 5,
      () => count(queryWorkload.raw(client, 100)),
      () => count(queryWorkload.dynamodel(User, 100)),
    ),
  );
  assert.ok(
    counts.every((items) => items === 1000),
    `every query read 1,000 items: ${counts.join(", ")}`,
  );
  return rows;
}

function formatRows(rows: Row[]): string {
  const lines = ["| workload | raw SDK | dynamodel | dynamodel ÷ raw SDK |", "| --- | ---: | ---: | ---: |"];
  for (const row of rows) {
    const raw = median(row.raw);
    const ours = median(row.dynamodel);
    const cell = (millis: number) =>
      `${millis.toFixed(0)} ms (${Math.round((row.items / millis) * 1000).toLocaleString("en")} items/s)`;
    lines.push(`| ${row.name} | ${cell(raw)} | ${cell(ours)} | ${(ours / raw).toFixed(2)}× |`);
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const local = await startLocal();
  try {
    await createTable(local.client);
    const User = dynamodelModel({ client: local.client });
    const rows = await measureAll(local.client, User, quick);
    console.log("### DynamoDB Local end to end (wall time, median)\n");
    console.log(formatRows(rows));
  } finally {
    await local.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
