// COMBINE takes each source in its stored form (SPEC §2: custom types, then combine): a model reference as
// the referenced key, a Date as its storage says. And an update can recompute a COMBINE with a key among its
// sources, since the update's key supplies it (SPEC §12: recomputed when all sources are given).
import dynamodel, { Schema, type } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const Parent = dynamodel.model(
  "CombineParent",
  { pid: Number, name: String },
  {
    tableName: uniqueTableName("CombineParent"),
  },
);
const Child = dynamodel.model(
  "CombineChild",
  new Schema({
    id: String,
    parent: Parent,
    label: type.COMBINE(["parent", "id"], "#"),
    status: String,
    iso: { type: { value: Date, settings: { storage: "iso" } } },
    seconds: { type: { value: Date, settings: { storage: "seconds" } } },
    byIso: type.COMBINE(["status", "iso"]),
    bySeconds: type.COMBINE(["status", "seconds"]),
  }),
  { tableName: uniqueTableName("CombineChild") },
);
const key = (id: string) => ({ id: { S: id } });
const may1 = new Date("2024-05-01T00:00:00.000Z");

it("a model reference takes part as the referenced key, given as an item, a key object or a bare key", async () => {
  const parent = await Parent.create({ pid: 4, name: "P" });
  await Child.create({ id: "a", parent });
  await Child.create({ id: "b", parent: { pid: 4 } });
  await Child.create({ id: "c", parent: 4 });
  for (const id of ["a", "b", "c"]) {
    expect((await storedItem(Child.table().name, key(id)))?.label).toEqual({ S: `4#${id}` });
  }
});

it("a Date takes part in its storage's form, on create and on update", async () => {
  await Child.create({ id: "d", status: "x", iso: may1, seconds: may1 });
  const stored = await storedItem(Child.table().name, key("d"));
  expect(stored?.byIso).toEqual({ S: "x,2024-05-01T00:00:00.000Z" });
  expect(stored?.bySeconds).toEqual({ S: "x,1714521600" });
  await Child.update({ id: "d" }, { status: "y", iso: may1, seconds: may1 });
  const updated = await storedItem(Child.table().name, key("d"));
  expect(updated?.byIso).toEqual({ S: "y,2024-05-01T00:00:00.000Z" });
  expect(updated?.bySeconds).toEqual({ S: "y,1714521600" });
});

it("an update recomputes a COMBINE with the key among its sources, taking the key from the update's key", async () => {
  const Task = dynamodel.model(
    "CombineTask",
    new Schema({ id: String, status: String, idStatus: type.COMBINE(["id", "status"], "#") }),
    { tableName: uniqueTableName("CombineTask") },
  );
  await Task.create({ id: "e", status: "new" });
  expect((await storedItem(Task.table().name, key("e")))?.idStatus).toEqual({ S: "e#new" });
  await Task.update({ id: "e" }, { status: "done" });
  expect((await storedItem(Task.table().name, key("e")))?.idStatus).toEqual({ S: "e#done" });
  await Task.update({ id: "e", status: "again" });
  expect((await storedItem(Task.table().name, key("e")))?.idStatus).toEqual({ S: "e#again" });
});

it("create and update combine a source with a set the same way: as given, before its set (SPEC §2's order)", async () => {
  const tableName = uniqueTableName("CombineBeforeSet");
  const Tag = dynamodel.model(
    "CombineBeforeSet",
    new Schema({
      id: String,
      owner: { type: String, set: (owner: string) => owner.toLowerCase() },
      name: String,
      label: type.COMBINE(["owner", "name"], "|"),
    }),
    { tableName },
  );
  await Tag.create({ id: "created", owner: "Ann", name: "Q" });
  await Tag.update({ id: "updated" }, { owner: "Ann", name: "Q" });
  const created = (await storedItem(tableName, { id: { S: "created" } }))!;
  const updated = (await storedItem(tableName, { id: { S: "updated" } }))!;
  expect(created.label).toEqual({ S: "Ann|Q" });
  expect(updated.label).toEqual({ S: "Ann|Q" });
  expect(updated.owner).toEqual({ S: "ann" });
});
