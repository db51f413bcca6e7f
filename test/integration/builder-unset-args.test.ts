// Builder settings given `undefined` or `null` are "not set", as in Dynamoose, where code such as
// `Cat.query("id").eq(id).limit(request.query.limit)` is common. Wrong values are still errors.
import dynamodel, { InvalidParameter, Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("builderUnset");
const Cat = dynamodel.model(
  "BuilderUnsetCat",
  new Schema({
    owner: { type: String, hashKey: true },
    n: { type: Number, rangeKey: true },
    color: { type: String, index: { name: "byColor" } },
  }),
  { tableName, throughput: "ON_DEMAND" },
);

it("limit, sort, using, attributes and parallel take undefined and null as not set", async () => {
  await Cat.batchPut([1, 2, 3].map((n) => ({ owner: "ann", n, color: "grey" })));
  const unset: number | undefined = undefined;
  const plain = await Cat.query("owner").eq("ann").getRequest();
  for (const empty of [undefined, null]) {
    const query = Cat.query("owner")
      .eq("ann")
      .limit(empty)
      .sort(empty)
      .using(empty)
      .attributes(empty as unknown as ["n"]);
    expect(await query.getRequest()).toEqual(plain);
    expect((await query.exec()).map((cat) => cat.n)).toEqual([1, 2, 3]);
    expect(await Cat.scan().parallel(empty).getRequest()).toEqual(await Cat.scan().getRequest());
  }
  // A setting given earlier is cleared.
  const limited = Cat.query("owner").eq("ann").limit(1).sort("descending").using("byColor");
  expect(await limited.limit(unset).sort(unset).using(unset).getRequest()).toEqual(plain);
  expect((await Cat.scan().parallel(2).parallel(undefined).exec()).length).toBe(3);
});

it("other wrong values are still InvalidParameter, before anything is sent", async () => {
  await expect(Cat.query("owner").eq("ann").limit(0).exec()).rejects.toThrow(InvalidParameter);
  await expect(
    Cat.query("owner")
      .eq("ann")
      .limit("2" as unknown as number)
      .exec(),
  ).rejects.toThrow(InvalidParameter);
  await expect(
    Cat.query("owner")
      .eq("ann")
      .sort("up" as "ascending")
      .exec(),
  ).rejects.toThrow(InvalidParameter);
  await expect(Cat.query("owner").eq("ann").using("").exec()).rejects.toThrow(InvalidParameter);
  await expect(Cat.scan().parallel(-1).exec()).rejects.toThrow(InvalidParameter);
  await expect(
    Cat.scan()
      .attributes("n" as unknown as ["n"])
      .exec(),
  ).rejects.toThrow(InvalidParameter);
});
