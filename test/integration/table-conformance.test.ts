// The setup flow against a real DynamoDB Local, for what an audit found wrong: `initialize: false`,
// `create: false` on a missing table, billing switches with GSIs, GSI capacity changes, TTL attribute
// changes, throughput validation, and endpoints that leave AWS-only fields out of DescribeTable (simulated
// with a middleware that edits the description, as DynamoDB Local reports them all but the table class).
import type { TableDescription } from "@aws-sdk/client-dynamodb";
import dynamodel, {
  InvalidParameter,
  OtherError,
  type DynamoCall,
  type LogEvent,
  type SchemaDefinition,
  type TableOptions,
} from "dynamodel";
import { startLocal, type LocalDynamoDB } from "dynamodel/local";
import { tableExists, uniqueTableName } from "../support/local";

// A DynamoDB Local of this file's own. Its GSI capacity updates and billing switches leave the server
// busy with index work that, on the shared server, stalled other files' GSI deletions (DELETING for over
// a minute) in cold CI runs; nothing here depends on other files' tables.
let server: LocalDynamoDB;
const rawClient = () => server.client;
beforeAll(async () => {
  server = await startLocal();
  dynamodel.aws.ddb.set(server.client);
}, 60_000);
afterAll(() => server.stop());
afterEach(async () => (await dynamodel.logger()).providers.clear());

let counter = 0;
const modelName = (base: string) => `${base}Conf${(counter += 1)}`;
const fast = { check: { timeout: 10_000, frequency: 20 } };

const withEmail = (index: Record<string, unknown> = {}) => ({
  id: String,
  email: { type: String, index: { name: "byEmail", ...index } },
});

/** Every call sent through dynamodel from now until `stop()`. */
function recordCalls(): { calls: DynamoCall[]; stop: () => void } {
  const calls: DynamoCall[] = [];
  const stop = dynamodel.use(async (call, next) => {
    calls.push(call);
    return next();
  });
  return { calls, stop };
}

const sent = (calls: readonly DynamoCall[], operation: string) =>
  calls.filter((call) => call.operation === operation).map((call) => call.input);

/** Sets a table up through a first model, then brings it in line through a second one with `options`. */
async function setUpThenUpdate(
  tableName: string,
  first: { schema: SchemaDefinition; options: TableOptions },
  second: { schema: SchemaDefinition; options: TableOptions },
): Promise<DynamoCall[]> {
  const before = dynamodel.model(modelName("Before"), first.schema);
  await new dynamodel.Table(tableName, [before], { waitForActive: fast, ...first.options }).initialize();
  const after = dynamodel.model(modelName("After"), second.schema);
  const { calls, stop } = recordCalls();
  try {
    await new dynamodel.Table(tableName, [after], { waitForActive: fast, ...second.options }).initialize();
  } finally {
    stop();
  }
  return calls;
}

async function describe_(tableName: string): Promise<TableDescription> {
  return (await rawClient().describeTable({ TableName: tableName })).Table!;
}

async function warnings(): Promise<LogEvent[]> {
  const events: LogEvent[] = [];
  (await dynamodel.logger()).providers.add({ log: (event) => void events.push(event as LogEvent) });
  return events;
}

describe("initialize: false (Dynamoose §3.4)", () => {
  it("requests reject with OtherError until table.initialize(), and send nothing", async () => {
    const Model = dynamodel.model(modelName("Init"), { id: String });
    const tableName = uniqueTableName("noinit");
    const table = new dynamodel.Table(tableName, [Model], { initialize: false, waitForActive: fast });
    const { calls, stop } = recordCalls();
    const refusals = [
      Model.get("x"),
      Model.create({ id: "y" }),
      Model.scan().exec(),
      dynamodel.transaction([Model.transaction.get("x")]),
      table.raw("Scan", { TableName: tableName }),
    ];
    for (const refusal of refusals) {
      await expect(refusal).rejects.toThrow(OtherError);
      await expect(refusal).rejects.toThrow(`Table ${tableName} has not been initialized.`);
    }
    stop();
    expect(calls).toEqual([]);
    expect(await tableExists(tableName, rawClient())).toBe(false);

    await table.initialize();
    await Model.create({ id: "a" });
    const { Item } = await rawClient().getItem({ TableName: tableName, Key: { id: { S: "a" } } });
    expect(Item).toEqual({ id: { S: "a" } });
    expect(await Model.get("a")).toMatchObject({ id: "a" });
  });

  it("requests made while initialize() runs wait for it", async () => {
    const Model = dynamodel.model(modelName("Wait"), { id: String });
    const table = new dynamodel.Table(uniqueTableName("waits"), [Model], {
      initialize: false,
      waitForActive: fast,
    });
    const flow = table.initialize();
    const created = Model.create({ id: "during" });
    await flow;
    await expect(created).resolves.toMatchObject({ id: "during" });
  });

  it("applies to an implicit table made from model options too", async () => {
    const tableName = uniqueTableName("implicit");
    const Model = dynamodel.model(modelName("Imp"), { id: String }, { tableName, initialize: false });
    await expect(Model.get("x")).rejects.toThrow(`Table ${tableName} has not been initialized.`);
    await Model.table().initialize();
    await Model.create({ id: "b" });
    expect(await Model.get("b")).toMatchObject({ id: "b" });
  });
});

describe("create: false on a missing table", () => {
  it("every request rejects at once with DynamoDB's ResourceNotFoundException (no 180 s wait)", async () => {
    const Model = dynamodel.model(modelName("Missing"), { id: String });
    // The built-in waitForActive: a 180 s timeout, polled every second.
    new dynamodel.Table(uniqueTableName("missing"), [Model], { create: false });
    const started = Date.now();
    const results = await Promise.allSettled([Model.get("x"), Model.scan().exec()]);
    const later = await Promise.allSettled([Model.get("y")]);
    expect(Date.now() - started).toBeLessThan(2000);
    for (const result of [...results, ...later]) {
      expect(result.status).toBe("rejected");
      expect((result as PromiseRejectedResult).reason).toMatchObject({
        name: "ResourceNotFoundException",
        operation: "DescribeTable",
      });
    }
  });
});

describe("billing and capacity updates with GSIs", () => {
  it("on demand → provisioned sends every GSI's capacity in the same UpdateTable (update: ['throughput'])", async () => {
    const tableName = uniqueTableName("odToProv");
    const schema = { ...withEmail(), city: { type: String, index: { name: "byCity", throughput: 4 } } };
    const calls = await setUpThenUpdate(
      tableName,
      { schema, options: { throughput: "ON_DEMAND" } },
      { schema, options: { throughput: { read: 2, write: 3 }, update: ["throughput"] } },
    );
    expect(sent(calls, "UpdateTable")).toEqual([
      {
        TableName: tableName,
        BillingMode: "PROVISIONED",
        ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 3 },
        GlobalSecondaryIndexUpdates: expect.arrayContaining([
          {
            Update: {
              IndexName: "byEmail",
              ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 3 },
            },
          },
          {
            Update: {
              IndexName: "byCity",
              ProvisionedThroughput: { ReadCapacityUnits: 4, WriteCapacityUnits: 4 },
            },
          },
        ]),
      },
    ]);
    const table = await describe_(tableName);
    expect(table.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 2, WriteCapacityUnits: 3 });
    const capacities = Object.fromEntries(
      table.GlobalSecondaryIndexes!.map((index) => [index.IndexName, index.ProvisionedThroughput]),
    );
    expect(capacities.byEmail).toMatchObject({ ReadCapacityUnits: 2, WriteCapacityUnits: 3 });
    expect(capacities.byCity).toMatchObject({ ReadCapacityUnits: 4, WriteCapacityUnits: 4 });
  });

  it("update: true does the same switch and keeps the GSIs (no delete and rebuild)", async () => {
    const tableName = uniqueTableName("odToProvAll");
    const calls = await setUpThenUpdate(
      tableName,
      { schema: withEmail(), options: { throughput: "ON_DEMAND" } },
      { schema: withEmail(), options: { throughput: { read: 2, write: 3 }, update: true } },
    );
    const updates = sent(calls, "UpdateTable");
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ BillingMode: "PROVISIONED" });
    const [index] = (await describe_(tableName)).GlobalSecondaryIndexes!;
    expect(index).toMatchObject({
      IndexName: "byEmail",
      ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 3 },
    });
  });

  it("a GSI whose capacity alone changed is updated in place (provisioned 2 → 5, update: true)", async () => {
    const tableName = uniqueTableName("capacity");
    const calls = await setUpThenUpdate(
      tableName,
      { schema: withEmail(), options: { throughput: 2 } },
      { schema: withEmail(), options: { throughput: 5, update: true } },
    );
    expect(sent(calls, "UpdateTable")).toEqual([
      { TableName: tableName, ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } },
      {
        TableName: tableName,
        GlobalSecondaryIndexUpdates: [
          {
            Update: {
              IndexName: "byEmail",
              ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
            },
          },
        ],
      },
    ]);
    const [index] = (await describe_(tableName)).GlobalSecondaryIndexes!;
    expect(index!.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 5, WriteCapacityUnits: 5 });
  });
});

describe("an existing ACTIVE table is described once per setup (as Dynamoose does)", () => {
  it.each([
    [{}],
    [{ update: true }],
    [{ update: ["indexes", "throughput"] }],
    [{ create: false }],
    [{ create: false, update: ["indexes"] }],
  ] as const)("%j", async (options: TableOptions) => {
    const tableName = uniqueTableName("describeOnce");
    const calls = await setUpThenUpdate(
      tableName,
      { schema: withEmail(), options: { throughput: "ON_DEMAND" } },
      { schema: withEmail(), options: { throughput: "ON_DEMAND", ...options } },
    );
    expect(sent(calls, "DescribeTable")).toEqual([{ TableName: tableName }]);
    expect(sent(calls, "CreateTable")).toEqual([]);
    expect(sent(calls, "UpdateTable")).toEqual([]);
  });

  it("a table still CREATING is polled, and the update step reuses the ACTIVE description", async () => {
    const tableName = uniqueTableName("describePoll");
    const first = dynamodel.model(modelName("Poll"), withEmail());
    await new dynamodel.Table(tableName, [first], {
      throughput: "ON_DEMAND",
      waitForActive: fast,
    }).initialize();
    let creatingLeft = 2;
    const { calls, stop } = recordCalls();
    const edit = dynamodel.use(async (call, next) => {
      const output = (await next()) as { Table?: TableDescription };
      if (call.operation !== "DescribeTable" || creatingLeft === 0 || !output.Table) return output;
      creatingLeft -= 1;
      return { ...output, Table: { ...output.Table, TableStatus: "CREATING" } };
    });
    try {
      const second = dynamodel.model(modelName("Poll"), withEmail());
      await new dynamodel.Table(tableName, [second], {
        throughput: "ON_DEMAND",
        waitForActive: fast,
        update: ["indexes"],
      }).initialize();
    } finally {
      edit();
      stop();
    }
    expect(calls.map((call) => call.operation)).toEqual(["DescribeTable", "DescribeTable", "DescribeTable"]);
    expect(creatingLeft).toBe(0);
  });
});

describe("new GSIs follow the billing mode the table keeps", () => {
  it("update: ['indexes'] on an on-demand table, with the default (provisioned) throughput option", async () => {
    const tableName = uniqueTableName("odIndex");
    const calls = await setUpThenUpdate(
      tableName,
      { schema: { id: String }, options: { throughput: "ON_DEMAND" } },
      { schema: withEmail(), options: { update: ["indexes"] } },
    );
    const [create] = sent(calls, "UpdateTable");
    expect(create).toMatchObject({
      GlobalSecondaryIndexUpdates: [{ Create: { IndexName: "byEmail" } }],
    });
    expect(
      (create as { GlobalSecondaryIndexUpdates: [{ Create: object }] }).GlobalSecondaryIndexUpdates[0].Create,
    ).not.toHaveProperty("ProvisionedThroughput");
    const table = await describe_(tableName);
    expect(table.BillingModeSummary?.BillingMode).toBe("PAY_PER_REQUEST");
    expect(table.GlobalSecondaryIndexes!.map((index) => index.IndexName)).toEqual(["byEmail"]);
  });
});

describe("TTL updates", () => {
  const ttlOf = async (tableName: string) =>
    (await rawClient().describeTimeToLive({ TableName: tableName })).TimeToLiveDescription;

  it.each([["ttl"] as const, true] as const)(
    "a new TTL attribute turns TTL off for the old one, then on for the new one (update: %p)",
    async (update) => {
      const tableName = uniqueTableName("ttlMove");
      const schema = { id: String };
      const calls = await setUpThenUpdate(
        tableName,
        { schema, options: { expires: { ttl: 1000, attribute: "old" } } },
        {
          schema,
          options: {
            expires: { ttl: 1000, attribute: "newAttr" },
            update: update === true ? true : [...update],
          },
        },
      );
      expect(sent(calls, "UpdateTimeToLive")).toEqual([
        { TableName: tableName, TimeToLiveSpecification: { AttributeName: "old", Enabled: false } },
        { TableName: tableName, TimeToLiveSpecification: { AttributeName: "newAttr", Enabled: true } },
      ]);
      expect(await ttlOf(tableName)).toEqual({ TimeToLiveStatus: "ENABLED", AttributeName: "newAttr" });
    },
  );

  it.each([true, ["ttl"] as const] as const)(
    "without expires, TTL set up outside the code is never touched (update: %p)",
    async (update) => {
      const tableName = uniqueTableName("ttlKept");
      const calls = await setUpThenUpdate(
        tableName,
        { schema: { id: String }, options: { expires: 1000 } },
        { schema: { id: String }, options: { update } },
      );
      expect(sent(calls, "UpdateTimeToLive")).toEqual([]);
      expect(await ttlOf(tableName)).toEqual({ TimeToLiveStatus: "ENABLED", AttributeName: "ttl" });
    },
  );

  it("without update: ['ttl'] another attribute is left as it is, with a warning", async () => {
    const tableName = uniqueTableName("ttlKeep");
    const events = await warnings();
    const calls = await setUpThenUpdate(
      tableName,
      { schema: { id: String }, options: { expires: { ttl: 1000, attribute: "old" } } },
      { schema: { id: String }, options: { expires: { ttl: 1000, attribute: "newAttr" } } },
    );
    expect(sent(calls, "UpdateTimeToLive")).toEqual([]);
    expect(await ttlOf(tableName)).toEqual({ TimeToLiveStatus: "ENABLED", AttributeName: "old" });
    expect(events.filter((event) => event.level === "warn").map((event) => event.message)).toEqual([
      expect.stringContaining(`TTL is on for "old", not "newAttr"`),
    ]);
  });
});

describe("throughput validation", () => {
  it.each([["bogus"], [-1], [0], [null], [{ read: 1, write: "2" }]])(
    "throughput %p is an InvalidParameter naming the option and the value, at construction",
    (throughput) => {
      const options = { throughput } as unknown as TableOptions;
      const model = () => dynamodel.model(modelName("Tp"), { id: String });
      expect(() => new dynamodel.Table(uniqueTableName("tp"), [model()], options)).toThrow(InvalidParameter);
      expect(() => new dynamodel.Table(uniqueTableName("tp"), [model()], options)).toThrow(
        /`throughput`.*\(got /,
      );
      expect(() => dynamodel.model(modelName("Tp"), { id: String }, options)).toThrow(InvalidParameter);
    },
  );
});

describe("endpoints that leave fields out of DescribeTable (SPEC §1)", () => {
  /** An instance on DynamoDB Local whose DescribeTable answers are edited by `edit`. */
  function editedInstance(edit: (table: TableDescription) => void) {
    const instance = new dynamodel.Instance();
    instance.aws.ddb.set(rawClient());
    instance.use(async (call, next) => {
      const output = (await next()) as { Table?: TableDescription };
      if (call.operation === "DescribeTable" && output.Table) edit(output.Table);
      return output;
    });
    return instance;
  }

  it("GSIs without IndexStatus count as active", async () => {
    const instance = editedInstance((table) => {
      for (const index of table.GlobalSecondaryIndexes ?? []) delete index.IndexStatus;
    });
    const Model = dynamodel.model(modelName("NoStatus"), withEmail());
    new instance.Table(uniqueTableName("nostatus"), [Model], {
      waitForActive: { check: { timeout: 1000, frequency: 20 } },
    });
    await expect(Model.create({ id: "a", email: "e" })).resolves.toMatchObject({ id: "a" });
  });

  it("GSIs without ProvisionedThroughput (and no BillingModeSummary) are not changed", async () => {
    const tableName = uniqueTableName("nocapacity");
    const first = dynamodel.model(modelName("Cap"), withEmail());
    await new dynamodel.Table(tableName, [first], { throughput: 2, waitForActive: fast }).initialize();
    const instance = editedInstance((table) => {
      delete table.BillingModeSummary;
      for (const index of table.GlobalSecondaryIndexes ?? []) delete index.ProvisionedThroughput;
    });
    const calls: DynamoCall[] = [];
    instance.use(async (call, next) => {
      calls.push(call);
      return next();
    });
    const second = dynamodel.model(modelName("Cap"), withEmail());
    await new instance.Table(tableName, [second], {
      throughput: 2,
      update: ["throughput", "indexes"],
      waitForActive: fast,
    }).initialize();
    expect(sent(calls, "UpdateTable")).toEqual([]);
    expect((await describe_(tableName)).GlobalSecondaryIndexes!.map((index) => index.IndexName)).toEqual([
      "byEmail",
    ]);
  });

  it("a provisioned table whose capacity is not reported: a throughput already in place is not a failure", async () => {
    const tableName = uniqueTableName("unreported");
    const first = dynamodel.model(modelName("Unrep"), { id: String });
    await new dynamodel.Table(tableName, [first], { throughput: 3, waitForActive: fast }).initialize();
    const instance = editedInstance((table) => {
      delete table.BillingModeSummary;
      delete table.ProvisionedThroughput;
    });
    const calls: DynamoCall[] = [];
    instance.use(async (call, next) => {
      calls.push(call);
      return next();
    });
    const events = await warnings();
    const second = dynamodel.model(modelName("Unrep"), { id: String });
    const table = new instance.Table(tableName, [second], {
      throughput: 3,
      update: true,
      waitForActive: fast,
    });
    // Sent, since the current capacity is unknown; DynamoDB answers that it equals the current value.
    await expect(table.initialize()).resolves.toBeUndefined();
    expect(sent(calls, "UpdateTable")).toEqual([
      { TableName: tableName, ProvisionedThroughput: { ReadCapacityUnits: 3, WriteCapacityUnits: 3 } },
    ]);
    expect(
      events.filter((event) => event.category === "table:update:throughput").map((e) => e.message),
    ).toEqual([
      `Table "${tableName}": the endpoint does not report its throughput and answered that nothing would change; it was left as it is.`,
    ]);
    await expect(second.create({ id: "a" })).resolves.toMatchObject({ id: "a" });

    // A different capacity is still applied.
    const third = dynamodel.model(modelName("Unrep"), { id: String });
    await new instance.Table(tableName, [third], {
      throughput: 4,
      update: true,
      waitForActive: fast,
    }).initialize();
    expect((await describe_(tableName)).ProvisionedThroughput).toMatchObject({
      ReadCapacityUnits: 4,
      WriteCapacityUnits: 4,
    });
  });

  it("tableClass 'infrequentAccess' + update: true on DynamoDB Local, which never reports a table class", async () => {
    const tableName = uniqueTableName("tableClass");
    const events = await warnings();
    const options: TableOptions = { tableClass: "infrequentAccess", update: true };
    const calls = await setUpThenUpdate(
      tableName,
      { schema: { id: String }, options: { tableClass: "infrequentAccess" } },
      { schema: { id: String }, options },
    );
    expect((await describe_(tableName)).TableClassSummary).toBeUndefined();
    // Asked for once; DynamoDB Local's "Nothing to update" is a warning, not a failed setup.
    expect(sent(calls, "UpdateTable")).toEqual([
      { TableName: tableName, TableClass: "STANDARD_INFREQUENT_ACCESS" },
    ]);
    // (DynamoDB Local has no tagging calls either: that is the other warning.)
    expect(events.filter((event) => event.level === "warn").map((event) => event.category)).toEqual([
      "table:update:tags",
      "table:update:tableClass",
    ]);
    // The standard class on a table that reports none: nothing is sent.
    const again = await setUpThenUpdate(
      uniqueTableName("tableClassStd"),
      { schema: { id: String }, options: {} },
      { schema: { id: String }, options: { update: ["tableClass"] } },
    );
    expect(sent(again, "UpdateTable")).toEqual([]);
  });
});
