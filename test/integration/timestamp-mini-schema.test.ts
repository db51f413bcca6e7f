// A `timestamps` mini schema (`{createdAt: {created_at: {type: Date, index: …}}}`) is an attribute definition
// like any other, as in Dynamoose: its storage, index, range key, alias and `get` apply. Before, every
// setting but the type was silently ignored (no index was created, the alias never applied).
import dynamodel, { Schema } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

describe("a timestamp with an index and an alias", () => {
  const tableName = uniqueTableName("stamp-mini");
  const schema = new Schema(
    { id: { type: String, hashKey: true }, kind: String },
    {
      timestamps: {
        createdAt: {
          created_at: {
            type: { value: Date, settings: { storage: "iso" } },
            index: { name: "byCreated", type: "global" },
          },
        },
        updatedAt: { updated_at: { type: Number, alias: "changed" } },
      },
    },
  );
  const Post = dynamodel.model("StampMiniPost", schema, { tableName, throughput: "ON_DEMAND" });

  beforeAll(() => Post.table().initialize());

  it("creates the index, stores the timestamps and reads the alias", async () => {
    const described = await rawClient().describeTable({ TableName: tableName });
    const index = described.Table!.GlobalSecondaryIndexes!.find((each) => each.IndexName === "byCreated");
    expect(index?.KeySchema).toEqual([{ AttributeName: "created_at", KeyType: "HASH" }]);
    expect(schema.indexAttributes).toEqual(expect.arrayContaining(["created_at"]));

    const before = Date.now();
    await Post.create({ id: "p1", kind: "news" });
    const { Item } = await rawClient().getItem({ TableName: tableName, Key: { id: { S: "p1" } } });
    expect(Item?.created_at?.S).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(Number(Item?.updated_at?.N)).toBeGreaterThanOrEqual(before);

    const found = await Post.query("created_at").eq(new Date(Item!.created_at!.S!)).exec();
    expect(found.map((item) => item.id)).toEqual(["p1"]);
    const read = (await Post.get("p1"))! as unknown as Record<string, unknown>;
    expect(read.changed).toBe(Number(Item!.updated_at!.N));
    expect(read).not.toHaveProperty("updated_at");
    expect(read.created_at).toBeInstanceOf(Date);
  });
});

it("a timestamp may be the range key, with a get applied on reads", async () => {
  const tableName = uniqueTableName("stamp-range");
  const schema = new Schema(
    { id: { type: String, hashKey: true } },
    {
      timestamps: {
        createdAt: { at: { type: Number, rangeKey: true, get: (value: number) => value - (value % 1000) } },
      },
    },
  );
  expect(schema.rangeKey).toBe("at");
  const Event = dynamodel.model("StampRangeEvent", schema, { tableName, throughput: "ON_DEMAND" });
  await Event.table().initialize();
  const described = await rawClient().describeTable({ TableName: tableName });
  expect(described.Table!.KeySchema).toEqual([
    { AttributeName: "id", KeyType: "HASH" },
    { AttributeName: "at", KeyType: "RANGE" },
  ]);
  const created = await Event.create({ id: "e" });
  const at = created.at as unknown as number;
  const [read] = await Event.query("id").eq("e").exec();
  expect((read as unknown as { at: number }).at % 1000).toBe(0);
  expect((read as unknown as { at: number }).at).toBe(at - (at % 1000));
});

it("an aliased timestamp is held under its alias only: saved again, read and saved, the item stays clean", async () => {
  const tableName = uniqueTableName("stamp-alias");
  const schema = new Schema(
    { id: String, kind: String },
    {
      timestamps: {
        createdAt: { created_at: { type: Date, alias: "made" } },
        updatedAt: { updated_at: { type: Number, alias: "changed", get: (value: number) => value } },
      },
    },
  );
  const Post = dynamodel.model("StampAliasPost", schema, { tableName, throughput: "ON_DEMAND" });
  await Post.table().initialize();
  const post = await Post.create({ id: "a", kind: "x" });
  const held = post as unknown as Record<string, unknown>;
  expect(Object.keys(held).sort()).toEqual(["changed", "id", "kind", "made"]);
  expect(post.isDirty()).toBe(false);
  post.kind = "y";
  await post.save();
  expect(Object.keys(held).sort()).toEqual(["changed", "id", "kind", "made"]);
  expect(post.isDirty()).toBe(false);

  const read = (await Post.get("a"))!;
  const first = (read as unknown as Record<string, unknown>).changed as number;
  read.kind = "z";
  await read.save();
  const second = (read as unknown as Record<string, unknown>).changed as number;
  expect(second).toBeGreaterThanOrEqual(first);
  const { Item } = await rawClient().getItem({ TableName: tableName, Key: { id: { S: "a" } } });
  expect(Number(Item!.updated_at!.N)).toBe(second);
  expect(read.isDirty()).toBe(false);
  read.kind = "w";
  await read.save();
  expect(read.isDirty()).toBe(false);
});

it("createdAt and updatedAt are two Date objects: changing one in place leaves the other, and what is stored", async () => {
  const tableName = uniqueTableName("timestampObjects");
  const Note = dynamodel.model(
    "TimestampObjects",
    new Schema({ id: String, n: Number }, { timestamps: true }),
    {
      tableName,
      throughput: "ON_DEMAND",
    },
  );
  const note = await Note.create({ id: "a", n: 1 });
  const created = (note.createdAt as Date).getTime();
  expect(note.createdAt).not.toBe(note.updatedAt);
  (note.updatedAt as Date).setUTCFullYear(2000);
  note.n = 2;
  await note.save();
  const stored = await storedItem(tableName, { id: { S: "a" } });
  expect(stored?.createdAt).toEqual({ N: String(created) });
});
