// Regressions found in review, each shown against DynamoDB Local.
import dynamodel, { InvalidParameter, InvalidParameterType, Schema, TypeMismatch } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

async function stored(table: string, id: string) {
  const { Item } = await rawClient().getItem({
    TableName: table,
    Key: { id: { S: id } },
    ConsistentRead: true,
  });
  return Item;
}

describe("batchPut with an invalid entry after a mistyped one", () => {
  const Dog = dynamodel.model(
    "RegressionDog",
    { id: String, age: Number },
    { tableName: uniqueTableName("dogs"), throughput: "ON_DEMAND" },
  );

  it("rejects once, with no unhandled rejection and nothing written", async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", listener);
    try {
      await expect(Dog.batchPut([{ id: "a", age: "old" as never }, 5 as never])).rejects.toThrow(
        InvalidParameterType,
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", listener);
    }
    await Dog.table().initialize();
    expect(await stored(Dog.table().name, "a")).toBeUndefined();
  });
});

describe("saving an unchanged versioned item", () => {
  const Doc = dynamodel.model("RegressionDoc", new Schema({ id: String, title: String }, { version: true }), {
    tableName: uniqueTableName("docs"),
    throughput: "ON_DEMAND",
  });

  it("sends nothing", async () => {
    await Doc.create({ id: "d", title: "T" });
    const loaded = (await Doc.get("d"))!;
    const sent: string[] = [];
    const stop = Doc.use(async (call, next) => {
      sent.push(call.operation);
      return next();
    });
    await loaded.save();
    stop();
    expect(sent).toEqual([]);
    expect((await stored(Doc.table().name, "d"))?.version).toEqual({ N: "1" });
  });
});

describe("appending to a list the item does not have yet", () => {
  const Cat = dynamodel.model(
    "RegressionListCat",
    { id: String, tags: { type: Array, schema: [String] } },
    { tableName: uniqueTableName("lists"), throughput: "ON_DEMAND" },
  );

  it("starts the list, for $ADD and $LIST_PREPEND, on new and existing items", async () => {
    await Cat.update("new", { $ADD: { tags: ["x"] } });
    expect((await stored(Cat.table().name, "new"))?.tags).toEqual({ L: [{ S: "x" }] });
    await Cat.create({ id: "old" });
    await Cat.update("old", { tags: { $LIST_PREPEND: ["first"] } });
    await Cat.update("old", { $ADD: { tags: ["last"] } });
    expect((await stored(Cat.table().name, "old"))?.tags).toEqual({ L: [{ S: "first" }, { S: "last" }] });
  });
});

describe("batchGet projecting an aliased key", () => {
  const User = dynamodel.model(
    "RegressionUser",
    new Schema({ id: { type: String, hashKey: true, alias: "userId" }, name: String, email: String }),
    { tableName: uniqueTableName("users"), throughput: "ON_DEMAND" },
  );

  it("projects each path once", async () => {
    await User.create({ userId: "u1", name: "Ann", email: "a@x" });
    const items = await User.batchGet(["u1"], { attributes: ["userId", "name"] });
    expect(items.map((item) => ({ ...item }))).toEqual([{ userId: "u1", name: "Ann" }]);
  });
});

describe("$ADD of a number DynamoDB cannot store", () => {
  const Counter = dynamodel.model(
    "RegressionCounter",
    { id: String, n: Number, any: dynamodel.type.ANY },
    {
      tableName: uniqueTableName("counters"),
      throughput: "ON_DEMAND",
    },
  );

  it.each([Number.NaN, Number.POSITIVE_INFINITY])("rejects %p, writing nothing", async (bad) => {
    await Counter.create({ id: "c", n: 1 }, { overwrite: true });
    await expect(Counter.update("c", { $ADD: { n: bad } })).rejects.toThrow(TypeMismatch);
    // Paths inside ANY values are checked at run time only (the update types do not reach into ANY).
    await expect(Counter.update("c", { $ADD: { "any.count": bad } } as never)).rejects.toThrow(TypeMismatch);
    expect((await stored(Counter.table().name, "c"))?.n).toEqual({ N: "1" });
  });
});

describe("COMBINE sources changed by update", () => {
  const Person = dynamodel.model(
    "RegressionPerson",
    {
      id: String,
      first: String,
      n: Number,
      nick: { type: String, default: "none" },
      label: dynamodel.type.COMBINE(["first", "n"]),
      handle: dynamodel.type.COMBINE(["first", "nick"], "@"),
    },
    { tableName: uniqueTableName("people"), throughput: "ON_DEMAND" },
  );

  it("rejects an operator whose result is unknown, and counts a removed default as given", async () => {
    await Person.create({ id: "p", first: "Ann", n: 1, nick: "a" });
    await expect(Person.update("p", { first: "Bo", $ADD: { n: 1 } })).rejects.toThrow(InvalidParameter);
    await expect(Person.update("p", { first: "Bo", $ADD: { n: 1 } })).rejects.toThrow(
      '"label" combines "first", "n", and "n" is changed in a way whose result is not known',
    );
    await Person.update("p", { first: "Bo", n: 2, $REMOVE: ["nick"] });
    const item = await stored(Person.table().name, "p");
    expect(item?.label).toEqual({ S: "Bo,2" });
    expect(item?.handle).toEqual({ S: "Bo@none" });
  });
});
