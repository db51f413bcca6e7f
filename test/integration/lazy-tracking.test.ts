// Items read from the table remember what they were read as only once something touches them
// (lib/model/tracked-items.ts). Every way of changing an item must still be seen, so each change here is
// made to two items read from the same stored data: one of a model tracked lazily, and one of a model
// whose no-op `get` makes it keep its stored image as before. Both must agree on modifiedPaths(),
// original() and the request a save sends, and the save must store the change.
import { types } from "node:util";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import dynamodel, { Condition, Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("lazy-tracking");
const attributes = {
  id: Number,
  age: Number,
  active: Boolean,
  address: { type: Object, schema: { street: String, city: String } },
  tags: { type: Array, schema: [String] },
  roles: { type: Set, schema: [String] },
  born: Date,
  photo: Buffer,
  scores: { type: Array, schema: [{ type: Object, schema: { game: String, points: Number } }] },
} as const;
const Lazy = dynamodel.model("LazyUser", new Schema({ ...attributes, name: String }), {
  tableName,
  throughput: "ON_DEMAND",
});
// The same table: a `get` function means its reads are not the stored form, so it keeps stored images.
const Eager = dynamodel.model(
  "EagerUser",
  new Schema({ ...attributes, name: { type: String, get: (value: unknown) => value } }),
  { tableName, create: false, waitForActive: false },
);

const stored = (id: number) => ({
  id,
  name: "Ann",
  age: 30,
  active: true,
  address: { street: "Main", city: "Oslo" },
  tags: ["a", "b"],
  roles: new Set(["admin"]),
  born: 1000,
  photo: Buffer.from("hi"),
  scores: [{ game: "chess", points: 5 }],
});

async function putRaw(item: Record<string, unknown>): Promise<void> {
  await rawClient().putItem({ TableName: tableName, Item: marshall(item) });
}

async function readRaw(id: number): Promise<Record<string, unknown> | undefined> {
  const { Item } = await rawClient().getItem({ TableName: tableName, Key: marshall({ id }) });
  return Item === undefined ? undefined : unmarshall(Item);
}

beforeAll(() => Lazy.table().initialize());

type Data = Record<string, unknown>;
type Change = (item: Data) => void;

// Each change, and what it leaves stored (as unmarshalled: Sets, Buffers as Uint8Array, Dates as numbers).
const changes: [string, Change, (before: Data) => Data][] = [
  ["assigning an attribute", (item) => (item.name = "Bob"), (before) => ({ ...before, name: "Bob" })],
  [
    "changing a map in place",
    (item) => ((item.address as Data).city = "Bergen"),
    (before) => ({ ...before, address: { street: "Main", city: "Bergen" } }),
  ],
  [
    "pushing to a list taken by destructuring",
    (item) => {
      const { tags } = item as { tags: string[] };
      tags.push("c");
    },
    (before) => ({ ...before, tags: ["a", "b", "c"] }),
  ],
  [
    "adding to a Set",
    (item) => (item.roles as Set<string>).add("dev"),
    (before) => ({ ...before, roles: new Set(["admin", "dev"]) }),
  ],
  [
    "changing a Date in place",
    (item) => (item.born as Date).setTime(5000),
    (before) => ({ ...before, born: 5000 }),
  ],
  [
    "changing a Buffer in place",
    (item) => ((item.photo as Buffer)[0] = "H".charCodeAt(0)),
    (before) => ({ ...before, photo: Buffer.from("Hi") }),
  ],
  [
    "changing a map inside a list",
    (item) => ((item.scores as Data[])[0]!.points = 6),
    (before) => ({ ...before, scores: [{ game: "chess", points: 6 }] }),
  ],
  ["deleting an attribute", (item) => delete item.age, ({ age: _age, ...rest }) => rest],
  [
    "Object.assign",
    (item) => Object.assign(item, { name: "Zed", age: 31 }),
    (before) => ({ ...before, name: "Zed", age: 31 }),
  ],
  [
    "Object.defineProperty",
    (item) =>
      Object.defineProperty(item, "name", {
        value: "Q",
        enumerable: true,
        writable: true,
        configurable: true,
      }),
    (before) => ({ ...before, name: "Q" }),
  ],
  [
    "a list reached through its property descriptor",
    (item) => (Object.getOwnPropertyDescriptor(item, "tags")!.value as string[]).push("d"),
    (before) => ({ ...before, tags: ["a", "b", "d"] }),
  ],
  [
    "a list reached through a spread copy",
    (item) => (({ ...item }).tags as string[]).push("e"),
    (before) => ({ ...before, tags: ["a", "b", "e"] }),
  ],
  [
    "a Set reached through Object.values",
    (item) => {
      for (const value of Object.values(item)) if (value instanceof Set) value.add("ops");
    },
    (before) => ({ ...before, roles: new Set(["admin", "ops"]) }),
  ],
  ["changing a value and back", (item) => ((item.name = "Bob"), (item.name = "Ann")), (before) => before],
  [
    "replacing a map by an equal one",
    (item) => (item.address = { street: "Main", city: "Oslo" }),
    (before) => before,
  ],
  [
    "assigning undefined",
    (item) => {
      item.age = undefined;
    },
    ({ age: _age, ...rest }) => rest,
  ],
];

describe("an item read from the table, tracked lazily", () => {
  it("is a proxy only where its reads give the stored form", async () => {
    await putRaw(stored(1));
    expect(types.isProxy(await Lazy.get(1))).toBe(true);
    expect(types.isProxy(await Eager.get(1))).toBe(false);
    expect(types.isProxy(new Lazy({ id: 2 }))).toBe(false);
  });

  it("looks like a plain item: instance, keys, spread, JSON, equality", async () => {
    await putRaw(stored(3));
    const item = (await Lazy.get(3))!;
    expect(item).toBeInstanceOf(Lazy);
    expect(item.constructor).toBe(Lazy);
    expect(Object.keys(item).sort()).toEqual(Object.keys(stored(3)).sort());
    expect({ ...item }).toEqual({ ...stored(3), born: new Date(1000) });
    expect(item).toEqual({ ...stored(3), born: new Date(1000) });
    expect(JSON.parse(JSON.stringify(item))).toMatchObject({
      roles: ["admin"],
      born: "1970-01-01T00:00:01.000Z",
    });
    expect(item.isDirty()).toBe(false);
    expect(item.modifiedPaths()).toEqual([]);
    expect(item.original()).toEqual({ ...stored(3), born: new Date(1000) });
  });

  it.each(changes)("sees %s as the stored-image item does", async (_name, change, expected) => {
    const id = 100 + changes.findIndex(([name]) => name === _name);
    await putRaw(stored(id));
    const lazy = (await Lazy.get(id))! as unknown as Data & InstanceType<typeof Lazy>;
    const eager = (await Eager.get(id))! as unknown as Data & InstanceType<typeof Eager>;
    expect(types.isProxy(lazy)).toBe(true);
    change(lazy);
    change(eager);
    expect(lazy.modifiedPaths()).toEqual(eager.modifiedPaths());
    expect(lazy.isDirty()).toBe(eager.isDirty());
    expect(lazy.original()).toEqual(eager.original());
    expect(lazy.original()).toEqual({ ...stored(id), born: new Date(1000) });
    expect(await lazy.save({ return: "request" })).toEqual(await eager.save({ return: "request" }));
    await lazy.save();
    expect(await readRaw(id)).toEqual(expected(stored(id)));
  });

  it("keeps seeing changes after a save, and original() follows the saves", async () => {
    await putRaw(stored(200));
    const item = (await Lazy.get(200))!;
    item.tags!.push("c");
    await item.save();
    item.tags!.push("d");
    item.address!.city = "Bergen";
    expect(item.modifiedPaths()).toEqual(["address.city", "tags"]);
    expect(item.original()).toMatchObject({ tags: ["a", "b", "c"], address: { city: "Oslo" } });
    await item.save();
    expect(await readRaw(200)).toMatchObject({ tags: ["a", "b", "c", "d"], address: { city: "Bergen" } });
    expect(item.isDirty()).toBe(false);
  });

  it("sees a Buffer changed in place after a save (the image keeps its own bytes)", async () => {
    for (const Model of [Lazy, Eager]) {
      const id = Model === Lazy ? 210 : 211;
      await putRaw(stored(id));
      const item = (await Model.get(id))!;
      item.photo![0] = "H".charCodeAt(0);
      await item.save();
      item.photo![1] = "I".charCodeAt(0);
      expect(item.modifiedPaths()).toEqual(["photo"]);
      await item.save();
      expect((await readRaw(id))!.photo).toEqual(Buffer.from("HI"));
      expect(item.original()!.photo).toEqual(Buffer.from("HI"));
    }
  });

  it("writes only what changed: another writer's change survives", async () => {
    await putRaw(stored(201));
    const item = (await Lazy.get(201))!;
    await rawClient().updateItem({
      TableName: tableName,
      Key: marshall({ id: 201 }),
      UpdateExpression: "SET age = :age, tags = :tags",
      ExpressionAttributeValues: marshall({ ":age": 99, ":tags": ["x"] }),
    });
    item.name = "Bob";
    await item.save();
    expect(await readRaw(201)).toEqual({ ...stored(201), name: "Bob", age: 99, tags: ["x"] });
  });

  it("saves an unchanged item with a condition without rewriting it", async () => {
    await putRaw(stored(202));
    const item = (await Lazy.get(202))!;
    // Nothing changed: an UpdateItem that writes nothing checks the condition (and that the item exists).
    const request = (await item.save({
      condition: new Condition("age").eq(30),
      return: "request",
    })) as unknown as Record<string, unknown>;
    expect(request.UpdateExpression).toBeUndefined();
    expect(request.Item).toBeUndefined();
    expect(request.ConditionExpression).toBe("(#n0 = :v0) AND (attribute_exists(#n1))");
    await item.save({ condition: new Condition("age").eq(30) });
    await expect(item.save({ condition: new Condition("age").eq(31) })).rejects.toThrow();
    expect(await readRaw(202)).toEqual(stored(202));
  });

  it("is tracked the same through query, scan, batchGet, transactions and update results", async () => {
    const reads: [number, (id: number) => Promise<Data>][] = [
      [300, async (id) => (await Lazy.query("id").eq(id).exec())[0] as unknown as Data],
      [301, async (id) => (await Lazy.scan("id").eq(id).exec())[0] as unknown as Data],
      [302, async (id) => (await Lazy.batchGet([id]))[0] as unknown as Data],
      [
        303,
        async (id) => ((await dynamodel.transaction([Lazy.transaction.get(id)])) as unknown as Data[])[0]!,
      ],
      [304, async (id) => (await Lazy.update({ id }, { active: false })) as unknown as Data],
    ];
    for (const [id, read] of reads) {
      await putRaw(stored(id));
      const item = (await read(id)) as Data & InstanceType<typeof Lazy>;
      expect(types.isProxy(item)).toBe(true);
      (item.tags as string[]).push("c");
      expect(item.modifiedPaths()).toEqual(["tags"]);
      await item.save();
      expect((await readRaw(id))!.tags).toEqual(["a", "b", "c"]);
    }
  });

  it("a populated item that is then saved keeps its stored reference", async () => {
    const Owner = dynamodel.model("LazyOwner", new Schema({ id: Number, name: String }), {
      tableName: uniqueTableName("lazy-owner"),
      throughput: "ON_DEMAND",
    });
    const Pet = dynamodel.model("LazyPet", new Schema({ id: Number, owner: Owner, lives: Number }), {
      tableName: uniqueTableName("lazy-pet"),
      throughput: "ON_DEMAND",
    });
    await Owner.table().initialize();
    await Pet.table().initialize();
    await new Owner({ id: 1, name: "Ann" }).save();
    await new Pet({ id: 1, owner: 1, lives: 9 }).save();
    const pet = (await Pet.get(1))!;
    await pet.populate();
    expect(pet.modifiedPaths()).toEqual([]);
    pet.lives = 8;
    await pet.save();
    const { Item } = await rawClient().getItem({
      TableName: Pet.table().name,
      Key: marshall({ id: 1 }),
    });
    expect(unmarshall(Item!)).toEqual({ id: 1, owner: 1, lives: 8 });
  });
});

describe("edges of the tracking proxy", () => {
  it("an object made with Object.create(item) is no tracked item of its own", async () => {
    await putRaw(stored(500));
    const item = (await Lazy.get(500))!;
    const child = Object.create(item) as Data & InstanceType<typeof Lazy>;
    child.name = "Child";
    expect(Object.hasOwn(child, "name")).toBe(true);
    expect(item.name).toBe("Ann");
    expect(child.toJSON()).toEqual({ name: "Child" });
    expect(child.modifiedPaths()).toEqual(["name"]);
    expect(item.modifiedPaths()).toEqual([]);
    expect(item.original()).toMatchObject({ name: "Ann" });
  });

  it("a JSON-stored object with a __proto__ member is remembered as it is", async () => {
    const Doc = dynamodel.model(
      "LazyJsonDoc",
      new Schema({ id: Number, name: String, doc: { type: Object, storage: "json" } }),
      { tableName: uniqueTableName("lazy-json"), throughput: "ON_DEMAND" },
    );
    await Doc.table().initialize();
    const text = '{ "__proto__": { "x": 1 }, "a": 1 }';
    await rawClient().putItem({
      TableName: Doc.table().name,
      Item: { id: { N: "1" }, name: { S: "Ann" }, doc: { S: text } },
    });
    const item = (await Doc.get(1))!;
    expect(types.isProxy(item)).toBe(true);
    expect(Object.keys(item.doc as object)).toEqual(["__proto__", "a"]);
    expect(item.modifiedPaths()).toEqual([]);
    expect(JSON.stringify(item.original()!.doc)).toBe('{"__proto__":{"x":1},"a":1}');
    item.name = "Bob";
    await item.save();
    const { Item } = await rawClient().getItem({ TableName: Doc.table().name, Key: { id: { N: "1" } } });
    expect(Item!.doc).toEqual({ S: text }); // not rewritten: only the name changed
  });
});

describe("reads that keep their stored image", () => {
  it("an attribute the schema does not declare, inside a map, survives a conditional save", async () => {
    await putRaw({ ...stored(400), address: { street: "Main", city: "Oslo", floor: 3 } });
    const item = (await Lazy.get(400))!;
    expect(types.isProxy(item)).toBe(false);
    await item.save({ condition: new Condition("age").eq(30) });
    expect((await readRaw(400))!.address).toEqual({ street: "Main", city: "Oslo", floor: 3 });
  });

  it("a value stored with a type other than the schema's", async () => {
    await putRaw({ ...stored(401), age: "thirty" });
    const item = (await Lazy.get(401))!;
    expect(types.isProxy(item)).toBe(false);
    expect(item.age).toBe("thirty");
  });

  it("an item read with a projection", async () => {
    await putRaw(stored(402));
    expect(types.isProxy(await Lazy.get(402, { attributes: ["id", "name"] }))).toBe(false);
  });
});

describe("maps declared without a schema", () => {
  const Meta = dynamodel.model(
    "LazyMeta",
    new Schema({ id: Number, meta: Object }, { saveUnknown: ["meta.**"] }),
    { tableName: uniqueTableName("lazy-meta"), throughput: "ON_DEMAND" },
  );
  const Plain = dynamodel.model("LazyMetaPlain", new Schema({ id: Number, meta: Object }), {
    tableName: Meta.table().name,
    create: false,
    waitForActive: false,
  });
  const key = (id: number) => marshall({ id });

  beforeAll(() => Meta.table().initialize());

  it("whose contents saveUnknown keeps are tracked lazily, and changes inside them are saved", async () => {
    await rawClient().putItem({
      TableName: Meta.table().name,
      Item: marshall({ id: 1, meta: { color: "red", size: { w: 2 } } }),
    });
    const item = (await Meta.get(1))!;
    expect(types.isProxy(item)).toBe(true);
    expect(item.modifiedPaths()).toEqual([]);
    ((item.meta as Data).size as Data).w = 3;
    expect(item.isDirty("meta")).toBe(true);
    await item.save();
    const { Item } = await rawClient().getItem({ TableName: Meta.table().name, Key: key(1) });
    expect(unmarshall(Item!)).toEqual({ id: 1, meta: { color: "red", size: { w: 3 } } });
  });

  it("whose contents are left out keep their stored image, and saving keeps the contents", async () => {
    await rawClient().putItem({
      TableName: Meta.table().name,
      Item: marshall({ id: 2, meta: { color: "red" } }),
    });
    const item = (await Plain.get(2))!;
    expect(types.isProxy(item)).toBe(false);
    await item.save({ condition: new Condition("id").exists() });
    const { Item } = await rawClient().getItem({ TableName: Meta.table().name, Key: key(2) });
    expect(unmarshall(Item!)).toEqual({ id: 2, meta: { color: "red" } });
  });
});
