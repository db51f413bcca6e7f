// An index's `project` may name attributes by alias, and a changed COMBINE source makes the combined
// attribute dirty: both as the table and the next save see them.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

it("an index projecting an attribute by its alias projects the stored attribute", async () => {
  const Score = dynamodel.model(
    "AliasProjectScore",
    new Schema({
      userId: String,
      status: { type: String, index: { name: "byStatus", type: "global", project: ["score"] } },
      sc: { type: Number, alias: "score" },
      nick: String,
    }),
    { tableName: uniqueTableName("aliasProject"), throughput: "ON_DEMAND" },
  );
  await Score.table().initialize();
  const { Table } = await rawClient().describeTable({ TableName: Score.table().name });
  expect(Table?.GlobalSecondaryIndexes?.[0]?.Projection).toEqual({
    ProjectionType: "INCLUDE",
    NonKeyAttributes: ["sc"],
  });
  await Score.create({ userId: "u", status: "s", score: 3, nick: "n" });
  const [found] = await Score.query("status").eq("s").using("byStatus").exec();
  expect(found?.toJSON()).toEqual({ userId: "u", status: "s", score: 3 });
});

it("a changed COMBINE source makes the combined attribute dirty, as the save then rewrites it", async () => {
  const Person = dynamodel.model(
    "CombineDirtyPerson",
    new Schema({
      id: String,
      first: String,
      last: String,
      full: dynamodel.type.COMBINE(["first", "last"], " "),
      fa: { type: dynamodel.type.COMBINE(["first", "last"], "-"), alias: "fullAlias" },
    }),
    { tableName: uniqueTableName("combineDirty"), throughput: "ON_DEMAND" },
  );
  await Person.create({ id: "1", first: "a", last: "b" });
  const read = (await Person.get("1"))!;
  expect(read.modifiedPaths()).toEqual([]);
  read.first = "z";
  expect(read.modifiedPaths().sort()).toEqual(["first", "full", "fullAlias"]);
  expect([read.isDirty("full"), read.isDirty("fullAlias")]).toEqual([true, true]);
  await read.save();
  const { Item } = await rawClient().getItem({ TableName: Person.table().name, Key: { id: { S: "1" } } });
  expect(Item).toMatchObject({ full: { S: "z b" }, fa: { S: "z-b" } });
  expect(read.modifiedPaths()).toEqual([]);
});
