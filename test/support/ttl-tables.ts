// Tables for the `expires` tests, made with the raw SDK so their TTL is never turned on: DynamoDB Local
// hides and deletes expired items itself once TTL is on, so what such a table hides, dynamodel hid.
import { rawClient } from "./local";

/** Epoch seconds now, as DynamoDB's TTL counts. */
export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A `group` (hash) + `id` (range) string-keyed table, on demand, TTL off. */
export async function createTtlOffTable(tableName: string): Promise<void> {
  await rawClient().createTable({
    TableName: tableName,
    KeySchema: [
      { AttributeName: "group", KeyType: "HASH" },
      { AttributeName: "id", KeyType: "RANGE" },
    ],
    AttributeDefinitions: [
      { AttributeName: "group", AttributeType: "S" },
      { AttributeName: "id", AttributeType: "S" },
    ],
    BillingMode: "PAY_PER_REQUEST",
  });
}
