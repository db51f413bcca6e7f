// model() typing: keys by real name or alias, models as reference types, several schemas.
import { model, Schema, transaction, type, type ModelItem, type ModelType, type ObjectType } from "dynamodel";
import type { Equal, Expect } from "./assert";

const Event = model(
  "TypesEvent",
  new Schema({
    stream: { type: String, hashKey: true, alias: "streamName" },
    at: { type: Date, rangeKey: true },
  }),
);
void Event.get({ stream: "s", at: new Date() });
void Event.get({ streamName: "s", at: 5 });
// @ts-expect-error: the range key is required
void Event.get({ stream: "s" });
// @ts-expect-error: the hash key is a string
void Event.get({ stream: 1, at: 5 });

const Owner = model("TypesOwner", { id: { type: Number, hashKey: true }, name: String });
const Pet = model("TypesPet", { id: { type: Number, hashKey: true }, owner: Owner });
void Pet.create({ id: 1, owner: 7 });
// A reference is typed by the referenced model's key and item: written as the key (bare or an object) or
// an item; read as the stored key, or the item after populate().
void Pet.create({ id: 2, owner: { id: 7 } });
void Pet.create({ id: 3, owner: { id: 7, name: "Ann" } });
void Pet.create({ id: 4, owner: new Owner({ id: 7 }) });
// @ts-expect-error: Owner's key is a number
void Pet.create({ id: 5, owner: "seven" });
// @ts-expect-error: not a key or an item of Owner
void Pet.create({ id: 6, owner: { foo: 1 } });
export async function readReference(): Promise<void> {
  const pet = (await Pet.get(1))!;
  type _owner = Expect<Equal<typeof pet.owner, number | { id: number; name?: string } | undefined>>;
  const Ranged = model("TypesRanged", {
    id: { type: String, hashKey: true },
    at: { type: Number, rangeKey: true },
  });
  const Holder = model("TypesHolder", { id: { type: String, hashKey: true }, ranged: Ranged });
  const holder = (await Holder.get("h"))!;
  type _ranged = Expect<Equal<typeof holder.ranged, { id: string; at: number } | undefined>>;
}

const Mixed = model("TypesMixed", [
  new Schema({ pk: String, title: String }),
  new Schema({ pk: String, age: Number }),
]);
// Several schemas: attributes are `any`, as Dynamoose types them, so reading one needs no cast.
type _mixed = Expect<
  Equal<
    typeof Mixed,
    ModelType<ObjectType, ObjectType, unknown, ObjectType, string, string, ModelItem<ObjectType> | undefined>
  >
>;
async function mixedReads() {
  const mixed = await Mixed.get("p1");
  if (mixed) {
    const title: string = mixed.title.toUpperCase();
    const age: number = mixed.age + 1;
    void [title, age];
  }
  // @ts-expect-error — create still takes an object.
  await Mixed.create();
}
void mixedReads;
export async function mixedGet(): Promise<void> {
  const got = await Mixed.get("a");
  // @ts-expect-error: a model's get may resolve undefined
  void got.pk;
}
void Mixed.create({ pk: "a", anything: 1 });

// on/once/off return the model itself, so listeners chain on it.
const chained = Owner.on("save", () => undefined)
  .once("error", (error: unknown) => void error)
  .off("save");
type _chained = Expect<Equal<typeof chained, typeof Owner>>;
void chained.get(1);

// Batch results report keys as key objects: a bare hash value comes back as `{hashKey: value}`.
export async function reportedKeys(): Promise<void> {
  const found = await Owner.batchGet([1, { id: 2 }]);
  type _unprocessed = Expect<Equal<(typeof found.unprocessedKeys)[number], { id: number }>>;
  const { unprocessedItems } = await Owner.batchDelete([1]);
  type _deleted = Expect<Equal<(typeof unprocessedItems)[number], { id: number }>>;
}

// Dynamoose's Model.Item (the item class: the model itself) and Model.Model.
export const fromItemClass = new Owner.Item({ id: 1, name: "Ann" });
type _fromItemClass = Expect<Equal<typeof fromItemClass, InstanceType<typeof Owner>>>;
export const hashKeyName: string = Owner.Model.getHashKey();

// An item's validate() resolves with nothing, or takes a Node-style callback and returns undefined.
const toValidate = new Owner({ id: 1 });
export const validated: Promise<void> = toValidate.validate();
export const validatedWithCallback: undefined = toValidate.validate((error: unknown) => void error);
// @ts-expect-error: validate takes a callback, not settings
void toValidate.validate({ overwrite: true });

// A Schema nested as an attribute's type brings its saveUnknown along, not its timestamps or version
// (docs/schema.md): they are top-level attributes, so the nested item type leaves them out.
const NestedSettingsInner = new Schema(
  { city: String },
  { timestamps: true, version: true, saveUnknown: true },
);
const NestedSettingsOuter = model("TypesNestedSettings", {
  id: { type: String, hashKey: true },
  addr: NestedSettingsInner,
});
export async function nestedSchemaSettings(): Promise<void> {
  const outer = (await NestedSettingsOuter.get("x"))!;
  const addr = outer.addr!;
  type _city = Expect<Equal<typeof addr.city, string | undefined>>;
  // @ts-expect-error: a nested Schema's timestamps are not applied
  void addr.createdAt.getTime();
  // @ts-expect-error: nor its version
  void addr.version.toFixed();
  void addr["anything"]; // saveUnknown is
}

// Given as an Object's `schema`, a Schema gives its attributes only, not its saveUnknown (as in Dynamoose).
const NestedAsSchemaOuter = model("TypesNestedAsSchema", {
  id: { type: String, hashKey: true },
  addr: { type: Object, schema: NestedSettingsInner },
});
export async function nestedAsSchemaSettings(): Promise<void> {
  const addr = (await NestedAsSchemaOuter.get("x"))!.addr!;
  type _city = Expect<Equal<typeof addr.city, string | undefined>>;
  // @ts-expect-error: no saveUnknown here
  void addr["anything"];
}

// A top-level `saveUnknown: true` keeps undeclared keys at any depth (Dynamoose's `**`): inside declared
// objects, list elements, and Schemas nested either way; the declared attributes keep their types.
const DeepUnknownSchema = new Schema(
  {
    id: { type: String, hashKey: true },
    meta: { type: Object, schema: { a: String, inner: { type: Object, schema: { c: Number } } } },
    list: { type: Array, schema: [{ type: Object, schema: { a: String } }] },
    given: { type: Object, schema: new Schema({ a: String }) },
    typed: new Schema({ a: String }),
    flat: {
      type: Object,
      storage: "flatten",
      schema: { a: String, inner: { type: Object, schema: { c: Number } } },
    },
  },
  { saveUnknown: true },
);
const DeepUnknown = model("TypesDeepUnknown", DeepUnknownSchema);
void DeepUnknown.create({
  id: "1",
  meta: { a: "x", b: 2, inner: { c: 1, d: [true] } },
  list: [{ a: "x", b: 2 }],
  given: { a: "x", b: 2 },
  typed: { a: "x", b: 2 },
  flat: { a: "x", inner: { c: 1, d: 2 } },
});
void new DeepUnknown({ id: "1", meta: { b: 2 } });
void DeepUnknown.batchPut([{ id: "1", list: [{ b: 2 }] }]);
// @ts-expect-error: a declared nested attribute keeps its type
void DeepUnknown.create({ id: "1", meta: { a: 5, b: 2 } });
// Updates keep what a save of the same data keeps: nested values take undeclared keys too.
void DeepUnknown.update("1", { meta: { a: "x", b: 2 }, $SET: { list: [{ b: 2 }] } });
void DeepUnknown.update("1", { "meta.inner": { d: 1 } });
// @ts-expect-error: and check the declared ones
void DeepUnknown.update("1", { meta: { a: 5 } });
// @ts-expect-error: by path too
void DeepUnknown.update("1", { "meta.inner": { c: "one" } });
// @ts-expect-error: at any depth
void DeepUnknown.create({ id: "1", meta: { inner: { c: "one" } } });
// @ts-expect-error: in list elements too
void new DeepUnknown({ id: "1", list: [{ a: 5 }] });
// @ts-expect-error: a flattened object's own unknown keys are not stored (its sub-attributes are attributes)
void DeepUnknown.create({ id: "1", flat: { b: 2 } });
export async function deepUnknownRead(): Promise<void> {
  const item = (await DeepUnknown.get("1"))!;
  type _b = Expect<Equal<(typeof item.meta & object)["b"], unknown>>;
  type _a = Expect<Equal<(typeof item.meta & object)["a"], string | undefined>>;
  void item.meta?.b;
  void item.meta?.inner?.d;
  void item.list?.[0]?.b;
  void item.given?.b;
  void item.typed?.b;
  void item.flat?.inner?.d;
  // @ts-expect-error: see above
  void item.flat?.b;
}
// Values typed by an interface or a class (no index signature of their own) are taken too, at any depth.
interface MetaData {
  a?: string;
  b: number;
}
declare const metaData: MetaData;
declare const listEntry: { b: number };
void DeepUnknown.create({ id: "1", meta: metaData, list: [listEntry] });
void new DeepUnknown({ id: "1", meta: metaData });
void DeepUnknown.update("1", { meta: metaData });
declare const wholeItem: { id: string; meta: MetaData };
interface WholeItem {
  id: string;
  extra: number;
}
declare const interfaceItem: WholeItem;
void DeepUnknown.create(wholeItem);
void DeepUnknown.create(interfaceItem);
interface WrongMeta {
  a: number;
}
declare const wrongMeta: WrongMeta;
// @ts-expect-error: a declared property of the wrong type is still refused
void DeepUnknown.create({ id: "1", meta: wrongMeta });
// Where an object is declared, what the runtime refuses as one is refused: arrays, Dates, Maps, Sets,
// promises, functions.
// @ts-expect-error: an array
void DeepUnknown.create({ id: "1", meta: [1, 2] });
// @ts-expect-error: an array of strings
void DeepUnknown.create({ id: "1", meta: ["a"] as string[] });
// @ts-expect-error: a Date
void DeepUnknown.create({ id: "1", meta: new Date() });
// @ts-expect-error: a Map
void DeepUnknown.create({ id: "1", meta: new Map<string, number>() });
// @ts-expect-error: a Set
void DeepUnknown.create({ id: "1", list: [new Set<number>()] });
// @ts-expect-error: a promise
void DeepUnknown.update("1", { meta: Promise.resolve({ a: "x" }) });
// @ts-expect-error: a function
void new DeepUnknown({ id: "1", meta: () => 1 });
// @ts-expect-error: nor a primitive
void DeepUnknown.create({ id: "1", meta: "x" });
// Without saveUnknown, undeclared nested keys are still an error.
const ClosedNested = model("TypesClosedNested", {
  id: { type: String, hashKey: true },
  meta: { type: Object, schema: { a: String } },
  list: { type: Array, schema: [{ type: Object, schema: { a: String } }] },
});
// @ts-expect-error: `b` is not declared
void ClosedNested.create({ id: "1", meta: { a: "x", b: 2 } });
// @ts-expect-error: nor in a list element
void ClosedNested.create({ id: "1", list: [{ a: "x", b: 2 }] });
export async function closedNestedRead(): Promise<void> {
  const item = (await ClosedNested.get("1"))!;
  // @ts-expect-error: no index signature
  void item.meta?.b;
}
// The array form keeps by pattern, which the types do not follow: the item takes any undeclared key at the
// top level (the runtime keeps only what a pattern names) and none inside declared objects.
const PatternNested = model(
  "TypesPatternNested",
  new Schema(
    { id: { type: String, hashKey: true }, meta: { type: Object, schema: { a: String } } },
    { saveUnknown: ["meta.*"] },
  ),
);
void PatternNested.create({ id: "1", top: 1 });
// @ts-expect-error: not below it
void PatternNested.create({ id: "1", meta: { b: 2 } });

// With `return: "request"`, a callback gets the request input, as the Promise form resolves with it.
export function requestCallbacks(): void {
  const Requested = model("TypesRequestCallbacks", { id: { type: Number, hashKey: true }, name: String });
  Requested.get(1, { return: "request" }, (error, request) => void [error, request?.Key]);
  Requested.create({ id: 1 }, { return: "request" }, (error, request) => void [error, request?.Item]);
  Requested.delete(1, { return: "request" }, (error, request) => void [error, request?.Key]);
  Requested.update(
    1,
    { name: "x" },
    { return: "request" },
    (error, request) => void request?.UpdateExpression,
  );
  Requested.batchGet([1], { return: "request" }, (error, request) => void [error, request]);
  Requested.batchPut([{ id: 1 }], { return: "request" }, (error, request) => void [error, request]);
  Requested.batchDelete([1], { return: "request" }, (error, request) => void [error, request]);
  transaction(
    [Requested.transaction.get(1)],
    { return: "request" },
    (error, request) => void request?.TransactItems,
  );
}

// The guards against arrays and Dates are not attributes: they take no type.UNDEFINED.
const PatternTop = model(
  "TypesPatternTop",
  new Schema({ id: { type: String, hashKey: true } }, { saveUnknown: ["meta.*"] }),
);
// @ts-expect-error: Symbol.iterator is no attribute to leave out
void PatternTop.create({ id: "1", [Symbol.iterator]: type.UNDEFINED });

// An Object without a schema takes a value typed by an interface, as a literal; reads are unknown values.
const FreeForm = model("TypesFreeForm", {
  id: { type: String, hashKey: true },
  data: Object,
  list: { type: Array, schema: [Object] },
});
interface Payload {
  kind: string;
  count: number;
}
declare const payload: Payload;
void FreeForm.create({ id: "1", data: payload, list: [payload] });
void FreeForm.update("1", { data: payload });
void FreeForm.create({ id: "1", data: { kind: "a" } });
// @ts-expect-error: an array is no map
void FreeForm.create({ id: "1", data: [1] });
// @ts-expect-error: nor a Date
void FreeForm.create({ id: "1", data: new Date() });
export async function freeFormRead(): Promise<void> {
  const item = (await FreeForm.get("1"))!;
  type _data = Expect<Equal<typeof item.data, Record<string, unknown> | undefined>>;
  // @ts-expect-error: an unknown value
  const count: number = item.data!.count;
  void count;
}

// One schema given in an array is typed from it, as when given alone; several stay loose, as in Dynamoose.
const oneInArray = model("TypesOneInArray", [new Schema({ id: { type: String, hashKey: true }, n: Number })]);
// @ts-expect-error: n is a number
void oneInArray.create({ id: "x", n: "not a number" });
void oneInArray.create({ id: "x", n: 1 });
export async function oneInArrayRead(): Promise<void> {
  const item = (await oneInArray.get("x"))!;
  type _n = Expect<Equal<typeof item.n, number | undefined>>;
}
const severalInArray = model("TypesSeveralInArray", [
  new Schema({ id: String, a: String }),
  new Schema({ id: String, b: Number }),
]);
void severalInArray.create({ id: "x", anything: 1 });
