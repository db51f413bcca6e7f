// toJSON() gives a Map (which a type.ANY value may hold, stored as a map of its entries) as an object of
// its entries, as stored and as read back; JSON.stringify wrote it as `{}`.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

it("a created item's toJSON() agrees with the table and with a read", async () => {
  const tableName = uniqueTableName("toJsonMap");
  const Doc = dynamodel.model("ToJsonMap", new Schema({ id: String, data: dynamodel.type.ANY }), {
    tableName,
  });
  const created = await Doc.create({
    id: "a",
    data: new Map<string, unknown>([
      ["k", 1],
      ["nested", new Map([["x", true]])],
    ]),
  });
  expect((await storedItem(tableName, { id: { S: "a" } }))!.data).toEqual({
    M: { k: { N: "1" }, nested: { M: { x: { BOOL: true } } } },
  });
  const expected = { id: "a", data: { k: 1, nested: { x: true } } };
  expect(created.toJSON()).toEqual(expected);
  expect(JSON.parse(JSON.stringify(created))).toEqual(expected);
  expect((await Doc.get("a"))!.toJSON()).toEqual(expected);
});
