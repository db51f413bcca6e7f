// A query whose condition is an OR at the top level is read as Dynamoose reads it: the key's eq applies to
// the whole query and the rest of the OR is the filter.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const Cat = dynamodel.model(
  "QueryOrCat",
  new Schema({
    id: { type: Number, hashKey: true },
    name: { type: String, index: { name: "nameIndex", type: "global" } },
    age: Number,
  }),
  { tableName: uniqueTableName("queryor"), throughput: "ON_DEMAND" },
);

beforeAll(async () => {
  await Cat.batchPut([1, 2, 3, 4, 5].map((id) => ({ id, name: id <= 4 ? "Will" : "Max", age: id })));
});

const ids = (items: readonly { id: number }[]) => items.map((item) => item.id).sort((a, b) => a - b);

describe("query with an OR at the top level", () => {
  it("with the hash eq first: key condition name = Will, filter age < 2 OR age > 3", async () => {
    const query = Cat.query("name").eq("Will").where("age").lt(2).or().where("age").gt(3);
    const request = await query.getRequest();
    expect(request).toMatchObject({
      IndexName: "nameIndex",
      KeyConditionExpression: "#n0 = :v0",
      FilterExpression: "(#n1 < :v1) OR (#n1 > :v2)",
    });
    expect(ids(await query.exec())).toEqual([1, 4]);
  });

  it("with the hash eq last, AND-ed to the last comparison", async () => {
    const query = Cat.query("age").lt(2).or().where("age").gt(3).where("name").eq("Will");
    expect(ids(await query.exec())).toEqual([1, 4]);
  });

  it("gives what the explicit group gives", async () => {
    const grouped = Cat.query("name")
      .eq("Will")
      .and()
      .group((condition) => condition.where("age").lt(2).or().where("age").gt(3));
    expect(ids(await grouped.exec())).toEqual([1, 4]);
  });

  it("takes the same hash eq out of every group that repeats it", async () => {
    const query = Cat.query("name")
      .eq("Will")
      .where("age")
      .lt(2)
      .or()
      .where("name")
      .eq("Will")
      .where("age")
      .gt(3)
      .or()
      .where("age")
      .eq(3)
      .where("name")
      .eq("Will");
    const request = await query.getRequest();
    expect(request).toMatchObject({ IndexName: "nameIndex", KeyConditionExpression: "#n0 = :v0" });
    expect(request.FilterExpression).not.toContain("#n0");
    expect(ids(await query.exec())).toEqual([1, 3, 4]);
  });

  it("leaves a different eq on the hash key in another group, and refuses it as a filter on the key", async () => {
    const query = Cat.query("name")
      .eq("Will")
      .where("age")
      .lt(2)
      .or()
      .where("name")
      .eq("Max")
      .where("age")
      .gt(3);
    await expect(query.exec()).rejects.toMatchObject({
      name: "InvalidParameter",
      message: expect.stringContaining('"name" is a key attribute of index "nameIndex"'),
    });
  });

  it("says so when consistent() left out the global index whose eq() the OR holds", async () => {
    const query = Cat.query("name").eq("Will").where("age").lt(2).or().where("age").gt(3).consistent();
    await expect(query.exec()).rejects.toMatchObject({
      name: "InvalidParameter",
      message: expect.stringMatching(
        /is an OR at the top level.*"name" \(index "nameIndex"\) could serve it, but consistent\(\) leaves global/,
      ),
    });
  });

  it("still refuses an OR with no eq on a hash key AND-ed in any group, before sending anything", async () => {
    const sent: unknown[] = [];
    const stop = dynamodel.use(async (call, next) => {
      sent.push(call.operation);
      return next();
    });
    try {
      await expect(Cat.query("age").lt(2).or().where("name").eq("Will").exec()).rejects.toMatchObject({
        name: "InvalidParameter",
        message: expect.stringContaining("is an OR at the top level"),
      });
    } finally {
      stop();
    }
    expect(sent).toEqual([]);
  });

  it.each<[string, () => ReturnType<typeof Cat.query>]>([
    ["first", () => Cat.query("name").eq("Will").or().where("age").gt(3)],
    ["last", () => Cat.query("age").gt(3).or().where("name").eq("Will")],
    [
      "repeated after an AND group that gives it up",
      () => Cat.query("name").eq("Will").where("age").lt(2).or().where("name").eq("Will"),
    ],
  ])(
    "says that a group which is only the hash key's eq() (%s) makes the OR hold for every item",
    async (_where, query) => {
      const error = await query()
        .exec()
        .then(
          () => undefined,
          (caught: unknown) => caught,
        );
      expect(error).toMatchObject({
        name: "InvalidParameter",
        message: expect.stringContaining(
          'an OR at the top level with a group that is only the eq() on the hash key "name"',
        ),
      });
      // Not the message for an OR without the eq anywhere, which it was.
      expect((error as Error).message).not.toContain("none of its AND-ed groups");
    },
  );
});
