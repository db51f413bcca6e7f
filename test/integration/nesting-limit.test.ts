// DynamoDB stores at most 31 maps and lists inside one another in an attribute and refuses more with a
// message that names no path (and, in a batch, after earlier chunks were written). `type.ANY` values and
// content `saveUnknown` keeps can nest that deep, so every write checks before sending.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("nesting");
const Doc = dynamodel.model(
  "NestingDoc",
  new Schema(
    {
      id: String,
      meta: dynamodel.type.ANY,
      box: { type: Object, schema: { inner: { type: Object, schema: { any: dynamodel.type.ANY } } } },
    },
    { saveUnknown: true },
  ),
  { tableName, throughput: "ON_DEMAND" },
);

/** `containers` maps and lists inside one another, alternately (a map outermost when odd), around "x". */
function nested(containers: number): unknown {
  let value: unknown = "x";
  for (let depth = 1; depth <= containers; depth += 1) value = depth % 2 ? { k: value } : [value];
  return value;
}

const stored = (id: string) => storedItem(tableName, { id: { S: id } });
const tooDeep = (path: string, value: unknown) =>
  expect.objectContaining({
    name: "ValidationError",
    rule: "nesting",
    path,
    value,
    message: expect.stringContaining(
      `"${path}" is nested 32 maps and lists deep; DynamoDB stores at most 31 inside one another`,
    ),
  });
// The path from a value of `nested(n)` down to its 32nd container, when it is the attribute's own value.
const downFromList = (steps: number) => "[0].k".repeat(steps / 2) + (steps % 2 ? "[0]" : "");
const downFromMap = (steps: number) => ".k[0]".repeat(steps / 2) + (steps % 2 ? ".k" : "");

beforeAll(() => Doc.table().initialize());

it("stores 31 maps and lists inside one another, as DynamoDB does", async () => {
  await new Doc({
    id: "deepest",
    meta: nested(31),
    other: nested(31),
    box: { inner: { any: nested(29) } },
  }).save();
  const item = await stored("deepest");
  expect(item?.meta).toEqual(dynamodel.aws.converter().marshall({ v: nested(31) }).v);
  expect((await Doc.get("deepest"))!.toJSON()).toEqual({
    id: "deepest",
    meta: nested(31),
    other: nested(31),
    box: { inner: { any: nested(29) } },
  });
});

it("refuses a 32nd in a save, naming the path, the rule and the value there, and writes nothing", async () => {
  // nested(32) is a list outermost: its 32nd container is the innermost map, {k: "x"}.
  await expect(new Doc({ id: "s1", meta: nested(32) }).save()).rejects.toEqual(
    tooDeep(`meta${downFromList(31)}`, { k: "x" }),
  );
  // Undeclared content saveUnknown keeps, and ANY under two declared maps (which count).
  await expect(Doc.create({ id: "s2", other: nested(33) })).rejects.toEqual(
    tooDeep(`other${downFromMap(31)}`, [{ k: "x" }]),
  );
  await expect(Doc.create({ id: "s3", box: { inner: { any: nested(30) } } })).rejects.toEqual(
    tooDeep(`box.inner.any${downFromList(29)}`, { k: "x" }),
  );
  expect(await stored("s1")).toBeUndefined();
  expect(await stored("s2")).toBeUndefined();
  expect(await stored("s3")).toBeUndefined();
});

it("refuses a change to a saved item that nests too deep, leaving the stored item as it was", async () => {
  await Doc.create({ id: "changed", meta: { a: 1 } });
  const item = (await Doc.get("changed"))!;
  const before = await stored("changed");
  (item as unknown as { meta: unknown }).meta = { a: nested(31) };
  await expect(item.save()).rejects.toEqual(tooDeep(`meta.a${downFromMap(30)}`, { k: "x" }));
  expect(await stored("changed")).toEqual(before);
});

it("counts the maps an update path goes through, in Model.update and in transactions", async () => {
  await Doc.create({ id: "updated", box: { inner: { any: { a: 1 } } } });
  const before = await stored("updated");
  await expect(Doc.update({ id: "updated" }, { meta: nested(32) })).rejects.toEqual(
    tooDeep(`meta${downFromList(31)}`, { k: "x" }),
  );
  await expect(Doc.update({ id: "updated" }, { "box.inner.any": nested(30) })).rejects.toEqual(
    tooDeep(`box.inner.any${downFromList(29)}`, { k: "x" }),
  );
  await expect(
    dynamodel.transaction([Doc.transaction.update({ id: "updated" }, { $SET: { other: nested(32) } })]),
  ).rejects.toEqual(tooDeep(`other${downFromList(31)}`, { k: "x" }));
  expect(await stored("updated")).toEqual(before);
  // 29 below box.inner.any are 31 in all: stored.
  await Doc.update({ id: "updated" }, { "box.inner.any": nested(29) });
  expect((await Doc.get("updated"))!.toJSON().box).toEqual({ inner: { any: nested(29) } });
});

it("refuses elements appended to a list when the list then nests too deep, naming the list", async () => {
  await Doc.create({ id: "appended", meta: ["first", "second"] });
  const before = await stored("appended");
  // The appended element is the list's element: its own 31 containers are 32 with the list. Where it would
  // sit in the stored list is not known before the write, so the error names the list.
  const appended = Doc.update({ id: "appended" }, { $ADD: { meta: ["ok", nested(31)] } });
  await expect(appended).rejects.toEqual(
    expect.objectContaining({ name: "ValidationError", rule: "nesting", path: "meta", value: { k: "x" } }),
  );
  await expect(appended).rejects.toThrow(
    `"meta" would be nested 32 maps and lists deep inside appended element 1 (at "${downFromMap(30).slice(1)}" ` +
      "in it); DynamoDB stores at most 31 inside one another in an attribute",
  );
  // Prepended elements do know their index.
  await expect(Doc.update({ id: "appended" }, { meta: { $LIST_PREPEND: [nested(31)] } })).rejects.toEqual(
    tooDeep(`meta[0]${downFromMap(30)}`, { k: "x" }),
  );
  expect(await stored("appended")).toEqual(before);
  await Doc.update({ id: "appended" }, { $ADD: { meta: [nested(30)] } });
  expect((await stored("appended"))?.meta?.L).toHaveLength(3);
});

it("checks an $IF_NOT_EXISTS value too: one nested too deep could never be stored", async () => {
  await Doc.create({ id: "kept", meta: "already" });
  const before = await stored("kept");
  await expect(Doc.update({ id: "kept" }, { meta: { $IF_NOT_EXISTS: nested(32) } })).rejects.toEqual(
    tooDeep(`meta${downFromList(31)}`, { k: "x" }),
  );
  expect(await stored("kept")).toEqual(before);
  await Doc.update({ id: "kept" }, { other: { $IF_NOT_EXISTS: nested(31) } });
  expect((await Doc.get("kept"))!.toJSON()).toEqual({ id: "kept", meta: "already", other: nested(31) });
});

it("names a flattened attribute by its document path", async () => {
  const Flat = dynamodel.model(
    "NestingFlat",
    new Schema({
      id: String,
      address: { type: Object, storage: "flatten", schema: { any: dynamodel.type.ANY, city: String } },
    }),
    { tableName: uniqueTableName("nestingflat"), throughput: "ON_DEMAND" },
  );
  // Stored as the top-level attribute "address_any": the flattened object is no map in the table.
  await Flat.create({ id: "deepest", address: { any: nested(31) } });
  await expect(Flat.create({ id: "deeper", address: { any: nested(32) } })).rejects.toEqual(
    tooDeep(`address.any${downFromList(31)}`, { k: "x" }),
  );
  await expect(
    Flat.update({ id: "deepest" }, { address: { any: nested(32), city: "Oslo" } }),
  ).rejects.toEqual(tooDeep(`address.any${downFromList(31)}`, { k: "x" }));
  expect(await storedItem(Flat.table().name, { id: { S: "deeper" } })).toBeUndefined();
  // Appended to a flattened list: the list is named by its document path too.
  await Flat.create({ id: "list", address: { any: ["first"] } });
  await expect(Flat.update({ id: "list" }, { $ADD: { "address.any": [nested(31)] } })).rejects.toThrow(
    '"address.any" would be nested 32 maps and lists deep inside appended element 0',
  );
});

it("refuses the whole batch and the whole transaction before anything is written", async () => {
  const batch = Array.from({ length: 30 }, (_, index) => ({ id: `batch${index}` }));
  batch.push({ id: "batchdeep", meta: nested(40) } as (typeof batch)[number]);
  await expect(Doc.batchPut(batch)).rejects.toThrow(
    `batchPut entry [30]: "meta${downFromList(31)}" is nested 32 maps and lists deep`,
  );
  await expect(
    dynamodel.transaction([
      Doc.transaction.create({ id: "tx1" }),
      Doc.transaction.create({ id: "tx2", meta: nested(33) }),
    ]),
  ).rejects.toEqual(tooDeep(`meta${downFromMap(31)}`, [{ k: "x" }]));
  const scanned = await rawClient().scan({ TableName: tableName });
  const ids = (scanned.Items ?? []).map((item) => item.id!.S);
  expect(ids.filter((id) => id!.startsWith("batch") || id!.startsWith("tx"))).toEqual([]);
});

it("refuses a condition value nested deeper than DynamoDB takes (33), naming the condition's path", async () => {
  await new Doc({ id: "conditioned", meta: "kept" }).save();
  const before = await stored("conditioned");
  // 32 inside one another are sent, and DynamoDB takes them: the scan runs, the condition just fails.
  expect(await Doc.scan("meta").eq(nested(32)).exec()).toHaveLength(0);
  await expect(
    Doc.update(
      { id: "conditioned" },
      { meta: "changed" },
      { condition: new dynamodel.Condition("meta").eq(nested(32)) },
    ),
  ).rejects.toMatchObject({ name: "ConditionalCheckFailedException" });

  const refusal = (path: string, at: string, value: unknown) =>
    expect.objectContaining({
      name: "ValidationError",
      rule: "nesting",
      path,
      value,
      message: expect.stringContaining(
        `"${path}" has a condition value nested 33 maps and lists deep (at "${at}" in it); DynamoDB takes at ` +
          "most 32 inside one another in a condition value",
      ),
    });
  const at = downFromMap(32).slice(1); // nested(33) has a map outermost
  await expect(Doc.scan("meta").eq(nested(33)).exec()).rejects.toEqual(refusal("meta", at, { k: "x" }));
  await expect(
    Doc.query("id").eq("conditioned").filter("box.inner.any").contains(nested(33)).exec(),
  ).rejects.toEqual(refusal("box.inner.any", at, { k: "x" }));
  await expect(
    Doc.scan("meta")
      .in(["a", nested(33)])
      .exec(),
  ).rejects.toEqual(refusal("meta", at, { k: "x" }));
  // Nothing is written when a write's condition is refused.
  await expect(
    Doc.update(
      { id: "conditioned" },
      { meta: "changed" },
      { condition: new dynamodel.Condition("meta").eq(nested(33)) },
    ),
  ).rejects.toEqual(refusal("meta", at, { k: "x" }));
  await expect(
    Doc.delete(
      { id: "conditioned" },
      { condition: new dynamodel.Condition().where("meta").between(nested(33), 1) },
    ),
  ).rejects.toEqual(refusal("meta", at, { k: "x" }));
  expect(await stored("conditioned")).toEqual(before);
});

it("checks a condition value an asynchronous set makes, once it settles", async () => {
  const Later = dynamodel.model(
    "NestingLater",
    { id: String, meta: { type: dynamodel.type.ANY, set: async (value: unknown) => value } },
    { tableName, create: false },
  );
  const at = downFromMap(32).slice(1);
  await expect(Later.scan("meta").eq(nested(33)).exec()).rejects.toMatchObject({
    name: "ValidationError",
    rule: "nesting",
    path: "meta",
    message: expect.stringContaining(`(at "${at}" in it)`),
  });
  await expect(Later.scan("meta").eq(nested(32)).exec()).resolves.toHaveLength(0);
});
