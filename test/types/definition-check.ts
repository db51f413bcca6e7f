// Compile-time tests: a misspelt attribute, index or schema setting is a compile error (SPEC §10, "errors
// in schema definitions surface at compile time"), through `new Schema()` and `model()`, at any depth.
// Correct definitions still infer exactly as before.
import dynamodel, { Schema, type, type SchemaDefinition } from "dynamodel";
import type { Equal, Expect } from "./assert";

new Schema({
  // @ts-expect-error: `hashkey` is not a setting (`hashKey` is)
  id: { type: String, hashkey: true },
});
new Schema({
  id: String,
  // @ts-expect-error: `requried` is not a setting
  name: { type: String, requried: true },
});
new Schema({
  id: String,
  // @ts-expect-error: a misspelt function-valued setting
  age: { type: Number, valdate: (age: number) => age >= 0 },
});
new Schema({
  id: String,
  address: {
    type: Object,
    // @ts-expect-error: inside a nested object's schema
    schema: { city: { type: String, defualt: "Oslo" } },
  },
});
new Schema({
  id: String,
  // @ts-expect-error: inside an Array's element definition
  pets: { type: Array, schema: [{ type: Object, schema: { name: { type: String, rquired: true } } }] },
});
new Schema({
  id: String,
  // @ts-expect-error: an attribute with several types
  code: { type: [String, Number], enums: ["a", 1] },
});
new Schema({
  id: String,
  // @ts-expect-error: `rangekey` is not an index setting (`rangeKey` is)
  email: { type: String, index: { name: "byEmail", rangekey: "id" } },
});
new Schema({
  id: String,
  // @ts-expect-error: one of several indexes
  email: { type: String, index: [{ name: "byEmail" }, { nmae: "second" }] },
});
// @ts-expect-error: `timestamp` is not a schema setting (`timestamps` is)
new Schema({ id: String }, { timestamp: true });

// `null` for any setting but `type` is "not set", as at run time (and in Dynamoose): accepted everywhere a
// setting is, and a wrong value beside it is still an error.
new Schema(
  {
    id: { type: String, hashKey: true, rangeKey: null, index: null, alias: null, defaultAlias: null },
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
      aliases: null,
      defaultMap: null,
    },
    address: { type: Object, schema: { city: { type: String, alias: null } }, storage: null, prefix: null },
    tags: { type: Array, schema: null },
  },
  { timestamps: null, saveUnknown: null, get: null, set: null, validate: null, version: null },
);
dynamodel.model("NullSettings", { id: String, name: { type: String, get: null, set: null, alias: null } });
// A typed parameter is still accepted where a function is given.
new Schema({
  id: String,
  name: { type: String, get: (v: string) => v.trim(), set: (v: string) => v.trim() },
});
new Schema(
  { id: String },
  { get: (item: { id: string }) => item, validate: (item: { id: string }) => !!item.id },
);
// @ts-expect-error: `type` is the one setting that is never null
new Schema({ id: String, name: { type: null } });
// @ts-expect-error: a `get` that is not a function
new Schema({ id: String, name: { type: String, get: 5 } });
// @ts-expect-error: a `saveUnknown` that is neither true, false, a list of paths nor null
new Schema({ id: String }, { saveUnknown: 5 });

// Two construction errors TypeScript can see (SPEC §2): a dot in an attribute name, an unknown type name.
new Schema({
  id: String,
  // @ts-expect-error: attribute names must not contain dots
  "address.city": String,
});
new Schema({
  id: String,
  // @ts-expect-error: a dotted name inside a nested schema
  address: { type: Object, schema: { "zip.code": String } },
});
// @ts-expect-error: "strng" is no type name
new Schema({ id: "strng" });
new Schema({
  id: String,
  // @ts-expect-error: in `type`, and in a list of types
  age: { type: [String, "nmber"] },
});
new Schema({
  id: String,
  // @ts-expect-error: in `type`
  born: { type: "datetime", required: true },
});
// Type names in any case are fine, and a widened string cannot be judged (run time checks it).
const widened: string = "string";
new Schema({ id: "STRING", born: "Date", tags: { type: "set", schema: ["Number"] }, other: widened });

dynamodel.model("TypesCheckModel", {
  // @ts-expect-error: through model() with a plain definition
  id: { type: String, hashkey: true },
});
dynamodel.model("TypesCheckModelNested", {
  id: String,
  // @ts-expect-error: nested, through model()
  address: { type: Object, schema: { city: { type: String, requried: true } } },
});

// A definition held in a variable, or with a mistake only the check sees (a dotted name, an unknown type
// name), no longer slips past through Dynamoose's loosely typed overload: the mistake is reported.
const misspeltInVariable = { id: { type: String, hashkey: true }, n: Number };
// @ts-expect-error: a misspelt setting in a variable, through model()
dynamodel.model("TypesCheckVariable", misspeltInVariable);
// @ts-expect-error: an unknown type name, through model()
dynamodel.model("TypesCheckTypeName", { id: { type: "strng" } });
// @ts-expect-error: a dotted attribute name, through model()
dynamodel.model("TypesCheckDotted", { "a.b": String });
// Dynamoose's style with an explicit item type: TypeScript infers nothing from the definition there, so
// only an inline literal's misspelt key is caught (by the excess-property check); a correct one compiles.
class CheckedCat extends dynamodel.Item {
  id!: string;
}
// @ts-expect-error: misspelt under model<T>(), inline
dynamodel.model<CheckedCat>("TypesCheckExplicit", { id: { type: String, hashkey: true } });
const explicitGood = dynamodel.model<CheckedCat>("TypesCheckExplicitGood", {
  id: { type: String, hashKey: true },
});
const explicitRead = explicitGood.get("a");
type _explicitItem = Expect<Equal<NonNullable<Awaited<typeof explicitRead>>["id"], string>>;
const wideDefinition: SchemaDefinition = { id: String };
dynamodel.model("TypesCheckWide", wideDefinition);

// Correct definitions of every kind compile and infer as before.
const Good = dynamodel.model(
  "TypesCheckGood",
  new Schema(
    {
      id: { type: String, hashKey: true },
      at: { type: Number, rangeKey: true },
      name: { type: String, required: true, default: "x", validate: (name: string) => name.length > 0 },
      role: { type: String, enum: ["member", "admin"] as const, forceDefault: false },
      mail: { type: String, alias: "email", index: { name: "byMail", type: "global", project: ["id"] } },
      tags: { type: Set, schema: [String] },
      when: { type: { value: Date, settings: { storage: "iso" } } },
      fixed: type.CONSTANT("v"),
      sub: new Schema({ a: String }),
      list: {
        type: Array,
        schema: [{ type: Object, schema: { n: { type: Number, get: (n: number) => n } } }],
      },
      blob: { type: Object, storage: "json" },
      flat: { type: Object, storage: "flatten", prefix: "f_", schema: { c: String } },
      // Dynamoose's guide still shows v2's `global: true`; it is accepted and ignored, as in Dynamoose.
      legacy: { type: String, index: { global: true, name: "byLegacy" } },
    },
    { timestamps: true, saveUnknown: ["extra"], version: true },
  ),
);
type GoodItem = InstanceType<typeof Good>;
export type DefinitionCheckTests = [
  Expect<Equal<GoodItem["role"], "member" | "admin" | undefined>>,
  Expect<Equal<GoodItem["name"], string>>,
  Expect<Equal<GoodItem["email"], string | undefined>>,
  Expect<Equal<GoodItem["list"], { n?: number }[] | undefined>>,
];

// Dynamoose v2's `global: true` alone, through model(): the model keeps its inferred types.
const Legacy = dynamodel.model("TypesCheckLegacy", {
  id: { type: String, hashKey: true },
  email: { type: String, index: { global: true } },
});
export const legacyRead: Promise<{ id: string; email?: string } | undefined> = Legacy.get("a");

// Dynamoose's own parameter type, `Schema | SchemaDefinition`, is accepted as it is (a wrapper's argument).
export function defineLoosely(name: string, schema: Schema | SchemaDefinition) {
  return dynamodel.model(name, schema);
}
export function defineLooselyTyped(name: string, schema: Schema | SchemaDefinition) {
  return dynamodel.model<CheckedCat>(name, schema);
}

// Key settings that are construction errors (SPEC §2) are compile errors too.
// Each of the attributes that claim the role is marked.
new Schema({
  // @ts-expect-error: one of two hash keys
  a: { type: String, hashKey: true },
  // @ts-expect-error: a second hash key
  b: { type: String, hashKey: true },
});
new Schema({
  id: String,
  // @ts-expect-error: one of two range keys
  a: { type: Number, rangeKey: true },
  // @ts-expect-error: a second range key
  b: { type: Number, rangeKey: true },
});
// @ts-expect-error: both keys on one attribute
new Schema({ id: { type: String, hashKey: true, rangeKey: true } });
dynamodel.model("TypesCheckTwoHashKeys", {
  // @ts-expect-error: through model() too
  a: { type: String, hashKey: true },
  // @ts-expect-error: through model() too
  b: { type: String, hashKey: true },
});
// One of each, on different attributes, is fine.
export const keys = new Schema({ a: { type: String, hashKey: true }, b: { type: Number, rangeKey: true } });

// A Date storage no storage has, and an Array or Set schema listing several elements, are construction
// errors (SPEC §2), so they are compile errors too.
new Schema({
  id: String,
  // @ts-expect-error: "weeks" is not a Date storage
  at: { type: { value: Date, settings: { storage: "weeks" } } },
});
new Schema({
  id: String,
  // @ts-expect-error: written without a definition object too
  at: { value: Date, settings: { storage: "minutes" } },
});
new Schema({
  id: String,
  // @ts-expect-error: an Array lists one element type
  list: { type: Array, schema: [String, Number] },
});
new Schema({
  id: String,
  // @ts-expect-error: so does a Set
  tags: { type: Set, schema: [String, Number] },
});
dynamodel.model("TypesCheckDateStorage", {
  id: String,
  // @ts-expect-error: through model() too
  at: { type: { value: Date, settings: { storage: "hours" } } },
});
new Schema({
  id: String,
  // @ts-expect-error: a Date written by its name
  at: { type: { value: "date", settings: { storage: "weeks" } } },
});
new Schema({
  id: String,
  // @ts-expect-error: a list of values with settings
  at: { type: { value: [Date], settings: { storage: "weeks" } } },
});
new Schema({
  id: String,
  // @ts-expect-error: an Array written by its name
  list: { type: "Array", schema: [String, Number] },
});
new Schema({
  id: String,
  // @ts-expect-error: an Array among several types
  list: { type: [Array, String], schema: [String, Number] },
});
// Each storage, one element type, and an Array of several types per element (written as one element) are fine.
export const storages = new Schema({
  id: String,
  ms: { type: { value: Date, settings: { storage: "milliseconds" } } },
  s: { type: { value: Date, settings: { storage: "seconds" } } },
  iso: { value: Date, settings: { storage: "iso" } },
  plain: { type: { value: Date, settings: {} } },
  list: { type: Array, schema: [String] },
  mixed: { type: Array, schema: [{ type: [String, Number] }] },
  tags: { type: Set, schema: [{ value: Date, settings: { storage: "iso" } }] },
});
const Storages = dynamodel.model("TypesCheckStorages", storages);
type StoragesItem = InstanceType<typeof Storages>;
type _ms = Expect<Equal<StoragesItem["ms"], Date | undefined>>;
type _iso = Expect<Equal<StoragesItem["iso"], Date | undefined>>;
type _list = Expect<Equal<StoragesItem["list"], string[] | undefined>>;
type _mixed = Expect<Equal<StoragesItem["mixed"], (string | number)[] | undefined>>;

// A default or enum member the attribute's type never accepts: saving it is always a TypeMismatch.
new Schema({
  id: String,
  // @ts-expect-error: a string default for a Number
  age: { type: Number, default: "5" },
});
new Schema({
  id: String,
  // @ts-expect-error: a default function returning another type
  age: { type: Number, default: () => "5" },
});
new Schema({
  id: String,
  // @ts-expect-error: an async default function resolving to another type
  name: { type: String, default: async () => 5 },
});
new Schema({
  id: String,
  // @ts-expect-error: 0 is not a Boolean
  done: { type: "boolean", default: 0 },
});
new Schema({
  id: String,
  // @ts-expect-error: a Date's default is a Date or milliseconds; an ISO string only with storage "iso"
  at: { type: Date, default: "2020-01-01" },
});
new Schema({
  id: String,
  // @ts-expect-error: a number among a String's enum members
  kind: { type: String, enum: ["cat", 1] },
});
new Schema({
  id: String,
  // @ts-expect-error: a String's enum members, given as numbers
  code: { type: String, enum: [1, 2], default: 1 },
});
new Schema({
  id: String,
  nested: {
    type: Object,
    // @ts-expect-error: inside a nested schema
    schema: { count: { type: Number, default: true } },
  },
});
dynamodel.model("WrongDefault", {
  id: String,
  // @ts-expect-error: through model() too
  score: { type: Number, default: "high" },
});

// Accepted: values of the type, functions returning them (sync or async), null, and types not judged here.
const acceptedValues = dynamodel.model("AcceptedValues", {
  id: String,
  age: { type: Number, default: 5 },
  later: { type: Number, default: async () => 5 },
  made: { type: Date, default: Date.now },
  madeAt: { type: Date, default: () => new Date() },
  iso: { type: { value: Date, settings: { storage: "iso" } }, default: "2020-01-01T00:00:00.000Z" },
  none: { type: String, default: null },
  either: { type: [String, Number], default: 3, enum: ["a", 3] },
  kind: { type: String, enum: ["cat", "dog"], default: "cat" },
  named: { type: "Number", default: 1 },
  tags: { type: Set, schema: [String], default: ["a"] },
  extra: { type: Object, default: { anything: 1 } },
  free: { type: type.ANY, default: "x" },
});
type AcceptedItem = InstanceType<typeof acceptedValues>;
export type AcceptedEnum = Expect<Equal<AcceptedItem["kind"], "cat" | "dog">>;
export type AcceptedEither = Expect<Equal<AcceptedItem["either"], "a" | 3>>;

// Not judged: a default typed `any` or `unknown`, or a function returning one (`JSON.parse`, untyped helpers).
declare const anyDefault: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- what is tested
declare function looseDefault(): any; // eslint-disable-line @typescript-eslint/no-explicit-any -- what is tested
declare function unknownDefault(): unknown;
new Schema({
  id: String,
  a: { type: String, default: () => JSON.parse('"x"') as unknown },
  b: { type: Number, default: looseDefault },
  c: { type: String, default: (item: Record<string, any>) => item.x }, // eslint-disable-line @typescript-eslint/no-explicit-any -- what is tested
  d: { type: String, default: anyDefault },
  e: { type: String, enum: [anyDefault, "x"] },
  f: { type: String, default: unknownDefault },
  g: { type: String, default: async () => JSON.parse("1") },
});
