// Model.update and transaction updates on a model with several schemas: the changes are planned with the
// schema that declares their attributes, so nothing a later schema declares is dropped or left unconverted.
import dynamodel, { Schema, type } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const table = uniqueTableName("multiUpdate");
const Shape = dynamodel.model(
  "MultiUpdateShape",
  [
    new Schema({ id: { type: String, hashKey: true }, kind: type.CONSTANT("circle"), radius: Number }),
    new Schema({
      id: { type: String, hashKey: true },
      kind: type.CONSTANT("label"),
      text: { type: String, validate: (value: string) => value.length > 0 },
      at: Date,
    }),
  ],
  { tableName: table },
);

async function stored(id: string) {
  const { Item } = await rawClient().getItem({
    TableName: table,
    Key: { id: { S: id } },
    ConsistentRead: true,
  });
  return Item;
}

describe("updates on a multi-schema model", () => {
  beforeAll(async () => {
    await Shape.create({ id: "c", kind: "circle", radius: 1 });
    await Shape.create({ id: "l", kind: "label", text: "hi", at: new Date(1000) });
  });

  it("converts and checks attributes only the second schema declares", async () => {
    await Shape.update({ id: "l" }, { text: "hello", at: new Date(7000) });
    expect(await stored("l")).toEqual({
      id: { S: "l" },
      kind: { S: "label" },
      text: { S: "hello" },
      at: { N: "7000" },
    });
    await expect(Shape.update({ id: "l" }, { text: "" })).rejects.toThrow(/"text" failed its validate rule/);
    expect((await stored("l"))?.text).toEqual({ S: "hello" });
  });

  it("still plans first-schema updates with the first schema", async () => {
    await Shape.update({ id: "c" }, { $ADD: { radius: 2 } });
    expect((await stored("c"))?.radius).toEqual({ N: "3" });
  });

  it("the one-argument form and transaction updates choose the same way", async () => {
    await Shape.update({ id: "l", text: "one-arg" });
    expect((await stored("l"))?.text).toEqual({ S: "one-arg" });
    await dynamodel.transaction([Shape.transaction.update({ id: "l" }, { $SET: { at: new Date(9000) } })]);
    expect((await stored("l"))?.at).toEqual({ N: "9000" });
  });
});
