// An existing table whose key or local indexes differ from the models': no update can change them, so the
// update step logs a warning for each difference (it used to skip them silently) and changes nothing.
import type { CreateTableCommandInput } from "@aws-sdk/client-dynamodb";
import dynamodel, { Schema, type LogEvent } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const warnings: LogEvent[] = [];
beforeAll(async () => {
  (await dynamodel.logger()).providers.set({
    log: (event) => void warnings.push(event as LogEvent),
    filter: { level: "warn", category: "table:update:keys" },
  });
});
afterAll(async () => (await dynamodel.logger()).providers.clear());
beforeEach(() => void (warnings.length = 0));

async function existingTable(name: string, extra: Partial<CreateTableCommandInput> = {}): Promise<void> {
  await rawClient().createTable({
    TableName: name,
    KeySchema: [
      { AttributeName: "id", KeyType: "HASH" },
      { AttributeName: "at", KeyType: "RANGE" },
    ],
    AttributeDefinitions: [
      { AttributeName: "id", AttributeType: "S" },
      { AttributeName: "at", AttributeType: "N" },
    ],
    BillingMode: "PAY_PER_REQUEST",
    ...extra,
  });
}

const described = async (name: string) => (await rawClient().describeTable({ TableName: name })).Table!;

it("warns that the key differs, naming both, and changes nothing", async () => {
  const name = uniqueTableName("fixedKey");
  await existingTable(name);
  const Model = dynamodel.model(
    "FixedPartsKey",
    new Schema({ id: { type: Number, hashKey: true }, at: { type: String, rangeKey: true } }),
    { tableName: name, update: true, throughput: "ON_DEMAND" },
  );
  await Model.table().initialize();
  expect(warnings.map((event) => event.message)).toEqual([
    `Table "${name}": its key is id (S, HASH), at (N, RANGE), the models' is id (N, HASH), at (S, RANGE). ` +
      "DynamoDB makes a table's key and local indexes only with the table, so no update can change them; " +
      "requests that need them fail until the table is made again.",
  ]);
  expect((await described(name)).KeySchema).toEqual([
    { AttributeName: "id", KeyType: "HASH" },
    { AttributeName: "at", KeyType: "RANGE" },
  ]);
});

it("warns of a local index the table lacks, or has with other keys or projection", async () => {
  const name = uniqueTableName("fixedLsi");
  await existingTable(name, {
    AttributeDefinitions: [
      { AttributeName: "id", AttributeType: "S" },
      { AttributeName: "at", AttributeType: "N" },
      { AttributeName: "kind", AttributeType: "S" },
    ],
    LocalSecondaryIndexes: [
      {
        IndexName: "byKind",
        KeySchema: [
          { AttributeName: "id", KeyType: "HASH" },
          { AttributeName: "kind", KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "KEYS_ONLY" },
      },
    ],
  });
  const Model = dynamodel.model(
    "FixedPartsLsi",
    new Schema({
      id: { type: String, hashKey: true },
      at: { type: Number, rangeKey: true },
      kind: { type: String, index: { name: "byKind", type: "local" } },
      size: { type: Number, index: { name: "bySize", type: "local" } },
    }),
    { tableName: name, update: ["indexes"], throughput: "ON_DEMAND" },
  );
  await Model.table().initialize();
  expect(warnings.map((event) => event.message.split(". DynamoDB")[0])).toEqual([
    `Table "${name}": its local index "byKind" has keys id (S, HASH), kind (S, RANGE), projection KEYS_ONLY, ` +
      `the models' has keys id (S, HASH), kind (S, RANGE), projection ALL`,
    `Table "${name}": it has no local index "bySize" (keys id (S, HASH), size (N, RANGE), projection ALL)`,
  ]);
  expect((await described(name)).LocalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(["byKind"]);
});

it("says nothing when the table matches, or when update is off", async () => {
  const name = uniqueTableName("fixedSame");
  await existingTable(name);
  const schema = () =>
    new Schema({ id: { type: String, hashKey: true }, at: { type: Number, rangeKey: true }, size: Number });
  const Same = dynamodel.model("FixedPartsSame", schema(), { tableName: name, update: true });
  await Same.table().initialize();
  const other = uniqueTableName("fixedOff");
  await existingTable(other, {
    AttributeDefinitions: [
      { AttributeName: "id", AttributeType: "S" },
      { AttributeName: "at", AttributeType: "S" },
    ],
  });
  const Off = dynamodel.model("FixedPartsOff", schema(), { tableName: other });
  await Off.table().initialize();
  expect(warnings).toEqual([]);
});
