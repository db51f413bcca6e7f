// entityAttribute reaches every model of the table: one that joins a `new Table()` through its `tableName`
// (its first write carried no name), and one whose schema declares the attribute itself (for its item type;
// it stored no name).
import dynamodel, { Schema } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const keys = { pk: { type: String, hashKey: true }, sk: { type: String, rangeKey: true } } as const;

it("a model joining through tableName stores its name from the first write, and reads resolve by it", async () => {
  const tableName = uniqueTableName("entityJoin");
  const A = dynamodel.model("EntityJoinA", new Schema({ ...keys, a: String }));
  new dynamodel.Table(tableName, [A], { entityAttribute: "_t", throughput: "ON_DEMAND" });
  const B = dynamodel.model("EntityJoinB", new Schema({ ...keys, b: String }), { tableName });
  await B.create({ pk: "1", sk: "b", b: "y" });
  expect(await storedItem(tableName, { pk: { S: "1" }, sk: { S: "b" } })).toEqual({
    pk: { S: "1" },
    sk: { S: "b" },
    b: { S: "y" },
    _t: { S: "EntityJoinB" },
  });
  const read = await A.get({ pk: "1", sk: "b" });
  expect(read).toBeInstanceOf(B);
  expect(read!.toJSON()).toEqual({ pk: "1", sk: "b", b: "y", _t: "EntityJoinB" });
});

it("a schema declaring the entity attribute still stores the model's name", async () => {
  const tableName = uniqueTableName("entityDeclared");
  const A = dynamodel.model("EntityDeclaredA", new Schema({ ...keys, _type: String, a: String }));
  const C = dynamodel.model("EntityDeclaredC", new Schema({ ...keys, c: String }));
  const table = new dynamodel.Table(tableName, [A, C], { entityAttribute: "_type", throughput: "ON_DEMAND" });
  await table.create();
  await A.create({ pk: "1", sk: "a", a: "x" });
  expect((await storedItem(tableName, { pk: { S: "1" }, sk: { S: "a" } }))?._type).toEqual({
    S: "EntityDeclaredA",
  });
  const [found] = await C.query("pk").eq("1").exec();
  expect(found).toBeInstanceOf(A);
  expect(found!.toJSON()).toEqual({ pk: "1", sk: "a", a: "x", _type: "EntityDeclaredA" });
});

it("two models of one name in a table: each reads its own items as its own (one read as the other, hiding its attributes)", async () => {
  const tableName = uniqueTableName("entitySameName");
  const First = dynamodel.model("EntitySameName", new Schema({ ...keys, a: String }));
  const Second = dynamodel.model("EntitySameName", new Schema({ ...keys, b: String }));
  new dynamodel.Table(tableName, [First, Second], { entityAttribute: "_t", throughput: "ON_DEMAND" });
  await Second.create({ pk: "2", sk: "s", b: "y" });
  const read = await Second.get({ pk: "2", sk: "s" });
  expect(read).toBeInstanceOf(Second);
  expect(read?.toJSON()).toEqual({ _t: "EntitySameName", pk: "2", sk: "s", b: "y" });
});

it("a model given to a table twice is an InvalidParameter, as in Dynamoose", () => {
  const Twice = dynamodel.model("EntityTwice", new Schema({ ...keys }));
  expect(() => new dynamodel.Table(uniqueTableName("entityTwice"), [Twice, Twice])).toThrow(
    "Model EntityTwice is given to the table twice.",
  );
});
