// The `replication` table option (Dynamoose's Table.mdx): a global table, made with UpdateTable's
// ReplicaUpdates one region per call. DynamoDB Local has no global tables (it answers "Nothing to update"
// and reports no `Replicas`), so the flow against AWS is checked with a middleware that answers the replica
// calls and adds `Replicas` to the real DescribeTable answers, as AWS would.
import {
  DynamoDB,
  type DescribeTableCommandOutput,
  type ReplicaDescription,
  type UpdateTableCommandInput,
} from "@aws-sdk/client-dynamodb";
import dynamodel, {
  Instance,
  OtherError,
  type DynamoCall,
  type LogEvent,
  type TableOptions,
} from "dynamodel";
import { rawClient, testEndpoint, uniqueTableName } from "../support/local";

const fast = { check: { timeout: 10_000, frequency: 5 } };
let counter = 0;
const modelName = (base: string) => `${base}Repl${(counter += 1)}`;

/** An instance whose client is in us-east-1 (the table's home region), on the test's DynamoDB Local. */
function instanceInUsEast1(): Instance {
  const instance = new Instance();
  instance.aws.ddb.set(
    new DynamoDB({
      endpoint: testEndpoint(),
      region: "us-east-1",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    }),
  );
  return instance;
}

async function logged(): Promise<LogEvent[]> {
  const events: LogEvent[] = [];
  (await dynamodel.logger()).providers.add({ log: (event) => void events.push(event as LogEvent) });
  return events;
}
afterEach(async () => (await dynamodel.logger()).providers.clear());

const warnings = (events: readonly LogEvent[]) =>
  events.filter((event) => event.level === "warn").map((event) => [event.category, event.message]);

const describeRaw = async (tableName: string) =>
  (await rawClient().describeTable({ TableName: tableName })).Table!;

const sentUpdates = (calls: readonly DynamoCall[]) =>
  calls
    .filter((call) => call.operation === "UpdateTable")
    .map((call) => call.input as UpdateTableCommandInput);

/** Records every call of `instance`, in order. */
function record(instance: Instance): DynamoCall[] {
  const calls: DynamoCall[] = [];
  instance.use(async (call, next) => {
    calls.push(call);
    return next();
  });
  return calls;
}

/**
 * Plays AWS's part for replicas: answers UpdateTable's ReplicaUpdates (a replica starts CREATING) and adds
 * `Replicas` to every DescribeTable answer. A new replica turns `finalStatus` after `describesUntilDone`
 * descriptions. Everything else reaches DynamoDB Local.
 */
function simulateGlobalTables(
  instance: Instance,
  replicas: ReplicaDescription[],
  { describesUntilDone = 2, finalStatus = "ACTIVE" as ReplicaDescription["ReplicaStatus"] } = {},
): void {
  const pending = new Map<string, number>();
  instance.use(async (call, next) => {
    const input = call.input as UpdateTableCommandInput;
    if (call.operation === "UpdateTable" && input.ReplicaUpdates !== undefined) {
      for (const update of input.ReplicaUpdates) {
        const RegionName = update.Create!.RegionName!;
        replicas.push({ RegionName, ReplicaStatus: "CREATING" });
        pending.set(RegionName, describesUntilDone);
      }
      return { TableDescription: { TableName: input.TableName, Replicas: replicas } };
    }
    const output = await next();
    if (call.operation !== "DescribeTable") return output;
    for (const replica of replicas) {
      const left = pending.get(replica.RegionName!);
      if (left === undefined) continue;
      if (left === 0) {
        replica.ReplicaStatus = finalStatus;
        pending.delete(replica.RegionName!);
      } else pending.set(replica.RegionName!, left - 1);
    }
    const described = output as DescribeTableCommandOutput;
    return {
      ...described,
      Table: { ...described.Table, Replicas: replicas.map((replica) => ({ ...replica })) },
    };
  });
}

describe("replication on DynamoDB Local (no global tables there)", () => {
  it("Table.mdx's example: the table is made with a NEW_AND_OLD_IMAGES stream, replicas are skipped with a warning", async () => {
    const events = await logged();
    const instance = instanceInUsEast1();
    const calls = record(instance);
    const Value = dynamodel.model(modelName("Value"), { id: String, n: Number });
    const table = new instance.Table(uniqueTableName("values"), [Value], {
      create: true,
      update: true,
      replication: { regions: ["us-west-2", "us-west-1"] },
      throughput: "ON_DEMAND",
      waitForActive: fast,
    });
    await Value.create({ id: "a", n: 1 });

    const described = await describeRaw(table.name);
    expect(described.StreamSpecification).toEqual({
      StreamEnabled: true,
      StreamViewType: "NEW_AND_OLD_IMAGES",
    });
    expect(described.BillingModeSummary?.BillingMode).toBe("PAY_PER_REQUEST");
    expect(sentUpdates(calls)).toEqual([
      { TableName: table.name, ReplicaUpdates: [{ Create: { RegionName: "us-west-2" } }] },
      { TableName: table.name, ReplicaUpdates: [{ Create: { RegionName: "us-west-1" } }] },
    ]);
    expect(warnings(events)).toEqual([
      ["table:update:tags", expect.stringContaining("does not support tagging")],
      [
        "table:update:replication",
        `Table "${table.name}": the endpoint does not report replicas and answered "Nothing to update"; no replica was made in us-west-2.`,
      ],
      [
        "table:update:replication",
        `Table "${table.name}": the endpoint does not report replicas and answered "Nothing to update"; no replica was made in us-west-1.`,
      ],
    ]);
    // The table works.
    expect((await rawClient().getItem({ TableName: table.name, Key: { id: { S: "a" } } })).Item).toEqual({
      id: { S: "a" },
      n: { N: "1" },
    });
  });

  it("a provisioned table with replication works on DynamoDB Local (the replicas are skipped)", async () => {
    const events = await logged();
    const instance = instanceInUsEast1();
    const Cat = dynamodel.model(modelName("LocalProvisioned"), { id: String });
    const table = new instance.Table(uniqueTableName("localProvisioned"), [Cat], {
      replication: { regions: ["us-west-2"] },
      waitForActive: fast,
    });
    await Cat.create({ id: "tom" });
    expect((await describeRaw(table.name)).StreamSpecification?.StreamViewType).toBe("NEW_AND_OLD_IMAGES");
    expect(warnings(events).map(([category]) => category)).toEqual(["table:update:replication"]);
    expect((await rawClient().getItem({ TableName: table.name, Key: { id: { S: "tom" } } })).Item).toEqual({
      id: { S: "tom" },
    });
  });

  it('an existing table: replicas (and their stream) only with update including "replication"', async () => {
    const tableName = uniqueTableName("existing");
    const instance = instanceInUsEast1();
    const First = dynamodel.model(modelName("First"), { id: String });
    await new instance.Table(tableName, [First], { waitForActive: fast }).initialize();
    expect((await describeRaw(tableName)).StreamSpecification).toBeUndefined();

    const replication = { regions: ["eu-west-1"] };
    const calls = record(instance);
    const events = await logged();
    const Left = dynamodel.model(modelName("Left"), { id: String });
    await new instance.Table(tableName, [Left], { replication, waitForActive: fast }).initialize();
    expect(sentUpdates(calls)).toEqual([]);
    expect((await describeRaw(tableName)).StreamSpecification).toBeUndefined();
    // Left as it is, but said.
    expect(warnings(events)).toEqual([
      [
        "table:update:replication",
        `Table "${tableName}" has no replica in eu-west-1; \`update: ["replication"]\` adds them.`,
      ],
    ]);

    const Updated = dynamodel.model(modelName("Updated"), { id: String });
    const options: TableOptions = { replication, update: ["replication"], waitForActive: fast };
    await new instance.Table(tableName, [Updated], options).initialize();
    // The stream replication needs comes first, though "streams" was not asked for.
    expect(sentUpdates(calls)).toEqual([
      {
        TableName: tableName,
        StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
      },
      { TableName: tableName, ReplicaUpdates: [{ Create: { RegionName: "eu-west-1" } }] },
    ]);
    expect((await describeRaw(tableName)).StreamSpecification).toEqual({
      StreamEnabled: true,
      StreamViewType: "NEW_AND_OLD_IMAGES",
    });
  });
});

describe("replication against an endpoint with global tables (simulated)", () => {
  it("adds one replica per call, waits for each to be ACTIVE, skips the home region", async () => {
    const events = await logged();
    const instance = instanceInUsEast1();
    const replicas: ReplicaDescription[] = [];
    const calls = record(instance);
    simulateGlobalTables(instance, replicas);
    const Cat = dynamodel.model(modelName("Cat"), { id: String });
    const table = new instance.Table(uniqueTableName("global"), [Cat], {
      replication: { regions: ["us-east-1", "us-west-2", "eu-west-1"] },
      throughput: "ON_DEMAND",
      waitForActive: fast,
    });
    await Cat.create({ id: "tom" });

    const order = calls.map((call) => {
      const regions = (call.input as UpdateTableCommandInput).ReplicaUpdates;
      return regions ? `${call.operation} ${regions[0]!.Create!.RegionName}` : call.operation;
    });
    // us-east-1 is where the table is. Each replica is polled until ACTIVE before the next is asked for.
    // The update step reuses the description the wait ended with.
    expect(order).toEqual([
      "DescribeTable",
      "CreateTable",
      "DescribeTable",
      "UpdateTable us-west-2",
      "DescribeTable",
      "DescribeTable",
      "DescribeTable",
      "UpdateTable eu-west-1",
      "DescribeTable",
      "DescribeTable",
      "DescribeTable",
      "PutItem",
    ]);
    expect(replicas).toEqual([
      { RegionName: "us-west-2", ReplicaStatus: "ACTIVE" },
      { RegionName: "eu-west-1", ReplicaStatus: "ACTIVE" },
    ]);
    expect(warnings(events)).toEqual([]);
    expect((await describeRaw(table.name)).StreamSpecification?.StreamViewType).toBe("NEW_AND_OLD_IMAGES");
  });

  it("never removes a replica the regions leave out: it warns and names it", async () => {
    const tableName = uniqueTableName("unlisted");
    await rawClient().createTable({
      TableName: tableName,
      KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
      AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
      BillingMode: "PAY_PER_REQUEST",
      StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
    });
    const events = await logged();
    const instance = instanceInUsEast1();
    const replicas: ReplicaDescription[] = [
      { RegionName: "us-west-2", ReplicaStatus: "ACTIVE" },
      // Being changed by someone else, for longer than the test's timeout: not waited for (not listed).
      { RegionName: "ap-south-1", ReplicaStatus: "UPDATING" },
    ];
    const calls = record(instance);
    simulateGlobalTables(instance, replicas, { describesUntilDone: 0 });
    const Cat = dynamodel.model(modelName("Kept"), { id: String });
    await new instance.Table(tableName, [Cat], {
      replication: { regions: ["us-west-2", "eu-west-1"] },
      update: true,
      throughput: "ON_DEMAND",
      waitForActive: fast,
    }).initialize();

    expect(sentUpdates(calls)).toEqual([
      { TableName: tableName, ReplicaUpdates: [{ Create: { RegionName: "eu-west-1" } }] },
    ]);
    expect(replicas.map((replica) => replica.RegionName)).toEqual(["us-west-2", "ap-south-1", "eu-west-1"]);
    expect(warnings(events)).toContainEqual([
      "table:update:replication",
      `Table "${tableName}" has replicas in ap-south-1, which \`replication.regions\` does not list; they were left as they are (dynamodel never removes a replica).`,
    ]);
  });

  it("a replica DynamoDB fails to create fails the setup, and every request, naming the region", async () => {
    const instance = instanceInUsEast1();
    const calls = record(instance);
    simulateGlobalTables(instance, [], { finalStatus: "CREATION_FAILED" });
    const Cat = dynamodel.model(modelName("Failed"), { id: String });
    const table = new instance.Table(uniqueTableName("failed"), [Cat], {
      replication: { regions: ["eu-west-1", "us-west-2"] },
      throughput: "ON_DEMAND",
      waitForActive: fast,
    });
    const message = `Table "${table.name}": DynamoDB could not create its replica in eu-west-1.`;
    await expect(Cat.create({ id: "tom" })).rejects.toThrow(new OtherError(message));
    await expect(Cat.get("tom")).rejects.toThrow(message);
    // Nothing was written, and no other replica was asked for after the failure.
    expect(calls.some((call) => call.operation === "PutItem")).toBe(false);
    expect(sentUpdates(calls)).toHaveLength(1);
    expect((await rawClient().scan({ TableName: table.name })).Items).toEqual([]);
    // Running the flow again does not pass over the failed replica: it stays an error until dealt with.
    await expect(table.initialize()).rejects.toThrow(new OtherError(message));
    expect(sentUpdates(calls)).toHaveLength(1);
  });

  it("AWS's refusal of a replica (a provisioned table without write auto scaling) fails the setup with its error", async () => {
    const instance = instanceInUsEast1();
    const calls = record(instance);
    const refusal = "Table write capacity should either be Pay-Per-Request or AutoScaled";
    instance.use(async (call, next) => {
      if (call.operation !== "UpdateTable" || !("ReplicaUpdates" in call.input)) return next();
      throw Object.assign(new Error(refusal), { name: "ValidationException" });
    });
    const Cat = dynamodel.model(modelName("Provisioned"), { id: String });
    const table = new instance.Table(uniqueTableName("provisioned"), [Cat], {
      replication: { regions: ["eu-west-1", "us-west-2"] },
      throughput: { read: 5, write: 5 },
      waitForActive: fast,
    });
    await expect(Cat.create({ id: "tom" })).rejects.toMatchObject({
      name: "ValidationException",
      message: refusal,
    });
    // The table was made (as Dynamoose would) without replicas; nothing was written, no second region tried.
    expect(sentUpdates(calls)).toHaveLength(1);
    expect((await describeRaw(table.name)).TableStatus).toBe("ACTIVE");
    expect((await rawClient().scan({ TableName: table.name })).Items).toEqual([]);
  });

  it("an existing provisioned table may get replicas (its auto scaling is set up elsewhere)", async () => {
    const tableName = uniqueTableName("provisionedExisting");
    const instance = instanceInUsEast1();
    const First = dynamodel.model(modelName("ProvFirst"), { id: String });
    await new instance.Table(tableName, [First], { waitForActive: fast }).initialize();
    const calls = record(instance);
    simulateGlobalTables(instance, [], { describesUntilDone: 0 });
    const Second = dynamodel.model(modelName("ProvSecond"), { id: String });
    await new instance.Table(tableName, [Second], {
      replication: { regions: ["eu-west-1"] },
      update: ["replication"],
      waitForActive: fast,
    }).initialize();
    expect(sentUpdates(calls).map((input) => input.ReplicaUpdates)).toEqual([
      undefined, // the stream
      [{ Create: { RegionName: "eu-west-1" } }],
    ]);
  });

  it("the home region comes from the table's ARN when the client has no region (a mock)", async () => {
    const instance = new Instance();
    const updates: UpdateTableCommandInput[] = [];
    const tableName = uniqueTableName("arn");
    const Table = {
      TableName: tableName,
      TableArn: `arn:aws:dynamodb:eu-west-1:123456789012:table/${tableName}`,
      TableStatus: "ACTIVE",
      KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
      StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
      Replicas: [] as ReplicaDescription[],
    };
    instance.aws.ddb.set({
      describeTable: async () => ({ Table }),
      updateTable: async (input: UpdateTableCommandInput) => {
        updates.push(input);
        Table.Replicas.push({
          RegionName: input.ReplicaUpdates![0]!.Create!.RegionName,
          ReplicaStatus: "ACTIVE",
        });
        return { TableDescription: Table };
      },
    });
    const Cat = dynamodel.model(modelName("Arn"), { id: String });
    await new instance.Table(tableName, [Cat], {
      replication: { regions: ["eu-west-1", "us-west-2"] },
      update: ["replication"],
      waitForActive: fast,
    }).initialize();
    expect(updates).toEqual([
      { TableName: tableName, ReplicaUpdates: [{ Create: { RegionName: "us-west-2" } }] },
    ]);
  });

  it.each([[{}], [{ update: ["replication"] as const }], [{ update: true }]])(
    "waits for a new table to be ACTIVE before adding replicas, even with waitForActive: false (%j)",
    async (more: TableOptions) => {
      const instance = instanceInUsEast1();
      const calls = record(instance);
      simulateGlobalTables(instance, [], { describesUntilDone: 0 });
      // The first descriptions after CreateTable say CREATING, as AWS's do.
      let creatingLeft = 2;
      instance.use(async (call, next) => {
        const output = await next();
        if (call.operation !== "DescribeTable" || creatingLeft === 0) return output;
        const described = output as DescribeTableCommandOutput;
        if (described.Table === undefined) return output;
        creatingLeft -= 1;
        return { ...described, Table: { ...described.Table, TableStatus: "CREATING" } };
      });
      const Cat = dynamodel.model(modelName("Waits"), { id: String });
      await new instance.Table(uniqueTableName("waits"), [Cat], {
        replication: { regions: ["eu-west-1"] },
        throughput: "ON_DEMAND",
        waitForActive: { enabled: false, check: fast.check },
        ...more,
      }).initialize();
      const order = calls.map((call) => call.operation);
      expect(order.slice(0, 5)).toEqual([
        "DescribeTable",
        "CreateTable",
        "DescribeTable",
        "DescribeTable",
        "DescribeTable",
      ]);
      // The update step reuses the ACTIVE description the wait ended with (update: true also lists tags).
      expect(order[5]).toBe(more.update === true ? "ListTagsOfResource" : "UpdateTable");
      expect(order.slice(5).filter((operation) => operation === "DescribeTable")).toHaveLength(1);
      expect(order.slice(5).filter((operation) => operation === "UpdateTable")).toHaveLength(1);
      expect(creatingLeft).toBe(0);
    },
  );
});

describe("bad replication options: a clear error, and no table", () => {
  it.each([
    [
      { regions: "us-west-2" },
      /^Table option `replication.regions` must be an array of region names \("us-west-2"\) \(got "us-west-2"\)\.$/,
    ],
    [
      { regions: ["us-west-2", "uswest1"] },
      /^Table option `replication.regions\[1\]` must be a region name \("us-west-2"\) \(got "uswest1"\)\.$/,
    ],
    [{ regions: ["us-west-2", "us-west-2"] }, /must be a region not listed before \(got "us-west-2"\)/],
    [
      { region: ["us-west-2"] },
      /^Unknown (table|model) option "replication" setting "region": the known ones are regions\.$/,
    ],
    [true, /^Table option `replication` must be \{regions: \[region names\]\} \(got true\)\.$/],
  ])("replication %j", async (replication, message) => {
    const tableName = uniqueTableName("bad");
    const Cat = dynamodel.model(modelName("Bad"), { id: String });
    expect(() => new dynamodel.Table(tableName, [Cat], { replication } as never)).toThrow(message);
    expect(() =>
      dynamodel.model(modelName("BadImplicit"), { id: String }, { tableName, replication } as never),
    ).toThrow(message);
    await expect(rawClient().describeTable({ TableName: tableName })).rejects.toThrow(
      expect.objectContaining({ name: "ResourceNotFoundException" }),
    );
  });

  it("a stream of another view type, in the options or in Table.defaults", async () => {
    const tableName = uniqueTableName("badStream");
    const Cat = dynamodel.model(modelName("BadStream"), { id: String });
    const message =
      'Table option `streamOptions.type` must be "NEW_AND_OLD_IMAGES" with `replication`, which replicates from that stream (got "NEW_IMAGE").';
    const streamOptions = { enabled: true, type: "NEW_IMAGE" } as const;
    expect(
      () => new dynamodel.Table(tableName, [Cat], { replication: { regions: ["us-west-2"] }, streamOptions }),
    ).toThrow(message);
    const instance = new Instance();
    instance.Table.defaults.set({ replication: { regions: ["us-west-2"] } });
    expect(() => new instance.Table(tableName, [Cat], { streamOptions })).toThrow(message);
    expect(() => instance.Table.defaults.set({ replication: { regions: "us-west-2" } } as never)).toThrow(
      /replication\.regions/,
    );
    await expect(rawClient().describeTable({ TableName: tableName })).rejects.toThrow(
      expect.objectContaining({ name: "ResourceNotFoundException" }),
    );
  });
});
