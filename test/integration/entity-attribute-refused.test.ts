// An entityAttribute that cannot hold the model's name is refused, and nothing is written: a key of the
// table (every item of the model was stored under the one key "Model"), the TTL attribute (stored as a
// String, so TTL never expired the item) or an alias (the name went nowhere, and reads could not resolve).
import dynamodel, { InvalidParameter, Schema } from "dynamodel";
import { rawClient, tableExists, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const cases: [string, () => Schema, Record<string, unknown>, string][] = [
  ["the hash key", () => new Schema({ id: String, n: Number }), { entityAttribute: "id" }, "is the hash key"],
  [
    "the range key",
    () => new Schema({ id: String, at: { type: Number, rangeKey: true } }),
    { entityAttribute: "at" },
    "is the range key",
  ],
  [
    "the TTL attribute",
    () => new Schema({ id: String }),
    { entityAttribute: "ttl", expires: 60_000 },
    "is the TTL attribute (expires.attribute)",
  ],
  [
    "an alias",
    () => new Schema({ id: String, t: { type: String, alias: "kind" } }),
    { entityAttribute: "kind" },
    'is an alias of attribute "t"',
  ],
];

it.each(cases)(
  "naming %s: an InvalidParameter, and no table or item is made",
  async (label, schema, options, why) => {
    const tableName = uniqueTableName("entityRefused");
    const modelName = `EntityRefused${label.replace(/\W/g, "")}`;
    const Model = dynamodel.model(modelName, schema(), { initialize: false });
    let outcome: Promise<unknown>;
    try {
      new dynamodel.Table(tableName, [Model], { ...options, throughput: "ON_DEMAND" });
      outcome = Model.create({ id: "alice" });
    } catch (error) {
      outcome = Promise.reject(error);
    }
    const refused = await outcome.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(InvalidParameter);
    expect((refused as Error).message).toBe(
      `Model "${modelName}": the table's entityAttribute "${options.entityAttribute as string}" ${why}, so it cannot hold the model's name. Choose another name.`,
    );
    expect(await tableExists(tableName)).toBe(false);
  },
);

it("a declared attribute of its own name, an index key among them, is still the entity attribute", async () => {
  const tableName = uniqueTableName("entityIndexed");
  const Cat = dynamodel.model(
    "EntityIndexedCat",
    new Schema({ id: String, _type: { type: String, index: { name: "byType" } } }),
  );
  const Dog = dynamodel.model(
    "EntityIndexedDog",
    new Schema({ id: String, _type: { type: String, index: { name: "byType" } } }),
  );
  new dynamodel.Table(tableName, [Cat, Dog], { entityAttribute: "_type", throughput: "ON_DEMAND" });
  await Cat.create({ id: "c1" });
  await Dog.create({ id: "d1" });
  const cats = await Cat.query("_type").eq("EntityIndexedCat").using("byType").exec();
  expect(cats.map((cat) => cat.id)).toEqual(["c1"]);
  const { Items } = await rawClient().scan({ TableName: tableName });
  expect(Items!.map((item) => item._type!.S).sort()).toEqual(["EntityIndexedCat", "EntityIndexedDog"]);
});
