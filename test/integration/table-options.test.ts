// Every table option of SPEC §7, checked against what DynamoDB Local reports (DescribeTable,
// DescribeTimeToLive), and the `update` flow. DynamoDB Local accepts but does not report a table class, and
// does not support tagging calls; those are checked on the exact requests instead.
import dynamodel, { Schema, type DynamoCall } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

let counter = 0;
const name = (base: string) => `${base}Opt${(counter += 1)}`;

const indexed = (indexes: Record<string, unknown>) =>
  new Schema({
    id: { type: String, hashKey: true },
    at: { type: Number, rangeKey: true },
    email: { type: String, index: indexes.email ?? undefined },
    city: { type: String, index: indexes.city ?? undefined },
    score: { type: Number, index: indexes.score ?? undefined },
  });

describe("create with every option", () => {
  const tableName = uniqueTableName("every");
  const Model = dynamodel.model(
    name("Every"),
    indexed({
      email: { name: "byEmail", type: "global", project: ["city"], throughput: { read: 4, write: 5 } },
      score: { name: "byScore", type: "local", project: false },
    }),
    {
      tableName,
      prefix: "pre_",
      suffix: "_suf",
      throughput: { read: 2, write: 3 },
      streamOptions: { enabled: true, type: "NEW_AND_OLD_IMAGES" },
      tags: { team: "core" },
      tableClass: "infrequentAccess",
      expires: { ttl: 60_000, attribute: "expiresAt" },
      waitForActive: { enabled: true, check: { timeout: 10_000, frequency: 50 } },
      create: true,
      update: false,
      initialize: true,
    },
  );

  it("DescribeTable shows keys, indexes, throughput and streams; TTL is on", async () => {
    await Model.table().initialize();
    const fullName = `pre_${tableName}_suf`;
    expect(Model.table().name).toBe(fullName);
    const { Table } = await rawClient().describeTable({ TableName: fullName });
    expect(Table).toMatchObject({
      TableStatus: "ACTIVE",
      KeySchema: [
        { AttributeName: "id", KeyType: "HASH" },
        { AttributeName: "at", KeyType: "RANGE" },
      ],
      ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 3 },
      StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
      GlobalSecondaryIndexes: [
        {
          IndexName: "byEmail",
          KeySchema: [{ AttributeName: "email", KeyType: "HASH" }],
          Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: ["city"] },
          ProvisionedThroughput: { ReadCapacityUnits: 4, WriteCapacityUnits: 5 },
        },
      ],
      LocalSecondaryIndexes: [
        {
          IndexName: "byScore",
          KeySchema: [
            { AttributeName: "id", KeyType: "HASH" },
            { AttributeName: "score", KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "KEYS_ONLY" },
        },
      ],
    });
    expect(Table!.AttributeDefinitions).toEqual(
      expect.arrayContaining([
        { AttributeName: "id", AttributeType: "S" },
        { AttributeName: "at", AttributeType: "N" },
        { AttributeName: "email", AttributeType: "S" },
        { AttributeName: "score", AttributeType: "N" },
      ]),
    );
    const ttl = await rawClient().describeTimeToLive({ TableName: fullName });
    expect(ttl.TimeToLiveDescription).toEqual({ TimeToLiveStatus: "ENABLED", AttributeName: "expiresAt" });
  });

  it("the CreateTable request carries the table class and tags (DynamoDB Local does not report them)", async () => {
    const request = await Model.table().create({ return: "request" });
    expect(request.TableClass).toBe("STANDARD_INFREQUENT_ACCESS");
    expect(request.Tags).toEqual([{ Key: "team", Value: "core" }]);
  });

  it("ON_DEMAND sets pay-per-request billing, with no throughput on the indexes", async () => {
    const OnDemand = dynamodel.model(name("Od"), indexed({ email: { name: "byEmail" } }), {
      tableName: uniqueTableName("ondemand"),
      throughput: "ON_DEMAND",
    });
    await OnDemand.table().initialize();
    const { Table } = await rawClient().describeTable({ TableName: OnDemand.table().name });
    expect(Table!.BillingModeSummary?.BillingMode).toBe("PAY_PER_REQUEST");
    const request = await OnDemand.table().create({ return: "request" });
    expect(request.GlobalSecondaryIndexes![0]!.ProvisionedThroughput).toBeUndefined();
  });

  it("create: false and waitForActive: false send nothing before the first item request", async () => {
    const calls: string[] = [];
    const off = dynamodel.use(async (call, next) => {
      calls.push(call.operation);
      return next();
    });
    const tableName = uniqueTableName("nocreate");
    await rawClient().createTable({
      TableName: tableName,
      KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
      AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
      BillingMode: "PAY_PER_REQUEST",
    });
    const Plain = dynamodel.model(
      name("Plain"),
      { id: String },
      { tableName, create: false, waitForActive: false },
    );
    await Plain.create({ id: "a" });
    await Plain.get("a");
    off();
    expect(calls).toEqual(["PutItem", "GetItem"]);
  });
});

describe("update", () => {
  it("adds one GSI and removes another, one index at a time, and changes throughput and streams", async () => {
    const tableName = uniqueTableName("update");
    const Before = dynamodel.model(name("Before"), indexed({ email: { name: "byEmail" } }), { tableName });
    await Before.table().initialize();

    const calls: DynamoCall[] = [];
    const off = dynamodel.use(async (call, next) => {
      calls.push(call);
      return next();
    });
    const After = dynamodel.model(name("After"), indexed({ city: { name: "byCity", project: ["email"] } }));
    const table = new dynamodel.Table(tableName, [After], {
      update: true,
      throughput: { read: 7, write: 8 },
      streamOptions: { enabled: true, type: "KEYS_ONLY" },
      waitForActive: { check: { frequency: 20 } },
    });
    expect(After.table()).toBe(table);
    await table.initialize();
    off();

    const updates = calls.filter((call) => call.operation === "UpdateTable").map((call) => call.input);
    expect(updates).toEqual([
      { TableName: tableName, ProvisionedThroughput: { ReadCapacityUnits: 7, WriteCapacityUnits: 8 } },
      { TableName: tableName, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: "byEmail" } }] },
      {
        TableName: tableName,
        AttributeDefinitions: [{ AttributeName: "city", AttributeType: "S" }],
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: "byCity",
              KeySchema: [{ AttributeName: "city", KeyType: "HASH" }],
              Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: ["email"] },
              ProvisionedThroughput: { ReadCapacityUnits: 7, WriteCapacityUnits: 8 },
            },
          },
        ],
      },
      { TableName: tableName, StreamSpecification: { StreamEnabled: true, StreamViewType: "KEYS_ONLY" } },
    ]);
    // The tagging calls are tried and, unsupported by DynamoDB Local, skipped.
    expect(calls.map((call) => call.operation)).toContain("ListTagsOfResource");

    const { Table } = await rawClient().describeTable({ TableName: tableName });
    expect(Table!.GlobalSecondaryIndexes!.map((index) => index.IndexName)).toEqual(["byCity"]);
    expect(Table!.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 7, WriteCapacityUnits: 8 });
    expect(Table!.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: "KEYS_ONLY" });

    // Nothing left to change: a second run sends no UpdateTable.
    calls.length = 0;
    const again = dynamodel.use(async (call, next) => {
      calls.push(call);
      return next();
    });
    await table.initialize();
    again();
    expect(calls.filter((call) => call.operation === "UpdateTable")).toEqual([]);
  });

  it("tags: untag what changed or is extra, tag what is missing (tagging calls answered by a middleware)", async () => {
    const instance = new dynamodel.Instance();
    instance.aws.ddb.set(rawClient());
    const tagCalls: DynamoCall[] = [];
    instance.use(async (call, next) => {
      if (call.operation === "ListTagsOfResource") {
        return {
          Tags: [
            { Key: "team", Value: "old" },
            { Key: "stale", Value: "x" },
            { Key: "keep", Value: "k" },
          ],
        };
      }
      if (call.operation === "TagResource" || call.operation === "UntagResource") {
        tagCalls.push(call);
        return {};
      }
      return next();
    });
    const Tagged = dynamodel.model(name("Tagged"), { id: String });
    const table = new instance.Table(uniqueTableName("tags"), [Tagged], {
      update: ["tags"],
      tags: { team: "new", keep: "k", added: "yes" },
    });
    await table.initialize();
    const arn = (await table.describe())!.TableArn;
    expect(tagCalls.map(({ operation, input }) => ({ operation, input }))).toEqual([
      { operation: "UntagResource", input: { ResourceArn: arn, TagKeys: ["team", "stale"] } },
      {
        operation: "TagResource",
        input: {
          ResourceArn: arn,
          Tags: [
            { Key: "team", Value: "new" },
            { Key: "added", Value: "yes" },
          ],
        },
      },
    ]);
  });
});
