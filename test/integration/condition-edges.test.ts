// Condition edges a randomized comparison with Dynamoose and hand-written expressions found, against
// DynamoDB Local: a raw condition written in parentheses combined with more, a size() that where() would
// drop, and an empty Set as a value to compare with.
import dynamodel, { Condition, InvalidParameter, Schema, TypeMismatch } from "dynamodel";
import { outcomeAndOperationsSent, rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("condedges");
const Pet = dynamodel.model(
  "CondEdgesPet",
  new Schema({
    id: { type: String, hashKey: true },
    name: String,
    age: Number,
    tags: { type: Set, schema: [String] },
    data: dynamodel.type.ANY,
    shelves: { type: Array, schema: [{ type: Set, schema: [String] }] },
  }),
  { tableName, throughput: "ON_DEMAND" },
);

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id).sort();

/** A raw condition written as one parenthesised unit, as users copy them from DynamoDB's docs. */
const nameIsAnn = () => ({
  FilterExpression: "(#a = :a)",
  ExpressionAttributeNames: { "#a": "name" },
  ExpressionAttributeValues: { ":a": { S: "Ann" } },
});

beforeAll(async () => {
  await Pet.batchPut([
    { id: "a", name: "Ann", age: 1, tags: new Set(["x"]) },
    { id: "b", name: "Ann", age: 5 },
    { id: "c", name: "Bob", age: 5, tags: new Set(["x", "y"]), data: [1, 100] },
  ]);
});

describe("what Dynamoose reads otherwise (docs/migrating-from-dynamoose.md)", () => {
  it("AND-s several comparators of one attribute in the object form", async () => {
    const scan = Pet.scan({ age: { gt: 0, lt: 3 } });
    expect((await scan.getRequest()).FilterExpression).toBe("(#n0 > :v0) AND (#n0 < :v1)");
    expect(ids(await scan.exec())).toEqual(["a"]);
  });

  it("reaches into a list by index", async () => {
    expect(ids(await Pet.scan("data[1]").eq(100).exec())).toEqual(["c"]);
    expect(ids(await Pet.scan("data[0]").eq(100).exec())).toEqual([]);
  });
});

describe("a raw condition in parentheses, combined with more", () => {
  it("is AND-ed with a chained comparison without doubling its parentheses", async () => {
    const scan = Pet.scan(nameIsAnn()).where("age").ge(2);
    const request = await scan.getRequest();
    expect(request.FilterExpression).toBe("(#a = :a) AND (#n0 >= :v0)");
    expect(ids(await scan.exec())).toEqual(["b"]);
  });

  it("is negated inside a group", async () => {
    const scan = Pet.scan().not().group(nameIsAnn());
    expect((await scan.getRequest()).FilterExpression).toBe("NOT (#a = :a)");
    expect(ids(await scan.exec())).toEqual(["c"]);
  });

  it("is OR-ed in a group", async () => {
    const scan = Pet.scan("age").eq(1).or().group(new Condition(nameIsAnn()));
    expect(ids(await scan.exec())).toEqual(["a", "b"]);
  });

  it("as a write condition: deletes when it holds and keeps the item when it does not", async () => {
    const condition = () =>
      new Condition({
        ConditionExpression: "(#a = :a)",
        ExpressionAttributeNames: { "#a": "name" },
        ExpressionAttributeValues: { ":a": { S: "Zed" } },
      })
        .where("age")
        .exists();
    await Pet.create({ id: "gone", name: "Zed", age: 3 });
    await Pet.create({ id: "kept", name: "Amy", age: 3 });
    await Pet.delete("gone", { condition: condition() });
    expect(await storedItem(tableName, { id: { S: "gone" } })).toBeUndefined();
    await expect(Pet.delete("kept", { condition: condition() })).rejects.toMatchObject({
      name: "ConditionalCheckFailedException",
    });
    expect(await storedItem(tableName, { id: { S: "kept" } })).toMatchObject({ name: { S: "Amy" } });
  });

  it("with create(), AND-ed with the item-must-be-new condition", async () => {
    const condition = new Condition({
      ConditionExpression: "(#a <> :a)",
      ExpressionAttributeNames: { "#a": "name" },
      ExpressionAttributeValues: { ":a": { S: "Nobody" } },
    });
    await Pet.create({ id: "new", name: "Neo" }, { condition });
    expect(await storedItem(tableName, { id: { S: "new" } })).toMatchObject({ name: { S: "Neo" } });
  });

  it("keeps the parentheses a raw expression needs", async () => {
    const raw = {
      FilterExpression: "(#a = :a) OR (#g = :g)",
      ExpressionAttributeNames: { "#a": "name", "#g": "age" },
      ExpressionAttributeValues: { ":a": { S: "Bob" }, ":g": { N: "1" } },
    };
    const scan = Pet.scan(raw).where("id").ne("zzz");
    expect((await scan.getRequest()).FilterExpression).toBe("((#a = :a) OR (#g = :g)) AND (#n0 <> :v0)");
    expect(ids(await scan.exec())).toEqual(["a", "c"]);
  });
});

describe("size() followed by where()", () => {
  it("is an InvalidParameter from where(), not a size test dropped", () => {
    expect(() => new Condition("tags").size().where("age")).toThrow(InvalidParameter);
    expect(() => new Condition("tags").size().where("age")).toThrow(
      'where() cannot follow size("tags") before it has a comparator: add eq(), gt() or another comparison.',
    );
  });

  it("in a scan chain, is the scan's failure and nothing is sent", async () => {
    const { error, sent } = await outcomeAndOperationsSent(() =>
      Pet.scan("tags").size().where("age").eq(1).exec(),
    );
    expect(error).toBeInstanceOf(InvalidParameter);
    expect(sent).toEqual([]);
  });

  it("a where() after a bare attribute still replaces it, as in Dynamoose", async () => {
    expect(ids(await Pet.scan("tags").where("age").eq(1).exec())).toEqual(["a"]);
  });
});

describe("an empty Set as a value to compare with", () => {
  it.each<[string, () => Condition]>([
    ["eq(new Set())", () => new Condition("tags").eq(new Set())],
    ["ne(new Set())", () => new Condition("tags").ne(new Set())],
    ["eq([]) on a Set attribute", () => new Condition("tags").eq([])],
    ["in([new Set(), …])", () => new Condition("tags").in([new Set(), new Set(["x"])])],
    ["an ANY attribute", () => new Condition("data").eq(new Set())],
    ["an undeclared attribute", () => new Condition("other").eq(new Set())],
  ])(
    "%s is a TypeMismatch naming the attribute (it stores nothing), and nothing is sent",
    async (_name, make) => {
      const { error, sent } = await outcomeAndOperationsSent(() => Pet.scan(make()).exec());
      expect(sent).toEqual([]);
      expect(error).toBeInstanceOf(TypeMismatch);
      expect((error as TypeMismatch).message).toMatch(
        /^"(tags|data|other)" must be a value a save would store \(DynamoDB has no empty sets: a saved empty Set leaves the attribute out; exists\(false\) finds such items, exists\(\) the others\)/,
      );
    },
  );

  it("as a write condition, leaves the item unchanged", async () => {
    await expect(
      Pet.update("c", { age: 9 }, { condition: new Condition("tags").ne(new Set()) }),
    ).rejects.toThrow(TypeMismatch);
    expect(await storedItem(tableName, { id: { S: "c" } })).toMatchObject({ age: { N: "5" } });
  });

  it("a non-empty Set still matches the stored set", async () => {
    expect(
      ids(
        await Pet.scan("tags")
          .eq(new Set(["y", "x"]))
          .exec(),
      ),
    ).toEqual(["c"]);
  });

  it("at a list element, is NULL, as a save stores it there", async () => {
    await Pet.create({ id: "shelved", shelves: [new Set(), new Set(["q"])] });
    const stored = await storedItem(tableName, { id: { S: "shelved" } });
    expect(stored?.shelves).toEqual({ L: [{ NULL: true }, { SS: ["q"] }] });
    expect(ids(await Pet.scan("shelves[0]").eq(new Set()).exec())).toEqual(["shelved"]);
    expect(ids(await Pet.scan("shelves[1]").eq(new Set()).exec())).toEqual([]);
    expect(ids(await Pet.scan("shelves").contains(new Set()).exec())).toEqual(["shelved"]);
  });

  it("exists(false) finds the items a save left the empty Set out of", async () => {
    await Pet.create({ id: "empty", name: "Eve", tags: new Set() });
    expect((await storedItem(tableName, { id: { S: "empty" } }))?.tags).toBeUndefined();
    expect(ids(await Pet.scan("tags").exists(false).where("name").eq("Eve").exec())).toEqual(["empty"]);
  });
});
