// Items and custom methods as Dynamoose documents them (reference §3.8, §4): callback-style custom
// methods, withDefaults(), marshalled input, and dirty tracking in the names the item uses (aliases).
import dynamodel, { Condition, Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

async function rawItem(tableName: string, id: string) {
  const { Item } = await rawClient().getItem({ TableName: tableName, Key: { id: { S: id } } });
  return Item;
}

describe("custom methods in every calling style", () => {
  const tableName = uniqueTableName("methods");
  const Cat = dynamodel.model(
    "ConformanceMethodCat",
    { id: String, name: String },
    { tableName, throughput: "ON_DEMAND" },
  );
  type Loose = Record<string, (...args: unknown[]) => unknown>;
  const statics = Cat as unknown as Loose;

  beforeAll(async () => {
    await Cat.create({ id: "c1", name: "Tom" });
    Cat.methods.set("cbStyle", function (a: unknown, cb: (error: unknown, result?: unknown) => void) {
      cb(null, `viaCb:${String(a)}`);
    });
    Cat.methods.set(
      "cbLater",
      function (this: typeof Cat, id: string, cb: (error: unknown, result?: unknown) => void) {
        setTimeout(() => {
          this.get(id).then((cat) => cb(null, cat?.name), cb);
        }, 5);
      },
    );
    Cat.methods.set("cbFails", function (cb: (error: unknown) => void) {
      cb(new Error("no luck"));
    });
    Cat.methods.set("promised", async function (this: typeof Cat, id: string) {
      return (await this.get(id))?.name;
    });
    Cat.methods.set("plain", function (a: number, b: number) {
      return a + b;
    });
    Cat.methods.set("throws", function () {
      throw new Error("sync failure");
    });
    Cat.methods.set("both", function (cb: (error: unknown, result?: unknown) => void) {
      cb(null, "first");
      cb(null, "second");
      return Promise.resolve("third");
    });
    Cat.methods.item.set("itemCb", function (cb: (error: unknown, result?: unknown) => void) {
      cb(null, (this as { id: string }).id);
    });
    Cat.methods.item.set("itemAsync", async function (suffix: string) {
      return `${String((this as { name: string }).name)}${suffix}`;
    });
  });

  it("resolves with what a callback-style method passes to the injected callback", async () => {
    await expect(statics.cbStyle!("x")).resolves.toBe("viaCb:x");
    await expect(statics.cbLater!("c1")).resolves.toBe("Tom");
    await expect(statics.cbFails!()).rejects.toThrow("no luck");
    const cat = (await Cat.get("c1"))! as unknown as Loose;
    await expect(cat.itemCb!()).resolves.toBe("c1");
  });

  it("leaves promise-returning and synchronous methods as they are", async () => {
    const pending = statics.promised!("c1");
    expect(pending).toBeInstanceOf(Promise);
    await expect(pending).resolves.toBe("Tom");
    expect(statics.plain!(2, 3)).toBe(5);
    expect(() => statics.throws!()).toThrow("sync failure");
    const cat = (await Cat.get("c1"))! as unknown as Loose;
    await expect(cat.itemAsync!("!")).resolves.toBe("Tom!");
  });

  it("routes every outcome to a caller's callback, once, and returns undefined", async () => {
    const call = (name: string, ...args: unknown[]) =>
      new Promise<{ error: unknown; result: unknown; returned: unknown; calls: number }>((resolve) => {
        let calls = 0;
        let returned: unknown = "not yet";
        returned = statics[name]!(...args, (error: unknown, result: unknown) => {
          calls += 1;
          setTimeout(() => resolve({ error, result, returned, calls }), 20);
        });
      });
    expect(await call("cbStyle", "y")).toEqual({
      error: null,
      result: "viaCb:y",
      returned: undefined,
      calls: 1,
    });
    expect(await call("promised", "c1")).toMatchObject({ error: null, result: "Tom", returned: undefined });
    expect(await call("plain", 1, 2)).toMatchObject({ error: null, result: 3 });
    const failed = await call("throws");
    expect((failed.error as Error).message).toBe("sync failure");
    expect(await call("both")).toMatchObject({ result: "first", calls: 1 });
  });
});

describe("a caller's callback given to a callback-style custom method", () => {
  const Cat = dynamodel.model(
    "ConformanceMethodArgs",
    { id: String },
    { tableName: uniqueTableName("methodArgs"), throughput: "ON_DEMAND" },
  );
  const statics = Cat as unknown as Record<string, (...args: unknown[]) => unknown>;
  Cat.methods.set("setName", function (_name: unknown, cb: () => void) {
    cb(); // Dynamoose's Model guide example
  });
  Cat.methods.set("pair", function (cb: (error: null, a: number, b: number) => void) {
    cb(null, 1, 2);
  });

  it("gets exactly the arguments the method passes, when it passes them, as in Dynamoose", () => {
    const noResult = jest.fn();
    expect(statics.setName!("Bob", noResult)).toBeUndefined();
    expect(noResult).toHaveBeenCalledWith(); // synchronously, with no arguments
    const pair = jest.fn();
    statics.pair!(pair);
    expect(pair.mock.calls).toStrictEqual([[null, 1, 2]]);
  });

  it("lets an error the caller's callback throws reach the caller, as Dynamoose does", () => {
    expect(() =>
      statics.pair!(() => {
        throw new Error("thrown by the caller's callback");
      }),
    ).toThrow("thrown by the caller's callback");
  });
});

describe("item.withDefaults()", () => {
  const tableName = uniqueTableName("defaults");
  let counter = 0;
  const Pet = dynamodel.model(
    "ConformanceDefaultsPet",
    new Schema(
      {
        id: String,
        lives: { type: Number, default: 9 },
        tag: { type: String, default: async () => `tag-${++counter}` },
        nick: { type: String, alias: "nickname", default: "kit" },
        address: {
          type: Object,
          schema: { city: { type: String, default: "Oslo" }, zip: Number },
        },
        toys: {
          type: Array,
          schema: [{ type: Object, schema: { kind: String, squeaks: { type: Boolean, default: false } } }],
        },
        forced: { type: String, default: "f", forceDefault: true },
      },
      { timestamps: true, saveUnknown: ["extra"] },
    ),
    { tableName, throughput: "ON_DEMAND" },
  );

  it("fills defaults (nested, async, under the read name) without type checks or changing the item", async () => {
    const pet = new Pet({
      id: "p1",
      address: { zip: 123 },
      toys: [{ kind: "ball" }, { kind: "bone", squeaks: true }],
      forced: "mine",
      extra: { any: "thing" },
    });
    const filled = await pet.withDefaults();
    expect(filled).toEqual({
      id: "p1",
      lives: 9,
      tag: "tag-1",
      nickname: "kit",
      address: { zip: 123, city: "Oslo" },
      toys: [
        { kind: "ball", squeaks: false },
        { kind: "bone", squeaks: true },
      ],
      forced: "mine", // forceDefault is a write rule, not a default to fill in
      extra: { any: "thing" },
    });
    expect(Object.getPrototypeOf(filled)).toBe(Object.prototype);
    expect(pet.lives).toBeUndefined();
    expect(pet.address).toEqual({ zip: 123 });
    expect(filled.address).not.toBe(pet.address);
    expect(await Pet.get("p1")).toBeUndefined(); // nothing is written
    expect(await rawItem(tableName, "p1")).toBeUndefined();

    const wrong = new Pet({ id: "p2", lives: "many" as unknown as number, nick: "N" });
    expect(await wrong.withDefaults()).toEqual({
      id: "p2",
      lives: "many",
      nick: "N",
      tag: "tag-2",
      forced: "f",
    });
  });

  // Dynamoose 4.2 gives a Set attribute's array default as a Set.
  it("gives a Set attribute's default (and a value) written as an array as a Set", async () => {
    const Tagged = dynamodel.model(
      "ConformanceDefaultsSet",
      new Schema({
        id: String,
        tags: { type: Set, schema: [String], default: ["q"] },
        codes: { type: Set, schema: [Number], default: () => [1, 2] },
        either: { type: [Array, Set], schema: [String], default: ["l"] },
      }),
      { tableName: uniqueTableName("defaultsSet"), throughput: "ON_DEMAND" },
    );
    const filled = await new Tagged({ id: "t" }).withDefaults();
    expect(filled).toEqual({ id: "t", tags: new Set(["q"]), codes: new Set([1, 2]), either: ["l"] });
    expect((await new Tagged({ id: "u", tags: ["a"] as never }).withDefaults()).tags).toEqual(new Set(["a"]));
  });
});

describe("marshalled input", () => {
  const tableName = uniqueTableName("marshalled");
  const Doc = dynamodel.model(
    "ConformanceMarshalledDoc",
    new Schema({
      id: String,
      count: Number,
      // "S" is a legitimate attribute name here: `{S: "x"}` is real data, not a marshalled string.
      data: { type: Object, schema: { S: String, nested: String } },
      tags: { type: Set, schema: [String] },
    }),
    { tableName, throughput: "ON_DEMAND" },
  );

  it("unmarshals an item given in AttributeValue form, and stores it as such", async () => {
    const doc = new Doc({
      id: { S: "d1" },
      count: { N: "3" },
      data: { M: { nested: { S: "x" } } },
      tags: { SS: ["a", "b"] },
    } as never);
    expect(doc.id).toBe("d1");
    expect(doc.count).toBe(3);
    expect(doc.data).toEqual({ nested: "x" });
    await doc.save();
    expect(await rawItem(tableName, "d1")).toEqual({
      id: { S: "d1" },
      count: { N: "3" },
      data: { M: { nested: { S: "x" } } },
      tags: { SS: ["a", "b"] },
    });
  });

  it("keeps legitimate data that only looks marshalled", async () => {
    const literal = new Doc({ id: "d2", data: { S: "x" } });
    expect(literal.data).toEqual({ S: "x" });
    await literal.save();
    expect((await rawItem(tableName, "d2"))?.data).toEqual({ M: { S: { S: "x" } } });
    // Without the hash key, nothing says the values are marshalled: taken as written.
    expect(new Doc({ data: { S: "x" } } as never).data).toEqual({ S: "x" });
  });
});

describe("dirty tracking with aliases", () => {
  const tableName = uniqueTableName("alias");
  const Person = dynamodel.model(
    "ConformanceAliasPerson",
    new Schema({
      id: String,
      name: { type: String, alias: "nm" },
      address: { type: Object, schema: { city: { type: String, alias: "town" }, zip: Number } },
      tags: { type: Array, schema: [String] },
    }),
    { tableName, throughput: "ON_DEMAND" },
  );

  it("lists and recognises changed paths by the names the item uses", async () => {
    await Person.create({ id: "i1", nm: "old", address: { town: "Oslo", zip: 1 }, tags: ["a"] });
    const g = (await Person.get("i1"))!;
    expect(g.modifiedPaths()).toEqual([]);
    g.nm = "new";
    expect(g.modifiedPaths()).toEqual(["nm"]);
    expect(g.isDirty("nm")).toBe(true);
    expect(g.isDirty("name")).toBe(true);
    expect(g.isDirty("address")).toBe(false);

    g.address!.town = "Bergen";
    expect(g.modifiedPaths()).toEqual(["nm", "address.town"]);
    expect(g.isDirty("address.town")).toBe(true);
    expect(g.isDirty("address.city")).toBe(true);
    expect(g.isDirty("address")).toBe(true);
    expect(g.isDirty("address.zip")).toBe(false);

    g.tags!.push("b");
    expect(g.isDirty("tags[1]")).toBe(true); // inside a list that changed (lists are compared whole)

    delete (g as { nm?: string }).nm;
    expect(g.modifiedPaths()).toContain("nm"); // removed: named as reads name it
    await g.save();
    expect(g.isDirty()).toBe(false);
    const stored = await rawItem(tableName, "i1");
    expect(stored?.name).toBeUndefined();
    expect(stored?.address).toEqual({ M: { city: { S: "Bergen" }, zip: { N: "1" } } });
  });

  it("names a new item's attributes as it was given them", () => {
    expect(new Person({ id: "i2", name: "real" }).modifiedPaths().sort()).toEqual(["id", "name"]);
    expect(new Person({ id: "i3", nm: "alias" }).modifiedPaths().sort()).toEqual(["id", "nm"]);
  });
});

// SPEC §2 saveUnknown, inside a map or list declared without a schema (`{type: Object}`, `Array`): what the
// patterns name is stored and read back; without a pattern for it, the content is dropped (Dynamoose).
describe("saveUnknown inside an attribute declared without a schema", () => {
  const tableName = uniqueTableName("schemaless");
  const Form = dynamodel.model(
    "SchemalessForm",
    new Schema(
      { id: String, customFields: { type: Object }, answers: Array, other: Object },
      { saveUnknown: ["customFields.**", "answers.*"] },
    ),
    { tableName, throughput: "ON_DEMAND" },
  );

  it("stores and reads what the patterns keep, and only that", async () => {
    await Form.create({
      id: "f1",
      customFields: { color: "red", size: { w: 2, h: 3 } },
      answers: [1, "two", { deep: true }],
      other: { dropped: 1 },
    });
    expect(await rawItem(tableName, "f1")).toEqual({
      id: { S: "f1" },
      customFields: { M: { color: { S: "red" }, size: { M: { w: { N: "2" }, h: { N: "3" } } } } },
      answers: { L: [{ N: "1" }, { S: "two" }, { M: {} }] }, // "answers.*" keeps one level
      other: { M: {} },
    });
    expect((await Form.get("f1"))?.toJSON()).toEqual({
      id: "f1",
      customFields: { color: "red", size: { w: 2, h: 3 } },
      answers: [1, "two", {}],
      other: {},
    });
  });

  it("reads content written by others the same way", async () => {
    await rawClient().putItem({
      TableName: tableName,
      Item: {
        id: { S: "f2" },
        customFields: { M: { a: { S: "x" } } },
        other: { M: { b: { S: "y" } } },
      },
    });
    const form = (await Form.get("f2"))!;
    expect(form.toJSON()).toEqual({ id: "f2", customFields: { a: "x" }, other: {} });
    // What the item does not model is not its to remove: a save of another change leaves it stored.
    expect(form.isDirty()).toBe(false);
    form.customFields = { a: "z" };
    await form.save();
    expect(await rawItem(tableName, "f2")).toEqual({
      id: { S: "f2" },
      customFields: { M: { a: { S: "z" } } },
      other: { M: { b: { S: "y" } } },
    });
  });
});

// Dynamoose's item.delete passes its argument on to Model.delete as the settings.
describe("item.delete(settings)", () => {
  const tableName = uniqueTableName("itemdelete");
  const Box = dynamodel.model(
    "ItemDeleteBox",
    { id: String, size: Number },
    { tableName, throughput: "ON_DEMAND" },
  );

  it('returns the request unsent with return: "request"', async () => {
    const box = await Box.create({ id: "b1", size: 1 });
    await expect(box.delete({ return: "request" })).resolves.toEqual({
      TableName: tableName,
      Key: { id: { S: "b1" } },
    });
    expect(await rawItem(tableName, "b1")).toBeDefined();
  });

  it("deletes only when its condition holds", async () => {
    const box = await Box.create({ id: "b2", size: 2 });
    await expect(box.delete({ condition: new Condition("size").eq(3) })).rejects.toThrow(
      expect.objectContaining({ name: "ConditionalCheckFailedException" }),
    );
    expect(await rawItem(tableName, "b2")).toBeDefined();
    await expect(box.delete({ condition: new Condition("size").eq(2) })).resolves.toBeUndefined();
    expect(await rawItem(tableName, "b2")).toBeUndefined();
  });

  it("still takes a callback alone or after the settings", async () => {
    const box = await Box.create({ id: "b3", size: 3 });
    const request = await new Promise((resolve, reject) => {
      box.delete({ return: "request" }, (error, result) => (error ? reject(error) : resolve(result)));
    });
    expect(request).toMatchObject({ Key: { id: { S: "b3" } } });
    await new Promise<void>((resolve, reject) => box.delete((error) => (error ? reject(error) : resolve())));
    expect(await rawItem(tableName, "b3")).toBeUndefined();
  });
});

describe("after a save, a COMBINE attribute holds what was stored", () => {
  const tableName = uniqueTableName("combineAfterSave");
  const Tag = dynamodel.model(
    "ConformanceCombineTag",
    new Schema({ id: String, x: String, both: dynamodel.type.COMBINE(["id", "x"]) }),
    { tableName, throughput: "ON_DEMAND" },
  );

  it("replaces a value given for it, and follows its sources on the next save", async () => {
    // Types leave a computed attribute out of the input; at run time a value given for it is replaced.
    const tag = await Tag.create({ id: "b", x: "X", both: "junk" } as { id: string; x: string });
    expect((await rawItem(tableName, "b"))?.both).toEqual({ S: "b,X" });
    expect(tag.both).toBe("b,X");
    expect(tag.isDirty()).toBe(false);
    expect(tag.original()).toMatchObject({ both: "b,X" });

    tag.x = "Y";
    await tag.save();
    expect((await rawItem(tableName, "b"))?.both).toEqual({ S: "b,Y" });
    expect(tag.both).toBe("b,Y");
    expect(tag.modifiedPaths()).toEqual([]);
  });

  it("holds get(stored) when the COMBINE attribute has a get, as a read shows it", async () => {
    const Shown = dynamodel.model(
      "ConformanceCombineShown",
      new Schema({
        id: String,
        x: String,
        both: { type: dynamodel.type.COMBINE(["id", "x"]), get: (value: string) => value.toUpperCase() },
      }),
      { tableName: uniqueTableName("combineShown"), throughput: "ON_DEMAND" },
    );
    const shown = await Shown.create({ id: "b", x: "y" });
    expect(shown.both).toBe("B,Y");
    expect(shown.modifiedPaths()).toEqual([]);
    expect((await Shown.get("b"))?.both).toBe("B,Y");
  });
});

// Dynamoose merges the saveUnknown of a Schema nested as an attribute's type into the parent's, prefixed with
// where it is nested; a Schema given as an Object's `schema` gives its attributes only (checked against
// Dynamoose 4.2).
describe("saveUnknown of a nested Schema instance", () => {
  const tableName = uniqueTableName("nestedUnknown");
  const Profile = dynamodel.model(
    "ConformanceNestedUnknown",
    new Schema({
      id: String,
      open: new Schema({ known: String }, { saveUnknown: true }),
      some: { type: Object, schema: new Schema({ known: String }, { saveUnknown: ["extra"] }) },
      closed: new Schema({ known: String }),
    }),
    { tableName, throughput: "ON_DEMAND" },
  );

  it("keeps what a nested type schema keeps, there only, on write and on read", async () => {
    await Profile.create({
      id: "p",
      open: { known: "k", deep: { a: 1 } },
      some: { known: "k", extra: 2, other: 3 },
      closed: { known: "k", dropped: 4 },
      topLevelUnknown: 5,
    } as Parameters<typeof Profile.create>[0]);
    expect(await rawItem(tableName, "p")).toEqual({
      id: { S: "p" },
      open: { M: { known: { S: "k" }, deep: { M: { a: { N: "1" } } } } },
      some: { M: { known: { S: "k" } } },
      closed: { M: { known: { S: "k" } } },
    });
    expect((await Profile.get("p"))?.toJSON()).toEqual({
      id: "p",
      open: { known: "k", deep: { a: 1 } },
      some: { known: "k" },
      closed: { known: "k" },
    });
  });
});
