// `expires`: the TTL attribute is stored as epoch seconds; with `returnExpired: false` every read drops
// items whose TTL has passed (DynamoDB deletes them only eventually). DynamoDB Local hides and deletes
// expired items itself once TTL is on, so the read tests use tables whose TTL was never turned on
// (made here, with `create: false`): what they see hidden, dynamodel hid.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";
import { createTtlOffTable, nowSeconds } from "../support/ttl-tables";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const schema = () =>
  new Schema({ group: { type: String, hashKey: true }, id: { type: String, rangeKey: true } });

async function putRaw(tableName: string, id: string, ttl: number | undefined): Promise<void> {
  await rawClient().putItem({
    TableName: tableName,
    Item: { group: { S: "g" }, id: { S: id }, ...(ttl === undefined ? {} : { ttl: { N: String(ttl) } }) },
  });
}

describe("expires", () => {
  const withTtl = uniqueTableName("ttlOn");
  const WithTtl = dynamodel.model("TtlOn", schema(), {
    tableName: withTtl,
    throughput: "ON_DEMAND",
    expires: 60_000,
  });
  const hidden = uniqueTableName("ttlHidden");
  const Hidden = dynamodel.model("TtlHidden", schema(), {
    tableName: hidden,
    create: false,
    expires: { ttl: 60_000, items: { returnExpired: false } },
  });
  const shown = uniqueTableName("ttlShown");
  const Shown = dynamodel.model("TtlShown", schema(), { tableName: shown, create: false, expires: 60_000 });

  beforeAll(async () => {
    for (const tableName of [hidden, shown]) {
      await createTtlOffTable(tableName);
      await putRaw(tableName, "old", nowSeconds() - 60);
      await putRaw(tableName, "fresh", nowSeconds() + 3600);
      await putRaw(tableName, "forever", undefined);
    }
  });

  it("turns TTL on and stores now + ttl as epoch seconds", async () => {
    const before = nowSeconds();
    const item = await WithTtl.create({ group: "g", id: "new" });
    const { TimeToLiveDescription } = await rawClient().describeTimeToLive({ TableName: withTtl });
    expect(TimeToLiveDescription).toEqual({ TimeToLiveStatus: "ENABLED", AttributeName: "ttl" });
    const { Item } = await rawClient().getItem({
      TableName: withTtl,
      Key: { group: { S: "g" }, id: { S: "new" } },
    });
    const stored = Number(Item!.ttl!.N);
    expect(stored).toBeGreaterThanOrEqual(before + 60);
    expect(stored).toBeLessThanOrEqual(nowSeconds() + 61);
    expect((item as unknown as { ttl: Date }).ttl).toBeInstanceOf(Date);
  });

  it("returnExpired: false drops expired items from get, query, scan, batchGet and transactions", async () => {
    expect(await Hidden.get({ group: "g", id: "old" })).toBeUndefined();
    expect(await Hidden.get({ group: "g", id: "fresh" })).toBeDefined();
    const ids = (items: readonly { id?: unknown }[]) => items.map((item) => item.id).sort();
    const queried = await Hidden.query("group").eq("g").exec();
    expect(ids(queried)).toEqual(["forever", "fresh"]);
    expect(queried.count).toBe(2);
    expect(ids(await Hidden.scan().exec())).toEqual(["forever", "fresh"]);
    const batch = await Hidden.batchGet([
      { group: "g", id: "old" },
      { group: "g", id: "fresh" },
    ]);
    expect(ids(batch)).toEqual(["fresh"]);
    const [old, fresh] = await dynamodel.transaction([
      Hidden.transaction.get({ group: "g", id: "old" }),
      Hidden.transaction.get({ group: "g", id: "fresh" }),
    ]);
    expect(old).toBeUndefined();
    expect(fresh).toBeDefined();
  });

  it("by default (returnExpired: true) expired items are still returned", async () => {
    expect(await Shown.get({ group: "g", id: "old" })).toBeDefined();
    expect((await Shown.scan().exec()).length).toBe(3);
    expect((await Shown.query("group").eq("g").exec()).length).toBe(3);
  });
});
