// An attribute's `get` applies to values that are not null (Dynamoose: "Applied to non-null values"): a
// read gives a stored NULL as `null` without calling it. A saved item of an attribute with both `set` and
// `get` showed `get(null)` instead ("GOT-NULL"), so it disagreed with a read of the same item.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const showNull = (value: unknown) => (value === null ? "GOT-NULL" : value);

it("a saved item shows a null value as null, as a read does, where the attribute has set and get", async () => {
  const tableName = uniqueTableName("savedNullGet");
  const Box = dynamodel.model(
    "SavedNullGetBox",
    new Schema({
      id: String,
      n: { type: dynamodel.type.NULL, set: (value: unknown) => value, get: showNull },
      any: { type: dynamodel.type.ANY, set: (value: unknown) => value, get: showNull },
      either: { type: [String, dynamodel.type.NULL], set: (value: unknown) => value, get: showNull },
    }),
    { tableName, throughput: "ON_DEMAND" },
  );
  const created = await Box.create({ id: "x", n: null, any: null, either: null });
  expect(await storedItem(tableName, { id: { S: "x" } })).toEqual({
    id: { S: "x" },
    n: { NULL: true },
    any: { NULL: true },
    either: { NULL: true },
  });
  const read = await Box.get("x");
  expect(read?.toJSON()).toEqual({ id: "x", n: null, any: null, either: null });
  expect(created.toJSON()).toEqual(read?.toJSON());

  const saved = new Box({ id: "y", n: null });
  await saved.save();
  expect(saved.n).toBeNull();
  // Not dirty: the next save has nothing to write.
  expect(saved.modifiedPaths()).toEqual([]);
  // A value that is not null still shows through `get`.
  const shown = await Box.create({ id: "z", either: "text" });
  expect(shown.either).toBe("text");
});
