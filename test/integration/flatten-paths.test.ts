// storage: "flatten" (SPEC §11): document paths (`address.city`) in updates, conditions, filters,
// projections and index choice are translated to the stored names (`addr_city`).
import { unmarshall } from "@aws-sdk/util-dynamodb";
import dynamodel, { Condition, InvalidParameter, Schema, ValidationError } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("flatten-paths");
const Place = dynamodel.model(
  "FlattenPlace",
  new Schema({
    id: { type: String, hashKey: true },
    kind: { type: String, rangeKey: true },
    name: String,
    address: {
      type: Object,
      storage: "flatten",
      prefix: "addr_",
      schema: {
        city: { type: String, index: { name: "byCity", type: "global", rangeKey: "address.zip" } },
        zip: String,
        street: { type: String, required: true },
        note: { type: String, alias: "remark" },
        visits: Number,
        tags: { type: Set, schema: [String] },
        opened: Date,
      },
    },
  }),
  { tableName, throughput: "ON_DEMAND" },
);

async function stored(id: string, kind = "shop"): Promise<Record<string, unknown> | undefined> {
  const { Item } = await rawClient().getItem({
    TableName: tableName,
    Key: { id: { S: id }, kind: { S: kind } },
    ConsistentRead: true,
  });
  return Item ? unmarshall(Item) : undefined;
}

async function seed(id: string, address: Record<string, unknown>): Promise<void> {
  await Place.create({ id, kind: "shop", address: { street: "Main", ...address } });
}

describe("Model.update", () => {
  test("$SET of a document path sets the stored name; plain nested keys too", async () => {
    await seed("u1", { city: "Oslo", zip: "0150" });
    await Place.update({ id: "u1", kind: "shop" }, { $SET: { "address.city": "Bergen" } });
    await Place.update({ id: "u1", kind: "shop" }, { "address.remark": "hi", "address.opened": new Date(7) });
    expect(await stored("u1")).toEqual({
      id: "u1",
      kind: "shop",
      addr_city: "Bergen",
      addr_zip: "0150",
      addr_street: "Main",
      addr_note: "hi",
      addr_opened: 7,
    });
  });

  test("setting the whole object sets present sub-attributes and removes absent ones", async () => {
    await seed("u2", { city: "Oslo", zip: "0150", visits: 3 });
    const updated = await Place.update(
      { id: "u2", kind: "shop" },
      { address: { city: "Bergen", street: "Quay", remark: "r" } },
    );
    expect(await stored("u2")).toEqual({
      id: "u2",
      kind: "shop",
      addr_city: "Bergen",
      addr_street: "Quay",
      addr_note: "r",
    });
    // Reads name sub-attributes by their alias, as for any nested object.
    expect(updated.address).toEqual({ city: "Bergen", street: "Quay", remark: "r" });
  });

  test("the whole object goes through the write pipeline: required sub-attributes", async () => {
    await seed("u3", { city: "Oslo" });
    await expect(
      Place.update({ id: "u3", kind: "shop" }, { address: { city: "Bergen" } as never }),
    ).rejects.toThrow(/address\.street/);
    expect((await stored("u3"))!.addr_city).toBe("Oslo");
  });

  test("$REMOVE of the object removes all of its stored names; of a sub-attribute, that one", async () => {
    await seed("u4", { city: "Oslo", zip: "1" });
    await Place.update({ id: "u4", kind: "shop" }, { $REMOVE: ["address.zip"] });
    expect(await stored("u4")).toEqual({ id: "u4", kind: "shop", addr_city: "Oslo", addr_street: "Main" });
    await Place.update({ id: "u4", kind: "shop" }, { $REMOVE: ["address"] });
    expect(await stored("u4")).toEqual({ id: "u4", kind: "shop" });
  });

  test("required sub-attributes cannot be removed", async () => {
    await seed("u5", { city: "Oslo" });
    await expect(Place.update({ id: "u5", kind: "shop" }, { $REMOVE: ["address.street"] })).rejects.toThrow(
      ValidationError,
    );
  });

  test("$ADD and $DELETE reach flattened numbers and sets", async () => {
    await seed("u6", { visits: 1, tags: new Set(["a", "b"]) });
    await Place.update(
      { id: "u6", kind: "shop" },
      { $ADD: { "address.visits": 2 }, $DELETE: { "address.tags": "a" } },
    );
    const item = await stored("u6");
    expect(item!.addr_visits).toBe(3);
    expect(item!.addr_tags).toEqual(new Set(["b"]));
  });

  test("$IF_NOT_EXISTS on the whole object is an InvalidParameter naming it", async () => {
    await expect(
      Place.update({ id: "u7", kind: "shop" }, { address: { $IF_NOT_EXISTS: { street: "x" } } }),
    ).rejects.toThrow(/"address"/);
  });

  test("transaction updates and condition checks use document paths", async () => {
    await seed("u9", { city: "Oslo" });
    await seed("u10", { city: "Mo", zip: "8001" });
    const check = new Condition("address.zip").eq("8001");
    await dynamodel.transaction([
      Place.transaction.update(
        { id: "u9", kind: "shop" },
        { "address.city": "Narvik", $ADD: { "address.visits": 1 } },
      ),
      Place.transaction.condition({ id: "u10", kind: "shop" }, check),
    ]);
    expect(await stored("u9")).toMatchObject({ addr_city: "Narvik", addr_visits: 1 });
    await expect(
      dynamodel.transaction([
        Place.transaction.update({ id: "u9", kind: "shop" }, { address: { street: "New" } }),
        Place.transaction.condition({ id: "u10", kind: "shop" }, new Condition("address.zip").eq("0000")),
      ]),
    ).rejects.toThrow(/ConditionalCheckFailed|cancel/i);
    expect((await stored("u9"))!.addr_city).toBe("Narvik");
  });

  test("a condition on a sub-attribute uses the stored name", async () => {
    await seed("u8", { city: "Oslo" });
    await expect(
      Place.update(
        { id: "u8", kind: "shop" },
        { name: "x" },
        { condition: new Condition("address.city").eq("Bergen") },
      ),
    ).rejects.toThrow(/conditional request failed/i);
    await Place.update(
      { id: "u8", kind: "shop" },
      { name: "x" },
      { condition: new Condition("address.city").eq("Oslo") },
    );
    expect((await stored("u8"))!.name).toBe("x");
  });
});

describe("conditions, filters, projections and queries", () => {
  beforeAll(async () => {
    await Place.batchPut([
      { id: "q1", kind: "shop", address: { city: "Tromsø", zip: "9008", street: "A", opened: new Date(10) } },
      { id: "q2", kind: "shop", address: { city: "Tromsø", zip: "9010", street: "B" } },
      { id: "q3", kind: "shop", address: { city: "Bodø", zip: "8001", street: "C" } },
    ]);
  });

  test("query on a flattened sub-attribute picks its index automatically", async () => {
    const query = Place.query("address.city").eq("Tromsø");
    const request = (await query.getRequest()) as {
      IndexName?: string;
      ExpressionAttributeNames: Record<string, string>;
    };
    expect(request.IndexName).toBe("byCity");
    expect(Object.values(request.ExpressionAttributeNames)).toEqual(["addr_city"]);
    const found = await query.exec();
    expect(found.map((item) => item.id).sort()).toEqual(["q1", "q2"]);
    expect(found.find((item) => item.id === "q1")!.address).toEqual({
      city: "Tromsø",
      zip: "9008",
      street: "A",
      opened: new Date(10),
    });
  });

  test("the index's range key is the flattened zip; lastKey round-trips with stored names", async () => {
    const first = await Place.query("address.city")
      .eq("Tromsø")
      .where("address.zip")
      .gt("9000")
      .limit(1)
      .exec();
    expect(first.length).toBe(1);
    expect(first.lastKey).toMatchObject({ addr_city: "Tromsø", id: first[0]!.id });
    const rest = await Place.query("address.city").eq("Tromsø").startAt(first.lastKey).exec();
    expect(rest.map((item) => item.id)).toEqual(first[0]!.id === "q1" ? ["q2"] : []);
    // The same key in DynamoDB's AttributeValue form keeps its stored names too.
    const raw = Object.fromEntries(
      Object.entries(first.lastKey as Record<string, string>).map(([name, value]) => [name, { S: value }]),
    );
    const again = await Place.query("address.city").eq("Tromsø").startAt(raw).exec();
    expect(again.map((item) => item.id)).toEqual(rest.map((item) => item.id));
  });

  test("scan filters and Condition objects on document paths, Dates converted", async () => {
    const byZip = await Place.scan("address.zip").beginsWith("90").exec();
    expect(byZip.map((item) => item.id).sort()).toEqual(["q1", "q2"]);
    const byObject = await Place.scan({ "address.city": { eq: "Bodø" } } as never).exec();
    expect(byObject.map((item) => item.id)).toEqual(["q3"]);
    const opened = await Place.scan("address.opened").eq(new Date(10)).exec();
    expect(opened.map((item) => item.id)).toEqual(["q1"]);
    const missing = await Place.scan("address.opened").exists(false).where("id").beginsWith("q").exec();
    expect(missing.map((item) => item.id).sort()).toEqual(["q2", "q3"]);
  });

  test("attributes([...]) projects sub-attributes or the whole flattened object", async () => {
    const one = await Place.get({ id: "q1", kind: "shop" }, { attributes: ["id", "address.city"] });
    expect({ ...one }).toEqual({ id: "q1", address: { city: "Tromsø" } });
    const whole = await Place.query("id").eq("q1").attributes(["id", "address"]).exec();
    expect({ ...whole[0] }).toEqual({
      id: "q1",
      address: { city: "Tromsø", zip: "9008", street: "A", opened: new Date(10) },
    });
  });

  test("a condition on the whole flattened object is an InvalidParameter naming it", async () => {
    await expect(Place.scan("address").eq({ city: "x" }).exec()).rejects.toThrow(InvalidParameter);
    await expect(Place.scan("address").exists().exec()).rejects.toThrow(/"address" is stored flattened/);
    await expect(
      Place.update(
        { id: "q1", kind: "shop" },
        { name: "n" },
        { condition: new Condition("address").exists() },
      ),
    ).rejects.toThrow(/"address" is stored flattened/);
  });

  test("item.save() with a condition on a document path", async () => {
    const item = (await Place.get({ id: "q3", kind: "shop" }))!;
    item.name = "renamed";
    await expect(item.save({ condition: new Condition("address.city").eq("Oslo") })).rejects.toThrow(
      /conditional request failed/i,
    );
    await item.save({ condition: new Condition("address.city").eq("Bodø") });
    expect((await stored("q3"))!.name).toBe("renamed");
  });
});

describe("the table", () => {
  test("the GSI is created on the stored names", async () => {
    const { Table } = await rawClient().describeTable({ TableName: tableName });
    const index = Table!.GlobalSecondaryIndexes!.find((entry) => entry.IndexName === "byCity")!;
    expect(index.KeySchema).toEqual([
      { AttributeName: "addr_city", KeyType: "HASH" },
      { AttributeName: "addr_zip", KeyType: "RANGE" },
    ]);
    expect(Table!.AttributeDefinitions).toEqual(
      expect.arrayContaining([
        { AttributeName: "addr_city", AttributeType: "S" },
        { AttributeName: "addr_zip", AttributeType: "S" },
      ]),
    );
  });
});
