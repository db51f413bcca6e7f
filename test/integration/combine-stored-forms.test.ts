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

// A source may be a dotted path into a map, as in Dynamoose (`COMBINE(["address.city", "id"])`).
describe("a COMBINE source inside a map", () => {
  const Place = dynamodel.model(
    "CombineNestedSource",
    new Schema({
      id: String,
      address: { type: Object, schema: { city: String, zip: String, at: Date } },
      where: type.COMBINE(["address.city", "id"], "#"),
      when: type.COMBINE(["address.at"]),
    }),
    { tableName: uniqueTableName("CombineNestedSource") },
  );
  const stored = (id: string) => storedItem(Place.table().name, key(id));

  it("is joined on create and save, in its stored form", async () => {
    await Place.create({ id: "p1", address: { city: "Oslo", at: new Date(5) } });
    expect(await stored("p1")).toMatchObject({ where: { S: "Oslo#p1" }, when: { S: "5" } });
    const read = (await Place.get("p1"))!;
    read.address!.city = "Bergen";
    expect(read.modifiedPaths()).toEqual(expect.arrayContaining(["address.city", "where"]));
    await read.save();
    expect(await stored("p1")).toMatchObject({ where: { S: "Bergen#p1" } });
  });

  it("is recomputed by an update setting its map or exactly its path, and left alone by others", async () => {
    await Place.create({ id: "p2", address: { city: "Oslo", zip: "0150", at: new Date(5) } });
    await Place.update({ id: "p2" }, { "address.zip": "0151" });
    expect(await stored("p2")).toMatchObject({ where: { S: "Oslo#p2" } });
    await Place.update({ id: "p2" }, { "address.city": "Bergen", "address.at": new Date(7) });
    expect(await stored("p2")).toMatchObject({ where: { S: "Bergen#p2" }, when: { S: "7" } });
    await Place.update({ id: "p2" }, { address: { city: "Tromsø", at: new Date(9) } });
    expect(await stored("p2")).toMatchObject({ where: { S: "Tromsø#p2" }, when: { S: "9" } });
  });

  it("refuses an update whose result for the source is not known here, and writes nothing", async () => {
    await Place.create({ id: "p3", address: { city: "Oslo", at: new Date(5) } });
    const before = await stored("p3");
    await expect(
      Place.update({ id: "p3" }, { $REMOVE: ["address.city"], "address.at": new Date(1) }),
    ).rejects.toThrow(
      /"where" combines "address\.city", "id", and "address\.city" is changed in a way whose result is not known/,
    );
    expect(await stored("p3")).toEqual(before);
  });
});
