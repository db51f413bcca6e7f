// A model of several schemas: conditions and projections of keyed operations (get, delete, batchGet,
// transaction condition checks) may name attributes only a later schema declares, and resolve them as
// that schema stores them (here a flattened object: `address.city` is stored as `addr_city`).
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import dynamodel, { Condition, Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("multitargets");
const Note = new Schema({ id: String, note: String });
const Place = new Schema({
  id: String,
  address: { type: Object, storage: "flatten", prefix: "addr_", schema: { city: String, zip: String } },
});
const Thing = dynamodel.model("MultiTargetThing", [Note, Place], { tableName, throughput: "ON_DEMAND" });

async function stored(id: string): Promise<Record<string, unknown> | undefined> {
  const { Item } = await rawClient().getItem({ TableName: tableName, Key: marshall({ id }) });
  return Item === undefined ? undefined : unmarshall(Item);
}

beforeEach(() => Thing.create({ id: "p1", address: { city: "Oslo", zip: "0150" } }, { overwrite: true }));

it("reads the later schema's item whole, and projects its attributes by document path", async () => {
  expect((await Thing.get("p1"))?.toJSON()).toEqual({ id: "p1", address: { city: "Oslo", zip: "0150" } });
  const projected = await Thing.get("p1", { attributes: ["address.city"] as never });
  expect(projected?.toJSON()).toEqual({ address: { city: "Oslo" } });
  const batch = await Thing.batchGet(["p1"], { attributes: ["id", "address"] as never });
  expect(batch.map((item) => item.toJSON())).toEqual([{ id: "p1", address: { city: "Oslo", zip: "0150" } }]);
});

it("deletes on a condition naming the later schema's attribute", async () => {
  const request = await Thing.delete("p1", {
    condition: new Condition("address.city").eq("Oslo"),
    return: "request",
  });
  expect(request).toMatchObject({
    ConditionExpression: "#n0 = :v0",
    ExpressionAttributeNames: { "#n0": "addr_city" },
  });
  await expect(Thing.delete("p1", { condition: new Condition("address.city").eq("Bergen") })).rejects.toThrow(
    expect.objectContaining({ name: "ConditionalCheckFailedException" }),
  );
  expect(await stored("p1")).toBeDefined();
  await Thing.delete("p1", { condition: new Condition("address.city").eq("Oslo") });
  expect(await stored("p1")).toBeUndefined();
});

it("checks a transaction condition naming the later schema's attribute", async () => {
  await dynamodel.transaction([
    Thing.transaction.condition("p1", new Condition("address.city").eq("Oslo")),
    Thing.transaction.create({ id: "n1", note: "seen" }),
  ]);
  expect(await stored("n1")).toEqual({ id: "n1", note: "seen" });
});

it("refuses, at model(), schemas whose hash or range key types differ", () => {
  expect(() =>
    dynamodel.model("MultiKeyTypesHash", [
      new Schema({ id: String, a: String }),
      new Schema({ id: Number, b: String }),
    ]),
  ).toThrow('Key attribute "id" must have the same type in every schema of the model (found S and N).');
  expect(() =>
    dynamodel.model("MultiKeyTypesRange", [
      new Schema({ id: String, r: { type: Number, rangeKey: true } }),
      new Schema({ id: String, r: { type: String, rangeKey: true } }),
    ]),
  ).toThrow(expect.objectContaining({ name: "InvalidParameter", message: expect.stringContaining('"r"') }));
  expect(() => dynamodel.model("MultiKeyTypesHash")).toThrow(); // nothing was registered
  const dates = [new Schema({ id: Date, a: String }), new Schema({ id: Date, b: String })];
  expect(dynamodel.model("MultiKeyTypesSame", dates, { create: false }).name).toBe("MultiKeyTypesSame");
});
