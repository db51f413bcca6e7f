// A `lastKey` is the page cursor APIs hand to their clients, usually as JSON. A Date key is a Date in
// `lastKey`, which JSON turns into its ISO string: `startAt()` takes that string back for Date keys of every
// storage, so the next page is the right one. Strings that are not a Date's JSON form are still refused.
import dynamodel, { Schema, TypeMismatch } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const day = (n: number) => new Date(Date.UTC(2024, 0, n));
const Event = dynamodel.model(
  "LastKeyJsonEvent",
  new Schema({
    user: { type: String, hashKey: true },
    at: { type: Date, rangeKey: true },
    kind: { type: String, index: { name: "byKind", rangeKey: "seen" } },
    seen: { type: { value: Date, settings: { storage: "seconds" } } },
  }),
  { tableName: uniqueTableName("lastKeyJson"), throughput: "ON_DEMAND" },
);
const Note = dynamodel.model(
  "LastKeyJsonNote",
  new Schema({
    user: { type: String, hashKey: true },
    at: { type: { value: Date, settings: { storage: "iso" } }, rangeKey: true },
  }),
  { tableName: uniqueTableName("lastKeyJsonIso"), throughput: "ON_DEMAND" },
);

const throughJson = (key: unknown) => JSON.parse(JSON.stringify(key)) as Record<string, unknown>;

beforeAll(async () => {
  await Event.batchPut([1, 2, 3, 4, 5].map((n) => ({ user: "u", at: day(n), kind: "k", seen: day(n) })));
  await Note.batchPut([1, 2, 3].map((n) => ({ user: "u", at: day(n) })));
});

it("pages a query by a millisecond Date range key through JSON cursors", async () => {
  const seen: number[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await Event.query("user").eq("u").limit(2).startAt(cursor).exec();
    seen.push(...page.map((event) => event.at.getUTCDate()));
    cursor = page.lastKey === undefined ? undefined : throughJson(page.lastKey);
    if (cursor) expect(typeof cursor.at).toBe("string");
  } while (cursor !== undefined);
  expect(seen).toEqual([1, 2, 3, 4, 5]);
});

it("pages an index with a seconds Date range key, a scan, and an ISO-stored key the same way", async () => {
  const first = await Event.query("kind").eq("k").using("byKind").limit(3).exec();
  const rest = await Event.query("kind").eq("k").using("byKind").startAt(throughJson(first.lastKey)).exec();
  expect([...first, ...rest].map((event) => event.seen?.getUTCDate())).toEqual([1, 2, 3, 4, 5]);

  const scanned = await Event.scan().limit(2).exec();
  const scannedRest = await Event.scan().startAt(throughJson(scanned.lastKey)).exec();
  expect(scanned.length + scannedRest.length).toBe(5);

  const notes = await Note.query("user").eq("u").limit(1).exec();
  const moreNotes = await Note.query("user").eq("u").startAt(throughJson(notes.lastKey)).exec();
  expect(moreNotes.map((note) => note.at.getUTCDate())).toEqual([2, 3]);
});

it("still refuses a string that is not a Date's JSON form", async () => {
  for (const at of ["2024-01-02", "yesterday", "2024-01-02T00:00:00Z"]) {
    await expect(Event.query("user").eq("u").startAt({ user: "u", at }).getRequest()).rejects.toBeInstanceOf(
      TypeMismatch,
    );
  }
});
