// An attribute `set` that returns undefined leaves the attribute without a value: a save stores the item
// without it, and an update (Model.update, transaction.update) removes it, as Dynamoose's update does. It
// used to be a TypeMismatch in updates ("must be of type string (got undefined)").
import dynamodel, { Schema } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

/** Drops the value "drop": the `set` returns undefined for it. */
const drop = (value: string) => (value === "drop" ? undefined : value);

const tableName = uniqueTableName("updateSetUndefined");
const Note = dynamodel.model(
  "UpdateSetUndefinedNote",
  new Schema({
    id: String,
    a: { type: String, set: drop },
    b: String,
    o: { type: Object, schema: { a: { type: String, set: drop }, keep: String } },
    req: { type: String, required: true, set: drop },
    inner: { type: Object, schema: { r: { type: String, required: true, set: drop } } },
  }),
  { tableName, throughput: "ON_DEMAND" },
);
const stored = (id: string) => storedItem(tableName, { id: { S: id } });

it("Model.update removes an attribute whose set returns undefined, as a save leaves it out", async () => {
  await new Note({ id: "saved", a: "drop", req: "r" }).save();
  expect(await stored("saved")).toEqual({ id: { S: "saved" }, req: { S: "r" } });

  await Note.create({ id: "u", a: "keep", req: "r" });
  const request = await Note.update({ id: "u" }, { a: "drop", b: "y" }, { return: "request" });
  expect(request.UpdateExpression).toMatch(/REMOVE #n\d+$/);
  expect(Object.values(request.ExpressionAttributeNames ?? {})).toEqual(expect.arrayContaining(["a", "b"]));

  const updated = await Note.update({ id: "u" }, { a: "drop", b: "y" });
  expect(updated).not.toHaveProperty("a");
  expect(await stored("u")).toEqual({ id: { S: "u" }, b: { S: "y" }, req: { S: "r" } });
});

it("a nested $SET path whose set returns undefined removes that path only", async () => {
  await Note.create({ id: "n", req: "r", o: { a: "keep", keep: "k" } });
  await Note.update({ id: "n" }, { $SET: { "o.a": "drop" } });
  expect((await stored("n"))?.o).toEqual({ M: { keep: { S: "k" } } });
});

it("transaction.update removes it too", async () => {
  await Note.create({ id: "t", a: "keep", req: "r" });
  await dynamodel.transaction([Note.transaction.update({ id: "t" }, { a: "drop", b: "z" })]);
  expect(await stored("t")).toEqual({ id: { S: "t" }, b: { S: "z" }, req: { S: "r" } });
});

it("a required attribute whose set returns undefined is a ValidationError, as in a save, and nothing is written", async () => {
  await expect(new Note({ id: "r", req: "drop" }).save()).rejects.toMatchObject({
    name: "ValidationError",
    path: "req",
  });
  await Note.create({ id: "r", req: "r", inner: { r: "x" } });
  await expect(Note.update({ id: "r" }, { req: "drop", b: "y" })).rejects.toMatchObject({
    name: "ValidationError",
    path: "req",
  });
  await expect(Note.update({ id: "r" }, { $SET: { "inner.r": "drop" } })).rejects.toMatchObject({
    name: "ValidationError",
    path: "inner.r",
  });
  await expect(
    dynamodel.transaction([Note.transaction.update({ id: "r" }, { req: "drop" })]),
  ).rejects.toMatchObject({ name: "ValidationError" });
  expect(await stored("r")).toEqual({
    id: { S: "r" },
    req: { S: "r" },
    inner: { M: { r: { S: "x" } } },
  });
});

it("with a schema-level set, the attribute is removed all the same (and a required one refused)", async () => {
  const table = uniqueTableName("updateSetUndefinedSchemaSet");
  const Tagged = dynamodel.model(
    "UpdateSetUndefinedSchemaSet",
    new Schema(
      {
        id: String,
        a: { type: String, set: drop },
        b: String,
        req: { type: String, required: true, set: drop },
      },
      { set: (item) => ({ ...item }) },
    ),
    { tableName: table, throughput: "ON_DEMAND" },
  );
  await Tagged.create({ id: "s", a: "keep", req: "r" });
  await Tagged.update({ id: "s" }, { a: "drop", b: "y" });
  expect(await storedItem(table, { id: { S: "s" } })).toEqual({
    id: { S: "s" },
    b: { S: "y" },
    req: { S: "r" },
  });
  await expect(Tagged.update({ id: "s" }, { req: "drop" })).rejects.toMatchObject({
    name: "ValidationError",
    path: "req",
  });
});

it("a saved item leaves an attribute whose set returned undefined, as the table does (it kept the caller's value)", async () => {
  const created = new Note({ id: "shown", a: "drop", b: "x", req: "r" });
  expect(await created.save()).toBe(created);
  expect(created.toJSON()).toEqual({ id: "shown", b: "x", req: "r" });
  expect(created.isDirty()).toBe(false);

  // A read item: its update save removes the attribute, and the item leaves it too.
  const read = (await Note.get("shown"))!;
  read.a = "keep";
  await read.save();
  read.a = "drop";
  await read.save();
  expect(read.toJSON()).toEqual({ id: "shown", b: "x", req: "r" });
  expect(read.modifiedPaths()).toEqual([]);
  expect(await stored("shown")).toEqual({ id: { S: "shown" }, b: { S: "x" }, req: { S: "r" } });

  // A schema-level set that leaves an attribute out.
  const SchemaSet = dynamodel.model(
    "UpdateSetUndefinedSchemaSet",
    new Schema(
      { id: String, secret: String, b: String },
      {
        set: ({ secret, ...rest }: Record<string, unknown>) =>
          secret === "drop" ? rest : { secret, ...rest },
      },
    ),
    { tableName: uniqueTableName("updateSetUndefinedSchema"), throughput: "ON_DEMAND" },
  );
  const item = await SchemaSet.create({ id: "s", secret: "drop", b: "x" });
  expect(item.toJSON()).toEqual({ id: "s", b: "x" });
  expect(await storedItem(SchemaSet.table().name, { id: { S: "s" } })).toEqual({
    id: { S: "s" },
    b: { S: "x" },
  });
});
