// Compile-time tests of schema inference (lib/schema/infer.ts). `define` stands in for
// `new Schema()`/`model()`: the same `const` type parameters, so nothing here uses `as const`.
import type { ModelLike, SchemaDefinition, SchemaSettings } from "../../lib/schema/definition-types";
import type {
  AttributePath,
  IndexNames,
  InputOf,
  ItemOf,
  KeyOf,
  ModelReference,
  UpdateOf,
} from "../../lib/schema/infer";
import { type } from "../../lib/schema/type-markers";
import type { Equal, Expect } from "./assert";

declare function define<const D extends SchemaDefinition, const S extends SchemaSettings = object>(
  d: D,
  s?: S,
): {
  item: ItemOf<D, S>;
  input: InputOf<D, S>;
  key: KeyOf<D, S>;
  path: AttributePath<D, S>;
  index: IndexNames<D>;
  update: UpdateOf<D, S>;
};

/** What the runtime Schema declares for inference: the `__definition`/`__settings` phantoms. */
declare class FakeSchema<const D extends SchemaDefinition, const S extends SchemaSettings = object> {
  readonly __isDynamodelSchema: true;
  readonly __definition: D;
  readonly __settings: S;
  constructor(definition: D, settings?: S);
}

// ---- every way to write a type ------------------------------------------------------------------

const types = define({
  id: { type: String, hashKey: true },
  str: String,
  num: Number,
  bool: Boolean,
  date: Date,
  buf: Buffer,
  obj: Object,
  arr: Array,
  set: { type: Set, schema: [String] },
  lower: "string",
  capital: "Number",
  upper: "BOOLEAN",
  dateName: "date",
  nothing: type.NULL,
  anything: type.ANY,
  self: type.THIS,
  constant: type.CONSTANT("cat"),
  constNum: type.CONSTANT(42),
  combined: type.COMBINE(["str", "num"], "-"),
  seconds: { value: Date, settings: { storage: "seconds" } },
  iso: { type: { value: Date, settings: { storage: "iso" } } },
  isoByName: { type: { value: "date", settings: { storage: "iso" } } },
  eitherValue: { type: { value: [String, Number] } },
  isoOrNumber: { type: { value: [Date, Number], settings: { storage: "iso" } } },
  either: [String, Number],
  eitherDef: { type: [String, Boolean] },
  defs: [{ type: String }, { type: Number }],
  role: { type: String, enum: ["admin", "user"] },
  nums: { type: Set, schema: [Number] },
  dates: { type: Set, schema: [Date] },
  list: { type: Array, schema: [String] },
  objects: { type: Array, schema: [{ type: Object, schema: { x: { type: Number, required: true } } }] },
  address: { type: Object, schema: { city: { type: String, required: true }, zip: Number } },
  named: { type: "object", schema: { a: String } },
  freeObject: { type: Object, schema: type.ANY },
});
type T = typeof types.item;
type TI = typeof types.input;
type _str = Expect<Equal<T["str"], string | undefined>>;
type _num = Expect<Equal<T["num"], number | undefined>>;
type _bool = Expect<Equal<T["bool"], boolean | undefined>>;
type _date = Expect<Equal<T["date"], Date | undefined>>;
type _buf = Expect<Equal<T["buf"], Buffer | undefined>>;
type _obj = Expect<Equal<T["obj"], Record<string, unknown> | undefined>>;
type _arr = Expect<Equal<T["arr"], unknown[] | undefined>>;
type _set = Expect<Equal<T["set"], Set<string> | undefined>>;
type _lower = Expect<Equal<T["lower"], string | undefined>>;
type _capital = Expect<Equal<T["capital"], number | undefined>>;
type _upper = Expect<Equal<T["upper"], boolean | undefined>>;
type _dateName = Expect<Equal<T["dateName"], Date | undefined>>;
type _null = Expect<Equal<T["nothing"], null | undefined>>;
type _any = Expect<Equal<T["anything"], unknown>>;
type _this = Expect<Equal<T["self"], ModelReference | undefined>>;
type _constant = Expect<Equal<T["constant"], "cat" | undefined>>;
type _constNum = Expect<Equal<T["constNum"], 42 | undefined>>;
type _combined = Expect<Equal<T["combined"], string | undefined>>;
type _seconds = Expect<Equal<T["seconds"], Date | undefined>>;
type _iso = Expect<Equal<T["iso"], Date | undefined>>;
type _either = Expect<Equal<T["either"], string | number | undefined>>;
// Dynamoose's typings also let `{value}` list the types (the settings apply to each).
type _eitherValue = Expect<Equal<T["eitherValue"], string | number | undefined>>;
type _isoOrNumber = Expect<Equal<T["isoOrNumber"], Date | number | undefined>>;
type _inIsoOrNumber = Expect<Equal<TI["isoOrNumber"], Date | number | string | undefined>>;
type _eitherDef = Expect<Equal<T["eitherDef"], string | boolean | undefined>>;
type _defs = Expect<Equal<T["defs"], string | number | undefined>>;
type _enum = Expect<Equal<T["role"], "admin" | "user" | undefined>>;
type _nums = Expect<Equal<T["nums"], Set<number> | undefined>>;
type _list = Expect<Equal<T["list"], string[] | undefined>>;
type _objects = Expect<Equal<T["objects"], { x: number }[] | undefined>>;
type _address = Expect<Equal<T["address"], { city: string; zip?: number } | undefined>>;
type _named = Expect<Equal<T["named"], { a?: string } | undefined>>;
type _freeObject = Expect<Equal<T["freeObject"], Record<string, unknown> | undefined>>;
// Inputs: Dates also as numbers (and strings when stored as ISO), Sets also as arrays.
type _inDate = Expect<Equal<TI["date"], Date | number | undefined>>;
type _inIso = Expect<Equal<TI["iso"], Date | number | string | undefined>>;
// The same with the type given by name (SPEC §2: type names are accepted as strings, in any case).
type _isoByName = Expect<Equal<T["isoByName"], Date | undefined>>;
type _inIsoByName = Expect<Equal<TI["isoByName"], Date | number | string | undefined>>;
// Written, readonly arrays and ReadonlySets are accepted too (nothing is changed in place).
type _inSet = Expect<Equal<TI["set"], ReadonlySet<string> | readonly string[] | undefined>>;
type _inDates = Expect<
  Equal<TI["dates"], ReadonlySet<Date | number> | readonly (Date | number)[] | undefined>
>;
type _inObjects = Expect<Equal<TI["objects"], readonly { x: number }[] | undefined>>;

// ---- presence on read and on write ---------------------------------------------------------------

const presence = define({
  id: { type: String, hashKey: true },
  at: { type: Number, rangeKey: true },
  name: { type: String, required: true },
  age: { type: Number, default: 0 },
  forced: { type: Number, default: () => 1, forceDefault: true },
  stamp: { type: Date, required: true, default: Date.now },
  full: { type: type.COMBINE(["id", "name"]), required: true },
  note: String,
});
type _presenceItem = Expect<
  Equal<
    typeof presence.item,
    {
      id: string;
      at: number;
      name: string;
      age: number;
      forced: number;
      stamp: Date;
      full: string;
      note?: string;
    }
  >
>;
type _presenceInput = Expect<
  Equal<
    typeof presence.input,
    {
      id: string;
      at: number;
      name: string;
      age?: number;
      forced?: number;
      stamp?: Date | number;
      note?: string;
    }
  >
>;
const okInput: typeof presence.input = { id: "a", at: 1, name: "Bob" };
// A COMBINE attribute is computed on every write: no input takes it (docs/typescript.md).
// @ts-expect-error: "full" is computed from "id" and "name"
const combinedInput: typeof presence.input = { id: "a", at: 1, name: "Bob", full: "a,Bob" };
void combinedInput;
// @ts-expect-error: nor does an update
const combinedUpdate: typeof presence.update = { full: "a,Bob" };
void combinedUpdate;
// `default: null`, or a default that may give null, is no default (as in Dynamoose): optional both ways.
const nullDefaults = define({
  id: { type: String, hashKey: true },
  none: { type: String, default: null },
  maybe: { type: String, default: () => (Math.random() > 0.5 ? "x" : null) },
  later: { type: Number, default: async () => 1 },
  untyped: { type: String, default: () => JSON.parse('"x"') }, // returns any: trusted to give a value
});
type _nullDefaultsItem = Expect<
  Equal<
    typeof nullDefaults.item,
    { id: string; none?: string; maybe?: string; later: number; untyped: string }
  >
>;
type _nullDefaultsInput = Expect<
  Equal<
    typeof nullDefaults.input,
    { id: string; none?: string; maybe?: string; later?: number; untyped?: string }
  >
>;
// @ts-expect-error: `name` is required and has no default
const missingName: typeof presence.input = { id: "a", at: 1 };
// @ts-expect-error: `age` is a Number attribute
const stringAge: typeof presence.input = { id: "a", at: 1, name: "Bob", age: "3" };
// @ts-expect-error: unknown attributes are not accepted without saveUnknown
const extra: typeof presence.input = { id: "a", at: 1, name: "Bob", color: "red" };

// ---- aliases ------------------------------------------------------------------------------------

const aliased = define({
  id: { type: String, hashKey: true, alias: "userId" },
  n: { type: String, aliases: ["name", "fullName"], required: true },
  e: { type: String, map: "email" },
  p: { type: String, alias: ["phone", "tel"], defaultAlias: "tel" },
});
type _aliasItem = Expect<
  Equal<typeof aliased.item, { userId: string; name: string; email?: string; tel?: string }>
>;
// Required attributes with aliases are written all under their read names or all under their real names;
// the other names stay optional.
const byAliases: typeof aliased.input = { userId: "u", name: "Ann", email: "a@x", tel: "1" };
const byRealNames: typeof aliased.input = { id: "u", n: "Ann", e: "a@x", p: "1" };
const realWithOthers: typeof aliased.input = { id: "u", n: "Ann", fullName: "Ann", phone: "1" };
void [byAliases, byRealNames, realWithOthers];
// @ts-expect-error: one style for all: the real name of one, the alias of another
const mixed: typeof aliased.input = { id: "u", name: "Ann" };
// @ts-expect-error: the hash key is required under one of its names
const noKey: typeof aliased.input = { n: "Ann" };
// @ts-expect-error: `n` is required under one of its names
const noName: typeof aliased.input = { userId: "u", email: "a@x" };
// @ts-expect-error: a value of the wrong type under an alias
const wrongType: typeof aliased.input = { userId: "u", name: "Ann", fullName: 3 };

// An attribute of several types: every definition's aliases name it; it is read under the default name
// of any definition, else the first alias.
const severalTyped = define({
  id: { type: String, hashKey: true },
  v: [
    { type: Number, alias: "amount" },
    { type: String, aliases: ["label", "text"] },
  ],
  w: [{ type: Number }, { type: String, alias: "tag", defaultAlias: "tag" }],
});
type _severalItem = Expect<
  Equal<typeof severalTyped.item, { id: string; amount?: number | string; tag?: number | string }>
>;
const severalByAlias: typeof severalTyped.input = { id: "a", text: "x", w: 1 };
void severalByAlias;
// @ts-expect-error: "size" names no attribute
const severalUnknown: typeof severalTyped.input = { id: "a", size: 1 };

// Many required attributes with aliases (short stored names, long aliases) stay cheap to check: two shapes,
// not one per combination of names.
const manyAliased = define({
  id: { type: String, hashKey: true, alias: "identifier" },
  a1: { type: String, alias: "alpha1", required: true },
  a2: { type: String, alias: "alpha2", required: true },
  a3: { type: String, alias: "alpha3", required: true },
  a4: { type: String, alias: "alpha4", required: true },
  a5: { type: String, alias: "alpha5", required: true },
  a6: { type: String, alias: "alpha6", required: true },
  a7: { type: String, alias: "alpha7", required: true },
  a8: { type: String, alias: "alpha8", required: true },
  a9: { type: String, alias: "alpha9", required: true },
  a10: { type: String, alias: "alpha10", required: true },
  a11: { type: String, alias: "alpha11", required: true },
  a12: { type: String, alias: "alpha12", required: true },
  a13: { type: String, alias: "alpha13", required: true },
  a14: { type: String, alias: "alpha14", required: true },
  a15: { type: String, alias: "alpha15", required: true },
  a16: { type: String, alias: "alpha16", required: true },
  a17: { type: String, alias: "alpha17", required: true },
  a18: { type: String, alias: "alpha18", required: true },
  a19: { type: String, alias: "alpha19", required: true },
  a20: { type: String, alias: "alpha20", required: true },
});
const manyByReal: typeof manyAliased.input = {
  id: "x",
  a1: "",
  a2: "",
  a3: "",
  a4: "",
  a5: "",
  a6: "",
  a7: "",
  a8: "",
  a9: "",
  a10: "",
  a11: "",
  a12: "",
  a13: "",
  a14: "",
  a15: "",
  a16: "",
  a17: "",
  a18: "",
  a19: "",
  a20: "",
};
void manyByReal;
// @ts-expect-error: a20 missing
const manyMissing: typeof manyAliased.input = {
  id: "x",
  a1: "",
  a2: "",
  a3: "",
  a4: "",
  a5: "",
  a6: "",
  a7: "",
  a8: "",
  a9: "",
  a10: "",
  a11: "",
  a12: "",
  a13: "",
  a14: "",
  a15: "",
  a16: "",
  a17: "",
  a18: "",
  a19: "",
};
type _aliasInputOptional = Expect<
  Equal<
    Omit<Extract<typeof aliased.input, { userId: string; name: string }>, "userId" | "name">,
    {
      email?: string;
      tel?: string;
      id?: string;
      n?: string;
      fullName?: string;
      e?: string;
      p?: string;
      phone?: string;
    }
  >
>;
type _aliasPaths = Expect<
  Equal<
    typeof aliased.path,
    "id" | "userId" | "n" | "name" | "fullName" | "e" | "email" | "p" | "phone" | "tel"
  >
>;

// ---- settings: timestamps, version, saveUnknown --------------------------------------------------

const stamped = define({ id: { type: String, hashKey: true } }, { timestamps: true, version: true });
type _stampedItem = Expect<
  Equal<typeof stamped.item, { id: string; createdAt: Date; updatedAt: Date; version: number }>
>;
type _stampedInput = Expect<
  Equal<
    typeof stamped.input,
    { id: string; createdAt?: Date | number; updatedAt?: Date | number; version?: number }
  >
>;
type _stampedPaths = Expect<Equal<typeof stamped.path, "id" | "createdAt" | "updatedAt" | "version">>;

const renamed = define(
  { id: { type: String, hashKey: true } },
  {
    timestamps: { createdAt: "born", updatedAt: ["touched", "changed"] },
    version: "rev",
  },
);
type _renamedItem = Expect<
  Equal<typeof renamed.item, { id: string; born: Date; touched: Date; changed: Date; rev: number }>
>;

const partial = define(
  { id: { type: String, hashKey: true } },
  {
    timestamps: {
      createdAt: null,
      updatedAt: { modified: { type: { value: Date, settings: { storage: "iso" } } } },
    },
  },
);
type _partialItem = Expect<Equal<typeof partial.item, { id: string; modified: Date }>>;
type _partialInput = Expect<Equal<typeof partial.input, { id: string; modified?: Date | number | string }>>;

// A mini schema's alias names the timestamp on reads; writes take either name.
const aliasedStamp = define(
  { id: { type: String, hashKey: true } },
  { timestamps: { createdAt: { created_at: { type: Date, alias: "made" } }, updatedAt: null } },
);
type _aliasedStampItem = Expect<Equal<typeof aliasedStamp.item, { id: string; made: Date }>>;
type _aliasedStampInput = Expect<
  Equal<typeof aliasedStamp.input, { id: string; made?: Date | number; created_at?: Date | number }>
>;

// A mini schema's timestamp marked `rangeKey: true` is part of the key.
const stampKeyed = define(
  { id: { type: String, hashKey: true } },
  { timestamps: { createdAt: { at: { type: Number, rangeKey: true } } } },
);
type _stampKeyed = Expect<Equal<typeof stampKeyed.key, { id: string; at: number }>>;

// As in Mongoose, false leaves one timestamp out and true names it after its kind.
const createdOnly = define(
  { id: { type: String, hashKey: true } },
  { timestamps: { createdAt: true, updatedAt: false } },
);
type _createdOnlyItem = Expect<Equal<typeof createdOnly.item, { id: string; createdAt: Date }>>;

const open = define({ id: { type: String, hashKey: true }, n: Number }, { saveUnknown: true });
type _openItem = Expect<Equal<typeof open.item, { [name: string]: unknown; id: string; n?: number }>>;
const openInput: typeof open.input = { id: "a", anything: [1, 2] };
const openPath: typeof open.path = "whatever.nested";
// @ts-expect-error: known attributes keep their types under saveUnknown
const openWrong: typeof open.input = { id: "a", n: "one" };
// saveUnknown: true keeps undeclared keys at every depth, so every declared object has the index signature.
const openDeep = define(
  {
    id: String,
    meta: {
      type: Object,
      schema: { a: String, l: { type: Array, schema: [{ type: Object, schema: { c: Number } }] } },
    },
  },
  { saveUnknown: true },
);
type _openDeepMeta = Expect<
  Equal<
    NonNullable<typeof openDeep.item.meta>,
    { [name: string]: unknown; a?: string; l?: { [name: string]: unknown; c?: number }[] }
  >
>;
// Written, undeclared keys take `any`, so that a value typed by an interface can stand for them; the
// well-known symbols of arrays, Dates, Maps, Sets, promises and functions are refused.
type _openDeepInput = Expect<
  Equal<
    NonNullable<typeof openDeep.input.meta>,
    {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- what the input type says
      [name: string]: any;
      [Symbol.iterator]?: never;
      [Symbol.toPrimitive]?: never;
      [Symbol.toStringTag]?: never;
      [Symbol.hasInstance]?: never;
      a?: string;
      l?: readonly {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- what the input type says
        [name: string]: any;
        [Symbol.iterator]?: never;
        [Symbol.toPrimitive]?: never;
        [Symbol.toStringTag]?: never;
        [Symbol.hasInstance]?: never;
        c?: number;
      }[];
    }
  >
>;
// A Schema nested as the type brings its saveUnknown along to every depth below it (its `**`).
const nestedOpen = define({
  id: String,
  sub: new FakeSchema({ a: String, inner: { type: Object, schema: { c: Number } } }, { saveUnknown: true }),
});
type _nestedOpenInner = Expect<
  Equal<
    NonNullable<NonNullable<typeof nestedOpen.item.sub>["inner"]>,
    { [name: string]: unknown; c?: number }
  >
>;
// Not under a list element, where its patterns (prefixed with where it is nested) cannot name the indexes.
const listedOpen = define({
  id: String,
  list: { type: Array, schema: [new FakeSchema({ a: String }, { saveUnknown: true })] },
});
type _listedOpen = Expect<Equal<NonNullable<typeof listedOpen.item.list>, { a?: string }[]>>;
// Under a top-level saveUnknown: true, a list element keeps undeclared keys whatever it is.
const listedTop = define(
  { id: String, list: { type: Array, schema: [new FakeSchema({ a: String })] } },
  { saveUnknown: true },
);
type _listedTop = Expect<
  Equal<
    NonNullable<typeof listedTop.input.list>,
    readonly {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- what the input type says
      [name: string]: any;
      [Symbol.iterator]?: never;
      [Symbol.toPrimitive]?: never;
      [Symbol.toStringTag]?: never;
      [Symbol.hasInstance]?: never;
      a?: string;
    }[]
  >
>;
// Without saveUnknown, nested objects stay closed.
const closedDeep = define({ id: String, meta: { type: Object, schema: { a: String } } });
type _closedDeepMeta = Expect<Equal<NonNullable<typeof closedDeep.item.meta>, { a?: string }>>;

// ---- keys ---------------------------------------------------------------------------------------

const hashOnly = define({ id: { type: Number, hashKey: true }, name: String });
type _hashOnlyKey = Expect<Equal<typeof hashOnly.key, number | { id: number }>>;
const hashKey1: typeof hashOnly.key = 5;
const hashKey2: typeof hashOnly.key = { id: 5 };
// @ts-expect-error: the hash key is a number
const hashKeyWrong: typeof hashOnly.key = "5";
// @ts-expect-error: the key object names the hash key
const hashKeyWrongName: typeof hashOnly.key = { name: "x" };

type _compositeKey = Expect<Equal<typeof presence.key, { id: string; at: number }>>;
// @ts-expect-error: with a range key, a bare hash value is not a key
const bareComposite: typeof presence.key = "a";
// @ts-expect-error: the range key is required
const halfComposite: typeof presence.key = { id: "a" };

const unmarked = define({ id: String, n: Number });
type _looseKey = Expect<Equal<typeof unmarked.key, string | number | { id?: string; n?: number }>>;
// @ts-expect-error: even a loose key checks attribute types
const looseWrong: typeof unmarked.key = { n: "1" };

const dateKey = define({ day: { type: Date, hashKey: true } });
type _dateKey = Expect<Equal<typeof dateKey.key, Date | number | { day: Date | number }>>;

// ---- paths --------------------------------------------------------------------------------------

type _typesPaths = Expect<
  Equal<
    Extract<
      typeof types.path,
      `address${string}` | `objects${string}` | `list${string}` | `freeObject${string}`
    >,
    | "address"
    | "address.city"
    | "address.zip"
    | "objects"
    | `objects[${number}]`
    | `objects[${number}].x`
    | "list"
    | `list[${number}]`
    | "freeObject"
    | `freeObject.${string}`
  >
>;
const listPath: typeof types.path = "objects[3].x";
// Inside a value of no declared type (type.ANY, an Array without a schema), any path goes, as at run time.
const anyPaths: (typeof types.path)[] = ["anything.a.b", "anything[2].c", "anything[0][1]", "arr[1].x"];
// @ts-expect-error: a path into a value of no declared type still starts with "." or "[n]"
const anyBadPath: typeof types.path = "anythingelse";
// @ts-expect-error: and "[n]" is followed by "." or "[" (the runtime refuses anything else)
const anyBadIndex: typeof types.path = "anything[2]junk";
// @ts-expect-error: no such attribute
const unknownPath: typeof types.path = "adress.city";
// @ts-expect-error: no such nested attribute
const unknownNested: typeof types.path = "address.street";
// @ts-expect-error: `str` is not an object
const scalarNested: typeof types.path = "str.length";

const deep = define({
  l1: {
    type: Object,
    schema: {
      l2: {
        type: Object,
        schema: {
          l3: {
            type: Object,
            schema: {
              l4: {
                type: Object,
                schema: { l5: { type: Object, schema: { l6: { type: Object, schema: { l7: String } } } } },
              },
            },
          },
        },
      },
    },
  },
});
const depth5: typeof deep.path = "l1.l2.l3.l4.l5.l6";
// @ts-expect-error: paths stop after five nested levels (the item type itself is not capped)
const depth6: typeof deep.path = "l1.l2.l3.l4.l5.l6.l7";
type _deepItem = Expect<
  Equal<
    NonNullable<
      NonNullable<
        NonNullable<NonNullable<NonNullable<NonNullable<typeof deep.item.l1>["l2"]>["l3"]>["l4"]>["l5"]
      >["l6"]
    >,
    { l7?: string }
  >
>;

// ---- indexes ------------------------------------------------------------------------------------

const indexed = define({
  id: { type: String, hashKey: true },
  email: { type: String, index: { name: "byEmail", project: true } },
  score: { type: Number, index: true },
  at: { type: Number, index: { type: "local" } },
  multi: { type: String, index: [{ type: "global" }, { name: "multiLocal", type: "local" }] },
  none: { type: String, index: false },
});
type _indexes = Expect<
  Equal<
    typeof indexed.index,
    "byEmail" | "scoreGlobalIndex" | "atLocalIndex" | "multiGlobalIndex" | "multiLocal"
  >
>;
// @ts-expect-error: no such index
const badIndex: typeof indexed.index = "emailGlobalIndex";
type _noIndexes = Expect<Equal<typeof presence.index, never>>;

// ---- nested Schema instances --------------------------------------------------------------------

const addressSchema = new FakeSchema(
  { city: { type: String, required: true }, born: Date },
  { timestamps: true },
);
const withSchema = define({
  id: { type: String, hashKey: true },
  home: addressSchema,
  work: { type: Object, schema: addressSchema },
  past: { type: Array, schema: [addressSchema] },
});
// Its timestamps are not applied (docs/schema.md: they are top-level attributes), so not typed either.
type Home = { city: string; born?: Date };
type _schemaHome = Expect<Equal<typeof withSchema.item.home, Home | undefined>>;
type _schemaWork = Expect<Equal<typeof withSchema.item.work, Home | undefined>>;
type _schemaPast = Expect<Equal<typeof withSchema.item.past, Home[] | undefined>>;
type _schemaInput = Expect<
  Equal<typeof withSchema.input.home, { city: string; born?: Date | number } | undefined>
>;
const schemaPath: typeof withSchema.path = "past[0].city";

// ---- references, loose definitions, contextual typing ---------------------------------------------

declare const Cat: ModelLike;
const refs = define({
  id: { type: String, hashKey: true },
  cat: Cat,
  cats: { type: Array, schema: Cat },
  single: { type: Array, schema: Number },
  anyList: { type: Array, schema: type.ANY },
  noElement: { type: Array, schema: [] },
  bare: { type: Array },
});
type _refCat = Expect<Equal<typeof refs.item.cat, ModelReference | undefined>>;
type _refCats = Expect<Equal<typeof refs.item.cats, ModelReference[] | undefined>>;
type _single = Expect<Equal<typeof refs.item.single, number[] | undefined>>;
type _anyList = Expect<Equal<typeof refs.item.anyList, unknown[] | undefined>>;
type _noElement = Expect<Equal<typeof refs.item.noElement, typeof refs.item.bare>>;

// A definition typed only as SchemaDefinition gives loose, but usable, types.
type _wideItem = Expect<Equal<ItemOf<SchemaDefinition, SchemaSettings>, { [x: string]: unknown }>>;
type _widePath = Expect<Equal<AttributePath<SchemaDefinition, SchemaSettings>, string>>;
type _wideIndex = Expect<Equal<IndexNames<SchemaDefinition>, string>>;

// Functions in a definition get contextual parameter types, or may declare their own.
const contextual = define(
  {
    id: { type: String, hashKey: true, validate: (v) => v !== "x" },
    n: { type: Number, get: (v) => v, set: (v, old) => old ?? v, default: () => 3 },
    t: { type: String, get: (v: string) => v.trim(), validate: /^[a-z]+$/ },
    deep: { type: Object, schema: { x: { type: Number, validate: (v: number) => v > 1, required: true } } },
  },
  { get: (item: Record<string, unknown>) => item },
);
type _contextual = Expect<
  Equal<typeof contextual.item, { id: string; n: number; t?: string; deep?: { x: number } }>
>;

// ---- update objects -----------------------------------------------------------------------------

type U = typeof types.update;
const update1: U = { str: "x", $ADD: { num: 1, set: ["a"], list: ["b"] }, $REMOVE: ["bool", "address.zip"] };
const update2: U = { $SET: { "address.city": "Paris", num: 2 }, $DELETE: { nums: [1, 2] } };
const update3: U = { $REMOVE: { date: null }, str: type.UNDEFINED };
const update4: U = { $REMOVE: { date: type.UNDEFINED }, $ADD: { date: 60_000 } };
// @ts-expect-error: a Date moves by a number of its storage unit, not by a Date
const badAddDate: U = { $ADD: { date: new Date() } };
// @ts-expect-error: $ADD takes numbers, sets and lists only
const badAdd: U = { $ADD: { str: "x" } };
// @ts-expect-error: $DELETE takes set elements only
const badDelete: U = { $DELETE: { list: ["b"] } };
// @ts-expect-error: $REMOVE names known paths
const badRemove: U = { $REMOVE: ["nope"] };
// @ts-expect-error: values keep their types
const badSet: U = { $SET: { num: "2" } };
type _addKeys = Expect<
  Equal<
    keyof NonNullable<U["$ADD"]>,
    | "num"
    | "date" // Dates stored as numbers (the default, and seconds): moved by a number
    | "dateName"
    | "seconds"
    | "capital"
    | "constNum"
    | "set"
    | "nums"
    | "dates"
    | "arr"
    | "list"
    | "objects"
    // Values of no declared type (type.ANY; content of a map or list without a schema): any operand, which
    // the runtime checks.
    | "anything"
    | `anything.${string}`
    | `anything[${number}]`
    | `anything[${number}].${string}`
    | `anything[${number}][${string}`
    | `obj.${string}`
    | `freeObject.${string}`
    | `arr[${number}]`
    | `arr[${number}].${string}`
    | `arr[${number}][${number}]`
    | `arr[${number}][${number}].${string}`
    | `arr[${number}][${number}][${string}`
    // Document paths to numbers, sets and lists too (SPEC §3: keys may be document paths).
    | "address.zip"
    | `objects[${number}].x`
  >
>;

// ---- a 50-attribute schema with nesting (editor cost guard) --------------------------------------

const big = define(
  {
    pk: { type: String, hashKey: true },
    sk: { type: Number, rangeKey: true },
    a01: String,
    a02: Number,
    a03: Boolean,
    a04: Date,
    a05: { type: String, required: true },
    a06: { type: Number, default: 0 },
    a07: { type: String, enum: ["x", "y", "z"] },
    a08: { type: Set, schema: [String] },
    a09: { type: Array, schema: [Number] },
    a10: { type: String, alias: "aTen" },
    a11: { type: String, index: true },
    a12: { type: Number, index: { name: "byA12", type: "global" } },
    a13: "string",
    a14: "number",
    a15: [String, Number],
    a16: type.CONSTANT("v"),
    a17: type.COMBINE(["a01", "a02"]),
    a18: { type: { value: Date, settings: { storage: "iso" } } },
    a19: {
      type: Object,
      schema: {
        b1: String,
        b2: { type: Number, required: true },
        b3: {
          type: Object,
          schema: {
            c1: String,
            c2: {
              type: Array,
              schema: [
                { type: Object, schema: { d1: Number, d2: { type: Object, schema: { e1: String } } } },
              ],
            },
          },
        },
        b4: { type: Set, schema: [Number] },
      },
    },
    a20: { type: Array, schema: [{ type: Object, schema: { f1: String, f2: Number, f3: Boolean } }] },
    a21: String,
    a22: Number,
    a23: Boolean,
    a24: Date,
    a25: { type: String, required: true, default: "q" },
    a26: { type: Number, validate: (v: unknown) => v !== 1 },
    a27: { type: String, enum: ["p", "q"] },
    a28: { type: Set, schema: [Number] },
    a29: { type: Array, schema: [String] },
    a30: { type: String, aliases: ["aThirty"] },
    a31: { type: Object, schema: { g1: String, g2: { type: Object, schema: { h1: Number, h2: String } } } },
    a32: { type: Number, index: [{ type: "local" }, { name: "a32b" }] },
    a33: "boolean",
    a34: "date",
    a35: [{ type: String }, { type: Number }],
    a36: type.NULL,
    a37: type.ANY,
    a38: { type: Buffer },
    a39: { type: String, get: (v: unknown) => v, set: (v: unknown) => v },
    a40: {
      type: Object,
      schema: { i1: { type: Array, schema: [String] }, i2: { type: Set, schema: [String] } },
    },
    a41: String,
    a42: Number,
    a43: Boolean,
    a44: Date,
    a45: { type: String, required: true },
    a46: { type: Number, default: () => 5 },
    a47: { type: String, enum: ["m", "n"] },
    a48: { type: Set, schema: [Date] },
    a49: { type: Array, schema: [{ type: Array, schema: [Number] }] },
    a50: {
      type: Object,
      schema: { j1: String, j2: { type: Object, schema: { k1: { type: Object, schema: { l1: Number } } } } },
    },
  },
  { timestamps: true, version: true },
);
type Big = typeof big.item;
type _bigKey = Expect<Equal<typeof big.key, { pk: string; sk: number }>>;
type _bigRequired = Expect<Equal<Big["a05"] | Big["a25"] | Big["a45"], string>>;
type _bigNested = Expect<Equal<NonNullable<Big["a19"]>["b2"], number>>;
type _bigAlias = Expect<Equal<Big["aTen"] | Big["aThirty"], string | undefined>>;
type _bigIndexes = Expect<Equal<typeof big.index, "a11GlobalIndex" | "byA12" | "a32LocalIndex" | "a32b">>;
const bigPath: typeof big.path = "a19.b3.c2[1].d2.e1";
const bigPath2: typeof big.path = "a49[0][1]";
const bigInput: typeof big.input = { pk: "p", sk: 1, a05: "five", a45: "forty-five", a48: [Date.now()] };
// @ts-expect-error: a45 is required
const bigMissing: typeof big.input = { pk: "p", sk: 1, a05: "five" };
const bigUpdate: typeof big.update = { a02: 3, $ADD: { a28: [1], a06: 1 }, $REMOVE: ["a19.b3.c1"] };

// A setting given as `null` is not set, as at run time (and in Dynamoose): each type is the one the
// definition without it gives. (Every setting but `type` takes `null`.)
const nullSettings = define(
  {
    id: { type: String, hashKey: true, rangeKey: null, index: null, alias: null, defaultAlias: null },
    at: { type: Number, rangeKey: true, hashKey: null },
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
    nick: { type: String, alias: null, aliases: "handle" },
    address: { type: Object, schema: { city: { type: String, aliases: null } }, storage: null, prefix: null },
    tags: { type: Array, schema: null },
  },
  { timestamps: null, saveUnknown: null, get: null, set: null, validate: null, version: null },
);
const settingsLeftOut = define({
  id: { type: String, hashKey: true },
  at: { type: Number, rangeKey: true },
  name: { type: String },
  nick: { type: String, aliases: "handle" },
  address: { type: Object, schema: { city: { type: String } } },
  tags: { type: Array },
});
type _nullSettingsItem = Expect<Equal<typeof nullSettings.item, typeof settingsLeftOut.item>>;
type _nullSettingsInput = Expect<Equal<typeof nullSettings.input, typeof settingsLeftOut.input>>;
type _nullSettingsKey = Expect<Equal<typeof nullSettings.key, typeof settingsLeftOut.key>>;
type _nullSettingsPath = Expect<Equal<typeof nullSettings.path, typeof settingsLeftOut.path>>;
type _nullSettingsUpdate = Expect<Equal<typeof nullSettings.update, typeof settingsLeftOut.update>>;
type _nullSettingsIndex = Expect<Equal<typeof nullSettings.index, never>>;
type _nullSettingsShape = Expect<
  Equal<
    typeof nullSettings.item,
    { id: string; at: number; name?: string; handle?: string; address?: { city?: string }; tags?: unknown[] }
  >
>;

// An index whose fields are `null` (or whose name is "") is the default index, as at run time.
const nullIndexFields = define({
  id: { type: String, hashKey: true },
  at: { type: Number, rangeKey: true },
  a: { type: String, index: { name: null, type: null, rangeKey: null, project: null, throughput: null } },
  b: { type: String, index: { name: "", global: null } },
  c: { type: Number, index: { name: null, type: "local" } },
});
type _nullIndexFields = Expect<
  Equal<typeof nullIndexFields.index, "aGlobalIndex" | "bGlobalIndex" | "cLocalIndex">
>;
