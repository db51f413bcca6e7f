// Models sharing an implicit table through one `tableName` join it together: the first use of one binds
// the others defined by then, so the table is created with every model's indexes (as Dynamoose attaches
// models when they are defined). Before, a model used later had its GSIs missing until an update, and its
// LSIs for good.
import dynamodel from "dynamodel";
import { rawClient, tableExists, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const key = { pk: { type: String, hashKey: true }, sk: { type: String, rangeKey: true } } as const;

it("creates the table with the indexes of every model defined with its tableName", async () => {
  const tableName = uniqueTableName("SharedName");
  const Person = dynamodel.model("SharedNamePerson", { ...key, name: String }, { tableName });
  const Contact = dynamodel.model(
    "SharedNameContact",
    {
      ...key,
      email: { type: String, index: { name: "byEmail" } },
      phone: { type: String, index: { name: "byPhone", type: "local" } },
    },
    { tableName },
  );
  await Person.create({ pk: "p", sk: "1", name: "Ann" });
  const { Table } = await rawClient().describeTable({ TableName: tableName });
  expect(Table!.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(["byEmail"]);
  expect(Table!.LocalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(["byPhone"]);

  await Contact.create({ pk: "c", sk: "1", email: "a@b", phone: "555" });
  expect((await Contact.query("email").eq("a@b").exec()).map((contact) => contact.pk)).toEqual(["c"]);
  expect((await Contact.query("pk").eq("c").where("phone").eq("555").using("byPhone").exec()).count).toBe(1);
});

it("refuses in model() a model whose keys do not match: the model defined first keeps its table", async () => {
  const tableName = uniqueTableName("SharedNameMismatch");
  const Good = dynamodel.model("SharedNameGood", { ...key, name: String }, { tableName });
  expect(() => dynamodel.model("SharedNameOdd", { id: String }, { tableName })).toThrow(
    `hashKey's for all models must match ("pk" and "id")`,
  );
  await Good.create({ pk: "g", sk: "1", name: "fine" });
  const { Item } = await rawClient().getItem({
    TableName: tableName,
    Key: { pk: { S: "g" }, sk: { S: "1" } },
  });
  expect(Item).toEqual({ pk: { S: "g" }, sk: { S: "1" }, name: { S: "fine" } });
});

it("leaves out a model's definition replaced since: its indexes are not created, nor its items read as its", async () => {
  const tableName = uniqueTableName("SharedNameReplaced");
  const elsewhere = uniqueTableName("SharedNameElsewhere");
  dynamodel.model(
    "SharedNameRedefined",
    { ...key, old: { type: String, index: { name: "oldIndex", type: "local" } } },
    { tableName, initialize: false },
  );
  // Defined again under its name, in another table.
  const Redefined = dynamodel.model("SharedNameRedefined", { ...key, n: String }, { tableName: elsewhere });
  const Stay = dynamodel.model("SharedNameStay", { ...key, b: String }, { tableName });
  await Stay.create({ pk: "s", sk: "1", b: "x" });
  const { Table } = await rawClient().describeTable({ TableName: tableName });
  expect(Table!.LocalSecondaryIndexes).toBeUndefined();
  await rawClient().putItem({
    TableName: tableName,
    Item: { pk: { S: "o" }, sk: { S: "1" }, old: { S: "x" } },
  });
  const items = await Stay.scan().exec();
  expect(items.every((item) => item instanceof Stay)).toBe(true);
  expect(Redefined.table().name).toBe(elsewhere);
});

it("a replaced definition used after all binds its siblings, never its successor", async () => {
  const tableName = uniqueTableName("SharedNameNested");
  const Old = dynamodel.model(
    "SharedNameNestedModel",
    { ...key, o: { type: String, index: { name: "byX" } } },
    { tableName },
  );
  dynamodel.model(
    "SharedNameNestedModel",
    { ...key, nw: { type: String, index: { name: "byX" } } },
    { tableName },
  );
  dynamodel.model("SharedNameNestedSibling", { ...key, s: String }, { tableName });
  await Old.create({ pk: "a", sk: "b", o: "x" });
  const { Table } = await rawClient().describeTable({ TableName: tableName });
  expect(Table!.GlobalSecondaryIndexes?.map((index) => index.KeySchema)).toEqual([
    [{ AttributeName: "o", KeyType: "HASH" }],
  ]);
});

describe("one index name declared by two models of a table", () => {
  it("is refused when the declarations differ, and nothing is created", async () => {
    const tableName = uniqueTableName("SharedIndexClash");
    const Left = dynamodel.model("SharedIndexLeft", {
      ...key,
      g: { type: String, index: { name: "clash", type: "local" } },
    });
    const Right = dynamodel.model("SharedIndexRight", {
      ...key,
      h: { type: String, index: { name: "clash" } },
    });
    const table = new dynamodel.Table(tableName, [Left, Right]);
    await expect(table.initialize()).rejects.toThrow(
      `Index "clash" is declared twice in the table's schemas, differently: a local index on hash key "pk", ` +
        `range key "g", project true and a global index on hash key "h", project true. Give one of them another name.`,
    );
    expect(await tableExists(tableName)).toBe(false);
  });

  it("is one index when the declarations agree (a throughput given once applies)", async () => {
    const tableName = uniqueTableName("SharedIndexSame");
    const First = dynamodel.model("SharedIndexFirst", {
      ...key,
      g: { type: String, index: { name: "byG", project: ["a", "b"], throughput: { read: 2, write: 3 } } },
    });
    const Second = dynamodel.model("SharedIndexSecond", {
      ...key,
      g: { type: String, index: { name: "byG", project: ["b", "a"] } },
    });
    const table = new dynamodel.Table(tableName, [First, Second], { throughput: { read: 1, write: 1 } });
    await table.initialize();
    const { Table } = await rawClient().describeTable({ TableName: tableName });
    expect(Table!.GlobalSecondaryIndexes).toHaveLength(1);
    expect(Table!.GlobalSecondaryIndexes![0]!.ProvisionedThroughput).toMatchObject({
      ReadCapacityUnits: 2,
      WriteCapacityUnits: 3,
    });
  });

  it.each([
    ["the same units in another order", { read: 2, write: 3 }, { write: 3, read: 2 }],
    ["a number and the same units", 5, { read: 5, write: 5 }],
  ] as const)("takes %s as one capacity", async (_case, first, second) => {
    const tableName = uniqueTableName("SharedIndexUnits");
    const One = dynamodel.model(`SharedIndexUnitsOne${tableName}`, {
      ...key,
      g: { type: String, index: { name: "byG", throughput: first } },
    });
    const Two = dynamodel.model(`SharedIndexUnitsTwo${tableName}`, {
      ...key,
      g: { type: String, index: { name: "byG", throughput: second } },
    });
    await new dynamodel.Table(tableName, [One, Two], { throughput: 1 }).initialize();
    const { Table } = await rawClient().describeTable({ TableName: tableName });
    expect(Table!.GlobalSecondaryIndexes).toHaveLength(1);
  });

  it("compares no capacity on an on-demand table, where DynamoDB has none", async () => {
    const tableName = uniqueTableName("SharedIndexOnDemand");
    const One = dynamodel.model("SharedIndexOnDemandOne", {
      ...key,
      g: { type: String, index: { name: "byG", throughput: 1 } },
    });
    const Two = dynamodel.model("SharedIndexOnDemandTwo", {
      ...key,
      g: { type: String, index: { name: "byG", throughput: 2 } },
    });
    await new dynamodel.Table(tableName, [One, Two], { throughput: "ON_DEMAND" }).initialize();
    const { Table } = await rawClient().describeTable({ TableName: tableName });
    expect(Table!.GlobalSecondaryIndexes).toHaveLength(1);
  });

  it("takes an index capacity as the table's is taken: {read} alone writes 1, null is the table's", async () => {
    const tableName = uniqueTableName("SharedIndexPartial");
    // As JavaScript callers (and Dynamoose's docs) may write them; the types ask for both units.
    const readOnly = { read: 2 } as unknown as { read: number; write: number };
    const none = null as unknown as undefined;
    const One = dynamodel.model("SharedIndexPartialOne", {
      ...key,
      g: { type: String, index: { name: "byG", throughput: readOnly } },
      h: { type: String, index: { name: "byH", throughput: none } },
    });
    const Two = dynamodel.model("SharedIndexPartialTwo", {
      ...key,
      g: { type: String, index: { name: "byG", throughput: { read: 2, write: 1 } } },
    });
    await new dynamodel.Table(tableName, [One, Two], { throughput: 3 }).initialize();
    const { Table } = await rawClient().describeTable({ TableName: tableName });
    const capacity = (name: string) =>
      Table!.GlobalSecondaryIndexes!.find((index) => index.IndexName === name)!.ProvisionedThroughput;
    expect(capacity("byG")).toMatchObject({ ReadCapacityUnits: 2, WriteCapacityUnits: 1 });
    expect(capacity("byH")).toMatchObject({ ReadCapacityUnits: 3, WriteCapacityUnits: 3 });
  });
});

it("lets models sharing a tableName be defined again one by one with new keys (a reload)", async () => {
  const tableName = uniqueTableName("SharedNameReload");
  dynamodel.model("SharedNameReloadA", { pk: String, a: String }, { tableName });
  dynamodel.model("SharedNameReloadB", { pk: String, b: String }, { tableName });
  const A = dynamodel.model("SharedNameReloadA", { id: String, a: String }, { tableName });
  const B = dynamodel.model("SharedNameReloadB", { id: String, b: String }, { tableName });
  await A.create({ id: "1", a: "x" });
  await B.create({ id: "2", b: "y" });
  const { Items } = await rawClient().scan({ TableName: tableName });
  expect(Items?.map((item) => item.id?.S).sort()).toEqual(["1", "2"]);
});

it("refuses a model defined again onto another model's tableName with other keys, as a new one", () => {
  const tableName = uniqueTableName("SharedNameMoved");
  dynamodel.model("SharedNameMovedFirst", { id: String, n: String }, { tableName });
  dynamodel.model("SharedNameMover", { pk: String }, { tableName: uniqueTableName("SharedNameElsewhere") });
  expect(() => dynamodel.model("SharedNameMover", { pk: String, m: String }, { tableName })).toThrow(
    `hashKey's for all models must match ("id" and "pk")`,
  );
});
