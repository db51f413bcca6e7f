// A projection that names list elements (`attributes: ["toys[1].name"]`) reads the list in part, and
// DynamoDB returns the elements it read renumbered from 0. Such a list is not the stored one: a save must
// leave it alone (the item is not dirty because of it, no defaults or `required` inside it), and must
// refuse to change it rather than replace the stored list with the few elements read.
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import dynamodel, { InvalidParameter, Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("listproj");
const toy = {
  type: Object,
  schema: { name: String, colour: { type: String, default: "red" }, size: { type: Number, required: true } },
};
const Cat = dynamodel.model(
  "ListProjCat",
  new Schema({
    id: Number,
    name: String,
    toys: { type: Array, schema: [toy] },
    tags: { type: Array, schema: [String] },
    home: { type: Object, schema: { rooms: { type: Array, schema: [toy] }, city: String } },
  }),
  { tableName, throughput: "ON_DEMAND" },
);

const whole = (id: number) => ({
  id,
  name: "Tom",
  toys: [
    { name: "ball", colour: "blue", size: 1 },
    { name: "mouse", colour: "grey", size: 2 },
    { name: "box", colour: "brown", size: 3 },
  ],
  tags: ["a", "b", "c"],
  home: {
    rooms: [
      { name: "hall", colour: "white", size: 10 },
      { name: "attic", size: 5 },
    ],
    city: "Oslo",
  },
});

async function putRaw(item: Record<string, unknown>): Promise<void> {
  await rawClient().putItem({ TableName: tableName, Item: marshall(item) });
}

async function stored(id: number): Promise<Record<string, unknown> | undefined> {
  const { Item } = await rawClient().getItem({
    TableName: tableName,
    Key: marshall({ id }),
    ConsistentRead: true,
  });
  return Item === undefined ? undefined : unmarshall(Item);
}

beforeAll(() => Cat.table().initialize());

type CatItem = InstanceType<typeof Cat>;
type Read = (id: number, attributes: string[]) => Promise<CatItem>;
const reads: [string, Read][] = [
  ["get", async (id, attributes) => (await Cat.get(id, { attributes: attributes as never }))!],
  [
    "query",
    async (id, attributes) =>
      (
        await Cat.query("id")
          .eq(id)
          .attributes(attributes as never)
          .exec()
      )[0] as CatItem,
  ],
  [
    "scan",
    async (id, attributes) =>
      (
        await Cat.scan("id")
          .eq(id)
          .attributes(attributes as never)
          .exec()
      )[0] as CatItem,
  ],
  ["batchGet", async (id, attributes) => (await Cat.batchGet([id], { attributes: attributes as never }))[0]!],
  [
    "transaction get",
    async (id, attributes) =>
      (
        (await dynamodel.transaction([
          Cat.transaction.get(id, { attributes: attributes as never }),
        ])) as CatItem[]
      )[0]!,
  ],
];

describe("a list read in part", () => {
  it.each(reads.map(([name, read], at) => [name, read, 10 + at] as const))(
    "read by %s: is clean, and a save of another change keeps the stored list",
    async (_name, read, id) => {
      await putRaw(whole(id));
      const cat = await read(id, ["id", "toys[1].name", "tags[2]"]);
      // DynamoDB renumbers: stored element 1 is the item's element 0.
      expect(cat.toys).toEqual([{ name: "mouse" }]);
      expect(cat.tags).toEqual(["c"]);
      expect(cat.modifiedPaths()).toEqual([]);
      expect(cat.isDirty()).toBe(false);
      cat.name = "Felix";
      await cat.save();
      expect(await stored(id)).toEqual({ ...whole(id), name: "Felix" });
      // A second save goes from the image the first left: still in part.
      cat.name = "Max";
      await cat.save();
      expect(await stored(id)).toEqual({ ...whole(id), name: "Max" });
    },
  );

  it("an element changed in place is refused, naming the list, and nothing is written", async () => {
    await putRaw(whole(20));
    const cat = await reads[0]![1](20, ["id", "toys[1].name"]);
    cat.toys![0]!.name = "rat";
    cat.name = "Felix";
    expect(cat.modifiedPaths()).toEqual(expect.arrayContaining(["toys", "name"]));
    const error = await cat.save().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidParameter);
    expect((error as Error).message).toMatch(/Cannot save "toys": it was read in part/);
    expect((error as Error).message).toContain('"rat"');
    expect(await stored(20)).toEqual(whole(20));
  });

  it.each([
    ["an element pushed", (cat: CatItem) => void cat.tags!.push("d")],
    ["the list given whole", (cat: CatItem) => void (cat.tags = ["x", "y", "z", "w"])],
    ["the list emptied", (cat: CatItem) => void (cat.tags = [])],
  ])("%s is refused and nothing is written", async (_name, change) => {
    await putRaw(whole(21));
    const cat = await reads[0]![1](21, ["id", "tags[0]", "tags[2]"]);
    expect(cat.tags).toEqual(["a", "c"]);
    change(cat);
    await expect(cat.save()).rejects.toThrow(/Cannot save "tags": it was read in part/);
    expect(await stored(21)).toEqual(whole(21));
  });

  it("a list read in part and then deleted is removed", async () => {
    await putRaw(whole(22));
    const cat = await reads[0]![1](22, ["id", "tags[1]"]);
    cat.tags = undefined;
    expect(cat.modifiedPaths()).toEqual(["tags"]);
    await cat.save();
    const { tags: _removed, ...rest } = whole(22);
    expect(await stored(22)).toEqual(rest);
  });

  it("a list inside a map: kept on save, a change refused by its document path", async () => {
    await putRaw(whole(23));
    const cat = await reads[0]![1](23, ["id", "home.rooms[1].name"]);
    expect(cat.home).toEqual({ rooms: [{ name: "attic" }] });
    expect(cat.modifiedPaths()).toEqual([]);
    cat.home!.city = "Bergen";
    await cat.save();
    expect(await stored(23)).toEqual({ ...whole(23), home: { ...whole(23).home, city: "Bergen" } });
    cat.home!.rooms![0]!.size = 6;
    await expect(cat.save()).rejects.toThrow(/Cannot save "home\.rooms": it was read in part/);
    expect(await stored(23)).toEqual({ ...whole(23), home: { ...whole(23).home, city: "Bergen" } });
  });

  it("a list read whole alongside still saves its changes", async () => {
    await putRaw(whole(24));
    const cat = await reads[0]![1](24, ["id", "toys", "tags[0]"]);
    cat.toys![2]!.size = 30;
    await cat.save();
    const expected = whole(24);
    expected.toys[2]!.size = 30;
    expect(await stored(24)).toEqual(expected);
  });

  it("a projection with an element path but no stored list leaves nothing behind", async () => {
    const { toys: _none, ...item } = whole(25);
    await putRaw(item);
    const cat = await reads[0]![1](25, ["id", "toys[0].name", "name"]);
    expect(cat.toys).toBeUndefined();
    cat.name = "Felix";
    await cat.save();
    expect(await stored(25)).toEqual({ ...item, name: "Felix" });
  });
});

describe("a flattened object's list read in part", () => {
  const flatTable = uniqueTableName("listprojflat");
  const Owner = dynamodel.model(
    "ListProjOwner",
    new Schema({
      id: Number,
      name: String,
      address: {
        type: Object,
        storage: "flatten",
        schema: { city: String, lines: { type: Array, schema: [String] } },
      },
    }),
    { tableName: flatTable, throughput: "ON_DEMAND" },
  );
  const stored = { id: 1, name: "Ann", address_city: "Oslo", address_lines: ["one", "two", "three"] };

  it("keeps the stored list on save and refuses a change to it by its document path", async () => {
    await Owner.table().initialize();
    await rawClient().putItem({ TableName: flatTable, Item: marshall(stored) });
    const owner = (await Owner.get(1, { attributes: ["id", "address.lines[2]"] as never }))!;
    expect(owner.address).toEqual({ lines: ["three"] });
    expect(owner.modifiedPaths()).toEqual([]);
    owner.name = "Bo";
    await owner.save();
    const read = async () =>
      unmarshall((await rawClient().getItem({ TableName: flatTable, Key: marshall({ id: 1 }) })).Item!);
    expect(await read()).toEqual({ ...stored, name: "Bo" });
    owner.address!.lines![0] = "four";
    await expect(owner.save()).rejects.toThrow(/Cannot save "address\.lines": it was read in part/);
    expect(await read()).toEqual({ ...stored, name: "Bo" });
  });
});
