// Model references: how they are accepted and stored (bare hash values, key objects, items, Sets of
// references) and how `populate()` replaces them by the referenced items at any depth.
import dynamodel, { InvalidParameter, Schema, TypeMismatch } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const options = () => ({ tableName: uniqueTableName("refs"), throughput: "ON_DEMAND" as const });

type Json = Record<string, unknown>;

async function stored(model: { table(): { name: string } }, key: Json) {
  const { Item } = await rawClient().getItem({
    TableName: model.table().name,
    Key: Object.fromEntries(
      Object.entries(key).map(([name, value]) => [
        name,
        typeof value === "number" ? { N: String(value) } : { S: String(value) },
      ]),
    ),
  });
  return Item;
}

describe("populate at any depth", () => {
  const P = dynamodel.model("RefsP", { id: Number, name: String }, options());
  const C = dynamodel.model(
    "RefsC",
    {
      id: String,
      arr: { type: Array, schema: [P] },
      o: { type: Object, schema: { q: P } },
      list: { type: Array, schema: [{ type: Object, schema: { p: P } }] },
    },
    options(),
  );
  let gets = 0;
  beforeAll(async () => {
    P.use(async (call, next) => {
      if (call.operation === "GetItem") gets += 1;
      return next();
    });
    await P.create({ id: 1, name: "one" });
    await P.create({ id: 2, name: "two" });
    await C.create({ id: "c", arr: [1, 2], o: { q: 2 }, list: [{ p: 1 }, { p: 2 }] });
  });
  const one = { id: 1, name: "one" };
  const two = { id: 2, name: "two" };

  it("populates lists of references, nested objects and references inside list elements", async () => {
    const c = (await C.get("c"))!;
    await expect(c.populate()).resolves.toBe(c);
    expect(c.toJSON()).toEqual({ id: "c", arr: [one, two], o: { q: two }, list: [{ p: one }, { p: two }] });
    expect((c.arr as unknown[])[0]).toBeInstanceOf(P);
    expect((c.o as { q: unknown }).q).toBeInstanceOf(P);
    expect(c.isDirty()).toBe(false); // populated references still store the same keys
  });

  it.each([
    [["arr", "o.q"], { arr: [one, two], o: { q: two }, list: [{ p: 1 }, { p: 2 }] }],
    ["**", { arr: [one, two], o: { q: two }, list: [{ p: one }, { p: two }] }],
    ["o.*", { arr: [1, 2], o: { q: two }, list: [{ p: 1 }, { p: 2 }] }],
    ["list.1.p", { arr: [1, 2], o: { q: 2 }, list: [{ p: 1 }, { p: two }] }],
    ["list.*.p", { arr: [1, 2], o: { q: 2 }, list: [{ p: one }, { p: two }] }],
    [false, { arr: [1, 2], o: { q: 2 }, list: [{ p: 1 }, { p: 2 }] }],
  ])("populates only the paths in properties: %j", async (properties, expected) => {
    const c = (await C.get("c"))!;
    await c.populate({ properties: properties as string | string[] | boolean });
    expect(c.toJSON()).toEqual({ id: "c", ...expected });
  });

  it("fetches each distinct key once, and gives every place an item of its own", async () => {
    const c = new C({ id: "d", arr: [1, 2, 1], o: { q: 2 } });
    gets = 0;
    await c.populate();
    expect(gets).toBe(2);
    const arr = c.arr as unknown[];
    expect(arr[0]).toBeInstanceOf(P);
    expect(arr[2]).toEqual(arr[0]);
    expect(arr[2]).not.toBe(arr[0]);
    expect((c.o as { q: unknown }).q).not.toBe(arr[1]);
  });

  it("leaves the key of a referenced item that does not exist", async () => {
    const c = new C({ id: "e", arr: [1, 99], o: { q: 98 } });
    await c.populate();
    expect(c.toJSON()).toEqual({ id: "e", arr: [one, 99], o: { q: 98 } });
  });

  it("populates the items of a query result", async () => {
    const found = await C.query("id").eq("c").exec();
    await found.populate({ properties: "o.q" });
    expect(found.toJSON()[0]!.o).toEqual({ q: two });
  });
});

describe("populate recursion", () => {
  const Owner = dynamodel.model("RefsOwner", { id: String, name: String }, options());
  const Node = dynamodel.model(
    "RefsNode",
    new Schema({ id: String, owner: Owner, next: dynamodel.type.THIS }),
    options(),
  );
  beforeAll(async () => {
    await Owner.create({ id: "ann", name: "Ann" });
    await Node.create({ id: "a", next: "b", owner: "ann" });
    await Node.create({ id: "b", next: "a", owner: "ann" });
  });

  it("populates the references of populated items, and stops at a cycle", async () => {
    const a = (await Node.get("a"))!;
    await a.populate();
    expect(a.toJSON()).toEqual({
      id: "a",
      owner: { id: "ann", name: "Ann" },
      next: { id: "b", owner: { id: "ann", name: "Ann" }, next: "a" },
    });
  });

  it("continues paths into populated items", async () => {
    const a = (await Node.get("a"))!;
    await a.populate({ properties: ["next.owner"] });
    expect(a.toJSON()).toEqual({
      id: "a",
      owner: "ann",
      next: { id: "b", owner: { id: "ann", name: "Ann" }, next: "a" },
    });
  });

  it("does not fetch an item again but populates its references", async () => {
    const a = (await Node.get("a"))!;
    const b = new Node({ id: "b", owner: "ann" });
    a.next = b as never;
    await a.populate({ properties: "**" });
    expect(a.next).toBe(b);
    expect(b.toJSON()).toEqual({ id: "b", owner: { id: "ann", name: "Ann" } });
  });
});

describe("storing references", () => {
  const P = dynamodel.model("RefsKeyP", { id: Number, name: String }, options());
  const Ranged = dynamodel.model(
    "RefsRanged",
    { id: String, at: { type: Number, rangeKey: true } },
    options(),
  );
  const C = dynamodel.model("RefsKeyC", { id: String, p: P, r: Ranged }, options());

  it("accepts a key object for a target with only a hash key", async () => {
    await C.create({ id: "c2", p: { id: 2 } });
    expect((await stored(C, { id: "c2" }))?.p).toEqual({ N: "2" });
    await C.create({ id: "c3", p: new P({ id: 3, name: "x" }), r: { id: "r", at: 1 } });
    const item = await stored(C, { id: "c3" });
    expect(item?.p).toEqual({ N: "3" });
    expect(item?.r).toEqual({ M: { id: { S: "r" }, at: { N: "1" } } });
  });

  it("rejects a key object without a valid hash key", async () => {
    // @ts-expect-error: the types refuse it too (P's key is a number); checked here at run time
    await expect(C.create({ id: "c4", p: { id: "two" } })).rejects.toThrow('"p" must be of type');
  });

  it("rejects a reference to a ranged model without a valid range key as a TypeMismatch", async () => {
    const missing = C.create({ id: "c5", r: { id: "r" } as never });
    await expect(missing).rejects.toThrow(TypeMismatch);
    await expect(C.create({ id: "c5", r: { id: "r" } as never })).rejects.toThrow(
      '"r.at" must be of type number (a RefsRanged is referenced by its hash and range key) (got undefined)',
    );
    expect(await stored(C, { id: "c5" })).toBeUndefined();
  });

  it("stores a Set of references as a set of the referenced hash keys", async () => {
    const Holder = dynamodel.model(
      "RefsSetHolder",
      new Schema({ id: String, ps: { type: Set, schema: [P] } }),
      options(),
    );
    await P.create({ id: 1, name: "one" });
    await P.create({ id: 2, name: "two" });
    await Holder.create({ id: "x", ps: [1, new P({ id: 2 }), { id: 1 }] });
    expect((await stored(Holder, { id: "x" }))?.ps).toEqual({ NS: ["1", "2"] });

    const x = (await Holder.get("x"))!;
    expect(x.ps).toEqual(new Set([1, 2]));
    await x.populate();
    expect(x.ps).toBeInstanceOf(Set);
    expect(x.toJSON().ps).toEqual([
      { id: 1, name: "one" },
      { id: 2, name: "two" },
    ]);
    await x.save(); // the populated Set still stores the keys
    expect((await stored(Holder, { id: "x" }))?.ps).toEqual({ NS: ["1", "2"] });

    await Holder.update({ id: "x" }, { $ADD: { ps: [3] } });
    expect((await stored(Holder, { id: "x" }))?.ps?.NS?.sort()).toEqual(["1", "2", "3"]);
    await expect(Holder.create({ id: "y", ps: ["one"] })).rejects.toThrow(
      '"ps[]" must be of type model RefsKeyP',
    );
  });

  it("refuses a Set of references to a model with a range key when the schema is built", () => {
    expect(() => new Schema({ id: String, rs: { type: Set, schema: [Ranged] } })).toThrow(InvalidParameter);
    expect(() => new Schema({ id: String, rs: { type: Set, schema: [Ranged] } })).toThrow(
      /"rs": a Set cannot hold references to RefsRanged/,
    );
    const selfSet = new Schema({
      id: String,
      at: { type: Number, rangeKey: true },
      same: { type: Set, schema: [dynamodel.type.THIS] },
    });
    expect(() => dynamodel.model("RefsSelfSet", selfSet, options())).toThrow(InvalidParameter);
  });

  it("stores a Set of type.THIS references", async () => {
    const Tree = dynamodel.model(
      "RefsTree",
      new Schema({ id: String, kids: { type: Set, schema: [dynamodel.type.THIS] } }),
      options(),
    );
    await Tree.create({ id: "leaf" });
    await Tree.create({ id: "root", kids: ["leaf"] });
    expect((await stored(Tree, { id: "root" }))?.kids).toEqual({ SS: ["leaf"] });
    const root = (await Tree.get("root"))!;
    await root.populate();
    expect(root.toJSON()).toEqual({ id: "root", kids: [{ id: "leaf" }] });
  });
});

describe("Set elements written as attribute definitions", () => {
  it("stores ISO dates as SS and millisecond dates as NS, and reads Dates back", async () => {
    const Dated = dynamodel.model(
      "RefsDated",
      new Schema({
        id: String,
        iso: { type: Set, schema: [{ type: { value: Date, settings: { storage: "iso" } } }] },
        ms: { type: Set, schema: [{ type: Date }] },
        names: { type: Set, schema: [{ type: String }] },
      }),
      options(),
    );
    await Dated.create({ id: "b", iso: [new Date(0)], ms: [new Date(5)], names: ["a", "b"] });
    const item = await stored(Dated, { id: "b" });
    expect(item?.iso).toEqual({ SS: ["1970-01-01T00:00:00.000Z"] });
    expect(item?.ms).toEqual({ NS: ["5"] });
    expect(item?.names).toEqual({ SS: ["a", "b"] });
    const read = (await Dated.get("b"))!;
    expect(read.iso).toEqual(new Set([new Date(0)]));
    expect(read.ms).toEqual(new Set([new Date(5)]));
    expect(Dated.schema.getAttributeType("iso")).toBe("SS");
  });

  it("refuses element settings that cannot apply to set members", () => {
    expect(
      () => new Schema({ id: String, ids: { type: Set, schema: [{ type: String, required: true }] } }),
    ).toThrow(/"ids": a Set element is only a type; "required"/);
  });

  it("names the element type when it cannot be a set member", async () => {
    const Flags = dynamodel.model(
      "RefsFlags",
      new Schema({ id: String, flags: { type: Set, schema: [{ type: Boolean }] } }),
      options(),
    );
    await expect(Flags.create({ id: "f", flags: [true] })).rejects.toThrow(
      "flags with type: Boolean is not allowed to be a set",
    );
  });
});

// The table option `populate` (Dynamoose's, undocumented): reads come back populated.
describe("the populate table option", () => {
  const Owner = dynamodel.model("AutoPopOwner", { id: Number, name: String }, options());
  const Pet = dynamodel.model(
    "AutoPopPet",
    new Schema({ id: Number, owner: Owner, vet: Owner, visits: Number }),
    {
      ...options(),
      populate: ["owner"],
    },
  );
  const Plain = dynamodel.model("AutoPopPlain", new Schema({ id: Number, owner: Owner }), options());

  beforeAll(async () => {
    await Owner.create({ id: 1, name: "Ann" });
    await Owner.create({ id: 2, name: "Bob" });
    await Pet.create({ id: 7, owner: 1, vet: 2 });
    await Plain.create({ id: 7, owner: 1 });
  });

  it.each([
    ["get", async () => [await Pet.get(7)]],
    ["query", async () => [...(await Pet.query("id").eq(7).exec())]],
    ["scan", async () => [...(await Pet.scan().exec())]],
    ["batchGet", async () => [...(await Pet.batchGet([7]))]],
    // Dynamoose reads these through the same step as a get.
    ["update", async () => [await Pet.update({ id: 7 }, { $ADD: { visits: 0 } })]],
    [
      "update (callback)",
      () =>
        new Promise<unknown[]>((resolve, reject) =>
          Pet.update({ id: 7 }, { $ADD: { visits: 0 } }, (error, item) =>
            error ? reject(error) : resolve([item]),
          ),
        ),
    ],
    ["a transaction get", async () => (await dynamodel.transaction([Pet.transaction.get(7)])) as unknown[]],
  ])("populates the named properties of what %s reads, and only those", async (_name, read) => {
    const [pet] = (await read()) as unknown as Json[];
    expect((pet!.owner as Json).name).toBe("Ann");
    expect(pet!.vet).toBe(2);
  });

  it("leaves reads alone without it, and the stored references unchanged", async () => {
    expect((await Plain.get(7))?.owner).toBe(1);
    expect((await Plain.update({ id: 7 }, { $SET: { owner: 1 } })).owner).toBe(1);
    expect((await dynamodel.transaction([Plain.transaction.get(7)]))[0]!.owner).toBe(1);
    expect((await stored(Pet, { id: 7 }))?.owner).toEqual({ N: "1" });
  });
});

// The option is the table's: every item read from it is populated, whichever model the read went through.
describe("the populate table option on a table of several models", () => {
  const Person = dynamodel.model("AutoPopSharedPerson", { id: Number, name: String }, options());
  const keys = { pk: { type: String, hashKey: true }, sk: { type: String, rangeKey: true } } as const;
  const Dog = dynamodel.model("AutoPopSharedDog", new Schema({ ...keys, owner: Person }));
  const Cat = dynamodel.model("AutoPopSharedCat", new Schema({ ...keys, keeper: Person }));
  const table = new dynamodel.Table(uniqueTableName("refsShared"), [Dog, Cat], {
    entityAttribute: "_type",
    throughput: "ON_DEMAND",
    populate: true,
  });

  beforeAll(async () => {
    await table.initialize();
    await Person.create({ id: 1, name: "Ann" });
    await Dog.create({ pk: "h1", sk: "dog", owner: 1 });
    await Cat.create({ pk: "h1", sk: "cat", keeper: 1 });
  });

  it.each([
    ["get", async () => [await Dog.get({ pk: "h1", sk: "cat" })]],
    ["query", async () => [...(await Dog.query("pk").eq("h1").exec())]],
    ["scan", async () => [...(await Dog.scan().exec())]],
    ["batchGet", async () => [...(await Dog.batchGet([{ pk: "h1", sk: "cat" }]))]],
  ])("%s through one model populates the other model's items too", async (_name, read) => {
    const items = (await read()) as unknown as Json[];
    const cat = items.find((item) => item instanceof Cat);
    expect(cat).toBeDefined();
    expect((cat!.keeper as Json).name).toBe("Ann");
    for (const dog of items.filter((item) => item instanceof Dog))
      expect((dog.owner as Json).name).toBe("Ann");
  });
});

// An item of a model whose key attributes have aliases holds them by the aliases it was given, and a key
// object may use them too: a reference takes the key from either name and stores it in real names.
describe("references to a model with aliased keys", () => {
  const Owner = dynamodel.model(
    "RefsAliasOwner",
    new Schema({
      pk: { type: String, hashKey: true, alias: "ownerId" },
      sk: { type: String, rangeKey: true, alias: "kind" },
      name: String,
    }),
    options(),
  );
  const Tag = dynamodel.model(
    "RefsAliasTag",
    new Schema({ id: { type: String, alias: "tagId" }, label: String }),
    options(),
  );
  const Pet = dynamodel.model(
    "RefsAliasPet",
    new Schema({ id: String, owner: Owner, tag: Tag, tags: { type: Set, schema: [Tag] } }),
    options(),
  );

  it("takes items and alias-named key objects, stores real names, and populates", async () => {
    const owner = await Owner.create({ ownerId: "o1", kind: "main", name: "Ann" });
    const tag = await Tag.create({ tagId: "t1", label: "red" });
    await Tag.create({ tagId: "t2", label: "blue" });
    await Pet.create({ id: "p1", owner, tag, tags: [tag, { tagId: "t2" }] });
    await Pet.create({
      id: "p2",
      owner: { ownerId: "o1", kind: "main" },
      tag: { tagId: "t1" },
      tags: ["t1"],
    });
    for (const id of ["p1", "p2"]) {
      const item = await stored(Pet, { id });
      expect(item?.owner).toEqual({ M: { pk: { S: "o1" }, sk: { S: "main" } } });
      expect(item?.tag).toEqual({ S: "t1" });
    }
    expect((await stored(Pet, { id: "p1" }))?.tags?.SS?.sort()).toEqual(["t1", "t2"]);
    const pet = (await Pet.get("p2"))!;
    expect(pet.owner).toEqual({ pk: "o1", sk: "main" });
    await pet.populate();
    expect(JSON.parse(JSON.stringify(pet.owner))).toEqual({ ownerId: "o1", kind: "main", name: "Ann" });
    expect(JSON.parse(JSON.stringify(pet.tag))).toEqual({ tagId: "t1", label: "red" });
  });

  it("still names the missing key when a key object lacks it", async () => {
    await expect(Pet.create({ id: "p3", owner: { ownerId: "o1" } as never })).rejects.toThrow(
      /"owner\.sk" must be of type string/,
    );
    expect(await stored(Pet, { id: "p3" })).toBeUndefined();
  });
});

// As in Dynamoose, a model reference may be a key: stored as the referenced hash key, given as an item, a
// key object or the bare value, and populated like any other reference.
describe("a model reference as the range key", () => {
  const Owner = dynamodel.model("RefsKeyOwner", { id: Number, name: String }, options());
  const Pet = dynamodel.model(
    "RefsKeyPet",
    new Schema({ id: String, owner: { type: Owner, rangeKey: true }, age: Number }),
    options(),
  );
  const storedPets = async () => {
    const { Items } = await rawClient().scan({ TableName: Pet.table().name });
    return (Items ?? []).map((item) => `${item.id?.S}/${item.owner?.N}/${item.age?.N}`).sort();
  };

  it("writes, reads, queries, updates and deletes by the referenced key", async () => {
    const ann = await Owner.create({ id: 5, name: "Ann" });
    await Pet.create({ id: "rex", owner: 5, age: 1 });
    await Pet.create({ id: "rex", owner: { id: 6 }, age: 2 });
    await Pet.create({ id: "tom", owner: ann, age: 3 });
    expect(await storedPets()).toEqual(["rex/5/1", "rex/6/2", "tom/5/3"]);

    const rex = (await Pet.get({ id: "rex", owner: 5 }))!;
    expect(rex.owner).toBe(5);
    expect((await Pet.get({ id: "tom", owner: ann }))?.age).toBe(3);
    expect((await Pet.query("id").eq("rex").where("owner").gt(5).exec()).map((pet) => pet.age)).toEqual([2]);
    await Pet.update({ id: "rex", owner: 6 }, { age: 9 });
    await Pet.delete({ id: "tom", owner: ann });
    expect(await storedPets()).toEqual(["rex/5/1", "rex/6/9"]);

    await rex.populate();
    expect((rex.owner as unknown as { name: string }).name).toBe("Ann");
    await rex.delete(); // by the key it is stored under, the populated owner's hash key
    expect(await storedPets()).toEqual(["rex/6/9"]);
  });

  it("refuses a value that is no key of the referenced model, and writes nothing", async () => {
    await expect(Pet.create({ id: "bad", owner: "five" as never })).rejects.toThrow(TypeMismatch);
    expect(await storedPets()).toEqual(["rex/6/9"]);
  });
});
