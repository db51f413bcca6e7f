// Models sharing an implicit table through one `tableName` join it together: the first use of one binds
// the others defined by then, so the table is created with every model's indexes (as Dynamoose attaches
// models when they are defined). Before, a model used later had its GSIs missing until an update, and its
// LSIs for good.
import dynamodel from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

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

it("leaves a model whose keys do not match unbound: it is refused on its own use, not the other's", async () => {
  const tableName = uniqueTableName("SharedNameMismatch");
  const Good = dynamodel.model("SharedNameGood", { ...key, name: String }, { tableName });
  const Odd = dynamodel.model("SharedNameOdd", { id: String }, { tableName });
  await Good.create({ pk: "g", sk: "1", name: "fine" });
  await expect(Odd.create({ id: "x" })).rejects.toThrow(
    `hashKey's for all models must match ("pk" and "id")`,
  );
  const { Item } = await rawClient().getItem({
    TableName: tableName,
    Key: { pk: { S: "g" }, sk: { S: "1" } },
  });
  expect(Item).toEqual({ pk: { S: "g" }, sk: { S: "1" }, name: { S: "fine" } });
});
