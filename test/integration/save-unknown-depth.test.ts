// saveUnknown's patterns cut unknown content the same way on every write and every read (SPEC §2): "person.*"
// keeps person.b but not person.b.c, whether the item is created, updated or read.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const Thing = dynamodel.model(
  "UnknownDepth",
  new Schema({ id: String }, { saveUnknown: ["meta.*", "top"] }),
  {
    tableName: uniqueTableName("UnknownDepth"),
  },
);
const key = (id: string) => ({ id: { S: id } });
const meta = { a: 1, b: { c: 2 } };

it("an update stores what create stores: the patterns cut nested unknown content", async () => {
  await Thing.create({ id: "created", meta, top: { x: { y: 1 } } });
  await Thing.update({ id: "updated" }, { meta, top: { x: { y: 1 } } });
  const created = await storedItem(Thing.table().name, key("created"));
  const updated = await storedItem(Thing.table().name, key("updated"));
  expect(created?.meta).toEqual({ M: { a: { N: "1" }, b: { M: {} } } });
  expect(created?.top).toEqual({ M: {} });
  expect(updated?.meta).toEqual(created?.meta);
  expect(updated?.top).toEqual(created?.top);
  // A path into a kept unknown map is cut the same way.
  await Thing.update({ id: "updated" }, { "meta.b": { c: 3 } });
  expect((await storedItem(Thing.table().name, key("updated")))?.meta).toEqual({
    M: { a: { N: "1" }, b: { M: {} } },
  });
});

it("every read path cuts stored content beyond the patterns, as the write pipeline would", async () => {
  await rawClient().putItem({
    TableName: Thing.table().name,
    Item: {
      id: { S: "raw" },
      meta: { M: { b: { N: "1" }, c: { M: { d: { N: "2" } } } } },
      other: { S: "o" },
    },
  });
  const expected = { id: "raw", meta: { b: 1, c: {} } };
  expect((await Thing.get("raw"))?.toJSON()).toEqual(expected);
  expect((await Thing.scan("id").eq("raw").exec())[0]?.toJSON()).toEqual(expected);
  expect((await Thing.batchGet(["raw"]))[0]?.toJSON()).toEqual(expected);
  const [viaTransaction] = await dynamodel.transaction([Thing.transaction.get("raw")]);
  expect((viaTransaction as { toJSON(): unknown }).toJSON()).toEqual(expected);
});
