// diffTable: DescribeTable (+ tags) vs the wanted CreateTable input → ordered update steps. Pure.
import type { CreateTableCommandInput, TableDescription } from "@aws-sdk/client-dynamodb";
import { diffTable } from "../../../lib/table/diff";
import { UPDATE_PARTS } from "../../../lib/table/options";
import { failedReplica, missingReplicas, replicaSteps, unlistedReplicas } from "../../../lib/table/replicas";

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

  it("recreates an index whose keys changed, but updates one whose capacity alone changed in place", () => {
    const rekeyed = current({ GlobalSecondaryIndexes: [gsi("byCity", "town")] });
    expect(
      diffTable({ table: rekeyed }, wanted, ["indexes"]).map((step) =>
        "GlobalSecondaryIndexUpdates" in step.input
          ? Object.keys(step.input.GlobalSecondaryIndexUpdates![0]!)
          : [],
      ),
    ).toEqual([["Delete"], ["Create"]]);
    const changed = current({ GlobalSecondaryIndexes: [gsi("byCity", "city", 9)] });
    const update = {
      part: "indexes",
      operation: "UpdateTable",
      wait: true,
      input: {
        TableName: "T",
        GlobalSecondaryIndexUpdates: [
          {
            Update: {
              IndexName: "byCity",
              ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
            },
          },
        ],
      },
    };
    expect(diffTable({ table: changed }, wanted, ["indexes"])).toEqual([update]);
    // With throughput asked for too, the same single update, counted as throughput.
    expect(diffTable({ table: changed }, wanted, ["throughput", "indexes"])).toEqual([
      { ...update, part: "throughput" },
    ]);
    expect(diffTable({ table: changed }, wanted, ["throughput"])).toEqual([
      { ...update, part: "throughput" },
    ]);
    // On demand, index capacity means nothing.
    const onDemand = { ...wanted, BillingMode: "PAY_PER_REQUEST" as const, ProvisionedThroughput: undefined };
    const onDemandTable = current({
      BillingModeSummary: { BillingMode: "PAY_PER_REQUEST" },
      GlobalSecondaryIndexes: [gsi("byCity", "city", 9)],
    });
    expect(diffTable({ table: onDemandTable }, onDemand, UPDATE_PARTS)).toEqual([]);
    // A table that stays on demand (throughput not asked for) gets no index capacity either.
    expect(diffTable({ table: onDemandTable }, wanted, ["indexes"])).toEqual([]);
  });

  it("an index whose description has no capacity is not a change (endpoints that omit it)", () => {
    const { ProvisionedThroughput: _omitted, ...bare } = gsi("byCity", "city");
    expect(diffTable({ table: current({ GlobalSecondaryIndexes: [bare] }) }, wanted, UPDATE_PARTS)).toEqual(
      [],
    );
  });

  it("on demand → provisioned carries every GSI's capacity in the same call, and nothing more", () => {
    const wantedOwn = {
      ...wanted,
      ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 3 },
      GlobalSecondaryIndexes: [
        { ...gsi("byCity", "city"), ProvisionedThroughput: { ReadCapacityUnits: 4, WriteCapacityUnits: 5 } },
      ],
    };
    const onDemand = current({
      BillingModeSummary: { BillingMode: "PAY_PER_REQUEST" },
      ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
      GlobalSecondaryIndexes: [
        { IndexName: "byCity", KeySchema: [key("city")], Projection: { ProjectionType: "ALL" } },
        { IndexName: "byOld", KeySchema: [key("old")], Projection: { ProjectionType: "ALL" } },
      ],
    });
    const steps = diffTable({ table: onDemand }, wantedOwn, ["throughput", "indexes"]);
    expect(steps.map((step) => step.input)).toEqual([
      {
        TableName: "T",
        BillingMode: "PROVISIONED",
        ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 3 },
        GlobalSecondaryIndexUpdates: [
          {
            Update: {
              IndexName: "byCity",
              ProvisionedThroughput: { ReadCapacityUnits: 4, WriteCapacityUnits: 5 },
            },
          },
          {
            Update: {
              IndexName: "byOld",
              ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 3 },
            },
          },
        ],
      },
      // byCity is kept as it is (no delete and rebuild); byOld, gone from the schemas, is deleted.
      { TableName: "T", GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: "byOld" } }] },
    ]);
  });

  it("a new GSI gets capacity as the table's billing mode after the throughput step needs it", () => {
    const created = (steps: ReturnType<typeof diffTable>) =>
      steps.flatMap((step) =>
        "GlobalSecondaryIndexUpdates" in step.input
          ? (step.input.GlobalSecondaryIndexUpdates ?? []).flatMap((update) =>
              update.Create ? [update.Create] : [],
            )
          : [],
      );
    const noIndexes = { GlobalSecondaryIndexes: [] };
    const onDemandTable = current({ ...noIndexes, BillingModeSummary: { BillingMode: "PAY_PER_REQUEST" } });
    // The table stays on demand (throughput is not updated): no capacity on the new index.
    expect(created(diffTable({ table: onDemandTable }, wanted, ["indexes"]))).toEqual([
      { IndexName: "byCity", KeySchema: [key("city")], Projection: { ProjectionType: "ALL" } },
    ]);
    // It is switched to provisioned first: the schema's capacity.
    expect(created(diffTable({ table: onDemandTable }, wanted, ["throughput", "indexes"]))).toEqual([
      gsi("byCity", "city"),
    ]);
    // The schemas want on demand but the table stays provisioned: the table's own capacity.
    const { ProvisionedThroughput: _none, ...onDemandIndex } = gsi("byCity", "city");
    const onDemand = {
      ...wanted,
      BillingMode: "PAY_PER_REQUEST" as const,
      ProvisionedThroughput: undefined,
      GlobalSecondaryIndexes: [onDemandIndex],
    };
    const provisioned = current({
      ...noIndexes,
      ProvisionedThroughput: { ReadCapacityUnits: 3, WriteCapacityUnits: 4 },
    });
    expect(created(diffTable({ table: provisioned }, onDemand, ["indexes"]))).toEqual([
      { ...onDemandIndex, ProvisionedThroughput: { ReadCapacityUnits: 3, WriteCapacityUnits: 4 } },
    ]);
    expect(created(diffTable({ table: provisioned }, onDemand, UPDATE_PARTS))).toEqual([onDemandIndex]);
  });

  it("without BillingModeSummary, a table reporting 0/0 capacity is on demand", () => {
    const onDemand = { ...wanted, BillingMode: "PAY_PER_REQUEST" as const, ProvisionedThroughput: undefined };
    const zero = current({ ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0 } });
    expect(diffTable({ table: zero }, onDemand, ["throughput"])).toEqual([]);
    expect(diffTable({ table: current() }, onDemand, ["throughput"])).toHaveLength(1);
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

  it("table class: changed when reported; unverified when the description has no TableClassSummary", () => {
    const wantedIa = { ...wanted, TableClass: "STANDARD_INFREQUENT_ACCESS" as const };
    const standard = current({ TableClassSummary: { TableClass: "STANDARD" } });
    expect(diffTable({ table: standard }, wantedIa, ["tableClass"])).toEqual([
      {
        part: "tableClass",
        operation: "UpdateTable",
        wait: true,
        input: { TableName: "T", TableClass: "STANDARD_INFREQUENT_ACCESS" },
      },
    ]);
    expect(diffTable({ table: current() }, wantedIa, ["tableClass"])).toEqual([
      {
        part: "tableClass",
        operation: "UpdateTable",
        wait: true,
        unverified: true,
        input: { TableName: "T", TableClass: "STANDARD_INFREQUENT_ACCESS" },
      },
    ]);
    // Nothing reported and the default wanted: nothing to do.
    expect(diffTable({ table: current() }, wanted, ["tableClass"])).toEqual([]);
    const ia = current({ TableClassSummary: { TableClass: "STANDARD_INFREQUENT_ACCESS" } });
    expect(diffTable({ table: ia }, wantedIa, ["tableClass"])).toEqual([]);
    expect(diffTable({ table: ia }, wanted, ["tableClass"])[0]!.input).toEqual({
      TableName: "T",
      TableClass: "STANDARD",
    });
  });

  it("streams (a new view type disables the stream first)", () => {
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

  it("replication: one UpdateTable per missing region, after the stream it needs, never the home region", () => {
    const replicated = {
      ...wanted,
      StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" as const },
    };
    const regions = ["us-east-1", "us-west-2", "eu-west-1"];
    const table = current({ Replicas: [{ RegionName: "us-west-2", ReplicaStatus: "ACTIVE" }] });
    const steps = diffTable({ table, region: "us-east-1" }, replicated, ["replication"], regions);
    expect(steps).toEqual([
      {
        part: "streams",
        operation: "UpdateTable",
        wait: true,
        input: {
          TableName: "T",
          StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
        },
      },
      {
        part: "replication",
        operation: "UpdateTable",
        wait: true,
        input: { TableName: "T", ReplicaUpdates: [{ Create: { RegionName: "eu-west-1" } }] },
      },
    ]);
    // With "streams" too, the stream step comes once.
    expect(
      diffTable({ table, region: "us-east-1" }, replicated, ["streams", "replication"], regions).map(
        (step) => step.part,
      ),
    ).toEqual(["streams", "replication"]);
    // "replication" without regions changes nothing, not even a stream the options do not ask for.
    const streaming = current({ StreamSpecification: { StreamEnabled: true, StreamViewType: "KEYS_ONLY" } });
    expect(diffTable({ table: streaming }, wanted, ["replication"], [])).toEqual([]);
    // Regions without the "replication" part: nothing either.
    expect(diffTable({ table }, replicated, ["tags"], regions)).toEqual([]);
  });

  it("replicaSteps: unverified when the endpoint reports no Replicas; in the order given", () => {
    const steps = replicaSteps({ TableName: "T" }, ["us-west-2", "ap-south-1"], undefined);
    expect(steps.map((step) => [step.input, "unverified" in step && step.unverified])).toEqual([
      [{ TableName: "T", ReplicaUpdates: [{ Create: { RegionName: "us-west-2" } }] }, true],
      [{ TableName: "T", ReplicaUpdates: [{ Create: { RegionName: "ap-south-1" } }] }, true],
    ]);
    // Replicas reported (even an empty list): a real answer, to be believed.
    expect(replicaSteps({ TableName: "T", Replicas: [] }, ["us-west-2"], undefined)[0]).not.toHaveProperty(
      "unverified",
    );
    // A replica in any state counts as there: nothing is asked twice.
    const creating = {
      TableName: "T",
      Replicas: [{ RegionName: "us-west-2", ReplicaStatus: "CREATING" as const }],
    };
    expect(replicaSteps(creating, ["us-west-2"], undefined)).toEqual([]);
  });

  it("unlistedReplicas and failedReplica read DescribeTable's Replicas", () => {
    const table: TableDescription = {
      TableName: "T",
      Replicas: [
        { RegionName: "us-east-1", ReplicaStatus: "ACTIVE" },
        { RegionName: "us-west-2", ReplicaStatus: "ACTIVE" },
        { RegionName: "ap-south-1", ReplicaStatus: "CREATION_FAILED" },
      ],
    };
    expect(unlistedReplicas(table, ["us-west-2"], "us-east-1")).toEqual(["ap-south-1"]);
    expect(unlistedReplicas(table, ["us-west-2", "ap-south-1"], "us-east-1")).toEqual([]);
    expect(unlistedReplicas({ TableName: "T" }, ["us-west-2"], undefined)).toEqual([]);
    expect(
      missingReplicas(table, ["us-east-1", "us-west-2", "eu-west-1", "ap-south-1"], "us-east-1"),
    ).toEqual(["eu-west-1"]);
    expect(missingReplicas({ TableName: "T" }, ["us-west-2"], undefined)).toEqual(["us-west-2"]);
    expect(failedReplica(table, ["us-west-2", "ap-south-1"])).toBe("ap-south-1");
    // A failure in a region this table's options do not list is not this setup's to report.
    expect(failedReplica(table, ["us-west-2"])).toBeUndefined();
  });
});
