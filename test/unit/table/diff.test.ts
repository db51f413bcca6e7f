// diffTable: DescribeTable (+ tags) vs the wanted CreateTable input → ordered update steps. Pure.
import type { CreateTableCommandInput, TableDescription } from "@aws-sdk/client-dynamodb";
import { diffTable } from "../../../lib/table/diff";
import { UPDATE_PARTS } from "../../../lib/table/options";

const key = (name: string, type: "HASH" | "RANGE" = "HASH") => ({ AttributeName: name, KeyType: type });
const gsi = (name: string, hash: string, read = 1) => ({
  IndexName: name,
  KeySchema: [key(hash)],
  Projection: { ProjectionType: "ALL" as const },
  ProvisionedThroughput: { ReadCapacityUnits: read, WriteCapacityUnits: 1 },
});

const wanted: CreateTableCommandInput = {
  TableName: "T",
  KeySchema: [key("id")],
  AttributeDefinitions: [
    { AttributeName: "id", AttributeType: "S" },
    { AttributeName: "city", AttributeType: "S" },
  ],
  ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
  GlobalSecondaryIndexes: [gsi("byCity", "city")],
};

const current = (overrides: Partial<TableDescription> = {}): TableDescription => ({
  TableName: "T",
  TableArn: "arn:t",
  KeySchema: [key("id")],
  ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1, NumberOfDecreasesToday: 0 },
  GlobalSecondaryIndexes: [{ ...gsi("byCity", "city"), IndexStatus: "ACTIVE" }],
  ...overrides,
});

describe("diffTable", () => {
  it("finds nothing to do for an identical table", () => {
    expect(diffTable({ table: current(), tags: [] }, wanted, UPDATE_PARTS)).toEqual([]);
  });

  it("removes an index the schemas no longer have and adds a new one, one call each, deletes first", () => {
    const steps = diffTable(
      { table: current({ GlobalSecondaryIndexes: [gsi("byEmail", "email")] }) },
      wanted,
      ["indexes"],
    );
    expect(steps).toEqual([
      {
        part: "indexes",
        operation: "UpdateTable",
        wait: true,
        input: { TableName: "T", GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: "byEmail" } }] },
      },
      {
        part: "indexes",
        operation: "UpdateTable",
        wait: true,
        input: {
          TableName: "T",
          AttributeDefinitions: [{ AttributeName: "city", AttributeType: "S" }],
          GlobalSecondaryIndexUpdates: [{ Create: gsi("byCity", "city") }],
        },
      },
    ]);
  });

  it("recreates a changed index (throughput counts unless on demand)", () => {
    const changed = current({ GlobalSecondaryIndexes: [gsi("byCity", "city", 9)] });
    expect(
      diffTable({ table: changed }, wanted, ["indexes"]).map((step) => Object.keys(step.input).pop()),
    ).toEqual(["GlobalSecondaryIndexUpdates", "GlobalSecondaryIndexUpdates"]);
    const onDemand = { ...wanted, BillingMode: "PAY_PER_REQUEST" as const, ProvisionedThroughput: undefined };
    expect(diffTable({ table: changed }, onDemand, ["indexes"])).toEqual([]);
  });

  it("throughput: provisioned numbers, and switches to and from on demand", () => {
    const more = { ...wanted, ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 6 } };
    expect(diffTable({ table: current() }, more, ["throughput"])[0]!.input).toEqual({
      TableName: "T",
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 6 },
    });
    const onDemand = { ...wanted, BillingMode: "PAY_PER_REQUEST" as const };
    expect(diffTable({ table: current() }, onDemand, ["throughput"])[0]!.input).toEqual({
      TableName: "T",
      BillingMode: "PAY_PER_REQUEST",
    });
    const wasOnDemand = current({ BillingModeSummary: { BillingMode: "PAY_PER_REQUEST" } });
    expect(diffTable({ table: wasOnDemand }, wanted, ["throughput"])[0]!.input).toMatchObject({
      BillingMode: "PROVISIONED",
    });
  });

  it("tags: untags changed and extra keys, tags missing and changed ones; nothing when tags are unknown", () => {
    const tagged = {
      ...wanted,
      Tags: [
        { Key: "a", Value: "1" },
        { Key: "b", Value: "2" },
      ],
    };
    const steps = diffTable(
      {
        table: current(),
        tags: [
          { Key: "a", Value: "0" },
          { Key: "z", Value: "9" },
        ],
      },
      tagged,
      ["tags"],
    );
    expect(steps.map(({ operation, input }) => ({ operation, input }))).toEqual([
      { operation: "UntagResource", input: { ResourceArn: "arn:t", TagKeys: ["a", "z"] } },
      {
        operation: "TagResource",
        input: {
          ResourceArn: "arn:t",
          Tags: [
            { Key: "a", Value: "1" },
            { Key: "b", Value: "2" },
          ],
        },
      },
    ]);
    expect(diffTable({ table: current() }, tagged, ["tags"])).toEqual([]);
  });

  it("table class and streams (a new view type disables the stream first)", () => {
    const wantedIa = { ...wanted, TableClass: "STANDARD_INFREQUENT_ACCESS" as const };
    expect(diffTable({ table: current() }, wantedIa, ["tableClass"])[0]!.input).toEqual({
      TableName: "T",
      TableClass: "STANDARD_INFREQUENT_ACCESS",
    });
    const streaming = current({ StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_IMAGE" } });
    const wantKeys = {
      ...wanted,
      StreamSpecification: { StreamEnabled: true, StreamViewType: "KEYS_ONLY" as const },
    };
    expect(diffTable({ table: streaming }, wantKeys, ["streams"]).map((step) => step.input)).toEqual([
      { TableName: "T", StreamSpecification: { StreamEnabled: false } },
      { TableName: "T", StreamSpecification: { StreamEnabled: true, StreamViewType: "KEYS_ONLY" } },
    ]);
    expect(diffTable({ table: streaming }, wanted, ["streams"]).map((step) => step.input)).toEqual([
      { TableName: "T", StreamSpecification: { StreamEnabled: false } },
    ]);
  });

  it("only the parts asked for, in order: throughput, indexes, tags, tableClass, streams", () => {
    const everything = {
      ...wanted,
      ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 },
      GlobalSecondaryIndexes: [],
      Tags: [{ Key: "a", Value: "1" }],
      TableClass: "STANDARD_INFREQUENT_ACCESS" as const,
      StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_IMAGE" as const },
    };
    expect(
      diffTable({ table: current(), tags: [] }, everything, UPDATE_PARTS).map((step) => step.part),
    ).toEqual(["throughput", "indexes", "tags", "tableClass", "streams"]);
    expect(
      diffTable({ table: current(), tags: [] }, everything, ["streams"]).map((step) => step.part),
    ).toEqual(["streams"]);
  });
});
