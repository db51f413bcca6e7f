// `$ADD`, `$DELETE` and `$LIST_PREPEND` on a `type.ANY` attribute or content `saveUnknown` keeps convert
// their operand as a `$SET` of the same value does: `undefined` members left out (a `null` element in a
// list), Dates as epoch milliseconds, BigInts as numbers, and values DynamoDB cannot store refused with the
// path named before anything is sent.
import dynamodel, { InvalidParameter, Schema, TypeMismatch } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("schemalessops");
const Doc = dynamodel.model(
  "SchemalessOps",
  new Schema({ id: String, any: dynamodel.type.ANY }, { saveUnknown: true }),
  { tableName, throughput: "ON_DEMAND" },
);
const stored = (id: string) => storedItem(tableName, { id: { S: id } });

beforeAll(() => Doc.table().initialize());

const elements = () => [{ a: 1, gone: undefined }, undefined, dynamodel.type.UNDEFINED, new Date(5), 7n];

it("appends and prepends what a $SET of the same list stores", async () => {
  await Doc.update({ id: "set" }, { any: elements(), other: elements() });
  await Doc.create({ id: "ops", any: [], other: [] });
  await Doc.update({ id: "ops" }, { $ADD: { any: elements() } });
  await Doc.update({ id: "ops" }, { other: { $LIST_PREPEND: elements() } });
  const reference = await stored("set");
  expect(reference?.any).toEqual({
    L: [{ M: { a: { N: "1" } } }, { NULL: true }, { NULL: true }, { N: "5" }, { N: "7" }],
  });
  const item = await stored("ops");
  expect(item?.any).toEqual(reference?.any);
  expect(item?.other).toEqual(reference?.other);
});

it("adds a BigInt to a number, and a Set whose numbers are equal once stored as one member", async () => {
  await Doc.create({ id: "numbers", any: 1 });
  await Doc.update({ id: "numbers" }, { $ADD: { any: 2n ** 60n, members: new Set([1, 1n, 2]) } });
  const item = await stored("numbers");
  expect(item?.any).toEqual({ N: String(2n ** 60n + 1n) });
  expect(item?.members).toEqual({ NS: ["1", "2"] });
});

it("refuses a mixed or empty Set and an unstorable element by name, and writes nothing", async () => {
  await Doc.create({ id: "bad", any: [1], other: [1], tags: new Set(["a"]) });
  const before = await stored("bad");
  await expect(Doc.update({ id: "bad" }, { $ADD: { tags: new Set([1, "b"]) } })).rejects.toEqual(
    new TypeMismatch(
      '"tags" must be a Set of only strings, only numbers or only binaries (got Set([1,"b"]))',
    ),
  );
  await expect(Doc.update({ id: "bad" }, { $DELETE: { tags: ["a", 2] } })).rejects.toThrow(TypeMismatch);
  await expect(Doc.update({ id: "bad" }, { $ADD: { tags: new Set() } })).rejects.toEqual(
    new InvalidParameter('$ADD of "tags" needs at least one element.'),
  );
  await expect(Doc.update({ id: "bad" }, { $ADD: { any: [1, NaN] } })).rejects.toEqual(
    new TypeMismatch('"any[1]" must be a finite number (got NaN)'),
  );
  for (const name of ["any", "other"]) {
    await expect(Doc.update({ id: "bad" }, { [name]: { $LIST_PREPEND: undefined } })).rejects.toEqual(
      new InvalidParameter(`$LIST_PREPEND of "${name}" needs an element.`),
    );
  }
  await expect(Doc.update({ id: "bad" }, { any: { $LIST_PREPEND: [Symbol("s")] } })).rejects.toThrow(
    '"any[0]" must be a value DynamoDB can store',
  );
  expect(await stored("bad")).toEqual(before);
});
