// Table options of the wrong kind are InvalidParameter when the model or table is defined, naming the
// option and the value; before, DynamoDB refused them at setup (a stream view type "ALL") or took them as
// they were (a number tag, a number prefix, waitForActive: "yes").
import dynamodel, { InvalidParameter } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const bad: [string, Record<string, unknown>, RegExp][] = [
  ["streamOptions type", { streamOptions: { enabled: true, type: "ALL" } }, /streamOptions\.type.*"ALL"/],
  ["streamOptions enabled", { streamOptions: { enabled: "yes" } }, /streamOptions\.enabled.*"yes"/],
  [
    "streamOptions enabled without a type",
    { streamOptions: { enabled: true } },
    /`streamOptions\.type` must be set when `streamOptions\.enabled` is true: "NEW_IMAGE".*\(got undefined\)/,
  ],
  ["streamOptions key", { streamOptions: { enable: true } }, /enable/],
  ["waitForActive", { waitForActive: "yes" }, /waitForActive.*"yes"/],
  [
    "waitForActive timeout",
    { waitForActive: { check: { timeout: -1 } } },
    /waitForActive\.check\.timeout.*-1/,
  ],
  ["tags", { tags: { team: 5 } }, /tags\.team.*5/],
  ["prefix", { prefix: 5 }, /prefix.*5/],
  ["suffix", { suffix: null }, /suffix.*null/],
  ["create", { create: "no" }, /create.*"no"/],
  ["initialize", { initialize: 1 }, /initialize.*1/],
  ["entityAttribute", { entityAttribute: "" }, /entityAttribute/],
];

it.each(bad)("refuses a bad %s, and creates nothing", async (_label, options, message) => {
  const tableName = uniqueTableName("badOption");
  expect(() =>
    dynamodel.model(`BadOption${tableName}`, { id: String }, { tableName, ...options } as never),
  ).toThrow(InvalidParameter);
  expect(() =>
    dynamodel.model(`BadOption2${tableName}`, { id: String }, { tableName, ...options } as never),
  ).toThrow(message);
  const { TableNames = [] } = await rawClient().listTables({});
  expect(TableNames).not.toContain(tableName);
});

it("accepts every documented form", async () => {
  const tableName = uniqueTableName("goodOptions");
  const Good = dynamodel.model(
    "GoodOptionsModel",
    { id: String },
    {
      tableName,
      throughput: "ON_DEMAND",
      streamOptions: { enabled: true, type: "NEW_IMAGE" },
      waitForActive: { enabled: true, check: { timeout: 20_000, frequency: 50 } },
      tags: { team: "pets" },
      prefix: "",
      create: true,
      initialize: true,
    },
  );
  await Good.create({ id: "a" });
  const { Table } = await rawClient().describeTable({ TableName: tableName });
  expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: "NEW_IMAGE" });
  expect(() =>
    dynamodel.model("GoodOptionsWait", { id: String }, { waitForActive: false, create: false }),
  ).not.toThrow();
});

it("streamOptions {enabled: true} without a type is fine with replication, which sets NEW_AND_OLD_IMAGES", () => {
  const tableName = uniqueTableName("replicatedStream");
  const Replicated = dynamodel.model(`Replicated${tableName}`, { id: String }, {
    tableName,
    initialize: false,
    replication: { regions: ["us-west-2"] },
    streamOptions: { enabled: true },
  } as never);
  expect(() => Replicated.table()).not.toThrow();
});
