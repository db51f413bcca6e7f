// `default: null` (or a default function returning null) means "no default", as in Dynamoose: the
// attribute is left out. It was a TypeMismatch on every write of an item without the attribute.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("nullDefault");
const stored = (id: string) => storedItem(tableName, { id: { S: id } });

const Note = dynamodel.model(
  "NullDefaultNote",
  new Schema({
    id: String,
    title: { type: String, default: null },
    body: { type: String, default: () => null },
    later: { type: String, default: async () => null },
    forced: { type: String, default: null, forceDefault: true },
    meta: { type: Object, schema: { tag: { type: String, default: null }, n: Number } },
    count: { type: Number, default: 1 },
  }),
  { tableName, throughput: "ON_DEMAND" },
);

it("create, save and batchPut leave a null default out and apply the others", async () => {
  const created = await Note.create({ id: "1", meta: { n: 2 } });
  expect(await stored("1")).toEqual({ id: { S: "1" }, meta: { M: { n: { N: "2" } } }, count: { N: "1" } });
  expect(created.toJSON()).toEqual({ id: "1", meta: { n: 2 }, count: 1 });

  await new Note({ id: "2", title: "t", forced: "f" }).save();
  // forceDefault with no default value keeps what was given, as Dynamoose does.
  expect(await stored("2")).toEqual({
    id: { S: "2" },
    title: { S: "t" },
    forced: { S: "f" },
    count: { N: "1" },
  });

  await Note.batchPut([{ id: "3" }]);
  expect(await stored("3")).toEqual({ id: { S: "3" }, count: { N: "1" } });
});

it("update: $REMOVE of an attribute whose default is null removes it; forceDefault null sets nothing", async () => {
  await Note.create({ id: "4", title: "t", body: "b" });
  const updated = await Note.update({ id: "4" }, { $REMOVE: ["title", "body"], later: "l" });
  expect(await stored("4")).toEqual({ id: { S: "4" }, later: { S: "l" }, count: { N: "1" } });
  expect(updated.toJSON()).toEqual({ id: "4", later: "l", count: 1 });
});

it("a given null is still a type error", async () => {
  await expect(Note.create({ id: "5", title: null } as never)).rejects.toMatchObject({
    name: "TypeMismatch",
  });
  expect(await stored("5")).toBeUndefined();
});
