// A schema's own `get` makes a read item show a display form (SPEC §2's read order). Reading an item and
// saving it must not store that form, as for an attribute's `get` (docs/item.md): only changes are written.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const shout = (item: Record<string, unknown>) => ({ ...item, nick: String(item.nick).toUpperCase() });

function personModel(name: string, settings: ConstructorParameters<typeof Schema>[1]) {
  return dynamodel.model(name, new Schema({ id: String, nick: String, age: Number }, settings), {
    tableName: uniqueTableName(name),
    throughput: "ON_DEMAND",
  });
}

describe("a schema-level get", () => {
  const Person = personModel("SchemaGetPerson", { get: shout });
  const key = (id: string) => ({ id: { S: id } });
  const table = () => Person.table().name;

  it("shows its display form on every read path; an unchanged save stores nothing of it", async () => {
    await Person.create({ id: "p1", nick: "tom", age: 3 });
    const reads = [
      await Person.get("p1"),
      (await Person.scan("id").eq("p1").exec())[0],
      ((await dynamodel.transaction([Person.transaction.get("p1")])) as unknown[])[0],
    ] as InstanceType<typeof Person>[];
    for (const read of reads) {
      expect(read.nick).toBe("TOM");
      expect(read.modifiedPaths()).toEqual([]);
      expect(read.isDirty()).toBe(false);
      await read.save();
      expect(await storedItem(table(), key("p1"))).toEqual({
        id: { S: "p1" },
        nick: { S: "tom" },
        age: { N: "3" },
      });
    }
  });

  it("a change to another attribute writes only that attribute; a change to the shown one is written", async () => {
    await Person.create({ id: "p2", nick: "ann", age: 30 });
    const read = (await Person.get("p2"))!;
    read.age = 31;
    expect(read.modifiedPaths()).toEqual(["age"]);
    await read.save();
    expect(await storedItem(table(), key("p2"))).toEqual({
      id: { S: "p2" },
      nick: { S: "ann" },
      age: { N: "31" },
    });

    const again = (await Person.get("p2"))!;
    again.nick = "Annie";
    expect(again.modifiedPaths()).toEqual(["nick"]);
    await again.save();
    expect((await storedItem(table(), key("p2")))?.nick).toEqual({ S: "Annie" });
  });

  it("what it adds under saveUnknown is shown, not stored by an unchanged save", async () => {
    const Kept = personModel("SchemaGetKept", {
      saveUnknown: true,
      get: (item: Record<string, unknown>) => ({ ...item, computed: `${String(item.nick)}!` }),
    });
    await Kept.create({ id: "k1", nick: "tom" });
    const read = (await Kept.get("k1"))!;
    expect((read as unknown as { computed: string }).computed).toBe("tom!");
    expect(read.modifiedPaths()).toEqual([]);
    await read.save();
    expect(await storedItem(Kept.table().name, key("k1"))).toEqual({ id: { S: "k1" }, nick: { S: "tom" } });
  });

  it("an asynchronous one: the save stores nothing of it either (modifiedPaths() cannot wait, and lists it)", async () => {
    const Later = personModel("SchemaGetAsync", {
      get: async (item: Record<string, unknown>) => shout(item),
    });
    await Later.create({ id: "a1", nick: "tom", age: 1 });
    const read = (await Later.get("a1"))!;
    expect(read.nick).toBe("TOM");
    expect(read.modifiedPaths()).toEqual(["nick"]);
    await read.save();
    expect(await storedItem(Later.table().name, key("a1"))).toEqual({
      id: { S: "a1" },
      nick: { S: "tom" },
      age: { N: "1" },
    });
  });

  it("with optimistic locking, an unchanged read item saved keeps its version", async () => {
    const Versioned = personModel("SchemaGetVersioned", { get: shout, version: true });
    await Versioned.create({ id: "v1", nick: "tom" });
    const read = (await Versioned.get("v1"))!;
    expect(read.isDirty()).toBe(false);
    await read.save();
    expect(await storedItem(Versioned.table().name, key("v1"))).toEqual({
      id: { S: "v1" },
      nick: { S: "tom" },
      version: { N: "1" },
    });
  });
});
