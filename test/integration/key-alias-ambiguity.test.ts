// A key object may name a key attribute by its real name or an alias, not both: `{id: "1", key: "2"}` is an
// InvalidParameter (as in Dynamoose, and as for items), and nothing is read, written or deleted.
import { marshall } from "@aws-sdk/util-dynamodb";
import dynamodel, { InvalidParameter, Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("key-alias");
const Thing = dynamodel.model(
  "KeyAliasThing",
  new Schema({
    id: { type: String, alias: "key" },
    sk: { type: String, rangeKey: true, aliases: ["s", "sort"] },
    n: Number,
  }),
  { tableName, throughput: "ON_DEMAND" },
);

const stored = async (id: string, sk: string) =>
  (await rawClient().getItem({ TableName: tableName, Key: marshall({ id, sk }) })).Item;

beforeAll(async () => {
  await Thing.table().initialize();
  await Thing.create({ id: "1", sk: "a", n: 1 });
  await Thing.create({ id: "2", sk: "a", n: 2 });
});

const both = { id: "1", key: "2", sk: "a" };
const message = 'Cannot map attribute "id" to "key" because both are defined.';

// A batch names the entry first (batch-entry.ts).
test.each([
  ["get", () => Thing.get(both as never), ""],
  ["delete", () => Thing.delete(both as never), ""],
  ["update", () => Thing.update(both as never, { n: 9 }), ""],
  ["batchGet", () => Thing.batchGet([both as never]), "batchGet entry [0]: "],
  ["batchDelete", () => Thing.batchDelete([both as never]), "batchDelete entry [0]: "],
])("%s refuses a key naming an attribute twice, and changes nothing", async (_, run, entry) => {
  await expect(run()).rejects.toThrow(new InvalidParameter(entry + message));
  expect((await stored("1", "a"))?.n).toEqual({ N: "1" });
  expect((await stored("2", "a"))?.n).toEqual({ N: "2" });
});

test("two aliases of the range key are ambiguous too; one name alone works", async () => {
  await expect(Thing.get({ id: "1", s: "a", sort: "a" } as never)).rejects.toThrow(
    'The key names attribute "sk" twice ("s" and "sort").',
  );
  expect((await Thing.get({ key: "1", sort: "a" } as never))?.n).toBe(1);
  expect((await Thing.get({ id: "2", s: "a" } as never))?.n).toBe(2);
});

test("an item giving two aliases of one attribute is refused, and nothing is written", async () => {
  const twice = { id: "3", s: "a", sort: "b", n: 3 };
  await expect(Thing.create(twice as never)).rejects.toThrow(
    new InvalidParameter('Cannot map "s" and "sort" to attribute "sk": both are defined.'),
  );
  await expect(new Thing(twice as never).save()).rejects.toThrow(InvalidParameter);
  await expect(Thing.batchPut([twice as never])).rejects.toThrow(InvalidParameter);
  expect(await stored("3", "a")).toBeUndefined();
  expect(await stored("3", "b")).toBeUndefined();
  // One alias alone works.
  await Thing.create({ id: "3", sort: "b", n: 3 } as never);
  expect((await stored("3", "b"))?.n).toEqual({ N: "3" });
});
