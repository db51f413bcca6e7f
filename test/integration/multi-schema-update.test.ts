// Model.update and transaction updates on a model with several schemas: the changes are planned with the
// schema that declares their attributes, so nothing a later schema declares is dropped or left unconverted.
import { marshall } from "@aws-sdk/util-dynamodb";
import dynamodel, { Condition, Schema, TransactionCanceledError, type } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const table = uniqueTableName("multiUpdate");
const Shape = dynamodel.model(
  "MultiUpdateShape",
  [
    new Schema({ id: { type: String, hashKey: true }, kind: type.CONSTANT("circle"), radius: Number }),
    new Schema({
      id: { type: String, hashKey: true },
      kind: type.CONSTANT("label"),
      text: { type: String, validate: (value: string) => value.length > 0 },
      at: Date,
    }),
  ],
  { tableName: table },
);

async function stored(id: string) {
  const { Item } = await rawClient().getItem({
    TableName: table,
    Key: { id: { S: id } },
    ConsistentRead: true,
  });
  return Item;
}

describe("updates on a multi-schema model", () => {
  beforeAll(async () => {
    await Shape.create({ id: "c", kind: "circle", radius: 1 });
    await Shape.create({ id: "l", kind: "label", text: "hi", at: new Date(1000) });
  });

  it("converts and checks attributes only the second schema declares", async () => {
    await Shape.update({ id: "l" }, { text: "hello", at: new Date(7000) });
    expect(await stored("l")).toEqual({
      id: { S: "l" },
      kind: { S: "label" },
      text: { S: "hello" },
      at: { N: "7000" },
    });
    await expect(Shape.update({ id: "l" }, { text: "" })).rejects.toThrow(/"text" failed its validate rule/);
    expect((await stored("l"))?.text).toEqual({ S: "hello" });
  });

  it("still plans first-schema updates with the first schema", async () => {
    await Shape.update({ id: "c" }, { $ADD: { radius: 2 } });
    expect((await stored("c"))?.radius).toEqual({ N: "3" });
  });

  it("the one-argument form and transaction updates choose the same way", async () => {
    await Shape.update({ id: "l", text: "one-arg" });
    expect((await stored("l"))?.text).toEqual({ S: "one-arg" });
    await dynamodel.transaction([Shape.transaction.update({ id: "l" }, { $SET: { at: new Date(9000) } })]);
    expect((await stored("l"))?.at).toEqual({ N: "9000" });
  });
});

describe("schemas declaring the same attribute with different types", () => {
  const tableName = uniqueTableName("multiUpdateTyped");
  const Reading = dynamodel.model(
    "MultiUpdateReading",
    [
      new Schema({ pk: String, v: String, unit: String }),
      new Schema({ pk: String, v: Number, tags: { type: Set, schema: [String] } }),
    ],
    { tableName },
  );
  const storedReading = async (pk: string) =>
    (await rawClient().getItem({ TableName: tableName, Key: { pk: { S: pk } }, ConsistentRead: true })).Item;

  it("plans the update with the schema that can take the values it sets", async () => {
    await Reading.create({ pk: "n", v: 5 });
    await Reading.update({ pk: "n" }, { v: 6 });
    expect(await storedReading("n")).toEqual({ pk: { S: "n" }, v: { N: "6" } });
    await Reading.update({ pk: "n" }, { $SET: { v: 7, tags: ["a"] } });
    expect(await storedReading("n")).toEqual({ pk: { S: "n" }, v: { N: "7" }, tags: { SS: ["a"] } });
    await Reading.update({ pk: "n", v: 8 });
    expect((await storedReading("n"))?.v).toEqual({ N: "8" });
    await dynamodel.transaction([Reading.transaction.update({ pk: "n" }, { v: 9 })]);
    expect((await storedReading("n"))?.v).toEqual({ N: "9" });
  });

  it("still takes the first schema's type on a tie, and refuses a value neither takes", async () => {
    await Reading.update({ pk: "s" }, { v: "high" });
    expect(await storedReading("s")).toEqual({ pk: { S: "s" }, v: { S: "high" } });
    await expect(Reading.update({ pk: "s" }, { v: true as never })).rejects.toThrow(
      '"v" must be of type string (got true)',
    );
    expect((await storedReading("s"))?.v).toEqual({ S: "high" });
  });
});

describe("the schema an update takes, by the values of every operator", () => {
  const tableName = uniqueTableName("multiUpdateOperators");
  const Reading = dynamodel.model(
    "MultiUpdateOperators",
    [
      new Schema({ pk: String, v: String, tags: { type: Set, schema: [String] } }),
      new Schema({ pk: String, v: Number, tags: { type: Set, schema: [Number] } }),
    ],
    { tableName },
  );
  const Doc = dynamodel.model(
    "MultiUpdateJson",
    [
      new Schema({ pk: String, other: String }),
      new Schema({ pk: String, other: String, data: { type: Object, storage: "json" } }),
    ],
    { tableName: uniqueTableName("multiUpdateJson") },
  );
  const storedIn = async (table: string, pk: string) =>
    (await rawClient().getItem({ TableName: table, Key: { pk: { S: pk } }, ConsistentRead: true })).Item;

  it("$ADD of a number, and sets of numbers, pick the schema of numbers", async () => {
    await Reading.create({ pk: "a", v: 5 });
    await Reading.update({ pk: "a" }, { $ADD: { v: 1 } });
    expect((await storedIn(tableName, "a"))?.v).toEqual({ N: "6" });
    await Reading.update({ pk: "t" }, { tags: [1, 2] });
    expect((await storedIn(tableName, "t"))?.tags?.NS?.sort()).toEqual(["1", "2"]);
    await Reading.update({ pk: "t" }, { $ADD: { tags: [3] } });
    await Reading.update({ pk: "t" }, { $DELETE: { tags: [1] } });
    expect((await storedIn(tableName, "t"))?.tags?.NS?.sort()).toEqual(["2", "3"]);
  });

  it("a JSON-stored attribute given a list picks the schema declaring it", async () => {
    await Doc.update({ pk: "u" }, { other: "x", data: [1, 2] } as never);
    expect((await storedIn(Doc.table().name, "u"))?.data).toEqual({ S: "[1,2]" });
  });

  it("a lone value is no set for a plain change, and $ADD of one element to a list is still scored", async () => {
    const Tagged = dynamodel.model(
      "MultiUpdateLone",
      [
        new Schema({ pk: String, tags: { type: Set, schema: [String] } }),
        new Schema({ pk: String, tags: String }),
      ],
      { tableName: uniqueTableName("multiUpdateLone") },
    );
    await Tagged.update({ pk: "a" }, { tags: "solo" });
    expect((await storedIn(Tagged.table().name, "a"))?.tags).toEqual({ S: "solo" });
    const Friends = dynamodel.model(
      "MultiUpdateListAdd",
      [
        new Schema({ pk: String, name: String }),
        new Schema({ pk: String, name: String, friends: { type: Array, schema: [String] } }),
      ],
      { tableName: uniqueTableName("multiUpdateListAdd") },
    );
    await Friends.create({ pk: "b", name: "n", friends: ["Bob"] } as never);
    await Friends.update({ pk: "b" }, { name: "m", $ADD: { friends: "Tim" } } as never);
    expect((await storedIn(Friends.table().name, "b"))?.friends).toEqual({ L: [{ S: "Bob" }, { S: "Tim" }] });
  });

  it("scores each operator as DynamoDB applies it, whichever schema comes first", async () => {
    const pick = async (
      name: string,
      first: Record<string, unknown>,
      second: Record<string, unknown>,
      stored: Record<string, unknown>,
      update: Record<string, unknown>,
    ) => {
      const table = uniqueTableName(name);
      const Model = dynamodel.model(
        name,
        [new Schema({ pk: String, ...first }), new Schema({ pk: String, ...second })],
        {
          tableName: table,
        },
      );
      await Model.table().initialize();
      await rawClient().putItem({
        TableName: table,
        Item: marshall({ pk: "a", ...stored }, { convertClassInstanceToMap: true }),
      });
      await Model.update({ pk: "a" }, update as never);
      return storedIn(table, "a");
    };
    // $ADD of a number adds to the Number, not appended to a list declared first.
    expect(
      (
        await pick(
          "ScoreAddNumber",
          { v: { type: Array, schema: [Number] } },
          { v: Number },
          { v: 3 },
          { $ADD: { v: 5 } },
        )
      )?.v,
    ).toEqual({ N: "8" });
    // $ADD of one member adds to the Set, not to a list or a String declared first.
    expect(
      (
        await pick(
          "ScoreAddMember",
          { tags: { type: Array, schema: [String] } },
          { tags: { type: Set, schema: [String] } },
          { tags: new Set(["x"]) },
          { $ADD: { tags: "y" } },
        )
      )?.tags?.SS?.sort(),
    ).toEqual(["x", "y"]);
    expect(
      (
        await pick(
          "ScoreAddString",
          { tags: String },
          { tags: { type: Set, schema: [String] } },
          { tags: new Set(["x"]) },
          { $ADD: { tags: "y" } },
        )
      )?.tags?.SS?.sort(),
    ).toEqual(["x", "y"]);
    // $DELETE takes set members only.
    expect(
      (
        await pick(
          "ScoreDelete",
          { tags: { type: Array, schema: [String] } },
          { tags: { type: Set, schema: [String] } },
          { tags: new Set(["x", "y"]) },
          { $DELETE: { tags: ["x"] } },
        )
      )?.tags,
    ).toEqual({ SS: ["y"] });
    // $IF_NOT_EXISTS is scored by the value inside it, $LIST_PREPEND by its elements.
    expect(
      (await pick("ScoreIfNotExists", { v: String }, { v: Number }, {}, { v: { $IF_NOT_EXISTS: 5 } }))?.v,
    ).toEqual({ N: "5" });
    expect(
      (
        await pick(
          "ScorePrepend",
          { items: String },
          { items: { type: Array, schema: [String] } },
          { items: ["b"] },
          { items: { $LIST_PREPEND: ["a"] } },
        )
      )?.items,
    ).toEqual({ L: [{ S: "a" }, { S: "b" }] });
  });
});

describe("the one-argument update on a multi-schema model whose schemas alias the key differently", () => {
  const aliasTable = uniqueTableName("multiUpdateAlias");
  const Doc = dynamodel.model(
    "MultiUpdateKeyAlias",
    [
      new Schema({ id: { type: String, hashKey: true }, title: String }),
      new Schema({ id: { type: String, hashKey: true, alias: "docId" }, body: String }),
    ],
    { tableName: aliasTable },
  );
  const storedDoc = async (id: string) =>
    (await rawClient().getItem({ TableName: aliasTable, Key: { id: { S: id } }, ConsistentRead: true })).Item;

  it("takes a key named by the second schema's alias as the key", async () => {
    await Doc.create({ id: "d1", body: "old" });
    await Doc.update({ docId: "d1", body: "new" });
    expect(await storedDoc("d1")).toEqual({ id: { S: "d1" }, body: { S: "new" } });
    await dynamodel.transaction([Doc.transaction.update({ docId: "d1", body: "newer" })]);
    expect(await storedDoc("d1")).toEqual({ id: { S: "d1" }, body: { S: "newer" } });
    // No key at all is still refused, and nothing is written.
    await expect(Doc.update({ body: "lost" } as never)).rejects.toThrow(
      'The key must include the hash key "id" (got {})',
    );
    expect(await storedDoc("d1")).toEqual({ id: { S: "d1" }, body: { S: "newer" } });
  });

  it("takes it whichever schema the changes choose, and in get, delete and the two-argument form", async () => {
    await Doc.create({ id: "d2", title: "old" });
    await Doc.update({ docId: "d2", title: "one-arg" });
    expect((await storedDoc("d2"))?.title).toEqual({ S: "one-arg" });
    await Doc.update({ docId: "d2" } as never, { title: "two-arg" });
    expect((await storedDoc("d2"))?.title).toEqual({ S: "two-arg" });
    await dynamodel.transaction([Doc.transaction.update({ docId: "d2", title: "tx" })]);
    expect((await storedDoc("d2"))?.title).toEqual({ S: "tx" });
    expect((await Doc.get({ docId: "d2" } as never))?.toJSON()).toEqual({ id: "d2", title: "tx" });
    await Doc.delete({ docId: "d2" } as never);
    expect(await storedDoc("d2")).toBeUndefined();
  });

  it("keeps a name one schema uses for a key alias and another for an attribute as the attribute", async () => {
    const ambiguousTable = uniqueTableName("multiUpdateAmbiguous");
    const Ambiguous = dynamodel.model(
      "MultiUpdateAmbiguousAlias",
      [
        new Schema({ id: { type: String, hashKey: true }, docId: String, title: String }),
        new Schema({ id: { type: String, hashKey: true, alias: "docId" }, body: String }),
      ],
      { tableName: ambiguousTable },
    );
    await Ambiguous.create({ id: "a", title: "old" });
    await Ambiguous.update({ id: "a", docId: "x", title: "t" });
    const { Item } = await rawClient().getItem({ TableName: ambiguousTable, Key: { id: { S: "a" } } });
    expect(Item).toEqual({ id: { S: "a" }, docId: { S: "x" }, title: { S: "t" } });
  });
});

describe("keys by a later schema's aliases, on every path", () => {
  const keyTable = uniqueTableName("multiKeyAliases");
  const Doc = dynamodel.model(
    "MultiKeyAliasesDoc",
    [
      new Schema({
        id: { type: String, hashKey: true },
        sk: { type: String, rangeKey: true },
        title: String,
      }),
      new Schema({
        id: { type: String, hashKey: true, alias: ["docId", "docAlt"] },
        sk: { type: String, rangeKey: true, alias: "sort" },
        body: String,
      }),
    ],
    { tableName: keyTable },
  );
  const storedDoc = async (id: string, sk: string) =>
    (
      await rawClient().getItem({
        TableName: keyTable,
        Key: { id: { S: id }, sk: { S: sk } },
        ConsistentRead: true,
      })
    ).Item;

  it("refuses a key naming one key attribute twice, by two aliases or by name and alias", async () => {
    await Doc.create({ id: "a", sk: "1", title: "A" });
    await Doc.create({ id: "zzz", sk: "1", title: "Z" });
    const twice = 'The key names attribute "id" twice ("docId" and "docAlt").';
    await expect(Doc.get({ docId: "zzz", docAlt: "a", sort: "1" } as never)).rejects.toThrow(twice);
    await expect(Doc.update({ docId: "zzz", docAlt: "a", sort: "1", title: "u" } as never)).rejects.toThrow(
      twice,
    );
    await expect(Doc.delete({ id: "zzz", docId: "a", sort: "1" } as never)).rejects.toThrow(
      'Cannot map attribute "id" to "docId" because both are defined.',
    );
    expect((await storedDoc("a", "1"))?.title).toEqual({ S: "A" });
    expect((await storedDoc("zzz", "1"))?.title).toEqual({ S: "Z" });
  });

  it("deletes an item read under a later schema's key aliases, itself or through Model.delete and transactions", async () => {
    await Doc.create({ docId: "b", sort: "1", body: "x" } as never);
    await Doc.create({ docId: "c", sort: "1", body: "y" } as never);
    await Doc.create({ docId: "d", sort: "1", body: "z" } as never);
    const b = (await Doc.get({ id: "b", sk: "1" }))!;
    expect(b.toJSON()).toEqual({ docId: "b", sort: "1", body: "x" });
    await b.delete();
    expect(await storedDoc("b", "1")).toBeUndefined();
    await Doc.delete((await Doc.get({ id: "c", sk: "1" }))!);
    expect(await storedDoc("c", "1")).toBeUndefined();
    await dynamodel.transaction([Doc.transaction.delete((await Doc.get({ id: "d", sk: "1" }))!)]);
    expect(await storedDoc("d", "1")).toBeUndefined();
  });

  it("names the key as the caller gave it in a cancelled transaction's reasons", async () => {
    await Doc.create({ id: "e", sk: "1", title: "E" });
    const cancelled = await dynamodel
      .transaction([
        Doc.transaction.condition({ docId: "e", sort: "1" } as never, new Condition("title").eq("other")),
        Doc.transaction.update({ docId: "f", sort: "1" } as never, { title: "F" }),
      ])
      .catch((error: unknown) => error);
    expect(cancelled).toBeInstanceOf(TransactionCanceledError);
    expect(
      (cancelled as TransactionCanceledError).reasons.map((reason) => [reason.key, reason.code]),
    ).toEqual([
      [{ docId: "e", sort: "1" }, "ConditionalCheckFailed"],
      [{ docId: "f", sort: "1" }, "None"],
    ]);
    expect(await storedDoc("f", "1")).toBeUndefined();
  });
});

describe("a key alias of the first schema that a later schema holds as an attribute", () => {
  const firstTable = uniqueTableName("multiFirstAlias");
  const M = dynamodel.model(
    "MultiFirstSchemaAlias",
    [
      new Schema({ id: { type: String, hashKey: true, alias: "docId" }, title: String }),
      new Schema({ id: { type: String, hashKey: true }, docId: String, body: String }),
    ],
    { tableName: firstTable },
  );

  it("is the key, as the first schema reads it", async () => {
    await M.update({ docId: "a", title: "t" } as never);
    await dynamodel.transaction([M.transaction.update({ docId: "b", title: "u" } as never)]);
    const { Items } = await rawClient().scan({ TableName: firstTable, ConsistentRead: true });
    expect(Items?.map((item) => `${item.id?.S}=${item.title?.S}`).sort()).toEqual(["a=t", "b=u"]);
  });
});

describe("an item whose data fits two schemas equally, read under the later one's key alias", () => {
  const tieTable = uniqueTableName("multiKeyTie");
  const Tie = dynamodel.model(
    "MultiKeyTie",
    [
      new Schema({
        id: { type: String, hashKey: true },
        sk: { type: String, rangeKey: true },
        n: String,
        m: String,
      }),
      new Schema({
        id: { type: String, hashKey: true, alias: "docId" },
        sk: { type: String, rangeKey: true },
        n: { type: Number, get: (value: number) => `#${value}` },
      }),
    ],
    { tableName: tieTable },
  );

  it("is deleted by the key it holds, itself and through Model.delete", async () => {
    await Tie.create({ docId: "g", sk: "1", n: 1 } as never);
    await Tie.create({ docId: "h", sk: "1", n: 2 } as never);
    const g = (await Tie.get({ id: "g", sk: "1" }))!;
    expect(g.toJSON()).toEqual({ docId: "g", sk: "1", n: "#1" });
    await g.delete();
    await Tie.delete((await Tie.get({ id: "h", sk: "1" }))!);
    const { Items } = await rawClient().scan({ TableName: tieTable, ConsistentRead: true });
    expect(Items).toEqual([]);
  });
});
