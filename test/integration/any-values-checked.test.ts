// type.ANY attributes and unknown attributes kept by saveUnknown are converted without a schema, but still
// checked before anything is sent: a value DynamoDB would refuse (a NaN or out-of-range number in a Set, a
// bigint of over 38 digits) or one that would be stored as an empty map (a RegExp, an Error, a URL, a typed
// array) is a TypeMismatch naming the path, and a batch writes nothing. Before, DynamoDB refused some of
// them after earlier chunks of a batchPut were written, and the others were stored as {}.
import { marshall } from "@aws-sdk/util-dynamodb";
import dynamodel, { Schema, TypeMismatch } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("any-checked");
const Thing = dynamodel.model(
  "AnyChecked",
  new Schema({ id: String, tags: dynamodel.type.ANY }, { saveUnknown: ["extra"] }),
  { tableName, throughput: "ON_DEMAND" },
);
beforeAll(() => Thing.table().initialize());

const stored = async (id: string) =>
  (await rawClient().getItem({ TableName: tableName, Key: marshall({ id }) })).Item;

test.each([
  ["a NaN Set member", new Set([1, Number.NaN]), '"tags[]" must be a finite number'],
  ["an infinite Set member", new Set([Number.POSITIVE_INFINITY]), '"tags[]" must be a finite number'],
  ["a 41-digit bigint", 10n ** 40n + 1n, '"tags" must be a number (DynamoDB stores integers of up to 38'],
  [
    "a 41-digit bigint in a Set",
    new Set([10n ** 40n + 1n]),
    '"tags[]" must be a finite number (DynamoDB stores integers',
  ],
  ["a RegExp", /x/, '"tags" must be a value DynamoDB can store'],
  ["an Error", new Error("e"), '"tags" must be a value DynamoDB can store'],
  ["a URL", new URL("http://example.com/"), '"tags" must be a value DynamoDB can store'],
  ["an Int16Array", new Int16Array(2), '"tags" must be a value DynamoDB can store'],
  ["a boxed string", Object("x") as object, '"tags" must be a value DynamoDB can store'],
])("%s is refused before sending", async (label, value, message) => {
  const id = `bad ${label}`;
  await expect(Thing.create({ id, tags: value })).rejects.toThrow(TypeMismatch);
  await expect(Thing.create({ id, tags: value })).rejects.toThrow(message);
  await expect(Thing.create({ id, extra: value } as never)).rejects.toThrow(TypeMismatch);
  expect(await stored(id)).toBeUndefined();
});

test("a batchPut with one bad entry after the first chunk writes nothing", async () => {
  const items = Array.from({ length: 30 }, (_, index) => ({
    id: `batch-${index}`,
    tags: [index] as unknown,
  }));
  items[27] = { id: "batch-27", tags: new Set([1, Number.NaN]) };
  await expect(Thing.batchPut(items)).rejects.toThrow('"tags[]" must be a finite number');
  expect(await stored("batch-0")).toBeUndefined();
  expect(await stored("batch-24")).toBeUndefined();
});

test("members equal once stored are one member; class instances with data are maps", async () => {
  class Point {
    x = 1;
  }
  await Thing.create({ id: "dups", tags: new Set([1, 1n, 2]) });
  expect((await stored("dups"))?.tags?.NS?.sort()).toEqual(["1", "2"]);
  await Thing.create({ id: "bytes", tags: new Set([Buffer.from("a"), Buffer.from("a")]) });
  expect((await stored("bytes"))?.tags?.BS).toHaveLength(1);
  await Thing.create({ id: "point", tags: new Point() });
  expect((await stored("point"))?.tags).toEqual({ M: { x: { N: "1" } } });
});
