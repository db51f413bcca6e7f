// A default object, array, Date or Set is the schema's: each item gets its own copy. A `type.ANY` or
// `storage: "json"` value is kept as given, so one item's unsaved change to its default used to be what
// the next item was created with.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("defaultCopies");
const stored = (id: string) => storedItem(tableName, { id: { S: id } });

const Settings = dynamodel.model(
  "DefaultCopies",
  new Schema({
    id: String,
    prefs: { type: Object, storage: "json", default: { theme: "light", tags: ["a"] } },
    extra: { type: dynamodel.type.ANY, default: { count: 1 } },
    since: { type: Date, default: new Date(0) },
    list: { type: Array, schema: [String], default: ["x"] },
  }),
  { tableName, throughput: "ON_DEMAND" },
);

it("one item's change to its defaults, saved or not, reaches no other item", async () => {
  const first = await Settings.create({ id: "1" });
  const prefs = first.prefs as { theme: string; tags: string[] };
  prefs.theme = "dark";
  prefs.tags.push("b");
  (first.extra as { count: number }).count = 99;
  first.since.setTime(5_000);
  first.list.push("y");
  await Settings.create({ id: "2" });
  await Settings.batchPut([{ id: "3" }]);
  for (const id of ["2", "3"]) {
    expect(await stored(id)).toEqual({
      id: { S: id },
      prefs: { S: '{"theme":"light","tags":["a"]}' },
      extra: { M: { count: { N: "1" } } },
      since: { N: "0" },
      list: { L: [{ S: "x" }] },
    });
  }
  await first.save();
  expect((await stored("1"))!.prefs).toEqual({ S: '{"theme":"dark","tags":["a","b"]}' });
  expect((await stored("1"))!.since).toEqual({ N: "5000" });
});
