// Dynamoose parities an audit of Dynamoose's documentation found missing: serializeMany() with nothing,
// Table.defaults.get() as a copy, the model's Item and Model own properties, original() with every stored
// attribute.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("Parity");
const Thing = dynamodel.model("ParityThing", new Schema({ id: String, v: Number }), { tableName });
const key = (id: string) => ({ id: { S: id } });

describe("small Dynamoose parities", () => {
  it("serializeMany() with nothing gives [] and Table.defaults.get() gives a copy", () => {
    expect(Thing.serializeMany()).toEqual([]);
    dynamodel.Table.defaults.set({ prefix: "p_", throughput: { read: 2, write: 2 } });
    try {
      const copy = dynamodel.Table.defaults.get() as { prefix?: string; throughput: { read: number } };
      copy.prefix = "changed_";
      copy.throughput.read = 5;
      expect(dynamodel.Table.defaults.get()).toEqual({ prefix: "p_", throughput: { read: 2, write: 2 } });
    } finally {
      dynamodel.Table.defaults.set({});
    }
  });
});

describe("Dynamoose's Model.Item and Model.Model", () => {
  it("Item is the item class (the model itself); Model summarises the model", async () => {
    const item = new Thing.Item({ id: "i1", v: 1 });
    expect(item).toBeInstanceOf(Thing);
    await item.save();
    expect((await storedItem(tableName, key("i1")))?.v).toEqual({ N: "1" });
    expect(Thing.Model.name).toBe("ParityThing");
    expect(Thing.Model.getHashKey()).toBe("id");
    expect(Thing.Model.getRangeKey()).toBeUndefined();
    expect(Thing.Model.schemas).toBe(Thing.schemas);
    expect(Thing.Model.table().name).toBe(tableName);
    // Like every built-in, they cannot be replaced by a custom method (ignored, as in Dynamoose).
    Thing.methods.set("Item", () => 1);
    expect(Thing.Item).toBe(Thing);
  });
});

describe("original()", () => {
  it("holds every stored attribute, those the schema does not declare too, as Dynamoose's does", async () => {
    const Plain = dynamodel.model(
      "OriginalPlain",
      { id: String, n: Number, when: Date },
      {
        tableName: uniqueTableName("OriginalPlain"),
      },
    );
    await Plain.create({ id: "a", n: 1, when: new Date(0) });
    await rawClient().updateItem({
      TableName: Plain.table().name,
      Key: key("a"),
      UpdateExpression: "SET junk = :junk",
      ExpressionAttributeValues: { ":junk": { M: { deep: { N: "2" } } } },
    });
    const item = (await Plain.get("a"))!;
    expect(item.original()).toEqual({ id: "a", n: 1, when: new Date(0), junk: { deep: 2 } });
    expect(item.toJSON()).toEqual({ id: "a", n: 1, when: new Date(0).toISOString() });
  });
});

describe("a model defined again under its name", () => {
  it("replaces the old definition in its implicit table: reads give the new model's items", async () => {
    const name = uniqueTableName("ParityRedefined");
    const Old = dynamodel.model(
      name,
      { id: String, note: String, legacy: String },
      { throughput: "ON_DEMAND" },
    );
    await Old.create({ id: "r1", note: "ann", legacy: "old" });
    const New = dynamodel.model(name, {
      id: String,
      note: { type: String, get: (value: unknown) => String(value).toUpperCase() },
    });
    const read = await New.get("r1");
    expect(read).toBeInstanceOf(New);
    expect(read?.toJSON()).toEqual({ id: "r1", note: "ANN" });
    expect(New.table().hashKey).toBe("id");
    expect(dynamodel.model(name)).toBe(New);
  });

  it("with another key, gets a table of its own definition, as Dynamoose's latest model does", async () => {
    const name = uniqueTableName("ParityRekeyed");
    const Old = dynamodel.model(name, { id: String }, { create: false, initialize: false });
    Old.table();
    const New = dynamodel.model(name, { pk: String }, { create: false, initialize: false });
    expect(New.table().hashKey).toBe("pk");
    expect(await New.get("x", { return: "request" })).toEqual({ TableName: name, Key: { pk: { S: "x" } } });
  });
});

describe("models sharing a tableName", () => {
  it("share its keys, as models of a new Table() do: model() refuses other keys (SPEC §8)", () => {
    const shared = uniqueTableName("ParityShared");
    const options = { tableName: shared, initialize: false };
    const A = dynamodel.model("ParitySharedA", { id: String, a: String }, options);
    // Refused while A is not bound to its table yet, and after.
    expect(() => dynamodel.model("ParitySharedB", { pk: String }, options)).toThrow(
      'hashKey\'s for all models must match ("id" and "pk").',
    );
    expect(() => dynamodel.model("ParitySharedB")).toThrow(dynamodel.MissingSchemaError);
    expect(A.table().hashKey).toBe("id");
    expect(() => dynamodel.model("ParitySharedB", { pk: String }, options)).toThrow(
      dynamodel.InvalidParameter,
    );
    expect(() => dynamodel.model("ParitySharedC", { id: Number }, options)).toThrow(
      'Key attribute "id" must have the same type in every model of the table',
    );
    expect(() =>
      dynamodel.model(
        "ParitySharedE",
        { id: { type: String, hashKey: true }, sk: { type: String, rangeKey: true } },
        options,
      ),
    ).toThrow('rangeKey\'s for all models must match (no range key and "sk").');
    const D = dynamodel.model("ParitySharedD", { id: String, b: String }, options);
    expect(D.table()).toBe(A.table());
    // A model defined again under its own name may change its keys: it replaces the old definition.
    const Alone = uniqueTableName("ParityAlone");
    dynamodel.model("ParityRedefined", { id: String }, { tableName: Alone, initialize: false });
    expect(
      dynamodel.model("ParityRedefined", { pk: Number }, { tableName: Alone, initialize: false }).table()
        .hashKey,
    ).toBe("pk");
  });
});

describe("timestamps: false leaves one out, true gives it its usual name", () => {
  it("stores only the timestamps kept, on create, save and update", async () => {
    const Stamped = dynamodel.model(
      uniqueTableName("ParityStamped"),
      new Schema({ id: String, n: Number }, { timestamps: { createdAt: "born", updatedAt: false } }),
      { throughput: "ON_DEMAND" },
    );
    const item = await Stamped.create({ id: "t1", n: 1 });
    item.n = 2;
    await item.save();
    await Stamped.update("t1", { n: 3 });
    const stored = await storedItem(Stamped.table().name, key("t1"));
    expect(Object.keys(stored ?? {}).sort()).toEqual(["born", "id", "n"]);
    expect(Number(stored?.born?.N)).toBe(item.born.getTime());
    const Usual = new Schema({ id: String }, { timestamps: { createdAt: false, updatedAt: true } });
    expect(Usual.attributes()).toEqual(["id", "updatedAt"]);
  });
});

describe("a model whose tableName names a new Table()", () => {
  it("joins that Table on first use (its options, its CreateTable), as in Dynamoose", async () => {
    const name = uniqueTableName("ParityJoined");
    const Cat = dynamodel.model("ParityJoinCat", { id: String, name: String });
    const pets = new dynamodel.Table(name, [Cat], { throughput: "ON_DEMAND", initialize: false });
    const Dog = dynamodel.model(
      "ParityJoinDog",
      { id: String, kind: { type: String, index: { type: "global" } } },
      { tableName: name },
    );
    expect(Dog.table()).toBe(pets);
    const request = (await pets.create({ return: "request" })) as { GlobalSecondaryIndexes?: unknown[] };
    expect(request.GlobalSecondaryIndexes).toEqual([
      expect.objectContaining({ IndexName: "kindGlobalIndex" }),
    ]);
    await pets.initialize();
    await Dog.create({ id: "d1", kind: "hound" });
    expect(await storedItem(name, key("d1"))).toEqual({ id: { S: "d1" }, kind: { S: "hound" } });
    const Other = dynamodel.model("ParityJoinOther", { pk: String }, { tableName: name });
    expect(() => Other.table()).toThrow(dynamodel.InvalidParameter);
  });
});

describe("a transaction of raw elements only", () => {
  it("finds a table of another instance by its name and goes through that instance", async () => {
    const instance = new dynamodel.Instance();
    instance.aws.ddb.set(rawClient());
    const sent: string[] = [];
    instance.use(async (call, next) => (sent.push(call.operation), next()));
    const name = uniqueTableName("ParityRawOther");
    const Elsewhere = dynamodel.model("ParityRawElsewhere", { id: String, v: Number });
    new instance.Table(name, [Elsewhere], { throughput: "ON_DEMAND" });
    await Elsewhere.create({ id: "e1", v: 1 });
    sent.length = 0;
    const got = await dynamodel.transaction([{ Get: { TableName: name, Key: { id: { S: "e1" } } } }]);
    expect(got).toEqual([expect.objectContaining({ id: "e1", v: 1 })]);
    expect(sent).toEqual(["TransactGetItems"]);
  });
});
