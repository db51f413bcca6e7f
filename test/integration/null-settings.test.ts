// A setting given as `null` is "not set", the same as leaving it out, as Dynamoose reads it: attribute
// settings (`get`, `set`, `enum`, `validate`, `alias`, `defaultAlias` …) and schema settings (`timestamps`,
// `saveUnknown`, `get`, `set`, `validate`). Some were refused as InvalidParameters (`defaultAlias: null`,
// `get: null`, `timestamps: null` …), and `validate: null` refused every value ("must equal null").
import dynamodel, { InvalidParameter, Schema } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

it("an item is written and read as if every null setting were left out", async () => {
  const withNulls = new Schema(
    {
      id: { type: String, hashKey: true, rangeKey: null, index: null },
      name: {
        type: String,
        get: null,
        set: null,
        validate: null,
        enum: null,
        required: null,
        forceDefault: null,
        default: null,
        map: null,
        defaultMap: null,
      },
      nick: { type: String, alias: null, aliases: "handle", defaultAlias: null },
      kind: { type: String, alias: "species", defaultAlias: null },
      toy: { type: Object, schema: { label: { type: String, get: null, aliases: null } }, storage: null },
      tags: { type: Array, schema: null },
    },
    { timestamps: null, saveUnknown: null, get: null, set: null, validate: null, version: null },
  );
  const leftOut = new Schema({
    id: { type: String, hashKey: true },
    name: String,
    nick: { type: String, aliases: "handle" },
    kind: { type: String, alias: "species" },
    toy: { type: Object, schema: { label: String } },
    tags: { type: Array },
  });
  const models = [withNulls, leftOut].map((schema, index) => {
    const tableName = uniqueTableName(`nullSettings${index}`);
    const model = dynamodel.model(`NullSettingsPet${index}`, schema, { tableName, throughput: "ON_DEMAND" });
    return { model, stored: () => storedItem(tableName, { id: { S: "p1" } }) };
  });
  const input = {
    id: "p1",
    name: "Rex",
    handle: "rexy",
    species: "dog",
    toy: { label: "ball" },
    tags: ["a"],
  };
  const [nulls, plain] = await Promise.all(
    models.map(async ({ model, stored }) => {
      const created = await model.create({ ...input, unknown: "dropped" } as never);
      const read = await model.get("p1");
      await model.update({ id: "p1" }, { name: "Max" });
      return { created: created.toJSON(), read: read?.toJSON(), stored: await stored() };
    }),
  );
  expect(nulls).toEqual(plain);
  // No timestamps, version or unknown attribute; the name a read gives is the first alias.
  expect(nulls!.read).toEqual({ ...input, tags: [] });
  expect(Object.keys(nulls!.stored!).sort()).toEqual(["id", "kind", "name", "nick", "tags", "toy"]);
  expect(nulls!.stored!.name).toEqual({ S: "Max" });
});

it('validate: null refuses nothing (it refused every value: "must equal null")', async () => {
  const tableName = uniqueTableName("nullValidate");
  const Tag = dynamodel.model(
    "NullSettingsValidate",
    new Schema({ id: String, label: { type: String, validate: null } }),
    { tableName, throughput: "ON_DEMAND" },
  );
  await Tag.create({ id: "t", label: "any" });
  expect(await storedItem(tableName, { id: { S: "t" } })).toEqual({ id: { S: "t" }, label: { S: "any" } });
});

it("a wrong value that is not null is still an InvalidParameter naming the setting", () => {
  const attribute = (settings: Record<string, unknown>) => () =>
    new Schema({ id: String, a: { type: String, ...settings } } as never);
  expect(attribute({ get: 5 })).toThrow(new InvalidParameter('Attribute "a": get must be a function.'));
  expect(attribute({ set: "x" })).toThrow(new InvalidParameter('Attribute "a": set must be a function.'));
  expect(attribute({ enum: "x" })).toThrow(new InvalidParameter('Attribute "a": enum must be an array.'));
  expect(attribute({ alias: 5 })).toThrow(/alias must be a name or an array of names \(got 5\)/);
  expect(attribute({ defaultAlias: "zz" })).toThrow(/defaultAlias "zz" must be one of its aliases/);
  expect(attribute({ defaultMap: null, defaultAlias: "zz" })).toThrow(/defaultAlias "zz"/);
  expect(attribute({ storage: "weeks" })).toThrow(/storage must be "json" or "flatten"/);
  // `type` is no setting that can be left out.
  expect(attribute({ type: null })).toThrow(/does not have a valid type \(got null\)/);

  const settings = (given: Record<string, unknown>) => () => new Schema({ id: String }, given as never);
  expect(settings({ timestamps: 5 })).toThrow(/Schema setting "timestamps" must be/);
  expect(settings({ saveUnknown: 5 })).toThrow(/Schema setting "saveUnknown" must be/);
  expect(settings({ get: 5 })).toThrow(/Schema setting "get" must be a function/);
  expect(settings({ version: 5 })).toThrow(/Schema setting "version" must be/);
  // A misspelt setting is refused whatever its value.
  expect(settings({ timestamp: null })).toThrow(/Unknown schema setting "timestamp"/);
});

it('a falsy validate (false, 0, "") refuses nothing, as in Dynamoose (it was an exact match: false refused every value)', async () => {
  const tableName = uniqueTableName("falsyValidate");
  const Tag = dynamodel.model(
    "FalsyValidate",
    new Schema({
      id: String,
      flag: { type: Boolean, validate: false },
      count: { type: Number, validate: 0 },
      label: { type: String, validate: "" },
    }),
    { tableName, throughput: "ON_DEMAND" },
  );
  await Tag.create({ id: "t", flag: true, count: 5, label: "x" });
  expect(await storedItem(tableName, { id: { S: "t" } })).toEqual({
    id: { S: "t" },
    flag: { BOOL: true },
    count: { N: "5" },
    label: { S: "x" },
  });
});

it('an index whose fields are null (or whose range key is "") is the default index, as in Dynamoose', async () => {
  const tableName = uniqueTableName("nullIndexFields");
  const Tag = dynamodel.model(
    "NullIndexFields",
    new Schema({
      id: { type: String, hashKey: true },
      at: { type: Number, rangeKey: true },
      a: { type: String, index: { name: null, type: null, rangeKey: null, project: null, throughput: null } },
      b: { type: String, index: { rangeKey: "", global: null } },
    }),
    { tableName, throughput: "ON_DEMAND" },
  );
  await Tag.create({ id: "t", at: 1, a: "x", b: "y" });
  const { Table } = await rawClient().describeTable({ TableName: tableName });
  const indexes = (Table?.GlobalSecondaryIndexes ?? []).map(({ IndexName, KeySchema, Projection }) => ({
    IndexName,
    KeySchema,
    Projection,
  }));
  expect(indexes.sort((x, y) => x.IndexName!.localeCompare(y.IndexName!))).toEqual([
    {
      IndexName: "aGlobalIndex",
      KeySchema: [{ AttributeName: "a", KeyType: "HASH" }],
      Projection: { ProjectionType: "ALL" },
    },
    {
      IndexName: "bGlobalIndex",
      KeySchema: [{ AttributeName: "b", KeyType: "HASH" }],
      Projection: { ProjectionType: "ALL" },
    },
  ]);
  expect(await Tag.query("a").eq("x").exec()).toHaveLength(1);
});
