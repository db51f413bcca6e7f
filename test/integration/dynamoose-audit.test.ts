// What Dynamoose documents, now typed to compile (test/types/dynamoose-audit.ts), also does what it says
// at run time: `return: null` is the default, one-sided throughput fills the other side, `aws.ddb()` has
// DynamoDB's methods whatever client was set, and `type.UNDEFINED` leaves an attribute out.
import { DynamoDB, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import dynamodel, { Instance, type } from "dynamodel";
import { rawClient, testEndpoint, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));
afterEach(() => dynamodel.Table.defaults.set({}));

const stored = async (tableName: string, id: string) =>
  (await rawClient().getItem({ TableName: tableName, Key: { id: { S: id } } })).Item;

describe("return: null", () => {
  const tableName = uniqueTableName("returnNull");
  const Pet = dynamodel.model("AuditReturnNullPet", { id: String, name: String }, { tableName });

  it("Model.delete, item.delete and transaction.delete take it as the default: the item is deleted", async () => {
    await Pet.create({ id: "a" });
    await Pet.create({ id: "b" });
    await Pet.create({ id: "c" });
    await expect(Pet.delete("a", { return: null })).resolves.toBeUndefined();
    const b = (await Pet.get("b"))!;
    await expect(b.delete({ return: null })).resolves.toBeUndefined();
    await dynamodel.transaction([Pet.transaction.delete("c", { return: null })]);
    expect(await stored(tableName, "a")).toBeUndefined();
    expect(await stored(tableName, "b")).toBeUndefined();
    expect(await stored(tableName, "c")).toBeUndefined();
  });
});

describe("throughput with one side", () => {
  it("takes the other side from the defaults, else 1", async () => {
    const Reads = dynamodel.model("AuditReads", { id: String }, { throughput: { read: 5 } });
    expect((await Reads.table().create({ return: "request" })).ProvisionedThroughput).toEqual({
      ReadCapacityUnits: 5,
      WriteCapacityUnits: 1,
    });
    dynamodel.Table.defaults.set({ throughput: { read: 3, write: 4 } });
    const Writes = dynamodel.model("AuditWrites", { id: String });
    new dynamodel.Table(uniqueTableName("writes"), [Writes], { throughput: { write: 7 } });
    expect((await Writes.table().create({ return: "request" })).ProvisionedThroughput).toEqual({
      ReadCapacityUnits: 3,
      WriteCapacityUnits: 7,
    });
    // Over an on-demand default, the side left out is 1.
    dynamodel.Table.defaults.set({ throughput: "ON_DEMAND" });
    const Over = dynamodel.model("AuditOverOnDemand", { id: String }, { throughput: { read: 2 } });
    expect((await Over.table().create({ return: "request" })).ProvisionedThroughput).toEqual({
      ReadCapacityUnits: 2,
      WriteCapacityUnits: 1,
    });
  });

  it("creates a real table with it", async () => {
    const tableName = uniqueTableName("oneSided");
    const Counter = dynamodel.model("AuditOneSided", { id: String }, { tableName, throughput: { read: 5 } });
    await Counter.table().initialize();
    const { Table } = await rawClient().describeTable({ TableName: tableName });
    expect(Table?.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 5, WriteCapacityUnits: 1 });
  });
});

describe("aws.ddb() is a DynamoDB", () => {
  it("a DynamoDB set is returned as it is", () => {
    const instance = new Instance();
    const client = new DynamoDB({ region: "local" });
    instance.aws.ddb.set(client);
    expect(instance.aws.ddb()).toBe(client);
  });

  // As Dynamoose returns it, and as SPEC §1 says: the client in use is the one set.
  it("a bare DynamoDBClient is returned as it is, and dynamodel's requests go through it", async () => {
    const tableName = uniqueTableName("bareDdb");
    await rawClient().createTable({
      TableName: tableName,
      KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
      AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
      BillingMode: "PAY_PER_REQUEST",
    });
    await rawClient().putItem({ TableName: tableName, Item: { id: { S: "x" } } });
    const bare = new DynamoDBClient({
      endpoint: testEndpoint(),
      region: "local",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
    const sent: string[] = [];
    bare.middlewareStack.add(
      (next, context) => (args) => {
        sent.push(String(context.commandName));
        return next(args);
      },
      { step: "initialize", name: "auditSeen" },
    );
    const instance = new Instance();
    instance.aws.ddb.set(bare);
    expect(instance.aws.ddb()).toBe(bare);
    const Bare = dynamodel.model("AuditBareDdb", { id: String }, { create: false, waitForActive: false });
    new instance.Table(tableName, [Bare], { create: false, waitForActive: false });
    expect((await Bare.get("x"))?.toJSON()).toEqual({ id: "x" });
    expect(sent).toEqual(["GetItemCommand"]);
  });
});

describe("type.UNDEFINED in new items", () => {
  it("leaves the attribute out, and skips its default", async () => {
    const tableName = uniqueTableName("undefinedInput");
    const User = dynamodel.model(
      "AuditUndefinedUser",
      { id: String, name: String, role: { type: String, default: "member" } },
      { tableName },
    );
    const saved = await new User({ id: "1", name: type.UNDEFINED, role: dynamodel.type.UNDEFINED }).save();
    expect(await stored(tableName, "1")).toEqual({ id: { S: "1" } });
    // The item still says "left out" (a second save skips the default again, as Dynamoose's item, which
    // keeps the marker too), but shows no value for it.
    expect(saved.toJSON()).toEqual({ id: "1" });
    expect(JSON.parse(JSON.stringify(saved))).toEqual({ id: "1" });
    expect(saved.isDirty()).toBe(false);
    await saved.save();
    expect(await stored(tableName, "1")).toEqual({ id: { S: "1" } });
    // create() resolves with an item the caller has not seen before, as Dynamoose's resolves with a new
    // one: it holds what was stored, no marker (a symbol where the type says string | undefined).
    const created = await User.create({ id: "3", name: type.UNDEFINED, role: type.UNDEFINED });
    expect({ ...created }).toEqual({ id: "3" });
    expect("name" in created || "role" in created).toBe(false);
    expect(await stored(tableName, "3")).toEqual({ id: { S: "3" } });
    await User.create({ id: "2", name: "Ann" });
    expect(await stored(tableName, "2")).toEqual({
      id: { S: "2" },
      name: { S: "Ann" },
      role: { S: "member" },
    });
  });
});
