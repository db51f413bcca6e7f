// SPEC §2: a value may be "an array of attribute-definition objects" (first match wins). Each definition's
// own `set`, `validate`, `enum` and `get` apply to the values of its type, as in Dynamoose; the first
// definition's were applied to every value, so a String value ran a Number definition's validator.
import dynamodel, { Schema, ValidationError } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("multiDefinition");
const Thing = dynamodel.model(
  "MultiDefinitionThing",
  new Schema({
    id: String,
    v: [
      { type: Number, validate: (n: number) => n > 0, set: (n: number) => n * 10, default: 7 },
      { type: String, set: (text: string) => `${text}!`, get: (text: string) => text.toUpperCase() },
    ],
    size: [
      { type: String, enum: ["s", "m"] },
      { type: Number, enum: [1, 2] },
    ],
  }),
  { tableName, throughput: "ON_DEMAND" },
);

const stored = (id: string) => storedItem(tableName, { id: { S: id } });

it("applies each definition's set and validate to the values of its own type", async () => {
  await Thing.create({ id: "s", v: "s" });
  await Thing.create({ id: "n", v: 2 });
  expect((await stored("s"))?.v).toEqual({ S: "s!" });
  expect((await stored("n"))?.v).toEqual({ N: "20" });
  await expect(Thing.create({ id: "bad", v: -1 })).rejects.toBeInstanceOf(ValidationError);
  expect(await stored("bad")).toBeUndefined();
});

it("applies each definition's get when reading, and the first definition's default", async () => {
  expect((await Thing.get("s"))?.v).toBe("S!");
  expect((await Thing.get("n"))?.v).toBe(20);
  await Thing.create({ id: "d" });
  expect((await stored("d"))?.v).toEqual({ N: "70" }); // the default, through its own type's set
});

it("checks each definition's enum against values of its type", async () => {
  await Thing.create({ id: "e1", size: "m" });
  await Thing.create({ id: "e2", size: 2 });
  await expect(Thing.create({ id: "e3", size: "l" as "s" })).rejects.toThrow(/must be one of \["s","m"\]/);
  await expect(Thing.create({ id: "e4", size: 3 as 1 })).rejects.toThrow(/must be one of \[1,2\]/);
  expect(await stored("e3")).toBeUndefined();
  expect(await stored("e4")).toBeUndefined();
});

it("runs them in updates and conditions too", async () => {
  await Thing.update({ id: "s" }, { v: "t" });
  expect((await stored("s"))?.v).toEqual({ S: "t!" });
  await expect(Thing.update({ id: "s" }, { v: -5 })).rejects.toBeInstanceOf(ValidationError);
  const found = await Thing.scan("v").eq("t").exec(); // the condition value goes through the String set
  expect(found.map((thing) => thing.id)).toEqual(["s"]);
});
