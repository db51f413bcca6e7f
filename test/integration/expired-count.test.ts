// `count()` under `expires.items.returnExpired: false`: DynamoDB returns no items to drop from a count, so
// the request itself leaves expired items out. The table's TTL is never turned on (DynamoDB Local would
// hide expired items itself), so what the count leaves out, dynamodel left out.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";
import { createTtlOffTable, nowSeconds } from "../support/ttl-tables";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const schema = () =>
  new Schema({ group: { type: String, hashKey: true }, id: { type: String, rangeKey: true }, n: Number });

describe("count() and expired items", () => {
  const hidden = uniqueTableName("countHidden");
  const Hidden = dynamodel.model("CountHidden", schema(), {
    tableName: hidden,
    create: false,
    expires: { ttl: 60_000, items: { returnExpired: false } },
  });
  const shown = uniqueTableName("countShown");
  const Shown = dynamodel.model("CountShown", schema(), { tableName: shown, create: false, expires: 60_000 });

  beforeAll(async () => {
    for (const tableName of [hidden, shown]) {
      await createTtlOffTable(tableName);
      const put = (id: string, ttl?: number) =>
        rawClient().putItem({
          TableName: tableName,
          Item: {
            group: { S: "g" },
            id: { S: id },
            n: { N: "1" },
            ...(ttl ? { ttl: { N: String(ttl) } } : {}),
          },
        });
      await put("old", nowSeconds() - 60);
      await put("fresh", nowSeconds() + 3600);
      await put("forever");
    }
  });

  it("with returnExpired: false, scan and query counts leave expired items out", async () => {
    expect(await Hidden.scan().count().exec()).toEqual({ count: 2, scannedCount: 3 });
    expect(await Hidden.scan("n").eq(1).count().exec()).toEqual({ count: 2, scannedCount: 3 });
    expect(await Hidden.query("group").eq("g").count().exec()).toEqual({ count: 2, queriedCount: 3 });
    expect(await Hidden.query("group").eq("g").where("id").eq("old").count().exec()).toEqual({
      count: 0,
      queriedCount: 1,
    });
    // The count agrees with what exec() returns.
    expect((await Hidden.scan().exec()).count).toBe(2);
  });

  it("a condition with a top-level OR is grouped whole before the TTL test is added", async () => {
    // "old" and "fresh" both match; only "fresh" is live.
    const either = Hidden.scan("id").eq("old").or().where("id").eq("fresh");
    expect((await either.exec()).count).toBe(1);
    expect(await either.count().exec()).toEqual({ count: 1, scannedCount: 3 });
  });

  it("a query with a top-level OR keeps Dynamoose's reading when the TTL test is added", async () => {
    const either = Hidden.query("group").eq("g").where("n").eq(1).or().where("n").eq(2);
    expect((await either.exec()).count).toBe(2);
    const counting = Hidden.query("group").eq("g").where("n").eq(1).or().where("n").eq(2).count();
    expect(await counting.exec()).toEqual({ count: 2, queriedCount: 3 });
    const request = await counting.getRequest();
    expect(request.KeyConditionExpression).toBe("#n0 = :v0");
    expect(request.Select).toBe("COUNT");
    expect(request.FilterExpression).toContain(" OR ");
    expect(Object.values(request.ExpressionAttributeNames ?? {})).toContain("ttl");
  });

  it("a TTL attribute the schema declares as a Number of epoch seconds is compared as one", async () => {
    const Declared = dynamodel.model(
      "CountDeclared",
      new Schema({
        group: { type: String, hashKey: true },
        id: { type: String, rangeKey: true },
        ttl: Number,
      }),
      { tableName: hidden, create: false, expires: { ttl: 60_000, items: { returnExpired: false } } },
    );
    expect(await Declared.scan().count().exec()).toEqual({ count: 2, scannedCount: 3 });
  });

  it("by default expired items are counted, and the request has no extra filter", async () => {
    expect(await Shown.scan().count().exec()).toEqual({ count: 3, scannedCount: 3 });
    const request = await Shown.scan().count().getRequest();
    expect(request).not.toHaveProperty("FilterExpression");
  });

  it("an unfinished condition still fails with its own message", async () => {
    await expect(Hidden.scan("n").gt(0).and().where("group").count().exec()).rejects.toThrow(
      /"group" has no comparator/,
    );
  });
  // Last: it adds items, which the counts above would see.
  it("update() returns no expired item under returnExpired: false, but writes the change", async () => {
    const put = (id: string, ttl: number) =>
      rawClient().putItem({
        TableName: hidden,
        Item: { group: { S: "u" }, id: { S: id }, n: { N: "1" }, ttl: { N: String(ttl) } },
      });
    await put("expired", nowSeconds() - 60);
    await put("live", nowSeconds() + 3600);
    expect(await Hidden.update({ group: "u", id: "expired" }, { $ADD: { n: 1 } })).toBeUndefined();
    const { Item } = await rawClient().getItem({
      TableName: hidden,
      Key: { group: { S: "u" }, id: { S: "expired" } },
    });
    expect(Item?.n).toEqual({ N: "2" });
    expect((await Hidden.update({ group: "u", id: "live" }, { $ADD: { n: 1 } }))?.n).toBe(2);
    // A later TTL brings the item back.
    const revived = await Hidden.update({ group: "u", id: "expired" }, {
      ttl: new Date(Date.now() + 3_600_000),
    } as never);
    expect(revived?.n).toBe(2);
  });
});
