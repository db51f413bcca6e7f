// After create()/save(), the item shows what was stored, as in Dynamoose: properties the pipeline dropped
// (undeclared attributes saveUnknown does not keep) leave it, and what the schema's own `set` changed is
// held. Before, `toJSON()` echoed input the table never got.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("savedItemShape");
const stored = (id: string) => storedItem(tableName, { id: { S: id } });

const Plain = dynamodel.model(
  "SavedItemShapePlain",
  new Schema({ id: String, name: { type: String, alias: "nm" }, extra: String }, { saveUnknown: ["kept"] }),
  { tableName, throughput: "ON_DEMAND" },
);

it("drops the properties that were not stored, keeps aliases and saveUnknown's", async () => {
  const item = await Plain.create({ id: "1", nm: "Ann", junk: 1, kept: "k" } as never);
  expect(await stored("1")).toEqual({ id: { S: "1" }, name: { S: "Ann" }, kept: { S: "k" } });
  expect(item.toJSON()).toEqual({ id: "1", nm: "Ann", kept: "k" });
  expect(Object.keys(item).sort()).toEqual(["id", "kept", "nm"]);

  const read = (await Plain.get("1"))!;
  (read as unknown as Record<string, unknown>).scratch = "not an attribute";
  read.extra = "e";
  await read.save();
  expect(read.toJSON()).toEqual({ id: "1", nm: "Ann", kept: "k", extra: "e" });
  expect(read.isDirty()).toBe(false);
});

const Shouting = dynamodel.model(
  "SavedItemShapeShouting",
  new Schema(
    { id: String, name: String, shown: { type: String, get: (value: string) => `<${value}>` } },
    { set: (item) => ({ ...item, name: String(item.name).toUpperCase(), shown: "s" }) },
  ),
  { tableName, create: false },
);

it("holds what the schema's set stored, shown through a get where there is one", async () => {
  const item = await Shouting.create({ id: "2", name: "bob", shown: "x" });
  expect(await stored("2")).toEqual({ id: { S: "2" }, name: { S: "BOB" }, shown: { S: "s" } });
  expect(item.name).toBe("BOB");
  expect(item.shown).toBe("<s>"); // with a get, the item holds get(stored), as a read would show it
  expect(item.isDirty("name")).toBe(false);
});
