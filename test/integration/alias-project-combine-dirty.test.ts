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

it("a COMBINE attribute is not dirty for a source shown through get, nor rewritten from sources a projection did not read", async () => {
  const Tag = dynamodel.model(
    "CombineDirtyTag",
    new Schema({
      id: String,
      name: { type: String, get: (value: unknown) => String(value).toUpperCase() },
      n: Number,
      full: dynamodel.type.COMBINE(["id", "name"]),
    }),
    { tableName: uniqueTableName("combineDirtyTag"), throughput: "ON_DEMAND" },
  );
  await Tag.create({ id: "1", name: "bob", n: 1 });
  const read = (await Tag.get("1"))!;
  expect(read.name).toBe("BOB");
  expect(read.modifiedPaths()).toEqual([]);

  const projected = (await Tag.get("1", { attributes: ["id", "full", "n"] }))!;
  expect(projected.modifiedPaths()).toEqual([]);
  projected.n = 2;
  expect(projected.modifiedPaths()).toEqual(["n"]);
  // A value given for it cannot be checked against sources not read: the value read is kept.
  (projected as unknown as { full: string }).full = "given";
  expect(projected.modifiedPaths()).toEqual(["n"]);
  await projected.save();
  const { Item } = await rawClient().getItem({ TableName: Tag.table().name, Key: { id: { S: "1" } } });
  expect(Item).toEqual({ id: { S: "1" }, name: { S: "bob" }, n: { N: "2" }, full: { S: "1,bob" } });
});
