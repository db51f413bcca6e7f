// model() typing: keys by real name or alias, models as reference types, several schemas.
import { model, Schema, transaction, type ModelItem, type ModelType } from "dynamodel";
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
type _mixed = Expect<
  Equal<
    typeof Mixed,
    ModelType<
      Record<string, unknown>,
      Record<string, unknown>,
      unknown,
      Record<string, unknown>,
      string,
      string,
      ModelItem<Record<string, unknown>> | undefined
    >
  >
>;
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
