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

describe("an update naming attributes of two schemas", () => {
  const updateTable = uniqueTableName("multiSpan");
  const Span = dynamodel.model(
    "MultiSchemaSpan",
    [new Schema({ id: String, a: Number }), new Schema({ id: String, b: String, at: Date })],
    { tableName: updateTable, throughput: "ON_DEMAND" },
  );
  const storedSpan = (id: string) => storedItem(updateTable, { id: { S: id } });

  it("writes each attribute with the schema that declares it (one was dropped without a word)", async () => {
    await Span.create({ id: "1", a: 1 });
    await Span.update({ id: "1" }, { a: 2, b: "zz", at: new Date(5) } as never);
    expect(await storedSpan("1")).toEqual({ id: { S: "1" }, a: { N: "2" }, b: { S: "zz" }, at: { N: "5" } });
    await dynamodel.transaction([Span.transaction.update({ id: "1" }, { a: 3, b: "tx" } as never)]);
    expect(await storedSpan("1")).toEqual({ id: { S: "1" }, a: { N: "3" }, b: { S: "tx" }, at: { N: "5" } });
  });

  it("refuses a value the declaring schema cannot take, naming it, and writes nothing", async () => {
    await Span.create({ id: "2", a: 1 });
    await expect(Span.update({ id: "2" }, { a: 2, b: 5 } as never)).rejects.toThrow(
      /^"b" must be of type string \(got 5\)$/,
    );
    await expect(Span.update({ id: "2" }, { b: 5 } as never)).rejects.toMatchObject({
      name: "TypeMismatch",
      path: "b",
    });
    expect(await storedSpan("2")).toEqual({ id: { S: "2" }, a: { N: "1" } });
  });
});
