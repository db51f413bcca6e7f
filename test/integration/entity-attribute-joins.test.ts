// entityAttribute reaches every model of the table: one that joins a `new Table()` through its `tableName`
// (its first write carried no name), and one whose schema declares the attribute itself (for its item type;
// it stored no name).
import dynamodel, { Condition, Schema } from "dynamodel";
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

describe("an item of another model of the table, given as a key, names its key through its own model", () => {
  // The models alias the shared hash key differently: the item holds `bId`, which Reader's schema does not
  // know, so converting it through Reader's schema found no hash key.
  const setup = async (base: string) => {
    const tableName = uniqueTableName(base);
    const Reader = dynamodel.model(
      `${base}Reader`,
      new Schema({ pk: { type: String, alias: "aId" }, a: String }),
    );
    const Owner = dynamodel.model(
      `${base}Owner`,
      new Schema({ pk: { type: String, alias: "bId" }, b: String }),
    );
    new dynamodel.Table(tableName, [Reader, Owner], { entityAttribute: "_t", throughput: "ON_DEMAND" });
    await Owner.create({ bId: "1", b: "x" });
    await Owner.create({ bId: "2", b: "y" });
    const read = await Reader.get("1");
    expect(read).toBeInstanceOf(Owner);
    return { tableName, Reader, Owner, read: read! };
  };

  it("get, batchGet and update find it", async () => {
    const { tableName, Reader, read } = await setup("CrossKeyRead");
    expect((await Reader.get(read))?.toJSON()).toEqual({ _t: `CrossKeyReadOwner`, bId: "1", b: "x" });
    const both = await Reader.batchGet([read, "2"]);
    expect(
      both.map((item) => item.toJSON()).sort((x, y) => String(x.bId).localeCompare(String(y.bId))),
    ).toEqual([
      { _t: "CrossKeyReadOwner", bId: "1", b: "x" },
      { _t: "CrossKeyReadOwner", bId: "2", b: "y" },
    ]);
    await Reader.update(read, { a: "z" });
    // A write of the model written through stores its name (docs/table.md).
    expect(await storedItem(tableName, { pk: { S: "1" } })).toEqual({
      pk: { S: "1" },
      a: { S: "z" },
      b: { S: "x" },
      _t: { S: "CrossKeyReadReader" },
    });
  });

  it("delete and a transaction's delete remove it, and nothing else", async () => {
    const { tableName, Reader, Owner, read } = await setup("CrossKeyDelete");
    await Reader.delete(read);
    expect(await storedItem(tableName, { pk: { S: "1" } })).toBeUndefined();
    expect(await storedItem(tableName, { pk: { S: "2" } })).toBeDefined();
    const second = await Reader.get("2");
    await dynamodel.transaction([Reader.transaction.delete(second!)]);
    expect(await storedItem(tableName, { pk: { S: "2" } })).toBeUndefined();
    // An item of the other model that was never stored names its key by that model's alias too.
    await Owner.create({ bId: "3", b: "w" });
    // Typed as a key of Reader's: the types know a model's own items only.
    await Reader.delete(new Owner({ bId: "3" }) as unknown as { pk: string });
    expect(await storedItem(tableName, { pk: { S: "3" } })).toBeUndefined();
  });

  it("the delete is the called model's: its hooks (with the item as target), its names in a condition", async () => {
    const { tableName, Reader, Owner, read } = await setup("CrossKeyHooks");
    const seen: string[] = [];
    Reader.schemas[0]!.pre("delete", function (this: object) {
      seen.push(`Reader:${this === read}`);
    });
    Owner.schemas[0]!.pre("delete", () => void seen.push("Owner"));
    const keptUnless = new Condition("aId").eq("other");
    await expect(Reader.delete(read, { condition: keptUnless })).rejects.toMatchObject({
      name: "ConditionalCheckFailedException",
    });
    expect(await storedItem(tableName, { pk: { S: "1" } })).toBeDefined();
    await Reader.delete(read, { condition: new Condition("aId").eq("1") });
    expect(await storedItem(tableName, { pk: { S: "1" } })).toBeUndefined();
    expect(seen).toEqual(["Reader:true", "Reader:true"]);
    await Reader.batchDelete([(await Reader.get("2"))!]);
    expect(await storedItem(tableName, { pk: { S: "2" } })).toBeUndefined();
  });

  it("a transaction's cancellation names such an item's key as the item holds it", async () => {
    const { Reader, read } = await setup("CrossKeyCancel");
    const error = await dynamodel
      .transaction([Reader.transaction.condition(read, new Condition("a").exists())])
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: "TransactionCanceledError",
      reasons: [{ index: 0, key: { bId: "1" }, code: "ConditionalCheckFailed" }],
    });
  });

  it("an item of a model of another table is still converted through the model's own schema", async () => {
    const { Reader } = await setup("CrossKeyElsewhere");
    const Elsewhere = dynamodel.model(
      "CrossKeyElsewhereModel",
      new Schema({ pk: { type: String, alias: "cId" } }),
      { tableName: uniqueTableName("crossKeyElsewhere"), create: false, waitForActive: false },
    );
    await expect(Reader.get(new Elsewhere({ cId: "1" }) as unknown as { pk: string })).rejects.toThrow(
      'The key must include the hash key "pk"',
    );
  });
});
