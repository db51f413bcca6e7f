// `npm run demo`: a short tour of dynamodel against an embedded DynamoDB Local.
// It starts the server, works with it, prints what it does, stops the server and exits 0.
import { startLocal } from "dynamodel/local";

function step(text: string): void {
  console.log(`\n▸ ${text}`);
}

async function main(): Promise<void> {
  step("Starting DynamoDB Local (Java, in memory, on a free port)…");
  const started = Date.now();
  const local = await startLocal();
  console.log(`  listening on ${local.endpoint} after ${Date.now() - started} ms`);

  try {
    step('Creating the table "Cats"');
    await local.client.createTable({
      TableName: "Cats",
      KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
      AttributeDefinitions: [{ AttributeName: "id", AttributeType: "N" }],
      BillingMode: "PAY_PER_REQUEST",
    });
    const { Table } = await local.client.describeTable({ TableName: "Cats" });
    console.log(`  status ${Table?.TableStatus}, key ${JSON.stringify(Table?.KeySchema)}`);

    step("Listing tables");
    const { TableNames = [] } = await local.client.listTables({});
    for (const name of TableNames) console.log(`  • ${name}`);
  } finally {
    step("Stopping DynamoDB Local");
    await local.stop();
    console.log("  stopped. Done.");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
