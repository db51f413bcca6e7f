// Table shapes DynamoDB would refuse are refused before anything is sent, with what to change: a table or
// index name it does not take, a local index on a table without a range key, more than 5 local indexes.
// (Before, DynamoDB's own error came back from CreateTable.) No table is created.
import dynamodel, { InvalidParameter, Schema } from "dynamodel";
import { rawClient, tableExists, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

async function operationsSent(run: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const record = (event: unknown) => sent.push((event as { operation: string }).operation);
  dynamodel.events.on("request", record);
  try {
    await run();
  } finally {
    dynamodel.events.off("request", record);
  }
  return sent;
}

it("a table name DynamoDB does not take is refused before CreateTable", async () => {
  const Model = dynamodel.model("Ab", { id: String }, { throughput: "ON_DEMAND" });
  let outcome: unknown;
  const sent = await operationsSent(() =>
    Model.create({ id: "x" }).catch((error: unknown) => (outcome = error)),
  );
  expect(outcome).toEqual(
    new InvalidParameter(
      'Table name "Ab" is not one DynamoDB takes: 3 to 255 letters, digits, "_", "-" or ".".',
    ),
  );
  expect(sent).toEqual([]);
});

it("a local index on a table without a range key is refused, and no table is created", async () => {
  const name = uniqueTableName("refusedLsi");
  const Model = dynamodel.model(
    "RefusedLsi",
    new Schema({ id: String, rank: { type: Number, index: { name: "byRank", type: "local" } } }),
    { tableName: name, throughput: "ON_DEMAND" },
  );
  await expect(Model.get("x")).rejects.toThrow(
    `Table "${name}": local index "byRank" needs the table to have a range key`,
  );
  expect(await tableExists(name)).toBe(false);
});

it("a misspelt index option is refused where the schema is made", () => {
  expect(
    () => new Schema({ id: String, email: { type: String, index: { nmae: "byEmail" } as never } }),
  ).toThrow('Index on "email": unknown option "nmae"');
});

it("a table's ARN passes the name check and is sent as given", async () => {
  const arn = "arn:aws:dynamodb:us-east-1:000000000000:table/RefusedShapesByArn";
  const Model = dynamodel.model(
    "RefusedShapesArn",
    { id: String },
    {
      tableName: arn,
      create: false,
      waitForActive: false,
    },
  );
  let outcome: unknown;
  const sent = await operationsSent(() => Model.get("a").catch((error: unknown) => (outcome = error)));
  expect(sent).toEqual(["GetItem"]);
  // DynamoDB Local does not resolve ARNs (AWS does): what matters here is that the request went out.
  expect(outcome).not.toBeInstanceOf(InvalidParameter);
});

it("project: [] on a table of several models projects the entity attribute, so reads tell the models apart", async () => {
  const name = uniqueTableName("refusedShapesShared");
  const schema = (extra: string) =>
    new Schema({ id: String, g: { type: String, index: { name: "byG", project: [] } }, [extra]: String });
  const Cat = dynamodel.model("RefusedShapesCat", schema("meow"), { create: false });
  const Dog = dynamodel.model("RefusedShapesDog", schema("bark"), { create: false });
  new dynamodel.Table(name, [Cat, Dog], { entityAttribute: "kind", throughput: "ON_DEMAND" });
  await Cat.create({ id: "c1", g: "x" });
  await Dog.create({ id: "d1", g: "x" });
  const { Table } = await rawClient().describeTable({ TableName: name });
  expect(Table?.GlobalSecondaryIndexes?.[0]?.Projection).toEqual({
    ProjectionType: "INCLUDE",
    NonKeyAttributes: ["kind"],
  });
  const found = await Cat.query("g").eq("x").using("byG").exec();
  expect(
    found.map((item) => [item.id, item instanceof Dog ? "Dog" : item instanceof Cat ? "Cat" : "?"]).sort(),
  ).toEqual([
    ["c1", "Cat"],
    ["d1", "Dog"],
  ]);
});
