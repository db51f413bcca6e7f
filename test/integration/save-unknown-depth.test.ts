// saveUnknown's patterns cut unknown content the same way on every write and every read (SPEC §2): "person.*"
// keeps person.b but not person.b.c, whether the item is created, updated or read.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import dynamodel, { Schema } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const Thing = dynamodel.model(
  "UnknownDepth",
  new Schema({ id: String }, { saveUnknown: ["meta.*", "top"] }),
  {
    tableName: uniqueTableName("UnknownDepth"),
  },
);
const key = (id: string) => ({ id: { S: id } });
const meta = { a: 1, b: { c: 2 } };

it("an update stores what create stores: the patterns cut nested unknown content", async () => {
  await Thing.create({ id: "created", meta, top: { x: { y: 1 } } });
  await Thing.update({ id: "updated" }, { meta, top: { x: { y: 1 } } });
  const created = await storedItem(Thing.table().name, key("created"));
  const updated = await storedItem(Thing.table().name, key("updated"));
  expect(created?.meta).toEqual({ M: { a: { N: "1" }, b: { M: {} } } });
  expect(created?.top).toEqual({ M: {} });
  expect(updated?.meta).toEqual(created?.meta);
  expect(updated?.top).toEqual(created?.top);
  // A path into a kept unknown map is cut the same way.
  await Thing.update({ id: "updated" }, { "meta.b": { c: 3 } });
  expect((await storedItem(Thing.table().name, key("updated")))?.meta).toEqual({
    M: { a: { N: "1" }, b: { M: {} } },
  });
});

it("an update path deeper than the patterns is left out, in every operator and in transactions", async () => {
  await Thing.create({ id: "paths", meta: { y: {} } });
  const before = await storedItem(Thing.table().name, key("paths"));
  await Thing.update({ id: "paths" }, { "meta.y.z": 2, "top.q": 1, $ADD: { "meta.y.c": 1 }, "meta.b": 5 });
  await dynamodel.transaction([Thing.transaction.update({ id: "paths" }, { "meta.y.w": 1, "meta.c": 6 })]);
  expect(await storedItem(Thing.table().name, key("paths"))).toEqual({
    ...before,
    meta: { M: { y: { M: {} }, b: { N: "5" }, c: { N: "6" } } },
  });
  // Naming nothing the schema keeps is an InvalidParameter, as for any unknown attribute.
  await expect(Thing.update({ id: "paths" }, { "meta.y.z": 2 })).rejects.toThrow(
    'The update names no attribute of the schema: "meta.y.z"',
  );
});

it('a scalar where "a.*.c" keeps only maps or lists is not the item\'s: no save removes it, no update path writes it', async () => {
  const Way = dynamodel.model(
    "UnknownDepthWay",
    new Schema({ id: String, n: Number }, { saveUnknown: ["a.*.c"] }),
    {
      tableName: uniqueTableName("UnknownDepthWay"),
    },
  );
  await Way.table().initialize();
  const item: Record<string, AttributeValue> = {
    id: { S: "way" },
    a: {
      M: {
        x: { N: "5" },
        m: { M: { c: { N: "1" }, d: { N: "2" } } },
        // Maps and lists on the way in which nothing matched: not the item's either.
        o: { M: { d: { N: "2" } } },
        l: { L: [{ N: "5" }] },
        e: { M: {} },
      },
    },
  };
  await rawClient().putItem({ TableName: Way.table().name, Item: item });
  const read = (await Way.get("way"))!;
  expect(read.toJSON()).toEqual({ id: "way", a: { m: { c: 1 } } });
  expect(read.modifiedPaths()).toEqual([]);
  await read.save();
  expect(await storedItem(Way.table().name, key("way"))).toEqual(item);

  // Neither a scalar nor a map or list of which nothing is kept is written there by path.
  await Way.update({ id: "way" }, { "a.y": 7, "a.o": { d: 9 }, "a.l": [7], "a.m.c": 3, n: 1 });
  await Way.update({ id: "way" }, { $ADD: { "a.l": [8] }, n: 2 });
  expect(await storedItem(Way.table().name, key("way"))).toEqual({
    ...item,
    a: { M: { ...item.a!.M, m: { M: { c: { N: "3" }, d: { N: "2" } } } } },
    n: { N: "2" },
  });
});

describe('removing what "a.*.c" keeps of a map leaves the map\'s other content where it is', () => {
  const Way = dynamodel.model(
    "UnknownDepthWayRemove",
    new Schema({ id: String }, { saveUnknown: ["a.*.c"] }),
    { tableName: uniqueTableName("UnknownDepthWayRemove") },
  );
  type Read = { a: Record<string, Record<string, unknown>> };
  const item: Record<string, AttributeValue> = {
    id: { S: "way" },
    a: {
      M: {
        x: { M: { c: { N: "1" }, d: { N: "2" } } },
        z: { M: { c: { N: "3" } } },
        y: { N: "7" },
      },
    },
  };

  it.each<[string, (read: Read) => void]>([
    ["deleting their members", (read) => (delete read.a.x!.c, delete read.a.z!.c)],
    ["setting them empty", (read) => ((read.a.x = {}), (read.a.z = {}))],
    ["deleting the maps", (read) => (delete read.a.x, delete read.a.z)],
  ])("%s", async (_, remove) => {
    await Way.table().initialize();
    await rawClient().putItem({ TableName: Way.table().name, Item: item });
    const read = (await Way.get("way"))!;
    expect(read.toJSON()).toEqual({ id: "way", a: { x: { c: 1 }, z: { c: 3 } } });
    remove(read as unknown as Read);
    expect(read.modifiedPaths().sort()).toEqual(["a.x.c", "a.z"]);
    await read.save();
    // a.x keeps d (not the item's); a.z held only c, so it goes whole; a.y is not the item's either.
    expect(await storedItem(Way.table().name, key("way"))).toEqual({
      ...item,
      a: { M: { x: { M: { d: { N: "2" } } }, y: { N: "7" } } },
    });
    expect((await Way.get("way"))!.toJSON()).toEqual({ id: "way", a: {} });
  });
});

it("a second save of the same item still leaves other code's members of such a map alone", async () => {
  const Way = dynamodel.model(
    "UnknownDepthWaySecond",
    new Schema({ id: String, n: Number }, { saveUnknown: ["a.*.c"] }),
    { tableName: uniqueTableName("UnknownDepthWaySecond") },
  );
  await Way.table().initialize();
  await rawClient().putItem({
    TableName: Way.table().name,
    Item: { id: { S: "way" }, a: { M: { x: { M: { c: { N: "1" }, other: { N: "2" } } } } } },
  });
  const read = (await Way.get("way"))! as unknown as {
    a: { x?: { c?: number } };
    n?: number;
    save(): Promise<unknown>;
  };
  delete read.a.x!.c;
  await read.save();
  read.n = 1; // an unrelated save in between
  await read.save();
  read.a.x = { c: 5 };
  await read.save();
  expect((await storedItem(Way.table().name, key("way")))?.a).toEqual({
    M: { x: { M: { c: { N: "5" }, other: { N: "2" } } } },
  });
});

it("value operators and $ADD lists at unknown paths keep what a save of the same data keeps", async () => {
  const Ops = dynamodel.model(
    "UnknownDepthOps",
    new Schema({ id: String, n: Number }, { saveUnknown: ["meta.*", "a.*.c"] }),
    { tableName: uniqueTableName("UnknownDepthOps") },
  );
  await Ops.table().initialize();
  const item: Record<string, AttributeValue> = {
    id: { S: "ops" },
    meta: { M: { l: { L: [] } } },
    a: { M: { l: { L: [] } } },
  };
  await rawClient().putItem({ TableName: Ops.table().name, Item: item });
  // "meta.*" keeps meta.x but nothing in it, nor the elements of meta.l; "a.*.c" keeps a.x only as a map.
  await Ops.update(
    { id: "ops" },
    {
      "meta.x": { $IF_NOT_EXISTS: { deep: 1 } },
      "meta.l": { $LIST_PREPEND: [{ deep: 1 }] },
      "a.x": { $IF_NOT_EXISTS: { c: 1, d: 2 } },
      "a.y": { $IF_NOT_EXISTS: 5 },
      "a.l": { $LIST_PREPEND: [5] },
      n: 1,
    },
  );
  await Ops.update({ id: "ops" }, { $ADD: { "meta.l": [{ deep: 1 }], "a.l": [{ c: 1 }], n: 1 } });
  await dynamodel.transaction([
    Ops.transaction.update({ id: "ops" }, { "meta.z": { $IF_NOT_EXISTS: { q: 1 } } }),
  ]);
  expect(await storedItem(Ops.table().name, key("ops"))).toEqual({
    ...item,
    meta: { M: { l: { L: [] }, x: { M: {} }, z: { M: {} } } },
    a: { M: { l: { L: [] }, x: { M: { c: { N: "1" } } } } },
    n: { N: "2" },
  });
  // Keeping nothing alone is refused, as for any unknown attribute; nothing is written.
  await expect(Ops.update({ id: "ops" }, { "a.y": { $IF_NOT_EXISTS: 5 } })).rejects.toThrow(
    'The update names no attribute of the schema: "a.y"',
  );
  await expect(Ops.update({ id: "ops" }, { $ADD: { "meta.l": [{ deep: 1 }] } })).rejects.toThrow(
    'The update names no attribute of the schema: "meta.l"',
  );
  expect((await storedItem(Ops.table().name, key("ops")))?.n).toEqual({ N: "2" });
});

it("every read path cuts stored content beyond the patterns, as the write pipeline would", async () => {
  await rawClient().putItem({
    TableName: Thing.table().name,
    Item: {
      id: { S: "raw" },
      meta: { M: { b: { N: "1" }, c: { M: { d: { N: "2" } } } } },
      other: { S: "o" },
    },
  });
  const expected = { id: "raw", meta: { b: 1, c: {} } };
  expect((await Thing.get("raw"))?.toJSON()).toEqual(expected);
  expect((await Thing.scan("id").eq("raw").exec())[0]?.toJSON()).toEqual(expected);
  expect((await Thing.batchGet(["raw"]))[0]?.toJSON()).toEqual(expected);
  const [viaTransaction] = await dynamodel.transaction([Thing.transaction.get("raw")]);
  expect((viaTransaction as { toJSON(): unknown }).toJSON()).toEqual(expected);
});

// A list index is a path segment, as Dynamoose writes paths: "l.*.b", "l.0.b" and "l.**" reach into the
// elements of a declared list, and "free.*" into a list declared without a schema.
it("an unchanged save of a read item removes nothing the patterns leave out; a change writes only itself", async () => {
  await rawClient().putItem({
    TableName: Thing.table().name,
    Item: { id: { S: "deep" }, meta: { M: { a: { N: "1" }, b: { M: { c: { S: "kept by nobody" } } } } } },
  });
  const read = (await Thing.get("deep"))!;
  expect(read.modifiedPaths()).toEqual([]);
  expect(read.isDirty()).toBe(false);
  await read.save();
  const stored = { M: { a: { N: "1" }, b: { M: { c: { S: "kept by nobody" } } } } };
  expect((await storedItem(Thing.table().name, key("deep")))?.meta).toEqual(stored);

  (read.meta as { a: number }).a = 2;
  expect(read.modifiedPaths()).toEqual(["meta.a"]);
  await read.save();
  expect((await storedItem(Thing.table().name, key("deep")))?.meta).toEqual({
    M: { ...stored.M, a: { N: "2" } },
  });
});

it("an unchanged save of a read item leaves alone the list elements the schema does not keep", async () => {
  const Lists = dynamodel.model(
    "UnknownDepthLists",
    new Schema(
      { id: String, arr: Array, tags: { type: Set, schema: [String] } },
      { saveUnknown: ["meta.*", "keep"] },
    ),
    { tableName: uniqueTableName("UnknownDepthLists") },
  );
  await Lists.table().initialize();
  const item: Record<string, AttributeValue> = {
    id: { S: "lists" },
    arr: { L: [{ S: "x" }, { M: { q: { N: "1" } } }] }, // a list declared without a schema keeps nothing
    meta: { M: { b: { L: [{ M: { c: { N: "1" } } }] } } }, // "meta.*" keeps meta.b, not its elements
    keep: { L: [{ N: "1" }] }, // "keep" keeps the list, not keep.0
    tags: { L: [{ S: "a" }] }, // a Set attribute holding a list other code stored
  };
  await rawClient().putItem({ TableName: Lists.table().name, Item: item });
  const read = (await Lists.get("lists"))!;
  expect(read.toJSON()).toEqual({ id: "lists", arr: [], meta: { b: [] }, keep: [], tags: ["a"] });
  expect(read.modifiedPaths()).toEqual([]);
  await read.save();
  expect(await storedItem(Lists.table().name, key("lists"))).toEqual(item);
});

it("an unchanged save of a read list of maps keeps the members its schema does not declare", async () => {
  const Listed = dynamodel.model(
    "UnknownDepthListed",
    new Schema({ id: String, rows: { type: Array, schema: [{ type: Object, schema: { x: Number } }] } }),
    { tableName: uniqueTableName("UnknownDepthListed") },
  );
  await Listed.table().initialize();
  const rows: AttributeValue = {
    L: [{ M: { x: { N: "1" }, note: { S: "from other code" } } }, { M: { x: { N: "2" } } }],
  };
  await rawClient().putItem({ TableName: Listed.table().name, Item: { id: { S: "l" }, rows } });
  const read = (await Listed.get("l"))!;
  expect(read.toJSON()).toEqual({ id: "l", rows: [{ x: 1 }, { x: 2 }] });
  expect(read.modifiedPaths()).toEqual([]);
  await read.save();
  expect((await storedItem(Listed.table().name, key("l")))?.rows).toEqual(rows);
  // A changed list is written whole (a list element has no identity to carry other members over by).
  read.rows![1]!.x = 3;
  expect(read.modifiedPaths()).toEqual(["rows"]);
  await read.save();
  expect((await storedItem(Listed.table().name, key("l")))?.rows).toEqual({
    L: [{ M: { x: { N: "1" } } }, { M: { x: { N: "3" } } }],
  });
});

describe.each(["lines.**", "lines.*.b", "lines.0.b", "lines.*.*"])(
  "saveUnknown %s inside list elements",
  (pattern) => {
    const Order = dynamodel.model(
      `UnknownInLists${pattern.replace(/\W/g, "_")}`,
      new Schema(
        {
          id: String,
          note: String,
          lines: { type: Array, schema: [{ type: Object, schema: { a: String } }] },
          free: Array,
        },
        { saveUnknown: [pattern, "free.*"] },
      ),
      { tableName: uniqueTableName("UnknownInLists") },
    );

    it("is kept on create, read, save of another attribute and update by path", async () => {
      // The item type has no `b`: patterns are not part of the types.
      await Order.create({ id: "o", lines: [{ a: "x", b: 2 } as { a: string }], free: [1, 2] });
      const stored = async () => storedItem(Order.table().name, key("o"));
      expect((await stored())?.lines).toEqual({ L: [{ M: { a: { S: "x" }, b: { N: "2" } } }] });
      const read = (await Order.get("o"))!;
      expect(JSON.parse(JSON.stringify(read.lines))).toEqual([{ a: "x", b: 2 }]);
      read.note = "n";
      expect(read.modifiedPaths()).toEqual(["note"]);
      await read.save();
      expect((await stored())?.lines).toEqual({ L: [{ M: { a: { S: "x" }, b: { N: "2" } } }] });
      await Order.update({ id: "o" }, { "lines[0].b": 5, "free[1]": 7 } as never);
      const after = await stored();
      expect(after?.lines).toEqual({ L: [{ M: { a: { S: "x" }, b: { N: "5" } } }] });
      expect(after?.free).toEqual({ L: [{ N: "1" }, { N: "7" }] });
    });
  },
);

it("a pattern naming another element, or a list it is not in, keeps nothing there", async () => {
  const Order = dynamodel.model(
    "UnknownInListsOther",
    new Schema(
      { id: String, lines: { type: Array, schema: [{ type: Object, schema: { a: String } }] } },
      { saveUnknown: ["lines.1.b", "other.*.b"] },
    ),
    { tableName: uniqueTableName("UnknownInListsOther") },
  );
  await Order.create({
    id: "o",
    lines: [{ a: "x", b: 2 } as { a: string }, { a: "y", b: 3 } as { a: string }],
  });
  expect((await storedItem(Order.table().name, key("o")))?.lines).toEqual({
    L: [{ M: { a: { S: "x" } } }, { M: { a: { S: "y" }, b: { N: "3" } } }],
  });
});

it('"**" before other segments matches no level too: "**.secret" keeps a top-level secret, "a.**.c" keeps a.c', async () => {
  const tableName = uniqueTableName("globstarZero");
  const Doc = dynamodel.model(
    "SaveUnknownGlobstarZero",
    new Schema({ id: String }, { saveUnknown: ["**.secret", "a.**.c"] }),
    { tableName, throughput: "ON_DEMAND" },
  );
  await Doc.create({
    id: "x",
    secret: "top",
    deep: { secret: "s", other: 1 },
    a: { c: 1, b: { c: 2 } },
  } as never);
  expect(await storedItem(tableName, { id: { S: "x" } })).toEqual({
    id: { S: "x" },
    secret: { S: "top" },
    deep: { M: { secret: { S: "s" } } },
    a: { M: { c: { N: "1" }, b: { M: { c: { N: "2" } } } } },
  });
});
