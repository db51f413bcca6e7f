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

  it("an unread element member set to its default is a change, refused", async () => {
    await putRaw(whole(26));
    const cat = await reads[0]![1](26, ["id", "toys[1].name"]);
    cat.toys![0]!.colour = "red"; // the default; stored is "grey"
    expect(cat.modifiedPaths()).toEqual(["toys"]);
    await expect(cat.save()).rejects.toThrow(/Cannot save "toys": it was read in part/);
    expect(await stored(26)).toEqual(whole(26));
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

describe("lists read in part, beyond a plain list of maps", () => {
  const edgeTable = uniqueTableName("listprojedge");
  const part = {
    type: Object,
    schema: { a: String, b: { type: Number, required: true }, c: { type: String, default: "dflt" } },
  };
  const Board = dynamodel.model(
    "ListProjBoard",
    new Schema({
      id: String,
      name: String,
      grid: { type: Array, schema: [{ type: Array, schema: [part] }] },
      // Elements of two object shapes: which one a value takes depends on its keys.
      pieces: {
        type: Array,
        schema: [
          [
            { type: Object, schema: { kind: String, size: { type: Number, default: 7 } } },
            { type: Object, schema: { kind: String, weight: { type: Number, required: true } } },
          ],
        ] as never, // the typings take one definition per element; the runtime takes several, as an array
      },
      tags: {
        type: Array,
        schema: [String],
        validate: (tags: string[]) => tags.length === 3,
        alias: "labels",
      },
      home: { type: Object, schema: { city: String, rooms: { type: Array, schema: [String] } } },
    }),
    { tableName: edgeTable, throughput: "ON_DEMAND" },
  );
  const whole = (id: string) => ({
    id,
    name: "x",
    grid: [
      [{ a: "00", b: 1, c: "q" }],
      [
        { a: "10", b: 2, c: "r" },
        { a: "11", b: 3, c: "s" },
      ],
    ],
    pieces: [
      { kind: "ball", size: 1 },
      { kind: "kite", size: 2 },
    ],
    tags: ["a", "b", "c"],
    home: { city: "Oslo", rooms: ["hall", "attic"] },
  });
  const read = async (id: string) =>
    unmarshall(
      (await rawClient().getItem({ TableName: edgeTable, Key: marshall({ id }), ConsistentRead: true }))
        .Item ?? {},
    );
  type BoardItem = InstanceType<typeof Board>;
  const get = async (id: string, attributes: string[]) =>
    (await Board.get(id, { attributes: attributes as never })) as BoardItem;

  beforeAll(async () => {
    await Board.table().initialize();
  });

  it("leaves alone lists of lists, elements of several shapes and lists with a validator", async () => {
    await rawClient().putItem({ TableName: edgeTable, Item: marshall(whole("e1")) });
    const board = await get("e1", ["id", "grid[1][1].a", "pieces[1].kind", "labels[0]"]);
    expect(board.grid).toEqual([[{ a: "11" }]]);
    expect(board.pieces).toEqual([{ kind: "kite" }]);
    expect(board.labels).toEqual(["a"]);
    expect(board.modifiedPaths()).toEqual([]);
    board.name = "y";
    await board.save(); // no `required` b, no default c or size, no validate of a one-element list
    expect(await read("e1")).toEqual({ ...whole("e1"), name: "y" });
    expect(board.grid).toEqual([[{ a: "11" }]]); // the item keeps what it read
    expect(board.labels).toEqual(["a"]);
    board.grid![0]![0]!.a = "changed";
    expect(board.modifiedPaths()).toEqual(["grid"]);
    await expect(board.save()).rejects.toThrow(/Cannot save "grid": it was read in part/);
    expect(await read("e1")).toEqual({ ...whole("e1"), name: "y" });
  });

  it("after a save removed a list read in part, a new list is saved whole", async () => {
    await rawClient().putItem({ TableName: edgeTable, Item: marshall(whole("e2")) });
    const board = await get("e2", ["id", "labels[1]", "home.rooms[1]"]);
    board.labels = undefined;
    board.home = undefined;
    await board.save();
    const { tags: _tags, home: _home, ...rest } = whole("e2");
    expect(await read("e2")).toEqual(rest);
    board.labels = ["p", "q", "r"];
    board.home = { city: "Bergen", rooms: ["den"] };
    await board.save();
    expect(await read("e2")).toEqual({
      ...rest,
      tags: ["p", "q", "r"],
      home: { city: "Bergen", rooms: ["den"] },
    });
  });

  it("a map given whole is refused when it holds a list read in part that is not as read", async () => {
    await rawClient().putItem({ TableName: edgeTable, Item: marshall(whole("e3")) });
    // Index 7 is past the end: DynamoDB returns nothing for home, which still holds rooms.
    const board = await get("e3", ["id", "home.rooms[7]"]);
    expect(board.home).toBeUndefined();
    board.home = { city: "Bergen", rooms: ["den"] };
    await expect(board.save()).rejects.toThrow(/Cannot save "home\.rooms": it was read in part/);
    expect(await read("e3")).toEqual(whole("e3"));
  });

  it("an item holding a list read in part is not written as a new item", async () => {
    await rawClient().putItem({ TableName: edgeTable, Item: marshall(whole("e4")) });
    const board = await get("e4", ["id", "pieces[1].kind"]);
    board.id = "e4-copy";
    await expect(board.save()).rejects.toThrow(/Cannot save "pieces": it was read in part.*written whole/);
    expect(await read("e4-copy")).toEqual({});
    const again = await get("e4", ["id", "pieces[1].kind"]);
    await expect(again.save({ overwrite: false })).rejects.toThrow(
      /Cannot save "pieces": it was read in part/,
    );
    // Deleted meanwhile: a save writes the item again, whole, which it cannot do for such a list.
    await rawClient().deleteItem({ TableName: edgeTable, Key: marshall({ id: "e4" }) });
    again.name = "y";
    await expect(again.save()).rejects.toThrow(/Cannot save "pieces": it was read in part/);
    expect(await read("e4")).toEqual({});
    // Without the list, it is written as a new item would be.
    again.pieces = undefined;
    await again.save();
    expect(await read("e4")).toEqual({ id: "e4", name: "y" });
  });
});

describe("lists read in part that a save must still recognise as read", () => {
  const tableName = uniqueTableName("listprojkeep");
  const Toy = dynamodel.model("ListProjToy", new Schema({ id: Number, label: String }), {
    tableName: uniqueTableName("listprojtoy"),
    throughput: "ON_DEMAND",
  });
  const Shelf = dynamodel.model(
    "ListProjShelf",
    new Schema(
      {
        id: Number,
        name: String,
        toys: { type: Array, schema: [Toy] },
        parts: { type: Array, schema: [{ type: Object, schema: { a: String, c: String } }] },
        home: { type: Object, schema: { c: String, rooms: { type: Array, schema: [String] } } },
        data: dynamodel.type.ANY,
      },
      { saveUnknown: ["extra", "extra.*", "umap.**"] },
    ),
    { tableName, throughput: "ON_DEMAND" },
  );
  const whole = {
    id: 1,
    name: "x",
    toys: [1, 2],
    parts: [
      { a: "a0", c: "c0" },
      { a: "a1", c: "c1" },
    ],
    home: { c: "C", rooms: ["r1", "r2", "r3"] },
    data: { l: [1, 2, 3], k: "v" },
    extra: ["e1", "e2", "e3"],
    umap: { l: [4, 5, 6], k: "w" },
  };
  const read = async () =>
    unmarshall((await rawClient().getItem({ TableName: tableName, Key: marshall({ id: 1 }) })).Item!);
  type ShelfItem = InstanceType<typeof Shelf>;
  const get = async (attributes: string[]) =>
    (await Shelf.get(1, { attributes: attributes as never })) as ShelfItem;

  beforeAll(async () => {
    await Toy.table().initialize();
    await Shelf.table().initialize();
    await Toy.create({ id: 1, label: "one" });
    await Toy.create({ id: 2, label: "two" });
  });
  beforeEach(() => rawClient().putItem({ TableName: tableName, Item: marshall(whole) }));

  it("inside undeclared content and ANY values", async () => {
    const shelf = await get(["id", "extra[1]", "umap.l[2]", "data.l[0]"]);
    expect(shelf.toJSON()).toEqual({ id: 1, extra: ["e2"], umap: { l: [6] }, data: { l: [1] } });
    expect(shelf.modifiedPaths()).toEqual([]);
    shelf.name = "y";
    await shelf.save();
    expect(await read()).toEqual({ ...whole, name: "y" });
  });

  it("populated, or with an element member set to undefined", async () => {
    const shelf = await get(["id", "toys[1]", "parts[1].a"]);
    await shelf.populate();
    expect((shelf.toys![0] as unknown as { label: string }).label).toBe("two");
    (shelf.parts![0] as { c?: string }).c = undefined;
    expect(shelf.modifiedPaths()).toEqual([]);
    shelf.name = "y";
    await shelf.save();
    expect(await read()).toEqual({ ...whole, name: "y" });
  });

  it("when the save reshapes the map that holds it", async () => {
    const shelf = await get(["id", "home.c", "home.rooms[1]"]);
    (shelf.home as Record<string, unknown>).junk = 1; // not kept: the write drops it
    await shelf.save();
    expect(await read()).toEqual(whole);
    expect(shelf.home).toEqual({ c: "C", rooms: ["r2"] });
    expect(shelf.modifiedPaths()).toEqual([]);
    shelf.name = "y";
    await shelf.save();
    expect(await read()).toEqual({ ...whole, name: "y" });
  });
});
