// Saving items that do not hold everything stored: read with a projection (`attributes`), or stored with
// attributes the schema does not declare. SPEC §4: a read item saves "only its changed paths", so what the
// item never read, or does not model, must survive the save untouched.
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import dynamodel, { Schema } from "dynamodel";
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
