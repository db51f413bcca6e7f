// Attribute paths inside another listed path (`addr.city` beside `addr`, `list[0]` beside `list`) are left
// out of the projection: DynamoDB refuses overlapping paths, and the outer one reads them anyway.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("projectionOverlap");
const Place = dynamodel.model(
  "ProjectionOverlap",
  new Schema({
    id: String,
    n: Number,
    addr: { type: Object, schema: { city: String, zip: String } },
    list: { type: Array, schema: [Number] },
  }),
  { tableName, throughput: "ON_DEMAND" },
);
const whole = { id: "a", addr: { city: "c", zip: "z" }, list: [1, 2] };

beforeAll(async () => {
  await Place.create({ ...whole, n: 1 });
});

it("every read takes overlapping paths and reads the outer ones whole", async () => {
  const attributes = ["id", "addr", "addr.city", "list[0]", "list"] as const;
  const sent: string[] = [];
  const stop = Place.use(async (call, next) => {
    const input = call.input as {
      ProjectionExpression?: string;
      RequestItems?: Record<string, { ProjectionExpression?: string }>;
      TransactItems?: { Get: { ProjectionExpression?: string } }[];
    };
    sent.push(
      input.ProjectionExpression ??
        Object.values(input.RequestItems ?? {})[0]?.ProjectionExpression ??
        input.TransactItems?.[0]?.Get.ProjectionExpression ??
        "",
    );
    return next();
  });
  try {
    expect((await Place.get("a", { attributes }))!.toJSON()).toEqual(whole);
    expect((await Place.query("id").eq("a").attributes(attributes).exec())[0]!.toJSON()).toEqual(whole);
    expect((await Place.scan().attributes(attributes).exec())[0]!.toJSON()).toEqual(whole);
    expect((await Place.batchGet(["a"], { attributes }))[0]!.toJSON()).toEqual(whole);
    const [got] = await dynamodel.transaction([Place.transaction.get("a", { attributes })]);
    expect((got as { toJSON(): unknown }).toJSON()).toEqual(whole);
  } finally {
    stop();
  }
  // Three paths each, their names and nothing else: a name left unused would be refused by DynamoDB.
  expect(sent).toHaveLength(5);
  for (const projection of sent) expect(projection.split(", ")).toHaveLength(3);
});
