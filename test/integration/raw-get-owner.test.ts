// An item of a table of several models with an entity attribute, read without that attribute (a raw
// transaction Get projecting other attributes, or an item stored before the table had models), goes to
// the model whose schemas know its attributes. It went to the model a raw element happened to be matched
// with (the last one defined), which dropped the attributes it does not declare and, saved, wrote its own
// timestamps onto the item.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("rawGetOwner");
const keys = { pk: { type: String, hashKey: true }, sk: { type: Number, rangeKey: true } } as const;
const Rich = dynamodel.model("RawGetOwnerRich", new Schema({ ...keys, counter: Number, name: String }));
const Other = dynamodel.model(
  "RawGetOwnerOther",
  new Schema({ ...keys, title: String }, { timestamps: true }),
);
new dynamodel.Table(tableName, [Rich, Other], { entityAttribute: "_type", throughput: "ON_DEMAND" });
const projectedGet = (key: Record<string, { S: string } | { N: string }>) => ({
  Get: {
    TableName: tableName,
    Key: key,
    ProjectionExpression: "pk, sk, #c",
    ExpressionAttributeNames: { "#c": "counter" },
  },
});

it("a raw Get projecting without the entity attribute builds the item with its own model; saving writes only the change", async () => {
  const key = { pk: { S: "p1" }, sk: { N: "1" } };
  await Rich.create({ pk: "p1", sk: 1, counter: 1, name: "ann" });
  const [projected] = (await dynamodel.transaction([projectedGet(key)])) as unknown as [
    InstanceType<typeof Rich>,
  ];
  expect(projected).toBeInstanceOf(Rich);
  projected.counter = 2;
  await projected.save();
  const stored = (await storedItem(tableName, key))!;
  expect(stored.counter).toEqual({ N: "2" });
  expect(stored.updatedAt).toBeUndefined();
  expect(stored.name).toEqual({ S: "ann" });
});

it("an item stored without the entity attribute goes by its attributes, on every read path", async () => {
  const key = { pk: { S: "p2" }, sk: { N: "1" } };
  await rawClient().putItem({
    TableName: tableName,
    Item: { ...key, counter: { N: "5" }, name: { S: "old" } },
  });
  const [viaRaw] = await dynamodel.transaction([{ Get: { TableName: tableName, Key: key } }]);
  expect(viaRaw).toBeInstanceOf(Rich);
  expect((viaRaw as unknown as InstanceType<typeof Rich>).counter).toBe(5);
  // Read through the other model, the item is still the one whose schema knows its attributes.
  const scanned = await Other.scan().exec();
  expect(scanned.find((item) => item.pk === "p2")).toBeInstanceOf(Rich);
});
