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
