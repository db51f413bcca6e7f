// One heap measurement, in a process of its own started with --expose-gc (see heap.ts): 1,000 queries
// of 100 items through the full-SDK client (fresh response objects each time, as from the network),
// every returned item kept. Prints the retained heap per item, in bytes, as JSON.
import { QueryCommand } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { dynamodelModel } from "./adapters/dynamodel";
import { EMAIL, EMAIL_INDEX, TABLE, cannedOutputs } from "./fixtures";
import { createHttpClient } from "./http-client";

const PAGES = 1000;
const library = process.argv[2];
const http = createHttpClient(cannedOutputs);
const User = dynamodelModel(http);

const readPage: () => Promise<unknown[]> =
  library === "dynamodel"
    ? () => User.query("email").eq(EMAIL).exec()
    : async () => {
        const output = await http.client.send(
          new QueryCommand({
            TableName: TABLE,
            IndexName: EMAIL_INDEX,
            KeyConditionExpression: "#email = :email",
            ExpressionAttributeNames: { "#email": "email" },
            ExpressionAttributeValues: { ":email": { S: EMAIL } },
          }),
        );
        return (output.Items ?? []).map((image) => unmarshall(image));
      };

function collect(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc");
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

async function main(): Promise<void> {
  if (library !== "dynamodel" && library !== "raw") throw new Error("usage: heap-child.ts dynamodel|raw");
  await readPage(); // warm up: code, the model, the client's lazily built state
  const kept: unknown[] = [];
  const before = collect();
  for (let page = 0; page < PAGES; page += 1) for (const item of await readPage()) kept.push(item);
  const after = collect();
  if (kept.length !== PAGES * 100) throw new Error(`hydrated ${kept.length} items`);
  console.log(JSON.stringify({ library, items: kept.length, bytesPerItem: (after - before) / kept.length }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
