// A `set` function runs after normalising, which drops equal members: when it maps two members to one
// (rounding, lowercasing), the Set written holds that member once. DynamoDB refuses a set listing a member
// twice ("Input collection contains duplicates"), so a batchPut failed after writing its earlier chunks.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("setMembersAfterSet");
const Reading = dynamodel.model(
  "SetMembersAfterSet",
  new Schema({
    id: String,
    levels: { type: Set, schema: [Number], set: (levels: Set<number>) => [...levels].map(Math.round) },
    tags: {
      type: Set,
      schema: [String],
      set: (tags: Set<string>) => new Set([...tags].map((tag) => tag.toLowerCase())),
    },
    words: {
      type: Set,
      schema: [String],
      set: (words: Set<string>) => [...words].map((word) => word.trim()),
    },
    blobs: {
      type: Set,
      schema: [Buffer],
      set: (blobs: Set<Buffer>) => [...blobs].map((blob) => blob.subarray(0, 2)),
    },
    gone: { type: Set, schema: [String], set: () => [] },
  }),
  { tableName },
);

async function storedItem(id: string) {
  const { Item } = await rawClient().getItem({
    TableName: tableName,
    Key: { id: { S: id } },
    ConsistentRead: true,
  });
  return Item;
}

it("create stores each member once, whatever set() returns (a Set or an array)", async () => {
  await Reading.create({
    id: "one",
    levels: new Set([1.1, 1.2, 2.6]),
    tags: new Set(["A", "a", "b"]),
    words: new Set(["x ", " x", "y"]),
    blobs: new Set([Buffer.from("abc"), Buffer.from("abd")]),
    gone: new Set(["z"]),
  });
  const item = await storedItem("one");
  expect(item!.levels!.NS!.sort()).toEqual(["1", "3"]);
  expect(item!.tags!.SS!.sort()).toEqual(["a", "b"]);
  expect(item!.words!.SS!.sort()).toEqual(["x", "y"]);
  expect(item!.blobs!.BS!.map((blob) => Buffer.from(blob).toString())).toEqual(["ab"]);
  // An empty array from set() is no set at all, as an empty Set is.
  expect(item!.gone).toBeUndefined();
});

it("update and batchPut write the same", async () => {
  await Reading.update({ id: "two" }, { levels: new Set([4.4, 4.2]) });
  expect((await storedItem("two"))!.levels).toEqual({ NS: ["4"] });
  const items = Array.from({ length: 30 }, (_, index) => ({ id: `b${index}`, levels: new Set([index]) }));
  await Reading.batchPut([...items, { id: "last", levels: new Set([7.1, 7.2]) }]);
  expect((await storedItem("last"))!.levels).toEqual({ NS: ["7"] });
  expect((await storedItem("b29"))!.levels).toEqual({ NS: ["29"] });
});
