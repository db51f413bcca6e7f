// `{type: Object, schema: {}}` declares an object with no sub-attributes, as `type: Object` without a schema
// does: Dynamoose accepts it, and so does dynamodel (it was an InvalidParameter). Its members are kept only
// where saveUnknown says.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("emptyNested");
const Profile = dynamodel.model(
  "EmptyNestedProfile",
  new Schema(
    { id: String, prefs: { type: Object, schema: {} }, extra: { type: Object, schema: {} } },
    { saveUnknown: ["extra.**"] },
  ),
  { tableName, throughput: "ON_DEMAND" },
);

it("stores an empty map, keeping members only where saveUnknown says", async () => {
  await Profile.create({ id: "a", prefs: { theme: "dark" }, extra: { note: "kept" } } as never);
  const { Item } = await rawClient().getItem({
    TableName: tableName,
    Key: { id: { S: "a" } },
    ConsistentRead: true,
  });
  expect(Item).toEqual({ id: { S: "a" }, prefs: { M: {} }, extra: { M: { note: { S: "kept" } } } });
  const read = await Profile.get("a");
  expect(read?.toJSON()).toEqual({ id: "a", prefs: {}, extra: { note: "kept" } });
});

it("still refuses an empty schema at the top level", () => {
  expect(() => new Schema({})).toThrow("Schema initialization parameter must not be an empty object.");
});
