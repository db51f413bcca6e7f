// A `createdAt` timestamp made the range key: updates leave it alone, as the key they are given. Every
// update set it with if_not_exists, which DynamoDB refuses for a key attribute ("This attribute is part of
// the key"), in Model.update and in transactions alike.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("timestampRangeKey");
const Event = dynamodel.model(
  "TimestampRangeKey",
  new Schema(
    { id: String, v: Number },
    { timestamps: { createdAt: { ca: { type: Date, rangeKey: true } }, updatedAt: "ua" } },
  ),
  { tableName, throughput: "ON_DEMAND" },
);

it("Model.update and a transaction's update change the item under its created-at key", async () => {
  const created = await Event.create({ id: "a", v: 1 });
  const key = { id: "a", ca: created.ca };
  const stored = { id: { S: "a" }, ca: { N: String(created.ca.getTime()) } };
  const updated = await Event.update(key, { v: 2 });
  expect(updated.ca).toEqual(created.ca);
  expect((await storedItem(tableName, stored))!.v).toEqual({ N: "2" });
  await dynamodel.transaction([Event.transaction.update(key, { v: 3 })]);
  const after = (await storedItem(tableName, stored))!;
  expect(after.v).toEqual({ N: "3" });
  expect(Number(after.ua!.N)).toBeGreaterThanOrEqual(created.ca.getTime());
});
