// Conditions change in place, as Dynamoose's do (docs/condition.md): code that calls
// `condition.where("version").eq(2)` and then passes `condition` has it checked, on writes and reads. A
// condition that names an attribute and stops there is refused by a write.
import dynamodel, { Condition, InvalidParameter, Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("abandonedConditions");
const Doc = dynamodel.model(
  "AbandonedConditionsDoc",
  { id: Number, version: Number },
  { tableName, throughput: "ON_DEMAND" },
);

async function storedVersion(id: number): Promise<string | undefined> {
  const { Item } = await rawClient().getItem({ TableName: tableName, Key: { id: { N: String(id) } } });
  return Item?.version?.N;
}

beforeAll(() => Doc.create({ id: 1, version: 3 }));

it("a condition built statement by statement, as Dynamoose code builds it, keeps every part", async () => {
  const condition = new Condition();
  condition.where("version").eq(2); // the result is not kept, and need not be
  const writes: [string, () => Promise<unknown>][] = [
    ["save", () => new Doc({ id: 1, version: 4 }).save({ condition })],
    ["update", () => Doc.update({ id: 1 }, { version: 4 }, { condition })],
    ["delete", () => Doc.delete(1, { condition })],
  ];
  for (const [name, write] of writes) {
    await expect(write()).rejects.toThrow(
      expect.objectContaining({ name: "ConditionalCheckFailedException" }),
    );
    expect([name, await storedVersion(1)]).toEqual([name, "3"]);
  }
  await expect(dynamodel.transaction([Doc.transaction.delete(1, { condition })])).rejects.toThrow(
    expect.objectContaining({ name: "TransactionCanceledError" }),
  );
  expect(await storedVersion(1)).toBe("3");
  // A condition that already says something, extended in place: the extension counts.
  const extended = new Condition({ version: 3 });
  extended.and().where("id").eq(99);
  await expect(Doc.update({ id: 1 }, { version: 4 }, { condition: extended })).rejects.toThrow(
    expect.objectContaining({ name: "ConditionalCheckFailedException" }),
  );
  expect(await storedVersion(1)).toBe("3");
  // Reads filter by it too: a scan given it reads nothing, as no item has version 2.
  expect(await Doc.scan(condition).exec()).toHaveLength(0);
  expect((await Doc.scan(new Condition({ version: 3 })).exec()).map((doc) => doc.id)).toEqual([1]);
});

it("a condition never chained means no condition, and one extended in place passes as it now reads", async () => {
  await new Doc({ id: 2, version: 1 }).save({ condition: new Condition() });
  expect(await storedVersion(2)).toBe("1");
  const condition = new Condition("version");
  condition.eq(1);
  await Doc.update({ id: 2 }, { version: 5 }, { condition });
  expect(await storedVersion(2)).toBe("5");
});

it("a condition naming an attribute with no comparison is refused by a write, saying so, and nothing is written", async () => {
  // Dynamoose documents `new Condition().filter("id")` as "an empty conditional" and writes unconditionally.
  const before = await storedVersion(1);
  expect(before).toBeDefined();
  const unfinished = [
    new Condition("version"),
    new Condition().filter("version"),
    new Condition("a.list[2]"),
  ];
  for (const condition of unfinished) {
    await expect(Doc.delete(1, { condition })).rejects.toThrow(InvalidParameter);
  }
  await expect(Doc.delete(1, { condition: new Condition("version") })).rejects.toThrow(
    'The condition names attribute "version" but no comparison (eq(), gt(), exists() …) follows',
  );
  await expect(Doc.delete(1, { condition: new Condition("a.list[2]") })).rejects.toThrow(
    'names attribute "a.list[2]" but no comparison',
  );
  expect(await storedVersion(1)).toBe(before);
  // Reads take it as Dynamoose's "empty conditional": no filter.
  expect((await Doc.scan(new Condition("version")).exec()).length).toBeGreaterThan(0);
});

it("a write reads its condition as it was when called, not as later statements change it", async () => {
  await Doc.create({ id: 3, version: 1 });
  const condition = new Condition("version").eq(1);
  const writes = [
    Doc.update({ id: 3 }, { version: 1 }, { condition }),
    new Doc({ id: 3, version: 1 }).save({ condition }),
    Doc.transaction.update({ id: 3 }, { version: 1 }, { condition }),
    Doc.transaction.condition(3, condition),
  ];
  condition.and().where("id").eq(99); // after the calls: none of them sees it
  const [updated, saved, ...elements] = await Promise.all(writes);
  expect([updated, saved]).toHaveLength(2);
  for (const element of elements) await dynamodel.transaction([element as never]);
  const deleting = Doc.delete(3, { condition });
  condition.or().where("id").eq(3); // too late for the delete, which checks version = 1 AND id = 99
  await expect(deleting).rejects.toThrow(
    expect.objectContaining({ name: "ConditionalCheckFailedException" }),
  );
  expect(await storedVersion(3)).toBe("1");
});

describe("a pre hook changing this.condition in place", () => {
  const schema = new Schema({ id: Number, version: Number, tenant: String });
  schema.pre("update", function () {
    (this.condition as Condition)
      .and()
      .where("tenant")
      .eq(`t${(this.key as { id: number }).id}`);
  });
  const Tenanted = dynamodel.model("ConditionsInPlaceTenanted", schema, {
    tableName: uniqueTableName("conditionsInPlaceTenant"),
    throughput: "ON_DEMAND",
  });

  it("changes that call's condition only: the caller's object, and later calls, are left alone", async () => {
    await Tenanted.create({ id: 1, version: 1, tenant: "t1" });
    await Tenanted.create({ id: 2, version: 1, tenant: "t2" });
    const shared = new Condition("version").exists();
    await Tenanted.update({ id: 1 }, { version: 2 }, { condition: shared });
    await Tenanted.update({ id: 2 }, { version: 2 }, { condition: shared });
    expect((await Tenanted.get(2))?.version).toBe(2);
    await Tenanted.update({ id: 1 }, { version: 3 }, { condition: shared });
    expect((await Tenanted.get(1))?.version).toBe(3);
  });
});
