// References to a model of several schemas whose schemas alias the key differently: an item read under
// a later schema's names (its key under that schema's alias) is a reference like any other, is stored
// as its hash key, and populate() brings it back.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const docTable = uniqueTableName("multiRefDoc");
const ownerTable = uniqueTableName("multiRefOwner");
const Doc = dynamodel.model(
  "MultiRefDoc",
  [
    new Schema({ id: { type: String, hashKey: true }, title: String }),
    new Schema({ id: { type: String, hashKey: true, alias: "docId" }, body: String }),
  ],
  { tableName: docTable },
);
const Owner = dynamodel.model("MultiRefOwner", { id: String, doc: Doc }, { tableName: ownerTable });

const storedOwner = async (id: string) =>
  (await rawClient().getItem({ TableName: ownerTable, Key: { id: { S: id } }, ConsistentRead: true })).Item;

beforeAll(async () => {
  await Doc.create({ id: "t1", title: "first" });
  await Doc.create({ docId: "b1", body: "second" } as never);
});

it("stores an item read under the later schema's key alias as its hash key", async () => {
  const doc = await Doc.get({ docId: "b1" } as never);
  expect(doc?.toJSON()).toEqual({ docId: "b1", body: "second" });
  await Owner.create({ id: "o1", doc: doc! });
  expect(await storedOwner("o1")).toEqual({ id: { S: "o1" }, doc: { S: "b1" } });
});

it("takes a key object by the later schema's alias, and populates it", async () => {
  await Owner.create({ id: "o2", doc: { docId: "b1" } as never });
  expect(await storedOwner("o2")).toEqual({ id: { S: "o2" }, doc: { S: "b1" } });
  const populated = await (await Owner.get("o2"))!.populate();
  expect(populated.toJSON()).toEqual({ id: "o2", doc: { docId: "b1", body: "second" } });
});

it("refuses a key object naming the key twice, and stores nothing", async () => {
  await expect(Owner.create({ id: "o3", doc: { id: "t1", docId: "b1" } as never })).rejects.toThrow(
    'Cannot map attribute "id" to "docId" because both are defined.',
  );
  expect(await storedOwner("o3")).toBeUndefined();
});

describe("an item holding another schema's key alias as an attribute", () => {
  const loose = uniqueTableName("multiRefLoose");
  const holders = uniqueTableName("multiRefHolder");
  const Note = dynamodel.model(
    "MultiRefLooseNote",
    [
      new Schema({ id: { type: String, hashKey: true }, title: String }, { saveUnknown: true }),
      new Schema({ id: { type: String, hashKey: true, alias: "ref" }, body: String }),
      new Schema({ id: { type: String, hashKey: true }, ref: String, tag: String }),
    ],
    { tableName: loose },
  );
  const Holder = dynamodel.model(
    "MultiRefLooseHolder",
    { id: String, note: Note, notes: { type: Set, schema: [Note] } },
    { tableName: holders },
  );
  const storedHolder = async (id: string) =>
    (await rawClient().getItem({ TableName: holders, Key: { id: { S: id } }, ConsistentRead: true })).Item;

  it("is referenced by its own key, in a reference and a Set of references, and populated", async () => {
    await Note.create({ id: "n1", title: "x", ref: "other data" } as never);
    const note = (await Note.get("n1"))!;
    expect(note.toJSON()).toEqual({ id: "n1", title: "x", ref: "other data" });
    await Holder.create({ id: "h1", note, notes: new Set([note]) });
    expect(await storedHolder("h1")).toEqual({ id: { S: "h1" }, note: { S: "n1" }, notes: { SS: ["n1"] } });
    const populated = await new Holder({ id: "h2", note }).populate();
    expect(populated.toJSON()).toEqual({ id: "h2", note: { id: "n1", title: "x", ref: "other data" } });
  });

  it("is referenced by its key under a later schema's alias, which a third schema has as an attribute", async () => {
    await Note.create({ ref: "n2", body: "b" } as never);
    const note = (await Note.get("n2"))!;
    expect(note.toJSON()).toEqual({ ref: "n2", body: "b" });
    await Holder.create({ id: "h3", note });
    expect(await storedHolder("h3")).toEqual({ id: { S: "h3" }, note: { S: "n2" } });
  });

  it("is referenced by its own key when only the other schema aliases the key so", async () => {
    const Doc2 = dynamodel.model(
      "MultiRefLooseDoc2",
      [
        new Schema({ id: { type: String, hashKey: true }, title: String }, { saveUnknown: true }),
        new Schema({ id: { type: String, hashKey: true, alias: "docId" }, body: String }),
      ],
      { tableName: uniqueTableName("multiRefLooseDoc2") },
    );
    const Holder2 = dynamodel.model(
      "MultiRefLooseHolder2",
      { id: String, doc: Doc2, docs: { type: Set, schema: [Doc2] } },
      { tableName: holders },
    );
    await Doc2.create({ id: "t1", title: "x", docId: "other data" } as never);
    const doc = (await Doc2.get("t1"))!;
    await Holder2.create({ id: "h4", doc, docs: new Set([doc]) });
    expect(await storedHolder("h4")).toEqual({ id: { S: "h4" }, doc: { S: "t1" }, docs: { SS: ["t1"] } });
    const populated = await new Holder2({ id: "h5", doc }).populate();
    expect(populated.toJSON()).toEqual({ id: "h5", doc: { id: "t1", title: "x", docId: "other data" } });
  });
});
