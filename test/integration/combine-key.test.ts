// A COMBINE attribute as a key (a common single-table pattern): stored as a string (Combine → S in
// Dynamoose's docs), and given as that string wherever a key is asked for.
import dynamodel, { Schema, type, TypeMismatch } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

describe("COMBINE keys", () => {
  const Order = dynamodel.model(
    "CombineKeyOrder",
    new Schema({
      pk: { type: String, hashKey: true },
      sk: { type: type.COMBINE(["kind", "ref"], "#"), rangeKey: true },
      kind: String,
      ref: String,
      total: Number,
    }),
    { tableName: uniqueTableName("combinekey"), throughput: "ON_DEMAND" },
  );
  const Tag = dynamodel.model(
    "CombineKeyTag",
    new Schema({ id: { type: type.COMBINE(["a", "b"]), hashKey: true }, a: String, b: String }),
    { tableName: uniqueTableName("combinehash"), throughput: "ON_DEMAND" },
  );
  const key = { pk: { S: "p1" }, sk: { S: "order#o1" } };

  beforeAll(async () => {
    await Order.create({ pk: "p1", kind: "order", ref: "o1", total: 5 });
    await Tag.create({ a: "x", b: "y" });
  });

  it("creates the table with the key as S and stores the combined string", async () => {
    const { Table } = await rawClient().describeTable({ TableName: Order.table().name });
    expect(Table?.AttributeDefinitions).toEqual(
      expect.arrayContaining([{ AttributeName: "sk", AttributeType: "S" }]),
    );
    expect(await storedItem(Order.table().name, key)).toMatchObject({ sk: { S: "order#o1" } });
  });

  it("gets, updates and deletes by the combined string", async () => {
    expect((await Order.get({ pk: "p1", sk: "order#o1" }))?.toJSON()).toMatchObject({ total: 5 });
    expect((await Tag.get("x,y"))?.toJSON()).toEqual({ id: "x,y", a: "x", b: "y" });
    await Order.update({ pk: "p1", sk: "order#o1" }, { total: 6 });
    expect(await storedItem(Order.table().name, key)).toMatchObject({ total: { N: "6" } });
    const found = await Order.batchGet([{ pk: "p1", sk: "order#o1" }]);
    expect(found.map((order) => order.total)).toEqual([6]);
    await Order.delete({ pk: "p1", sk: "order#o1" });
    expect(await storedItem(Order.table().name, key)).toBeUndefined();
  });

  it("refuses a key value that is not a string, naming the attribute", async () => {
    await expect(Order.get({ pk: "p1", sk: 5 as never })).rejects.toThrow(TypeMismatch);
    await expect(Order.get({ pk: "p1", sk: 5 as never })).rejects.toThrow('"sk"');
  });
});
