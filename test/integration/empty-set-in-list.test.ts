// An empty Set as a list element: stored as NULL (DynamoDB has no empty sets, and leaving it out would
// move the elements after it), read back as an empty Set. An update of that element removed it, shifting
// the list; and an item holding the NULL as null could not be saved again.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("emptySetInList");
const Doc = dynamodel.model(
  "EmptySetInList",
  new Schema({ id: String, groups: { type: Array, schema: [{ type: Set, schema: [String] }] } }),
  { tableName, throughput: "ON_DEMAND" },
);
const stored = async (id: string) => (await storedItem(tableName, { id: { S: id } }))!.groups;

it("an update of one element to an empty Set keeps the other elements where they are", async () => {
  await Doc.create({ id: "a", groups: [["a"], ["b"], ["c"]] });
  await Doc.update({ id: "a" }, { "groups[0]": [] });
  expect(await stored("a")).toEqual({ L: [{ NULL: true }, { SS: ["b"] }, { SS: ["c"] }] });
  const read = (await Doc.get("a"))!;
  expect(read.groups).toEqual([new Set(), new Set(["b"]), new Set(["c"])]);
});

it("an item created with an empty Set in a list holds an empty Set, and saves again", async () => {
  const created = await Doc.create({ id: "b", groups: [[], ["x"]] });
  expect(await stored("b")).toEqual({ L: [{ NULL: true }, { SS: ["x"] }] });
  expect(created.groups![0]).toEqual(new Set());
  const read = (await Doc.get("b"))!;
  expect(read.groups).toEqual([new Set(), new Set(["x"])]);
  read.groups![1]!.add("y");
  await read.save();
  expect(await stored("b")).toEqual({ L: [{ NULL: true }, { SS: ["x", "y"] }] });
});
