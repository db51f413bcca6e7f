// An index the schema does not declare (a table made by infrastructure code, `create: false`): a query
// with a raw key condition and a scan reach it with using(), as in Dynamoose; a query built with methods
// cannot (its keys are unknown) and says what to do instead.
import dynamodel, { InvalidParameter } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const names = (items: readonly object[]) => items.map((item) => (item as { name: string }).name).sort();
const byName = (value: string) => ({
  FilterExpression: "#n = :n",
  ExpressionAttributeNames: { "#n": "name" },
  ExpressionAttributeValues: { ":n": value },
});

describe("query().using() and scan().using() with an index the schema does not declare", () => {
  const tableName = uniqueTableName("undeclaredIndex");
  // The schema declares no index: the GSI "name-index" exists only in the table, made with the raw SDK.
  const Cat = dynamodel.model(
    "UndeclaredIndexCat",
    { id: { type: String, hashKey: true }, name: String, age: Number },
    { tableName, create: false, waitForActive: false },
  );

  beforeAll(async () => {
    await rawClient().createTable({
      TableName: tableName,
      KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
      AttributeDefinitions: [
        { AttributeName: "id", AttributeType: "S" },
        { AttributeName: "name", AttributeType: "S" },
      ],
      BillingMode: "PAY_PER_REQUEST",
      GlobalSecondaryIndexes: [
        {
          IndexName: "name-index",
          KeySchema: [{ AttributeName: "name", KeyType: "HASH" }],
          Projection: { ProjectionType: "ALL" },
        },
      ],
    });
    await Cat.create({ id: "1", name: "Will", age: 3 });
    await Cat.create({ id: "2", name: "Will", age: 9 });
    await Cat.create({ id: "3", name: "Tom", age: 5 });
    await Cat.create({ id: "4", age: 1 }); // no name: not in the index
  });

  it("a query with a raw key condition sends IndexName as given and returns the index's items", async () => {
    const query = Cat.query(byName("Will")).using("name-index");
    expect(await query.getRequest()).toMatchObject({
      TableName: tableName,
      IndexName: "name-index",
      KeyConditionExpression: "#n = :n",
      ExpressionAttributeNames: { "#n": "name" },
      ExpressionAttributeValues: { ":n": { S: "Will" } },
    });
    const wills = await query.exec();
    expect(wills.map((cat) => cat.id).sort()).toEqual(["1", "2"]);
    expect(wills.every((cat) => cat instanceof Cat)).toBe(true);
    expect(wills.count).toBe(2);
    // Page by page: the index's lastKey is taken back as the next start.
    const paged = await Cat.query(byName("Will")).using("name-index").limit(1).all().exec();
    expect(paged.map((cat) => cat.id).sort()).toEqual(["1", "2"]);
  });

  it("methods chained after the raw key condition are its filter", async () => {
    const old = await Cat.query(byName("Will")).using("name-index").where("age").gt(5).exec();
    expect(old.map((cat) => cat.id)).toEqual(["2"]);
  });

  it("scan().using() reads the index: only items that have its key", async () => {
    expect(names(await Cat.scan().using("name-index").exec())).toEqual(["Tom", "Will", "Will"]);
  });

  it("a query built with methods keeps an error, saying to declare the index or use a raw condition", async () => {
    const query = Cat.query("name").eq("Will").using("name-index");
    await expect(query.exec()).rejects.toThrow(InvalidParameter);
    await expect(query.exec()).rejects.toThrow(
      /using\("name-index"\): the schema declares no index of that name \(its indexes: none\).*Declare it in the schema.*raw key condition/,
    );
  });

  it("the same index declared in the schema serves a query built with methods", async () => {
    const Declared = dynamodel.model(
      "UndeclaredIndexCatDeclared",
      {
        id: { type: String, hashKey: true },
        name: { type: String, index: { name: "name-index", type: "global" } },
        age: Number,
      },
      { tableName, create: false, waitForActive: false },
    );
    const wills = await Declared.query("name").eq("Will").exec();
    expect(wills.map((cat) => cat.id).sort()).toEqual(["1", "2"]);
  });
});
