// A read with `attributes` still reads what the table needs to handle its items, and hides it again:
// the entity attribute of a table of several models (which model an item belongs to) and, with
// `returnExpired: false`, the TTL attribute (expired items stay hidden). An index projecting some
// attributes includes them. Before, a projected read built another model's item, or returned expired ones.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";
import { createTtlOffTable, nowSeconds } from "../support/ttl-tables";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

describe("entityAttribute", () => {
  const tableName = uniqueTableName("projEntity");
  const keys = { pk: { type: String, hashKey: true }, sk: { type: String, rangeKey: true } } as const;
  const Owner = dynamodel.model(
    "ProjEntityOwner",
    new Schema({ ...keys, name: { type: String, get: (value: string) => `O:${value}` } }),
  );
  const Pet = dynamodel.model(
    "ProjEntityPet",
    new Schema({
      ...keys,
      name: { type: String, get: (value: string) => `P:${value}` },
      species: { type: String, index: { name: "bySpecies", type: "global", project: ["name"] } },
      color: { type: String, index: { name: "byColor", type: "global", project: false } },
    }),
  );
  const table = new dynamodel.Table(tableName, [Owner, Pet], {
    entityAttribute: "_type",
    throughput: "ON_DEMAND",
  });

  beforeAll(async () => {
    await table.create();
    await Pet.create({ pk: "o1", sk: "pet#1", name: "Tom", species: "cat", color: "grey" });
    await Owner.create({ pk: "o1", sk: "owner", name: "Ann" });
  });

  const plain = (item: unknown) => JSON.parse(JSON.stringify(item)) as Record<string, unknown>;

  it("get, query, scan, batchGet and transaction gets build the item's own model, without _type", async () => {
    const key = { pk: "o1", sk: "pet#1" };
    const got = await Owner.get(key, { attributes: ["name"] });
    expect(got).toBeInstanceOf(Pet);
    expect(plain(got)).toEqual({ name: "P:Tom" });

    const queried = await Owner.query("pk").eq("o1").attributes(["sk", "name"]).exec();
    expect(queried.map((item) => [item.constructor, plain(item)])).toEqual([
      [Owner, { sk: "owner", name: "O:Ann" }],
      [Pet, { sk: "pet#1", name: "P:Tom" }],
    ]);
    const scanned = await Pet.scan().attributes(["name"]).exec();
    expect(scanned.map((item) => item.constructor).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      Owner,
      Pet,
    ]);
    const batch = await Owner.batchGet([key], { attributes: ["name"] });
    expect(batch[0]).toBeInstanceOf(Pet);
    expect(plain(batch[0])).toEqual({ pk: "o1", sk: "pet#1", name: "P:Tom" });
    const [viaTransaction] = (await dynamodel.transaction([
      Owner.transaction.get(key, { attributes: ["name"] }),
    ])) as unknown[];
    expect(viaTransaction).toBeInstanceOf(Pet);
    expect(plain(viaTransaction)).toEqual({ name: "P:Tom" });
  });

  it("a projection naming _type keeps it; the request shows what is sent", async () => {
    const got = await Owner.get(
      { pk: "o1", sk: "pet#1" },
      {
        // The entity attribute is the table's, not the schema's: the item type does not list it.
        attributes: ["name", "_type"] as unknown as ["name"],
      },
    );
    expect(plain(got)).toEqual({ name: "P:Tom", _type: "ProjEntityPet" });
    const request = (await Owner.get(
      { pk: "o1", sk: "owner" },
      { attributes: ["name"], return: "request" },
    )) as {
      ProjectionExpression: string;
      ExpressionAttributeNames: Record<string, string>;
    };
    expect(Object.values(request.ExpressionAttributeNames)).toEqual(["name", "_type"]);
  });

  it("an index projecting some attributes also projects _type", async () => {
    const described = await rawClient().describeTable({ TableName: tableName });
    const index = described.Table!.GlobalSecondaryIndexes!.find((each) => each.IndexName === "bySpecies")!;
    expect(index.Projection).toEqual({ ProjectionType: "INCLUDE", NonKeyAttributes: ["name", "_type"] });
    const found = await Pet.query("species").eq("cat").exec();
    expect(found.map((item) => item.constructor)).toEqual([Pet]);
    expect(plain(found[0])).toEqual({
      pk: "o1",
      sk: "pet#1",
      name: "P:Tom",
      species: "cat",
      _type: "ProjEntityPet",
    });
  });
  it("a projected read of an index asks only for what the index holds, and bad projections are refused", async () => {
    // A keys-only index does not hold _type: DynamoDB would refuse to read it, so it is not asked for.
    const keysOnly = await Pet.query("color").eq("grey").attributes(["pk", "sk"]).exec();
    expect(keysOnly.map(plain)).toEqual([{ pk: "o1", sk: "pet#1" }]);
    // An index projecting a list declared without _type may predate it (made before the table needed it).
    const listed = await Pet.query("species").eq("cat").attributes(["name"]).exec();
    expect(listed.map(plain)).toEqual([{ name: "P:Tom" }]);
    await expect(Owner.get({ pk: "o1", sk: "owner" }, { attributes: [] })).rejects.toMatchObject({
      name: "InvalidParameter",
    });
  });
  it("an item read from a keys-only index keeps its stored _type when saved", async () => {
    // An Owner item carrying the index's key: the keys-only index cannot say whose it is, so it is read as
    // the Pet it was queried through. Saving it must not write "ProjEntityPet" over its name.
    await Owner.create({ pk: "o2", sk: "owner", name: "Bo" });
    await rawClient().updateItem({
      TableName: tableName,
      Key: { pk: { S: "o2" }, sk: { S: "owner" } },
      UpdateExpression: "SET color = :c",
      ExpressionAttributeValues: { ":c": { S: "blue" } },
    });
    const [read] = await Pet.query("color").eq("blue").exec();
    expect(read).toBeInstanceOf(Pet);
    expect(read!.isDirty()).toBe(false);
    expect(read!.modifiedPaths()).toEqual([]);
    read!.name = "Cy";
    expect(read!.modifiedPaths()).toEqual(["name"]);
    await read!.save();
    const { Item } = await rawClient().getItem({
      TableName: tableName,
      Key: { pk: { S: "o2" }, sk: { S: "owner" } },
    });
    expect(Item).toEqual({
      pk: { S: "o2" },
      sk: { S: "owner" },
      _type: { S: "ProjEntityOwner" },
      name: { S: "Cy" },
      color: { S: "blue" },
    });
    // An item stored without _type and read whole is adopted: its save writes the model's name.
    await rawClient().putItem({
      TableName: tableName,
      Item: { pk: { S: "o3" }, sk: { S: "pet#3" }, name: { S: "Dot" } },
    });
    const pet = (await Pet.get({ pk: "o3", sk: "pet#3" }))!;
    expect(pet.modifiedPaths()).toEqual(["_type"]);
    pet.color = "white";
    await pet.save();
    const adopted = await rawClient().getItem({
      TableName: tableName,
      Key: { pk: { S: "o3" }, sk: { S: "pet#3" } },
    });
    expect(adopted.Item?._type).toEqual({ S: "ProjEntityPet" });
  });
});

describe("returnExpired: false", () => {
  const tableName = uniqueTableName("projExpired");
  const Note = dynamodel.model(
    "ProjExpiredNote",
    new Schema({ group: { type: String, hashKey: true }, id: { type: String, rangeKey: true }, v: String }),
    { tableName, create: false, expires: { ttl: 60_000, items: { returnExpired: false } } },
  );

  beforeAll(async () => {
    await createTtlOffTable(tableName);
    for (const [id, ttl] of [
      ["dead", nowSeconds() - 60],
      ["live", nowSeconds() + 3600],
    ] as const) {
      await rawClient().putItem({
        TableName: tableName,
        Item: { group: { S: "g" }, id: { S: id }, v: { S: id }, ttl: { N: String(ttl) } },
      });
    }
  });

  it("projected reads still hide expired items, and leave ttl out unless asked", async () => {
    expect(await Note.get({ group: "g", id: "dead" }, { attributes: ["v"] })).toBeUndefined();
    const live = await Note.get({ group: "g", id: "live" }, { attributes: ["v"] });
    expect(JSON.parse(JSON.stringify(live))).toEqual({ v: "live" });
    const ids = (items: readonly { id?: unknown }[]) => items.map((item) => item.id);
    expect(ids(await Note.scan().attributes(["id"]).exec())).toEqual(["live"]);
    expect(ids(await Note.query("group").eq("g").attributes(["id"]).exec())).toEqual(["live"]);
    const batch = await Note.batchGet(
      [
        { group: "g", id: "dead" },
        { group: "g", id: "live" },
      ],
      { attributes: ["v"] },
    );
    expect(ids(batch)).toEqual(["live"]);
    const read = await dynamodel.transaction([
      Note.transaction.get({ group: "g", id: "dead" }, { attributes: ["v"] }),
      Note.transaction.get({ group: "g", id: "live" }, { attributes: ["v"] }),
    ]);
    expect(JSON.parse(JSON.stringify(read))).toEqual([null, { v: "live" }]);
    const withTtl = await Note.get(
      { group: "g", id: "live" },
      {
        attributes: ["v", "ttl"] as unknown as ["v"], // the TTL attribute is the table's
      },
    );
    expect((withTtl as unknown as { ttl: unknown }).ttl).toBeInstanceOf(Date);
  });
});
