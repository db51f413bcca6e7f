// A read item of a model with several schemas that moves to another of its shapes: the save removes the
// attributes it no longer has, which the schema it left declared (the stored result equals a full
// overwrite, SPEC §4). They were left in the table, unseen by reads under the new shape.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("multiSwitch");
const Entry = dynamodel.model(
  "MultiSchemaSwitch",
  [new Schema({ id: String, a: String }), new Schema({ id: String, b: String, c: String })],
  { tableName, throughput: "ON_DEMAND" },
);
const stored = (id: string) => storedItem(tableName, { id: { S: id } });

it("a save that moves a read item to another schema removes what it no longer has", async () => {
  await Entry.create({ id: "1", a: "old" });
  const item = (await Entry.get("1"))!;
  delete (item as { a?: string }).a;
  Object.assign(item, { b: "x", c: "y" });
  expect([...item.modifiedPaths()].sort()).toEqual(["a", "b", "c"]);
  await item.save();
  expect(await stored("1")).toEqual({ id: { S: "1" }, b: { S: "x" }, c: { S: "y" } });
  expect(item.isDirty()).toBe(false);
});

it("attributes no schema of the model declares are still left alone", async () => {
  await Entry.create({ id: "2", a: "old" });
  await rawClient().updateItem({
    TableName: tableName,
    Key: { id: { S: "2" } },
    UpdateExpression: "SET foreign_note = :v",
    ExpressionAttributeValues: { ":v": { S: "theirs" } },
  });
  const item = (await Entry.get("2"))!;
  delete (item as { a?: string }).a;
  Object.assign(item, { b: "x" });
  await item.save();
  expect(await stored("2")).toEqual({ id: { S: "2" }, b: { S: "x" }, foreign_note: { S: "theirs" } });
});
