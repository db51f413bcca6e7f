// Saving items that do not hold everything stored: read with a projection (`attributes`), or stored with
// attributes the schema does not declare. SPEC §4: a read item saves "only its changed paths", so what the
// item never read, or does not model, must survive the save untouched.
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import dynamodel, { Condition, Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("projected");
const Cat = dynamodel.model(
  "ProjectedCat",
  new Schema(
    {
      id: Number,
      name: String,
      lives: { type: Number, default: 9 },
      owner: { type: String, required: true },
      address: { type: Object, schema: { city: String, zip: { type: String, default: "0000" } } },
    },
    { timestamps: true },
  ),
  { tableName, throughput: "ON_DEMAND" },
);

async function putRaw(item: Record<string, unknown>): Promise<void> {
  await rawClient().putItem({ TableName: tableName, Item: marshall(item) });
}

async function stored(id: number): Promise<Record<string, unknown> | undefined> {
  const { Item } = await rawClient().getItem({ TableName: tableName, Key: marshall({ id }) });
  return Item === undefined ? undefined : unmarshall(Item);
}

const whole = (id: number) => ({
  id,
  name: "Tom",
  lives: 7,
  owner: "ann",
  address: { city: "Oslo", zip: "0150" },
  createdAt: 1000,
  updatedAt: 1000,
});

beforeAll(() => Cat.table().initialize());

describe("an item read with a projection", () => {
  // attributes() narrows the item type to the attributes read; these tests then set the others.
  type CatItem = InstanceType<typeof Cat>;
  const reads: [string, (id: number) => Promise<CatItem>][] = [
    ["get", async (id) => (await Cat.get(id, { attributes: ["id", "name"] }))!],
    ["query", async (id) => (await Cat.query("id").eq(id).attributes(["id", "name"]).exec())[0] as CatItem],
    ["scan", async (id) => (await Cat.scan("id").eq(id).attributes(["id", "name"]).exec())[0] as CatItem],
    ["batchGet", async (id) => (await Cat.batchGet([id], { attributes: ["id", "name"] }))[0]!],
  ];

  it.each(reads)("is clean after %s, and saving it writes only what changed", async (_name, read) => {
    const id = reads.findIndex(([name]) => name === _name) + 1;
    await putRaw(whole(id));
    const cat = await read(id);
    expect(cat.isDirty()).toBe(false);
    expect(cat.modifiedPaths()).toEqual([]);
    cat.name = "Felix";
    expect(cat.modifiedPaths()).toEqual(["name"]);
    await cat.save();
    // The defaults (lives 9, zip "0000"), the required owner and createdAt were not read: all kept.
    const after = await stored(id);
    expect(after).toEqual({ ...whole(id), name: "Felix", updatedAt: expect.any(Number) });
    expect(after!.updatedAt).toBeGreaterThan(1000);
  });

  it("stays partial after a save, and writes an unread attribute the caller sets", async () => {
    await putRaw(whole(10));
    const cat = (await Cat.get(10, { attributes: ["id", "name"] }))!;
    cat.name = "Felix";
    await cat.save();
    cat.name = "Garfield";
    await cat.save(); // a second save must not fill in the unread attributes either
    expect(await stored(10)).toMatchObject({ name: "Garfield", lives: 7, owner: "ann", createdAt: 1000 });
    cat.lives = 3;
    expect(cat.modifiedPaths()).toEqual(["lives"]);
    await cat.save();
    expect(await stored(10)).toMatchObject({ name: "Garfield", lives: 3, owner: "ann" });
  });

  it("still validates what it holds", async () => {
    await putRaw(whole(11));
    const cat = (await Cat.get(11, { attributes: ["id", "name"] }))!;
    cat.name = 5 as never;
    await expect(cat.save()).rejects.toThrow('"name" must be of type string (got 5)');
    expect(await stored(11)).toEqual(whole(11));
  });
});

describe("a map read in part", () => {
  const Place = dynamodel.model(
    "ProjectedPlace",
    new Schema({
      id: String,
      address: {
        type: Object,
        schema: { city: { type: String, required: true }, n: Number, m: { type: Number, default: 5 } },
      },
      flat: {
        type: Object,
        storage: "flatten",
        schema: { city: { type: String, required: true }, n: Number, m: { type: Number, default: 5 } },
      },
    }),
    { tableName: uniqueTableName("projectedPlace"), throughput: "ON_DEMAND" },
  );

  it("neither requires nor fills in the sub-attributes it did not read, as unread attributes", async () => {
    await Place.table().initialize();
    const item = {
      id: { S: "a" },
      address: { M: { city: { S: "Oslo" }, n: { N: "1" }, m: { N: "9" } } },
      flat_city: { S: "Oslo" },
      flat_n: { N: "1" },
      flat_m: { N: "9" },
    };
    await rawClient().putItem({ TableName: Place.table().name, Item: item });
    const read = (await Place.get("a", { attributes: ["id", "address.n", "flat.n"] }))!;
    read.address!.n = 2;
    read.flat!.n = 2;
    await read.save(); // city is required, m has a default: neither was read
    const { Item } = await rawClient().getItem({ TableName: Place.table().name, Key: { id: { S: "a" } } });
    expect(Item).toEqual({
      ...item,
      address: { M: { city: { S: "Oslo" }, n: { N: "2" }, m: { N: "9" } } },
      flat_n: { N: "2" },
    });
    expect(read.toJSON()).toEqual({ id: "a", address: { n: 2 }, flat: { n: 2 } });
    expect(read.original()).toEqual({ id: "a", address: { n: 2 }, flat: { n: 2 } });
  });

  it("a sub-attribute it read and the caller removes takes its default, as on an item read whole", async () => {
    const item = {
      id: { S: "b" },
      address: { M: { city: { S: "Oslo" }, n: { N: "1" }, m: { N: "9" } } },
      flat_city: { S: "Oslo" },
      flat_m: { N: "9" },
    };
    await rawClient().putItem({ TableName: Place.table().name, Item: item });
    const read = (await Place.get("b", { attributes: ["id", "address.m", "address.n", "flat.m"] }))!;
    // The item's type says these hold values (defaults fill them in on writes): removing them needs a cast.
    const loose = read as unknown as { address: object; flat: { m?: number } };
    loose.address = { n: 3 }; // given whole: "m", which was read, is left out of it
    delete loose.flat.m;
    expect(read.modifiedPaths().sort()).toEqual(["address.m", "address.n", "flat.m"]);
    await read.save();
    const { Item } = await rawClient().getItem({ TableName: Place.table().name, Key: { id: { S: "b" } } });
    expect(Item).toEqual({
      ...item,
      address: { M: { city: { S: "Oslo" }, n: { N: "3" }, m: { N: "5" } } },
      flat_m: { N: "5" },
    });
    expect(read.modifiedPaths()).toEqual([]);
  });
});

describe("a top-level attribute read and then removed", () => {
  it("takes its default, as on an item read whole", async () => {
    await putRaw({ ...whole(40), lives: 3 });
    const read = (await Cat.get(40, { attributes: ["id", "lives", "name"] }))!;
    (read as unknown as { lives?: number }).lives = undefined;
    expect(read.modifiedPaths()).toEqual(["lives"]);
    await read.save();
    expect((await stored(40))?.lives).toBe(9);
    expect(read.lives).toBe(9);
    expect(read.isDirty()).toBe(false);
  });
});

describe("stored attributes the schema does not declare", () => {
  it("do not make a fresh read dirty and survive its save, at the top level and inside maps", async () => {
    await putRaw({ ...whole(20), legacy: "keep me", address: { city: "Oslo", zip: "0150", floor: 3 } });
    const cat = (await Cat.get(20))!;
    expect(cat.isDirty()).toBe(false);
    expect(cat.modifiedPaths()).toEqual([]);
    cat.address!.city = "Bergen";
    expect(cat.modifiedPaths()).toEqual(["address.city"]);
    await cat.save();
    expect(await stored(20)).toEqual({
      ...whole(20),
      legacy: "keep me",
      address: { city: "Bergen", zip: "0150", floor: 3 },
      updatedAt: expect.any(Number),
    });
  });

  it("declared attributes the item no longer holds are still removed", async () => {
    await putRaw(whole(21));
    const cat = (await Cat.get(21))!;
    delete (cat as { name?: string }).name;
    expect(cat.modifiedPaths()).toEqual(["name"]);
    await cat.save();
    expect(await stored(21)).not.toHaveProperty("name");
  });
});

// Found in review: every path by which a partial item could still be written whole, or its unread parts
// overwritten.
describe("partial items, every way they are read and written", () => {
  // No timestamps here, so that an unchanged save really has nothing to write.
  const bareTable = uniqueTableName("projected-bare");
  const Bare = dynamodel.model(
    "ProjectedBare",
    {
      id: Number,
      name: String,
      lives: { type: Number, default: 9 },
      owner: { type: String, required: true },
    },
    { tableName: bareTable, throughput: "ON_DEMAND" },
  );
  const bareStored = async (id: number) =>
    unmarshall((await rawClient().getItem({ TableName: bareTable, Key: marshall({ id }) })).Item!);
  const putBare = (id: number) =>
    rawClient().putItem({
      TableName: bareTable,
      Item: marshall({ id, name: "Tom", lives: 7, owner: "ann", legacy: "undeclared" }),
    });
  const bareWhole = (id: number) => ({ id, name: "Tom", lives: 7, owner: "ann", legacy: "undeclared" });
  beforeAll(() => Bare.table().initialize());

  it("a save with a condition and no change checks the condition without rewriting the item", async () => {
    await putBare(30);
    const cat = (await Bare.get(30, { attributes: ["id", "name"] }))!;
    await cat.save({ condition: new Condition("name").eq("Tom") });
    expect(await bareStored(30)).toEqual(bareWhole(30));
    await expect(cat.save({ condition: new Condition("name").eq("Felix") })).rejects.toThrow(
      expect.objectContaining({ name: "ConditionalCheckFailedException" }),
    );
    const read = (await Bare.get(30))!; // a whole read: the undeclared attribute must survive too
    await read.save({ condition: new Condition("name").eq("Tom") });
    expect(await bareStored(30)).toEqual(bareWhole(30));
  });

  it("an unchanged item in a transaction is checked, not rewritten", async () => {
    await putBare(31);
    const partial = (await Bare.get(31, { attributes: ["id", "name"] }))!;
    await dynamodel.transaction([Bare.transaction.create(partial)]);
    expect(await bareStored(31)).toEqual(bareWhole(31));
    const read = (await Bare.get(31))!;
    await dynamodel.transaction([Bare.transaction.create(read)]);
    expect(await bareStored(31)).toEqual(bareWhole(31));
  });

  it("deleted meanwhile, it is written again as a new item: defaults filled in, required checked", async () => {
    await putBare(34);
    const cat = (await Bare.get(34, { attributes: ["id", "name", "owner"] }))!;
    await rawClient().deleteItem({ TableName: bareTable, Key: marshall({ id: 34 }) });
    cat.name = "Felix";
    await cat.save();
    expect(await bareStored(34)).toEqual({ id: 34, name: "Felix", lives: 9, owner: "ann" });
    expect(cat.isDirty()).toBe(false);
    const ownerless = (await Bare.get(34, { attributes: ["id", "name"] }))!;
    await rawClient().deleteItem({ TableName: bareTable, Key: marshall({ id: 34 }) });
    ownerless.name = "Tom";
    await expect(ownerless.save()).rejects.toThrow('"owner" is required');
    expect(await rawClient().getItem({ TableName: bareTable, Key: marshall({ id: 34 }) })).not.toHaveProperty(
      "Item",
    );
  });

  it("given a new key, it is saved as a new item: defaults filled in, required checked", async () => {
    await putBare(35);
    const cat = (await Bare.get(35, { attributes: ["id", "name", "owner"] }))!;
    cat.id = 36;
    await cat.save();
    expect(await bareStored(36)).toEqual({ id: 36, name: "Tom", lives: 9, owner: "ann" });
    expect(await bareStored(35)).toEqual(bareWhole(35));
    cat.name = "Rex";
    await cat.save(); // a whole item now: saved as usual
    expect(await bareStored(36)).toEqual({ id: 36, name: "Rex", lives: 9, owner: "ann" });
  });

  it("items of a transaction get with attributes are partial", async () => {
    await putRaw(whole(32));
    const [cat] = (await dynamodel.transaction([
      Cat.transaction.get(32, { attributes: ["id", "name"] }),
    ])) as InstanceType<typeof Cat>[];
    expect(cat!.isDirty()).toBe(false);
    cat!.name = "Felix";
    await cat!.save();
    expect(await stored(32)).toEqual({ ...whole(32), name: "Felix", updatedAt: expect.any(Number) });
  });

  it("a projection inside a map leaves the map's other members alone", async () => {
    await putRaw(whole(33));
    const cat = (await Cat.get(33, { attributes: ["id", "address.city"] as never }))!;
    expect(cat.modifiedPaths()).toEqual([]);
    cat.address!.city = "Bergen";
    expect(cat.modifiedPaths()).toEqual(["address.city"]);
    await cat.save();
    expect((await stored(33))!.address).toEqual({ city: "Bergen", zip: "0150" });
  });
});

describe("items read from an index that projects only some attributes", () => {
  const indexTable = uniqueTableName("projected-index");
  const Dog = dynamodel.model(
    "ProjectedIndexDog",
    {
      id: Number,
      name: { type: String, index: { name: "byName", project: false } },
      lives: { type: Number, default: 9 },
    },
    { tableName: indexTable, throughput: "ON_DEMAND" },
  );

  it("are partial: saving one keeps what the index left out", async () => {
    await Dog.create({ id: 1, name: "Rex", lives: 7 });
    const [dog] = await Dog.query("name").eq("Rex").using("byName").exec();
    expect(dog!.isDirty()).toBe(false);
    dog!.name = "Max";
    await dog!.save();
    const { Item } = await rawClient().getItem({ TableName: indexTable, Key: marshall({ id: 1 }) });
    expect(unmarshall(Item!)).toEqual({ id: 1, name: "Max", lives: 7 });
  });
});

describe("a versioned item read without its version", () => {
  const versionTable = uniqueTableName("projected-version");
  const Doc = dynamodel.model(
    "ProjectedVersionDoc",
    new Schema({ id: Number, title: String }, { version: true }),
    {
      tableName: versionTable,
      throughput: "ON_DEMAND",
    },
  );

  it("cannot be saved, and the error says why", async () => {
    await Doc.create({ id: 1, title: "a" });
    const doc = (await Doc.get(1, { attributes: ["id", "title"] }))!;
    doc.title = "b";
    await expect(doc.save()).rejects.toThrow(
      'optimistic locking needs the version it read. Include "version" in the attributes.',
    );
    const withVersion = (await Doc.get(1, { attributes: ["id", "title", "version"] as never }))!;
    withVersion.title = "b";
    await withVersion.save();
    const { Item } = await rawClient().getItem({ TableName: versionTable, Key: marshall({ id: 1 }) });
    expect(unmarshall(Item!)).toEqual({ id: 1, title: "b", version: 2 });
  });
});

it("a map with several object schemas, read in part, keeps the change made to it", async () => {
  const Variant = dynamodel.model(
    "ProjectedVariant",
    new Schema({
      id: String,
      v: [
        { type: Object, schema: { a: String, b: String, f: String } },
        { type: Object, schema: { c: Number, d: String } },
      ],
    }),
    { tableName: uniqueTableName("projectedVariant"), throughput: "ON_DEMAND" },
  );
  await Variant.table().initialize();
  await rawClient().putItem({
    TableName: Variant.table().name,
    Item: { id: { S: "2" }, v: { M: { c: { N: "1" }, d: { S: "dd" } } } },
  });
  const read = (await Variant.get("2", { attributes: ["id", "v.c"] as never }))! as unknown as {
    v: { c: number };
    save(): Promise<unknown>;
  };
  read.v.c = 3;
  await read.save();
  const { Item } = await rawClient().getItem({ TableName: Variant.table().name, Key: { id: { S: "2" } } });
  expect(Item).toEqual({ id: { S: "2" }, v: { M: { c: { N: "3" }, d: { S: "dd" } } } });
});

it("an unread attribute set to undefined under its alias is left alone, as under its name", async () => {
  const Named = dynamodel.model(
    "ProjectedNamed",
    new Schema({ id: String, n: Number, name: { type: String, alias: "nm" } }),
    { tableName: uniqueTableName("projectedNamed"), throughput: "ON_DEMAND" },
  );
  await Named.create({ id: "a", n: 1, nm: "x" });
  const read = (await Named.get("a", { attributes: ["id", "n"] }))!;
  read.nm = undefined; // was "Cannot map attribute "name" to "nm" because both are defined"
  read.n = 2;
  await read.save();
  const { Item } = await rawClient().getItem({ TableName: Named.table().name, Key: { id: { S: "a" } } });
  expect(Item).toEqual({ id: { S: "a" }, n: { N: "2" }, name: { S: "x" } });
});

it("a map the read got nothing of, given whole, is written whole, as docs/item.md says", async () => {
  await putRaw({ ...whole(41), address: { city: "Oslo", zip: "0150", note: "by other code" } });
  const unnamed = (await Cat.get(41, { attributes: ["id", "name"] }))!;
  unnamed.address = { city: "Bergen" } as never; // zip left to its default
  await unnamed.save();
  expect((await stored(41))?.address).toEqual({ city: "Bergen", zip: "0000" });

  await putRaw({ ...whole(42), address: { city: "Oslo" } });
  const namedInside = (await Cat.get(42, { attributes: ["id", "address.zip"] }))!;
  expect(namedInside.address).toBeUndefined(); // the stored address has no zip: the read got nothing of it
  namedInside.address = { zip: "5003" };
  await namedInside.save();
  expect((await stored(42))?.address).toEqual({ zip: "5003" });
});

describe("attributes a projection names whole and the table lacks", () => {
  const Pet = dynamodel.model(
    "ProjectedWholePet",
    new Schema({
      id: String,
      name: String,
      lives: { type: Number, default: 9 },
      home: { type: Object, schema: { city: String, zip: { type: String, default: "0000" } } },
    }),
    { tableName: uniqueTableName("projectedWhole"), throughput: "ON_DEMAND" },
  );
  beforeAll(() => Pet.table().initialize());
  const put = (id: string) =>
    rawClient().putItem({
      TableName: Pet.table().name,
      Item: { id: { S: id }, name: { S: "Rex" }, home: { M: { city: { S: "Oslo" } } } },
    });
  const storedPet = async (id: string) =>
    (await rawClient().getItem({ TableName: Pet.table().name, Key: { id: { S: id } } })).Item;

  it.each([
    ["get", (id: string) => Pet.get(id, { attributes: ["id", "lives", "home"] })],
    [
      "query",
      async (id: string) => (await Pet.query("id").eq(id).attributes(["id", "lives", "home"]).exec())[0],
    ],
    [
      "scan",
      async (id: string) => (await Pet.scan("id").eq(id).attributes(["id", "lives", "home"]).exec())[0],
    ],
    [
      "batchGet",
      async (id: string) => (await Pet.batchGet([id], { attributes: ["id", "lives", "home"] }))[0],
    ],
  ] as const)(
    "are known to be absent (read with %s): defaults fill them in, as on an item read whole",
    async (method, read) => {
      const id = `whole-${method}`;
      await put(id);
      const item = (await read(id))!;
      expect(item.modifiedPaths().sort()).toEqual(["home.zip", "lives"]);
      await item.save();
      expect(await storedPet(id)).toEqual({
        id: { S: id },
        name: { S: "Rex" },
        lives: { N: "9" },
        home: { M: { city: { S: "Oslo" }, zip: { S: "0000" } } },
      });
      expect(item.isDirty()).toBe(false);
    },
  );

  it("one named only by a path inside it stays unread", async () => {
    await put("inside");
    const item = (await Pet.get("inside", { attributes: ["id", "home.city"] }))!;
    expect(item.modifiedPaths()).toEqual([]);
    await item.save();
    expect(await storedPet("inside")).toEqual({
      id: { S: "inside" },
      name: { S: "Rex" },
      home: { M: { city: { S: "Oslo" } } },
    });
  });
});

describe("names a projection reads whole: what does not count", () => {
  const raw = (tableName: string, id: string) =>
    rawClient()
      .getItem({ TableName: tableName, Key: { id: { S: id } } })
      .then((output) => output.Item);

  it("an attribute the library adds to the projection for its own use (the TTL attribute)", async () => {
    const Session = dynamodel.model(
      "ProjectedTtlSession",
      new Schema({ id: String, user: String, n: Number }),
      {
        tableName: uniqueTableName("projectedTtl"),
        throughput: "ON_DEMAND",
        expires: { ttl: 3_600_000, items: { returnExpired: false } },
      },
    );
    await Session.table().initialize();
    const item = { id: { S: "s" }, user: { S: "ann" }, n: { N: "1" } };
    await rawClient().putItem({ TableName: Session.table().name, Item: item });
    const read = (await Session.get("s", { attributes: ["id", "user"] }))!;
    expect(read.modifiedPaths()).toEqual([]);
    read.user = "bob";
    await read.save();
    expect(await raw(Session.table().name, "s")).toEqual({ ...item, user: { S: "bob" } }); // no ttl written
  });

  it("one stored attribute of a flattened object: the object is read in part, not known absent", async () => {
    const Person = dynamodel.model(
      "ProjectedFlatPerson",
      new Schema({
        id: String,
        name: String,
        address: {
          type: Object,
          storage: "flatten",
          required: true,
          schema: { city: String, zip: { type: String, default: "0000" } },
        },
      }),
      { tableName: uniqueTableName("projectedFlatWhole"), throughput: "ON_DEMAND" },
    );
    await Person.table().initialize();
    const item = { id: { S: "p" }, name: { S: "Tom" }, address_zip: { S: "1234" } };
    await rawClient().putItem({ TableName: Person.table().name, Item: item });
    const read = (await Person.get("p", { attributes: ["id", "address.city"] }))!;
    read.name = "Felix";
    await read.save(); // "address" is required, but was not read
    expect(await raw(Person.table().name, "p")).toEqual({ ...item, name: { S: "Felix" } });
  });

  it("a model of several schemas: another schema's attribute takes no default", async () => {
    const Thing = dynamodel.model(
      "ProjectedMultiThing",
      [
        new Schema({ id: String, x: { type: Number, default: 1 }, a: String }),
        new Schema({ id: String, y: Number, b: String }),
      ],
      { tableName: uniqueTableName("projectedMulti"), throughput: "ON_DEMAND" },
    );
    await Thing.table().initialize();
    const item = { id: { S: "k" }, y: { N: "5" }, b: { S: "bb" } };
    await rawClient().putItem({ TableName: Thing.table().name, Item: item });
    const read = (await Thing.get("k", { attributes: ["id", "x"] }))!;
    expect(read.modifiedPaths()).toEqual([]);
    await read.save();
    expect(await raw(Thing.table().name, "k")).toEqual(item);
  });

  it("a version attribute named and missing: the item was stored before locking, and saves as on a whole read", async () => {
    const Doc = dynamodel.model(
      "ProjectedVersionDoc",
      new Schema({ id: String, name: String }, { version: true }),
      {
        tableName: uniqueTableName("projectedVersion"),
        throughput: "ON_DEMAND",
      },
    );
    await Doc.table().initialize();
    await rawClient().putItem({ TableName: Doc.table().name, Item: { id: { S: "d" }, name: { S: "a" } } });
    const read = (await Doc.get("d", { attributes: ["id", "name", "version"] }))!;
    read.name = "b";
    await read.save();
    expect(await raw(Doc.table().name, "d")).toEqual({
      id: { S: "d" },
      name: { S: "b" },
      version: { N: "1" },
    });
  });
});

it("a projected item written again after a concurrent delete keeps stored values as stored: no set again, no display value", async () => {
  const Note = dynamodel.model(
    "ProjectedRecreatedNote",
    new Schema({
      id: String,
      title: { type: String, get: (value: string) => value.toUpperCase() },
      code: { type: String, set: (value: string) => `#${value}` },
      n: Number,
    }),
    { tableName: uniqueTableName("projectedRecreated"), throughput: "ON_DEMAND" },
  );
  await Note.create({ id: "r", title: "Hello", code: "a", n: 1 });
  const read = (await Note.get("r", { attributes: ["id", "title", "code"] }))!;
  expect(read.title).toBe("HELLO");
  await Note.delete("r"); // by someone else
  read.n = 2;
  await read.save();
  const { Item } = await rawClient().getItem({ TableName: Note.table().name, Key: { id: { S: "r" } } });
  expect(Item).toEqual({ id: { S: "r" }, title: { S: "Hello" }, code: { S: "#a" }, n: { N: "2" } });
});

describe("a COMBINE attribute of an item read with a projection", () => {
  const combinedTable = uniqueTableName("projectedCombine");
  const Tag = dynamodel.model(
    "ProjectedCombineTag",
    {
      id: String,
      a: String,
      v: Number,
      note: String,
      c: { type: dynamodel.type.COMBINE(["a", "v"]) },
    },
    { tableName: combinedTable, throughput: "ON_DEMAND" },
  );
  const storedTag = async (id: string) =>
    unmarshall(
      (await rawClient().getItem({ TableName: combinedTable, Key: marshall({ id }), ConsistentRead: true }))
        .Item!,
    );

  it("is worked out again when the item read every source, though not the combined attribute", async () => {
    await Tag.create({ id: "all", a: "m", v: 1 });
    const tag = (await Tag.get("all", { attributes: ["id", "a", "v"] }))!;
    tag.v = 2;
    await tag.save();
    expect(await storedTag("all")).toEqual({ id: "all", a: "m", v: 2, c: "m,2" });
  });

  it("is worked out from a source the item was given, though not read", async () => {
    await Tag.create({ id: "given", a: "m", v: 1 });
    const tag = (await Tag.get("given", { attributes: ["id", "v"] }))!;
    tag.a = "q";
    tag.v = 3;
    await tag.save();
    expect(await storedTag("given")).toEqual({ id: "given", a: "q", v: 3, c: "q,3" });
  });

  it("refuses a change to a source when another source was not read, and writes nothing", async () => {
    await Tag.create({ id: "some", a: "m", v: 1 });
    const tag = (await Tag.get("some", { attributes: ["id", "v"] }))!;
    tag.v = 2;
    await expect(tag.save()).rejects.toThrow(dynamodel.InvalidParameter);
    await expect(tag.save()).rejects.toThrow(
      '"c" combines "a", "v": this item was read without "a", so saving its change to "v" cannot work out the combined value.',
    );
    expect(await storedTag("some")).toEqual({ id: "some", a: "m", v: 1, c: "m,1" });
  });

  it("leaves an item read with every source clean: nothing modified, nothing sent, not brought back", async () => {
    await Tag.create({ id: "clean", a: "m", v: 1 });
    const tag = (await Tag.get("clean", { attributes: ["id", "a", "v"] }))!;
    expect(tag.modifiedPaths()).toEqual([]);
    expect(tag.isDirty()).toBe(false);
    const sent: string[] = [];
    const stop = dynamodel.use(async (call, next) => {
      sent.push(call.operation);
      return next();
    });
    try {
      await rawClient().deleteItem({ TableName: combinedTable, Key: marshall({ id: "clean" }) });
      await tag.save();
    } finally {
      stop();
    }
    expect(sent).toEqual([]);
    expect(
      (await rawClient().getItem({ TableName: combinedTable, Key: marshall({ id: "clean" }) })).Item,
    ).toBeUndefined();
  });

  it("does not write a value worked out from sources another writer changed since the read", async () => {
    await Tag.create({ id: "raced", a: "m", v: 1 });
    const tag = (await Tag.get("raced", { attributes: ["id", "a", "v"] }))!;
    await Tag.update({ id: "raced" }, { a: "z", v: 1 });
    tag.note = "hello";
    await tag.save();
    expect(await storedTag("raced")).toEqual({ id: "raced", a: "z", v: 1, c: "z,1", note: "hello" });
  });

  it("is left alone when no source changed", async () => {
    await Tag.create({ id: "other", a: "m", v: 1 });
    const tag = (await Tag.get("other", { attributes: ["id", "note"] }))!;
    tag.note = "hello";
    await tag.save();
    expect(await storedTag("other")).toEqual({ id: "other", a: "m", v: 1, c: "m,1", note: "hello" });
  });
});
