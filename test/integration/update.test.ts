import { unmarshall } from "@aws-sdk/util-dynamodb";
import dynamodel, {
  Condition,
  InvalidParameter,
  InvalidParameterType,
  Schema,
  TypeMismatch,
  ValidationError,
} from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("update");
const Person = dynamodel.model(
  "UpdatePerson",
  new Schema(
    {
      id: { type: String, hashKey: true },
      name: { type: String, alias: "fullName" },
      age: { type: Number, validate: (age: number) => age >= 0 },
      email: { type: String, set: (value: string) => value.toLowerCase() },
      status: { type: String, enum: ["active", "gone"] },
      nickname: { type: String, default: "none" },
      title: { type: String, required: true },
      visits: Number,
      born: Date,
      address: {
        type: Object,
        schema: { city: String, zip: Number, street: { type: String, required: true } },
      },
      tags: { type: Array, schema: [String] },
      labels: { type: Set, schema: [String] },
      shelf: {
        type: Object,
        schema: {
          rows: { type: Array, schema: [{ type: Object, schema: { item: String, count: Number } }] },
        },
      },
      anything: dynamodel.type.ANY,
      revision: { type: Number, default: 7, forceDefault: true },
    },
    { timestamps: { updatedAt: "updatedAt" } },
  ),
  { tableName, throughput: "ON_DEMAND" },
);

async function stored(id: string): Promise<Record<string, unknown> | undefined> {
  const { Item } = await rawClient().getItem({
    TableName: tableName,
    Key: { id: { S: id } },
    ConsistentRead: true,
  });
  return Item ? unmarshall(Item) : undefined;
}

async function seed(id: string): Promise<void> {
  await rawClient().putItem({
    TableName: tableName,
    Item: {
      id: { S: id },
      name: { S: "Ann" },
      title: { S: "Dr" },
      visits: { N: "1" },
      address: { M: { city: { S: "Bergen" }, zip: { N: "5003" }, street: { S: "Main" } } },
      tags: { L: [{ S: "a" }, { S: "b" }, { S: "c" }] },
      labels: { SS: ["x", "y"] },
      shelf: { M: { rows: { L: [{ M: { item: { S: "cup" }, count: { N: "1" } } }] } } },
    },
  });
}

beforeAll(() => Person.table().initialize());

describe("Model.update", () => {
  it("sets plain attributes ($SET), through the write pipeline, and returns the item via the read pipeline", async () => {
    await seed("p1");
    const before = Date.now();
    const item = await Person.update(
      { id: "p1" },
      { fullName: "Bob", email: "BOB@X.COM", born: new Date(5) },
    );
    const raw = await stored("p1");
    expect(raw).toMatchObject({ name: "Bob", email: "bob@x.com", born: 5, title: "Dr", revision: 7 });
    expect(raw!.updatedAt).toBeGreaterThanOrEqual(before);
    expect(item).toBeInstanceOf(Person);
    expect(item.fullName).toBe("Bob");
    expect(item.born).toEqual(new Date(5));
    expect(item.labels).toEqual(new Set(["x", "y"]));

    // A forceDefault attribute always holds its default, even when the update gives it a value or an
    // operator (Dynamoose: "always use the default value, even if a value is already set").
    await rawClient().updateItem({
      TableName: tableName,
      Key: { id: { S: "p1" } },
      UpdateExpression: "SET revision = :r",
      ExpressionAttributeValues: { ":r": { N: "100" } },
    });
    await Person.update({ id: "p1" }, { revision: 9, updatedAt: 1000 } as never);
    expect(await stored("p1")).toMatchObject({ revision: 7, updatedAt: 1000 }); // updatedAt: the caller's
    await Person.update({ id: "p1" }, { $ADD: { revision: 1 } });
    expect(await stored("p1")).toMatchObject({ revision: 7 });
    await Person.update({ id: "p1" }, { visits: 1 });
    expect(await stored("p1")).toMatchObject({ revision: 7 });
  });

  // A key attribute cannot be updated: its forceDefault applies where the key is given, not in the update.
  it("leaves a forceDefault key attribute out of the update", async () => {
    const Forced = dynamodel.model(
      "UpdateForcedKey",
      new Schema({
        id: String,
        r: { type: String, rangeKey: true, default: "R", forceDefault: true },
        v: Number,
      }),
      { tableName: uniqueTableName("updateForcedKey"), throughput: "ON_DEMAND" },
    );
    await Forced.create({ id: "a", v: 1 });
    const request = await Forced.update({ id: "a", r: "R" }, { v: 2 }, { return: "request" });
    expect(request.UpdateExpression).toBe("SET #n0 = :v0");
    expect((await Forced.update({ id: "a", r: "R" }, { v: 2 })).v).toBe(2);
    const { Items } = await rawClient().scan({ TableName: Forced.table().name });
    expect(Items?.map((item) => unmarshall(item))).toEqual([{ id: "a", r: "R", v: 2 }]);
  });

  it("takes the key from the object in the one-argument form", async () => {
    await seed("p2");
    await Person.update({ id: "p2", $SET: { age: 30 }, status: "active" });
    expect(await stored("p2")).toMatchObject({ age: 30, status: "active", name: "Ann" });

    // A null update object is the one-argument form too, with settings after it (as Dynamoose reads it).
    const request = await Person.update({ id: "p2", visits: 4 }, null, { return: "request" });
    expect(request).toMatchObject({ Key: { id: { S: "p2" } } });
    await Person.update({ id: "p2", visits: 4 }, null, { returnValues: "NONE" });
    expect(await stored("p2")).toMatchObject({ visits: 4, age: 30 });
    await Person.update({ id: "p2", visits: 6 }, false as never, { returnValues: "NONE" });
    expect(await stored("p2")).toMatchObject({ visits: 6 });
  });

  it("$ADD adds to numbers, sets (one or many) and lists", async () => {
    await seed("p3");
    await Person.update("p3", { $ADD: { visits: 2, labels: "z", tags: ["d", "e"] } });
    await Person.update("p3", { $ADD: { labels: ["w", "x"], tags: "f" } });
    const raw = await stored("p3");
    expect(raw!.visits).toBe(3);
    expect(raw!.labels).toEqual(new Set(["w", "x", "y", "z"]));
    expect(raw!.tags).toEqual(["a", "b", "c", "d", "e", "f"]);
  });

  it("$REMOVE (array or object), $DELETE from sets, undefined and type.UNDEFINED", async () => {
    await seed("p4");
    await Person.update("p4", { $REMOVE: ["visits"], $DELETE: { labels: ["x"] } });
    await Person.update("p4", { $REMOVE: { "address.zip": null }, tags: dynamodel.type.UNDEFINED });
    const raw = await stored("p4");
    expect(raw!.visits).toBeUndefined();
    expect(raw!.tags).toBeUndefined();
    expect(raw!.labels).toEqual(new Set(["y"]));
    expect(raw!.address).toEqual({ city: "Bergen", street: "Main" });
  });

  it("removing an attribute with a default sets the default; type.UNDEFINED removes it", async () => {
    await seed("p5");
    await Person.update("p5", { $REMOVE: ["nickname"] });
    expect((await stored("p5"))!.nickname).toBe("none");
    await Person.update("p5", { nickname: dynamodel.type.UNDEFINED });
    expect((await stored("p5"))!.nickname).toBeUndefined();
    // The $REMOVE object form says the same with type.UNDEFINED as its value; null keeps the default.
    await Person.update("p5", { $REMOVE: { nickname: null } });
    expect((await stored("p5"))!.nickname).toBe("none");
    await Person.update("p5", { $REMOVE: { nickname: dynamodel.type.UNDEFINED } });
    expect((await stored("p5"))!.nickname).toBeUndefined();
  });

  it("$ADD moves a Date stored as a number by a number of its unit, as in Dynamoose; an ISO Date is refused", async () => {
    await seed("p9");
    await Person.update("p9", { born: new Date(1_000) });
    const moved = await Person.update("p9", { $ADD: { born: 60_000 } });
    expect(moved.born).toEqual(new Date(61_000));
    expect((await stored("p9"))!.born).toBe(61_000);
    const Stamped = dynamodel.model(
      "UpdateStamped",
      { id: String, at: { type: { value: Date, settings: { storage: "iso" } } } },
      { tableName: uniqueTableName("UpdateStamped"), throughput: "ON_DEMAND" },
    );
    // A TypeMismatch, as Dynamoose's `$ADD` of a number to a String attribute is.
    await expect(Stamped.update("s1", { $ADD: { at: 60_000 } as never })).rejects.toThrow(
      new TypeMismatch(
        "at",
        "set with $SET: it is of type date, and $ADD adds only to numbers, sets and lists",
        60_000,
      ),
    );
    await expect(Person.update("p9", { $ADD: { name: 1 } as never })).rejects.toThrow(
      '"name" must be set with $SET: it is of type string, and $ADD adds only to numbers, sets and lists (got 1)',
    );
    await expect(Person.update("p9", { $ADD: { born: Number.NaN } })).rejects.toThrow(TypeMismatch);
    expect((await stored("p9"))!.born).toBe(61_000);
  });

  it("$IF_NOT_EXISTS and $LIST_PREPEND", async () => {
    await seed("p6");
    await Person.update("p6", { visits: { $IF_NOT_EXISTS: 100 }, age: { $IF_NOT_EXISTS: 40 } });
    await Person.update("p6", { tags: { $LIST_PREPEND: ["z"] } });
    const raw = await stored("p6");
    expect(raw).toMatchObject({ visits: 1, age: 40, tags: ["z", "a", "b", "c"] });
  });

  it("$LIST_PREPEND elements go through their element's rules, as a whole list's elements do", async () => {
    let orders = 0;
    const Board = dynamodel.model(
      "UpdatePrependBoard",
      new Schema({
        id: String,
        notes: {
          type: Array,
          schema: [
            {
              type: Object,
              schema: {
                kind: { type: String, required: true, enum: ["todo", "done"] },
                size: { type: Number, validate: (size: number) => size < 100 },
                text: { type: String, set: (text: string) => text.trim() },
                order: { type: Number, default: () => (orders += 1) },
              },
            },
          ],
        },
      }),
      { tableName, throughput: "ON_DEMAND" },
    );
    await Board.create({ id: "board", notes: [{ kind: "todo", size: 1 }] });
    const before = (await rawClient().getItem({ TableName: tableName, Key: { id: { S: "board" } } })).Item;
    // `as never`: some of these notes are wrong on purpose, which the types would refuse already.
    const prepend = (note: object) =>
      Board.update("board", { $SET: { notes: { $LIST_PREPEND: [note] } } } as never);
    await expect(prepend({ kind: "todo", size: 200 })).rejects.toThrow(ValidationError);
    await expect(prepend({ kind: "todo", size: 200 })).rejects.toMatchObject({ path: "notes[0].size" });
    await expect(prepend({ size: 1 })).rejects.toMatchObject({
      name: "ValidationError",
      path: "notes[0].kind",
    });
    await expect(prepend({ kind: "later" })).rejects.toMatchObject({ name: "ValidationError", rule: "enum" });
    await expect(prepend({ kind: 5 })).rejects.toThrow(TypeMismatch);
    expect((await rawClient().getItem({ TableName: tableName, Key: { id: { S: "board" } } })).Item).toEqual(
      before,
    );

    orders = 10;
    await prepend({ kind: "done", text: "  tidy  " });
    expect(orders).toBe(11); // the element's default is worked out once
    expect(
      unmarshall((await rawClient().getItem({ TableName: tableName, Key: { id: { S: "board" } } })).Item!),
    ).toEqual({
      id: "board",
      notes: [
        { kind: "done", text: "tidy", order: 11 },
        { kind: "todo", size: 1, order: 1 },
      ],
    });
  });

  it("document paths change only that path; setting a whole map replaces it", async () => {
    await seed("p7");
    await Person.update("p7", { "address.city": "Oslo", "tags[1]": "B", "shelf.rows[0].count": 5 });
    let raw = await stored("p7");
    expect(raw!.address).toEqual({ city: "Oslo", zip: 5003, street: "Main" });
    expect(raw!.tags).toEqual(["a", "B", "c"]);
    expect(raw!.shelf).toEqual({ rows: [{ item: "cup", count: 5 }] });
    await Person.update("p7", { address: { street: "Side" } });
    raw = await stored("p7");
    expect(raw!.address).toEqual({ street: "Side" });
  });

  it("ANY attributes take any nested path", async () => {
    await seed("p8");
    await Person.update("p8", { anything: { deep: { list: [1] } } });
    // Paths inside ANY values are not known to the type system: checked at run time only.
    await Person.update("p8", { "anything.deep.other": "x", $ADD: { "anything.deep.list": [2] } } as never);
    expect((await stored("p8"))!.anything).toEqual({ deep: { list: [1, 2], other: "x" } });
  });

  it("ANDs the condition in and rejects when it fails", async () => {
    await seed("p9");
    await expect(
      Person.update("p9", { age: 1 }, { condition: new Condition("name").eq("Nobody") }),
    ).rejects.toMatchObject({ name: "ConditionalCheckFailedException" });
    await Person.update(
      "p9",
      { age: 2 },
      {
        condition: {
          ConditionExpression: "#n = :n",
          ExpressionAttributeNames: { "#n": "name" },
          ExpressionAttributeValues: { ":n": "Ann" },
        },
      },
    );
    expect((await stored("p9"))!.age).toBe(2);
    // Dynamoose's Condition page also names a raw condition's expression `ComparisonExpression`.
    const comparison = new Condition({
      ComparisonExpression: "#n = :n",
      ExpressionAttributeNames: { "#n": "name" },
      ExpressionAttributeValues: { ":n": "Nobody" },
    });
    await expect(Person.update("p9", { age: 3 }, { condition: comparison })).rejects.toMatchObject({
      name: "ConditionalCheckFailedException",
    });
    expect((await stored("p9"))!.age).toBe(2);
  });

  it("returnValues and return: request", async () => {
    await seed("p10");
    const old = await Person.update("p10", { age: 3 }, { returnValues: "ALL_OLD" });
    expect(old?.age).toBeUndefined();
    expect(old?.fullName).toBe("Ann");
    expect(await Person.update("p10", { age: 4 }, { returnValues: "NONE" })).toBeUndefined();
    const request = await Person.update("p10", { age: 5 }, { return: "request" });
    expect(request).toMatchObject({
      TableName: tableName,
      Key: { id: { S: "p10" } },
      ReturnValues: "ALL_NEW",
      UpdateExpression: expect.stringContaining("SET"),
    });
    expect((await stored("p10"))!.age).toBe(4);
  });

  it.each([
    [{ $FOO: { age: 1 } }, InvalidParameter, "Unknown update operator $FOO"],
    [{ $ADD: { age: "1" } }, TypeMismatch, '"age" must be of type number'],
    // A TypeMismatch, as Dynamoose's $DELETE from an attribute that is not a set is.
    [
      { $DELETE: { tags: ["a"] } },
      TypeMismatch,
      '"tags" must be a set for $DELETE: it is of type array, and $DELETE removes elements only from sets (got ["a"])',
    ],
    [{ "name.first": "x" }, InvalidParameter, '"name" is of type string, not a map'],
    [{ "tags.first": "x" }, InvalidParameter, '"tags" is of type array, not a map'],
    [{ age: -1 }, ValidationError, '"age" failed its validate rule'],
    [{ status: "lost" }, ValidationError, '"status" must be one of'],
    [{ address: { city: "Oslo" } }, ValidationError, '"address.street" is required'],
    [{ id: "other" }, ValidationError, '"id" is a key attribute'],
    [{ $REMOVE: ["title"] }, ValidationError, '"title" is required and cannot be removed'],
    [{ visits: { $NOPE: 1 } }, InvalidParameter, "Unknown update value operator $NOPE"],
  ])("rejects %j with a clear error and writes nothing", async (update, type, message) => {
    await seed("bad");
    const before = await stored("bad");
    const attempt = Person.update("bad", update as never);
    await expect(attempt).rejects.toThrow(type);
    await expect(attempt).rejects.toThrow(message);
    expect(await stored("bad")).toEqual(before);
  });
});

describe("COMBINE attributes in updates", () => {
  const combineTable = uniqueTableName("combine");
  const Place = dynamodel.model(
    "UpdatePlace",
    {
      id: String,
      city: String,
      country: String,
      note: String,
      label: dynamodel.type.COMBINE(["city", "country"], "/"),
    },
    { tableName: combineTable, throughput: "ON_DEMAND" },
  );

  it("recomputes when all sources are given, rejects some, leaves it alone for none", async () => {
    await Place.create({ id: "c", city: "Oslo", country: "NO" });
    await Place.update("c", { city: "Bergen", country: "Norway" });
    expect((await Place.get("c"))!.label).toBe("Bergen/Norway");
    await expect(Place.update("c", { city: "Oslo" })).rejects.toThrow(InvalidParameter);
    await Place.update("c", { note: "x" });
    expect((await Place.get("c"))!.label).toBe("Bergen/Norway");
  });

  it("never stores a value given for the combined attribute: recomputed with all sources, refused without", async () => {
    await Place.create({ id: "g", city: "Oslo", country: "NO" });
    const stored = async () =>
      unmarshall(
        (
          await rawClient().getItem({
            TableName: combineTable,
            Key: { id: { S: "g" } },
            ConsistentRead: true,
          })
        ).Item!,
      );
    await Place.update("g", { city: "Rome", country: "IT", label: "ignored" } as never);
    expect((await stored()).label).toBe("Rome/IT");
    const before = await stored();
    for (const update of [{ label: "x/y" }, { $REMOVE: ["label"] }, { city: "Paris", label: "Paris/FR" }]) {
      await expect(Place.update("g", update as never)).rejects.toThrow(
        '"label" is computed from "city", "country" on every write, so a value for it is not stored',
      );
    }
    await expect(
      dynamodel.transaction([Place.transaction.update("g", { label: "tx" } as never)]),
    ).rejects.toThrow(InvalidParameter);
    expect(await stored()).toEqual(before);
  });
});

describe("$REMOVE of an attribute the schema does not declare", () => {
  const looseTable = uniqueTableName("removeUndeclared");
  const Loose = dynamodel.model(
    "UpdateRemoveUndeclared",
    { id: String, name: String, address: { type: Object, schema: { city: String } } },
    { tableName: looseTable, throughput: "ON_DEMAND" },
  );
  const stored = async () =>
    unmarshall(
      (await rawClient().getItem({ TableName: looseTable, Key: { id: { S: "1" } }, ConsistentRead: true }))
        .Item!,
    );

  it("removes it as named, as Dynamoose does (leftovers of other code or an older schema)", async () => {
    await Loose.table().create(); // the table is made by the model's first request
    await rawClient().putItem({
      TableName: looseTable,
      Item: {
        id: { S: "1" },
        name: { S: "A" },
        legacy: { S: "old" },
        extra: { M: { a: { N: "1" }, b: { N: "2" } } },
        other: { S: "kept" },
      },
    });
    // The update type lists the schema's paths (a typo is a compile error): an undeclared name needs a cast.
    expect(
      await Loose.update({ id: "1" }, { $REMOVE: ["legacy"] } as never, { return: "request" }),
    ).toMatchObject({
      UpdateExpression: "REMOVE #n0",
      ExpressionAttributeNames: { "#n0": "legacy" },
    });
    await Loose.update({ id: "1" }, { $REMOVE: ["legacy"] } as never);
    await Loose.update({ id: "1" }, { name: "B", $REMOVE: { "extra.a": null } } as never);
    expect(await stored()).toEqual({ id: "1", name: "B", extra: { b: 2 }, other: "kept" });
  });

  it("still drops $SET and $ADD of undeclared attributes", async () => {
    await expect(Loose.update({ id: "1" }, { $SET: { nope: 1 } } as never)).rejects.toThrow(
      'The update names no attribute of the schema: "nope"',
    );
    await Loose.update({ id: "1" }, { name: "C", $ADD: { nope: 1 } } as never);
    expect((await stored()).nope).toBeUndefined();
  });
});

describe("update forms the docs' table lists (docs/model.md)", () => {
  it("$REMOVE takes one name as a string, and $DELETE one element given alone", async () => {
    await seed("one-name");
    await Person.update("one-name", { $REMOVE: "visits", $DELETE: { labels: "x" } });
    const after = await stored("one-name");
    expect(after).not.toHaveProperty("visits");
    expect(after?.labels).toEqual(new Set(["y"]));
  });

  it("a path inside a map the item lacks fails the whole update, and nothing of it is written", async () => {
    await rawClient().putItem({
      TableName: tableName,
      Item: { id: { S: "no-address" }, title: { S: "Dr" }, visits: { N: "1" } },
    });
    await expect(Person.update("no-address", { "address.city": "Oslo", visits: 2 })).rejects.toMatchObject({
      name: "ValidationException",
      message: expect.stringContaining("document path provided in the update expression is invalid"),
    });
    const after = await stored("no-address");
    expect(after).toEqual({ id: "no-address", title: "Dr", visits: 1 });
  });
});

describe("Model.update(item), the one-argument form given an item", () => {
  // Dynamoose took an item here and set every attribute it held: `set` ran again on stored values, `get`
  // display values were stored, and a list read in part replaced the stored list. Refused, saying what to do.
  it("is refused, pointing to item.save(), and nothing is sent", async () => {
    await seed("as-item");
    const before = await stored("as-item");
    const read = (await Person.get("as-item"))!;
    read.visits = 5;
    const message =
      "update(object) needs a plain object holding the key and the changes (got an instance of UpdatePerson). " +
      "To write an item's changes, call item.save(): it writes only what changed.";
    await expect(Person.update(read as never)).rejects.toThrow(new InvalidParameterType(message));
    await expect(Person.transaction.update(read as never)).rejects.toThrow(message);
    expect(await stored("as-item")).toEqual(before);
    await read.save();
    expect((await stored("as-item"))?.visits).toBe(5);
  });
});

describe("elements $ADD appends to a declared list", () => {
  const Log = dynamodel.model(
    "UpdateAppendLog",
    new Schema({
      id: String,
      entries: {
        type: Array,
        schema: [
          {
            type: Object,
            schema: {
              level: { type: String, required: true, enum: ["info", "warn"] },
              code: { type: Number, validate: (code: number) => code >= 0 },
              text: { type: String, set: (text: string) => text.trim() },
            },
          },
        ],
      },
    }),
    { tableName: uniqueTableName("updateAppend"), throughput: "ON_DEMAND" },
  );
  const storedEntries = async () =>
    (await rawClient().getItem({ TableName: Log.table().name, Key: { id: { S: "log" } } })).Item?.entries;

  it("go through the element's write pipeline, as $LIST_PREPEND's and a whole list's do", async () => {
    await Log.create({ id: "log", entries: [{ level: "info", code: 1, text: "start" }] });
    const before = await storedEntries();
    for (const [element, error] of [
      [{ code: 2 }, new ValidationError("entries[0].level", "required", undefined, "is required")],
      [
        { level: "boom" },
        new ValidationError("entries[0].level", "enum", "boom", 'must be one of ["info","warn"]'),
      ],
    ] as const) {
      await expect(Log.update({ id: "log" }, { $ADD: { entries: [element as never] } })).rejects.toEqual(
        error,
      );
      await expect(
        Log.update({ id: "log" }, { entries: { $LIST_PREPEND: [element as never] } }),
      ).rejects.toEqual(error);
    }
    await expect(
      Log.update({ id: "log" }, { $ADD: { entries: [{ level: "warn" }, { level: "warn", code: -1 }] } }),
    ).rejects.toThrow('"entries[1].code" failed its validate rule (got -1)');
    expect(await storedEntries()).toEqual(before);

    await Log.update({ id: "log" }, { $ADD: { entries: { level: "warn", text: "  spaced  " } } });
    expect((await Log.get("log"))?.entries).toEqual([
      { level: "info", code: 1, text: "start" },
      { level: "warn", text: "spaced" },
    ]);
  });
});
