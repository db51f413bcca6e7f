// Dynamoose parities an audit of Dynamoose's documentation found missing: serializeMany() with nothing,
// Table.defaults.get() as a copy, the model's Item and Model own properties, original() with every stored
// attribute.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("Parity");
const Thing = dynamodel.model("ParityThing", new Schema({ id: String, v: Number }), { tableName });
const key = (id: string) => ({ id: { S: id } });

describe("small Dynamoose parities", () => {
  it("serializeMany() with nothing gives [] and Table.defaults.get() gives a copy", () => {
    expect(Thing.serializeMany()).toEqual([]);
    dynamodel.Table.defaults.set({ prefix: "p_", throughput: { read: 2, write: 2 } });
    try {
      const copy = dynamodel.Table.defaults.get() as { prefix?: string; throughput: { read: number } };
      copy.prefix = "changed_";
      copy.throughput.read = 5;
      expect(dynamodel.Table.defaults.get()).toEqual({ prefix: "p_", throughput: { read: 2, write: 2 } });
    } finally {
      dynamodel.Table.defaults.set({});
    }
  });
});

describe("Dynamoose's Model.Item and Model.Model", () => {
  it("Item is the item class (the model itself); Model summarises the model", async () => {
    const item = new Thing.Item({ id: "i1", v: 1 });
    expect(item).toBeInstanceOf(Thing);
    await item.save();
    expect((await storedItem(tableName, key("i1")))?.v).toEqual({ N: "1" });
    expect(Thing.Model.name).toBe("ParityThing");
    expect(Thing.Model.getHashKey()).toBe("id");
    expect(Thing.Model.getRangeKey()).toBeUndefined();
    expect(Thing.Model.schemas).toBe(Thing.schemas);
    expect(Thing.Model.table().name).toBe(tableName);
    // Like every built-in, they cannot be replaced by a custom method (ignored, as in Dynamoose).
    Thing.methods.set("Item", () => 1);
    expect(Thing.Item).toBe(Thing);
  });
});

describe("original()", () => {
  it("holds every stored attribute, those the schema does not declare too, as Dynamoose's does", async () => {
    const Plain = dynamodel.model(
      "OriginalPlain",
      { id: String, n: Number, when: Date },
      {
        tableName: uniqueTableName("OriginalPlain"),
      },
    );
    await Plain.create({ id: "a", n: 1, when: new Date(0) });
    await rawClient().updateItem({
      TableName: Plain.table().name,
      Key: key("a"),
      UpdateExpression: "SET junk = :junk",
      ExpressionAttributeValues: { ":junk": { M: { deep: { N: "2" } } } },
    });
    const item = (await Plain.get("a"))!;
    expect(item.original()).toEqual({ id: "a", n: 1, when: new Date(0), junk: { deep: 2 } });
    expect(item.toJSON()).toEqual({ id: "a", n: 1, when: new Date(0).toISOString() });
  });
});
