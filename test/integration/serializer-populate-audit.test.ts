// Fixes from an audit of references, populate, serializers and toJSON against Dynamoose 4.2: a multi-type
// attribute led by a reference takes its later types; toJSON of an Invalid Date read from the table; the
// serializer options checked where given (a string `exclude` once hid nothing); the built-in default
// restored by name; a list element excluded without a hole; serializeMany of another model's items; and
// `populate({properties: null})`.
import dynamodel, { InvalidParameter, Schema } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

describe("a multi-type attribute whose first type is a reference", () => {
  const Owner = dynamodel.model(
    "AuditRefOwner",
    { oid: String, name: String },
    {
      tableName: uniqueTableName("auditRefOwner"),
      throughput: "ON_DEMAND",
    },
  );
  const petTable = uniqueTableName("auditRefPet");
  const Pet = dynamodel.model(
    "AuditRefPet",
    new Schema({ id: Number, a: { type: [Owner, Number] }, b: { type: [Owner, Boolean] } }),
    { tableName: petTable, throughput: "ON_DEMAND" },
  );

  it("stores a value of a later type, as first match wins", async () => {
    await Pet.create({ id: 1, a: 5, b: true });
    expect(await storedItem(petTable, { id: { N: "1" } })).toEqual({
      id: { N: "1" },
      a: { N: "5" },
      b: { BOOL: true },
    });
    const read = await Pet.get(1);
    expect(read?.toJSON()).toEqual({ id: 1, a: 5, b: true });
    await expect(new Pet({ id: 3, a: 7 }).validate()).resolves.toBeUndefined();
  });

  it("still stores the key of a referenced item, and refuses what no type takes", async () => {
    const owner = await Owner.create({ oid: "o1", name: "Ann" });
    await Pet.create({ id: 2, a: owner });
    expect((await storedItem(petTable, { id: { N: "2" } }))?.a).toEqual({ S: "o1" });
    await expect(Pet.create({ id: 4, b: 5 })).rejects.toMatchObject({ name: "TypeMismatch" });
    expect(await storedItem(petTable, { id: { N: "4" } })).toBeUndefined();
  });
});

it("toJSON of an item holding an Invalid Date gives null there, as JSON.stringify does", async () => {
  const tableName = uniqueTableName("auditInvalidDate");
  const Event = dynamodel.model(
    "AuditInvalidDate",
    new Schema({ id: Number, when: { type: { value: Date, settings: { storage: "iso" } } } }),
    { tableName, throughput: "ON_DEMAND" },
  );
  await Event.table().initialize();
  await rawClient().putItem({ TableName: tableName, Item: { id: { N: "1" }, when: { S: "garbage" } } });
  const read = (await Event.get(1))!;
  expect(Number.isNaN((read.when as Date).getTime())).toBe(true);
  expect(read.toJSON()).toEqual({ id: 1, when: null });
  expect(JSON.parse(JSON.stringify(read))).toEqual({ id: 1, when: null });
  expect((await Event.scan().exec()).toJSON()).toEqual([{ id: 1, when: null }]);
});

describe("serializers", () => {
  const User = dynamodel.model(
    "AuditSerializerUser",
    { id: Number, name: String, secret: String, tags: { type: Array, schema: [String] } },
    {
      tableName: uniqueTableName("auditSerializerUser"),
      create: false,
    },
  );
  const Cat = dynamodel.model(
    "AuditSerializerCat",
    { id: Number, name: String },
    {
      tableName: uniqueTableName("auditSerializerCat"),
      create: false,
    },
  );
  const user = new User({ id: 1, name: "Ann", secret: "hunter2", tags: ["a", "b", "c"] });

  it("take one path as a string for include and exclude", () => {
    User.serializer.add("noSecret", { exclude: "secret" } as never);
    User.serializer.add("onlyName", { include: "name" } as never);
    expect(user.serialize("noSecret")).toEqual({ id: 1, name: "Ann", tags: ["a", "b", "c"] });
    expect(user.serialize("onlyName")).toEqual({ name: "Ann" });
    expect(user.serialize({ exclude: "secret" } as never)).not.toHaveProperty("secret");
  });

  it("refuse include, exclude and modify of other types where they are given", () => {
    expect(() => User.serializer.add("bad", { exclude: 5 } as never)).toThrow(
      new InvalidParameter("Serializer exclude must be an attribute path or an array of them (got 5)."),
    );
    expect(() => User.serializer.add("bad", { include: ["name", 1] } as never)).toThrow(
      'Serializer include must be an attribute path or an array of them (got ["name",1]).',
    );
    expect(() => User.serializer.add("bad", { modify: "x" } as never)).toThrow(
      'Serializer modify must be a function (got "x").',
    );
    expect(() => User.serializer.add("misspelt", { exlude: ["name"] } as never)).toThrow(
      'Serializer options: unknown option "exlude" (allowed: include, exclude, modify).',
    );
    expect(() => user.serialize({ inclde: ["id"] } as never)).toThrow(InvalidParameter);
    expect(() => user.serialize({ exclude: {} } as never)).toThrow(InvalidParameter);
    expect(() => user.serialize("bad")).toThrow('Serializer "bad" is not defined.');
  });

  it("exclude takes list elements out after the paths inside the elements after them, whatever the order given", () => {
    const Listed = dynamodel.model(
      "SerializerExcludeOrder",
      new Schema({
        id: String,
        l: { type: Array, schema: [{ type: Object, schema: { x: String, secret: String } }] },
      }),
      { create: false },
    );
    Listed.serializer.add("public", { exclude: ["l.0", "l.1.secret"] });
    const listed = new Listed({
      id: "a",
      l: [
        { x: "x1", secret: "s1" },
        { x: "x2", secret: "s2" },
      ],
    });
    expect(listed.serialize("public")).toEqual({ id: "a", l: [{ x: "x2" }] });
    expect(listed.serialize({ exclude: ["l.1", "l.0.secret", "l.10"] })).toEqual({
      id: "a",
      l: [{ x: "x1" }],
    });
  });

  it("exclude a list element by taking it out, not leaving a hole", () => {
    const serialized = user.serialize({ exclude: ["tags.1"] });
    expect(serialized.tags).toEqual(["a", "c"]);
    expect(user.tags).toEqual(["a", "b", "c"]);
  });

  it("default.set('_default') and default.set(null) restore the built-in default", () => {
    User.serializer.add("nameOnly", ["name"]);
    User.serializer.default.set("nameOnly");
    expect(user.serialize()).toEqual({ name: "Ann" });
    User.serializer.default.set("_default");
    expect(user.serialize()).toEqual({ id: 1, name: "Ann", secret: "hunter2", tags: ["a", "b", "c"] });
    User.serializer.default.set("nameOnly");
    User.serializer.default.set(null as never);
    expect(user.serialize()).toHaveProperty("secret");
    User.serializer.default.set("unknown");
    expect(user.serialize()).toHaveProperty("secret");
  });

  it("serializeMany serializes another model's items by their own model's serializers", () => {
    User.serializer.add("public", { exclude: ["secret"] });
    User.serializer.default.set("public");
    Cat.serializer.add("public", ["id"]);
    const cat = new Cat({ id: 2, name: "Tom" });
    expect(Cat.serializeMany([user, cat, { id: 3, name: "plain" }] as never)).toEqual([
      { id: 1, name: "Ann", tags: ["a", "b", "c"] },
      { id: 2, name: "Tom" },
      { id: 3, name: "plain" },
    ]);
    expect(Cat.serializeMany([user, cat] as never, "public")).toEqual([
      { id: 1, name: "Ann", tags: ["a", "b", "c"] },
      { id: 2 },
    ]);
    // A name only the calling model defines serializes the other model's items by the caller's, as in Dynamoose.
    Cat.serializer.add("catOnly", { exclude: ["name"] });
    expect(Cat.serializeMany([user, cat] as never, "catOnly")).toEqual([
      { id: 1, secret: "hunter2", tags: ["a", "b", "c"] },
      { id: 2 },
    ]);
    User.serializer.default.set();
  });
});

it("populate({properties: null}) populates everything, as not set", async () => {
  const Person = dynamodel.model(
    "AuditPopulatePerson",
    { id: Number, name: String },
    {
      tableName: uniqueTableName("auditPopulatePerson"),
      throughput: "ON_DEMAND",
    },
  );
  const Dog = dynamodel.model(
    "AuditPopulateDog",
    { id: Number, owner: Person },
    {
      tableName: uniqueTableName("auditPopulateDog"),
      throughput: "ON_DEMAND",
    },
  );
  await Person.create({ id: 1, name: "Ann" });
  await Dog.create({ id: 9, owner: 1 });
  const dog = (await Dog.get(9))!;
  const populated = await dog.populate({ properties: null } as never);
  expect(populated.toJSON()).toEqual({ id: 9, owner: { id: 1, name: "Ann" } });
});
