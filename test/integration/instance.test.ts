// SPEC §1: the client accessor, the converter accessor, and independent Instances: two instances in one
// process talk to two DynamoDB Local servers.
import { DynamoDB, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { marshall } from "@aws-sdk/util-dynamodb";
import dynamodel, { Instance, InvalidParameterType } from "dynamodel";
import { startLocal, type LocalDynamoDB } from "dynamodel/local";
import { rawClient, testEndpoint, uniqueTableName } from "../support/local";
import { scratchDirectory } from "../support/scratch-directory";

describe("aws.ddb", () => {
  it("creates a default client lazily, once, and revert() makes a fresh one", () => {
    const instance = new Instance();
    const first = instance.aws.ddb();
    expect(first).toBeInstanceOf(DynamoDB);
    expect(instance.aws.ddb()).toBe(first);
    instance.aws.ddb.revert();
    expect(instance.aws.ddb()).not.toBe(first);
    expect(instance.aws.ddb.DynamoDB).toBe(DynamoDB);
  });

  it("set() takes a DynamoDB or a DynamoDBClient, and refuses anything without send() or named methods", async () => {
    const instance = new Instance();
    const client = new DynamoDBClient({
      endpoint: testEndpoint(),
      region: "local",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
    instance.aws.ddb.set(client);
    // The client in use is the one set, as it was given (SPEC §1, as in Dynamoose).
    expect(instance.aws.ddb()).toBe(client);
    const Bare = dynamodel.model("BareClientModel", { id: String });
    new instance.Table(uniqueTableName("bare"), [Bare], { throughput: "ON_DEMAND" });
    await Bare.create({ id: "a" });
    expect((await Bare.get("a"))?.toJSON()).toEqual({ id: "a" });
    expect(() => instance.aws.ddb.set({} as DynamoDB)).toThrow(InvalidParameterType);
    expect(() => instance.aws.ddb.set({} as DynamoDB)).toThrow(/send\(\) method, or with DynamoDB's named/);
    // The refused value changed nothing: the client set before is still used.
    expect(instance.aws.ddb()).toBe(client);
    expect((await Bare.get("a"))?.toJSON()).toEqual({ id: "a" });
  });

  it("local() points at an endpoint (default http://localhost:8000)", async () => {
    const instance = new Instance();
    instance.aws.ddb.local();
    const endpoint = await (instance.aws.ddb() as DynamoDB).config.endpoint!();
    expect(`${endpoint.hostname}:${endpoint.port}`).toBe("localhost:8000");
    instance.aws.ddb.local("http://127.0.0.1:9999");
    expect((await (instance.aws.ddb() as DynamoDB).config.endpoint!()).port).toBe(9999);
  });
});

describe("aws.ddb.local() on a machine without AWS configuration", () => {
  const root = join(__dirname, "../..");

  it("sends with fixed local region and credentials when the environment has none", async () => {
    const table = uniqueTableName("localNoEnv");
    const home = scratchDirectory("dynamodel-home-");
    const script = `
      const dynamodel = require(${JSON.stringify(join(root, "lib/index.ts"))}).default;
      dynamodel.aws.ddb.local(${JSON.stringify(testEndpoint())});
      const Pet = dynamodel.model(${JSON.stringify(table)}, { id: String, name: String });
      Pet.create({ id: "p1", name: "Rex" })
        .then(() => Pet.get("p1"))
        .then((pet) => console.log(JSON.stringify(pet)), (error) => { console.error(error); process.exit(2); });
    `;
    // Nothing AWS-related survives from this process's environment, and HOME holds no ~/.aws.
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home };
    env.AWS_CONFIG_FILE = join(home, "no-config");
    env.AWS_SHARED_CREDENTIALS_FILE = join(home, "no-credentials");
    env.AWS_EC2_METADATA_DISABLED = "true";
    env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
    const child = spawnSync(process.execPath, ["-r", "esbuild-register", "-e", script], {
      cwd: root,
      encoding: "utf8",
      timeout: 30_000,
      env,
    });
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual({ id: "p1", name: "Rex" });
    const { Item } = await rawClient().getItem({ TableName: table, Key: { id: { S: "p1" } } });
    expect(Item).toEqual({ id: { S: "p1" }, name: { S: "Rex" } });
  });

  it("still uses the region and credentials the environment gives", async () => {
    const saved = { ...process.env };
    process.env.AWS_REGION = "eu-north-1";
    process.env.AWS_ACCESS_KEY_ID = "fromEnvironment";
    process.env.AWS_SECRET_ACCESS_KEY = "secret";
    try {
      const instance = new Instance();
      instance.aws.ddb.local("http://127.0.0.1:9999");
      const config = (instance.aws.ddb() as DynamoDB).config;
      expect(await config.region()).toBe("eu-north-1");
      expect((await config.credentials()).accessKeyId).toBe("fromEnvironment");
    } finally {
      for (const name of ["AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    }
  });
});

describe("aws.converter", () => {
  it("get, set and revert", () => {
    const instance = new Instance();
    const original = instance.aws.converter();
    expect(original.marshall).toBe(marshall);
    const custom = {
      ...original,
      marshall: ((value: Record<string, unknown>) => marshall(value)) as typeof marshall,
    };
    instance.aws.converter.set(custom);
    expect(instance.aws.converter()).toBe(custom);
    instance.aws.converter.revert();
    expect(instance.aws.converter()).toBe(original);
  });
});

describe("two instances, two servers", () => {
  let second: LocalDynamoDB;
  beforeAll(async () => {
    dynamodel.aws.ddb.set(rawClient());
    second = await startLocal();
  }, 60_000);
  afterAll(() => second?.stop());

  it("models of each instance read and write their own endpoint", async () => {
    const other = new dynamodel.Instance();
    other.aws.ddb.set(second.client);
    const Here = dynamodel.model("HereModel", { id: String, where: String });
    const There = dynamodel.model("ThereModel", { id: String, where: String });
    const hereTable = new dynamodel.Table(uniqueTableName("here"), [Here], { throughput: "ON_DEMAND" });
    const thereTable = new other.Table(uniqueTableName("there"), [There], { throughput: "ON_DEMAND" });
    await Promise.all([Here.create({ id: "1", where: "here" }), There.create({ id: "1", where: "there" })]);

    // Asked by name: a page of listTables holds 100 names, and the shared server has more tables than that.
    const firstHas = (name: string) =>
      rawClient()
        .describeTable({ TableName: name })
        .then(
          () => true,
          (error: Error) => (error.name === "ResourceNotFoundException" ? false : Promise.reject(error)),
        );
    expect(await firstHas(hereTable.name)).toBe(true);
    expect(await firstHas(thereTable.name)).toBe(false);
    const secondNames = (await second.client.listTables({})).TableNames!;
    expect(secondNames).toEqual([thereTable.name]);
    expect((await There.get("1"))?.where).toBe("there");
    expect([...(await other.listTables())]).toEqual([thereTable.name]);
    expect(thereTable).toBeInstanceOf(other.Table);
    expect(thereTable).not.toBeInstanceOf(dynamodel.Table);
  });

  it("each instance has its own events and middleware", async () => {
    const other = new dynamodel.Instance();
    other.aws.ddb.set(second.client);
    const seenDefault: string[] = [];
    const seenOther: string[] = [];
    const onDefault = (call: { operation: string }) => seenDefault.push(call.operation);
    dynamodel.events.on("request", onDefault);
    other.events.on("request", (call: { operation: string }) => seenOther.push(call.operation));
    const Own = dynamodel.model("OwnEventsModel", { id: String });
    new other.Table(uniqueTableName("own"), [Own], { throughput: "ON_DEMAND" });
    await Own.create({ id: "x" });
    dynamodel.events.off("request", onDefault);
    expect(seenOther).toContain("PutItem");
    expect(seenDefault).not.toContain("PutItem");
  });
});

describe("Table.defaults of another instance", () => {
  afterEach(() => dynamodel.Table.defaults.set({}));

  it("follow dynamodel.Table.defaults (global in Dynamoose) until the instance sets its own", async () => {
    dynamodel.Table.defaults.set({ prefix: "global_", create: false });
    const instance = new Instance();
    instance.aws.ddb.set(rawClient());
    expect(instance.Table.defaults.get()).toEqual({ prefix: "global_", create: false });
    const Inherits = dynamodel.model("InstanceDefaultsInherit", { id: String });
    const inherits = new instance.Table("Inherit", [Inherits], { initialize: false });
    expect(inherits.name).toBe("global_Inherit");
    // Its own defaults, once set, are its alone: the global ones no longer apply, and are left as they were.
    instance.Table.defaults.set({ prefix: "own_" });
    dynamodel.Table.defaults.set({ prefix: "changed_" });
    expect(instance.Table.defaults.get()).toEqual({ prefix: "own_" });
    const Own = dynamodel.model("InstanceDefaultsOwn", { id: String });
    expect(new instance.Table("Own", [Own], { initialize: false }).name).toBe("own_Own");
    expect(dynamodel.Table.defaults.get()).toEqual({ prefix: "changed_" });
  });
});
