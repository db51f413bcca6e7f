// Conditions are immutable (docs/condition.md). Code written for Dynamoose, whose conditions changed in
// place, may call `condition.where("version").eq(2)` and then pass `condition`, which is still empty: a
// write would then go through unconditionally. Writes refuse such a condition instead.
import dynamodel, { Condition, InvalidParameter } from "dynamodel";
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

it("a Condition whose chained result was not kept is refused by every write, and nothing is written", async () => {
  const condition = new Condition();
  condition.where("version").eq(2); // Dynamoose style: the result is dropped
  const named = new Condition("version");
  named.eq(2);

  const writes: [string, () => Promise<unknown>][] = [
    ["save", () => new Doc({ id: 1, version: 4 }).save({ condition })],
    ["update", () => Doc.update({ id: 1 }, { version: 4 }, { condition })],
    ["delete", () => Doc.delete(1, { condition: named })],
    ["transaction", () => dynamodel.transaction([Doc.transaction.delete(1, { condition })])],
  ];
  for (const [name, write] of writes) {
    await expect(write()).rejects.toThrow(InvalidParameter);
    await expect(write()).rejects.toThrow(/Conditions are immutable/);
    expect([name, await storedVersion(1)]).toEqual([name, "3"]);
  }
});

it("a condition that was never chained, or whose result was kept, still works", async () => {
  await new Doc({ id: 2, version: 1 }).save({ condition: new Condition() }); // empty on purpose: no condition
  expect(await storedVersion(2)).toBe("1");

  let condition = new Condition();
  condition = condition.where("version").eq(2);
  await expect(Doc.update({ id: 1 }, { version: 4 }, { condition })).rejects.toThrow(/conditional/i);
  expect(await storedVersion(1)).toBe("3");

  const base = new Condition("version").ge(1);
  const stricter = base.and().where("version").ge(10); // branching off a non-empty condition is fine
  await Doc.update({ id: 1 }, { version: 4 }, { condition: base });
  expect(await storedVersion(1)).toBe("4");
  await expect(Doc.delete(1, { condition: stricter })).rejects.toThrow(/conditional/i);
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
