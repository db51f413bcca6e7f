// Compile-time tests of update objects: `UpdateOf` from a definition, and Model.update's parameter.
import dynamodel, { Condition, Schema, type } from "dynamodel";
import type { UpdateOf } from "../../lib/schema/infer";
import type { Equal, Expect } from "./assert";

declare function define<const D extends object, const S extends object = object>(d: D, s?: S): UpdateOf<D, S>;

const update = define({
  id: { type: String, hashKey: true },
  name: String,
  age: Number,
  tags: { type: Array, schema: [String] },
  labels: { type: Set, schema: [String] },
  address: { type: Object, schema: { city: String } },
});
type Update = typeof update;

// Plain attributes and $SET take the attribute's input type.
export const ok1: Update = { name: "Ann", $SET: { age: 3 } };
// $ADD: numbers to numbers, elements to sets and lists.
export const ok2: Update = { $ADD: { age: 1, labels: ["a"], tags: "x" } };
// $REMOVE: paths, as an array or an object; $DELETE: set elements.
export const ok3: Update = { $REMOVE: ["name", "address.city"], $DELETE: { labels: "a" } };
export const ok4: Update = { $REMOVE: { age: null } };
// Document paths are keys too, and their values are checked as the attribute's there (SPEC §10).
export const ok5: Update = { "address.city": "Oslo" };
export const okPath: Update = { $SET: { "tags[0]": "first", "address.city": { $IF_NOT_EXISTS: "Oslo" } } };
// @ts-expect-error address.city is a string
export const badPath1: Update = { "address.city": 5 };
// @ts-expect-error address.city is a string, in $SET too
export const badPath2: Update = { $SET: { "address.city": 5 } };
// @ts-expect-error tags holds strings
export const badPath3: Update = { "tags[0]": 5 };

// @ts-expect-error a string is not added to a number
export const bad1: Update = { $ADD: { age: "1" } };
// @ts-expect-error $DELETE only removes set elements
export const bad2: Update = { $DELETE: { tags: "x" } };
// @ts-expect-error name is a string
export const bad3: Update = { name: 5 };
// @ts-expect-error an unknown path cannot be removed
export const bad4: Update = { $REMOVE: ["nope"] };

export type AddOfAge = Expect<Equal<NonNullable<NonNullable<Update["$ADD"]>["age"]>, number>>;

// Model.update checks its update object against the schema.
const Cat = dynamodel.model("TypeCat", new Schema({ id: Number, lives: Number }, { version: true }));
export const updated = Cat.update({ id: 1 }, { $ADD: { lives: -1 } });
export const updatedWithVersion = Cat.update({ id: 1 }, { lives: 3, version: 2 });
// @ts-expect-error lives is a number
export const wrong = Cat.update({ id: 1 }, { lives: "many" });
// The version moves only by the library: $ADD or $REMOVE of it is refused, at compile time too.
// @ts-expect-error no $ADD of the version
export const addVersion = Cat.update({ id: 1 }, { $ADD: { version: 1 } });
// @ts-expect-error no $REMOVE of the version
export const removeVersion = Cat.update({ id: 1 }, { $REMOVE: ["version"] });
export type UpdatedItem = Expect<Equal<Awaited<typeof updated>["lives"], number | undefined>>;

// Value operators keep the attribute's type.
export const ok6: Update = { age: { $IF_NOT_EXISTS: 1 }, tags: { $LIST_PREPEND: ["a"] } };
// @ts-expect-error $LIST_PREPEND only for lists
export const bad5: Update = { age: { $LIST_PREPEND: [1] } };
// @ts-expect-error $IF_NOT_EXISTS keeps the type
export const bad6: Update = { age: { $IF_NOT_EXISTS: "1" } };

// The one-argument form with settings after a null update object (Dynamoose reads any falsy one).
export const oneArgument = Cat.update({ id: 1, lives: 2 }, null, { condition: undefined });
export const oneArgumentRequest = Cat.update({ id: 1, lives: 2 }, null, { return: "request" });
export type OneArgumentRequest = Expect<
  Equal<Awaited<typeof oneArgumentRequest>, import("@aws-sdk/client-dynamodb").UpdateItemCommandInput>
>;
// @ts-expect-error a condition is a Condition or a raw { ConditionExpression, … } object
export const badCondition = Cat.update({ id: 1 }, { lives: 2 }, { condition: 5 });
export const conditioned = Cat.update({ id: 1 }, { lives: 2 }, { condition: new Condition("lives").gt(0) });
// @ts-expect-error lives is a number in the one-argument form too
export const oneArgumentWrong = Cat.update({ id: 1, lives: "many" }, null, {});

// ---- document paths and real names in $ADD/$DELETE; keys left out (SPEC §3, §10) ------------------

const Counter = dynamodel.model(
  "TypeCounter",
  new Schema({
    id: { type: String, hashKey: true },
    at: { type: Number, rangeKey: true },
    count: { type: Number, alias: "cnt" },
    stats: { type: Object, schema: { views: Number, seen: { type: Set, schema: [String] }, note: String } },
    history: { type: Array, schema: [{ type: Object, schema: { n: Number } }] },
  }),
);
const key = { id: "a", at: 1 };
// A nested number, a nested set, a number inside a list element: as on top-level attributes.
export const addPath = Counter.update(key, { $ADD: { "stats.views": 1, "history[0].n": 2 } });
export const deletePath = Counter.update(key, { $DELETE: { "stats.seen": ["x"] } });
// An aliased attribute by its alias or its real name, as plain values and $SET take them.
export const addAlias = Counter.update(key, { $ADD: { cnt: 1 } });
export const addRealName = Counter.update(key, { $ADD: { count: 1 } });
// @ts-expect-error: a nested string is not a counter
export const addPathString = Counter.update(key, { $ADD: { "stats.note": "x" } });
// @ts-expect-error: $DELETE takes set elements only, at a path too
export const deletePathNumber = Counter.update(key, { $DELETE: { "stats.views": 1 } });
// @ts-expect-error: a path the schema does not have
export const addUnknownPath = Counter.update(key, { $ADD: { "stats.nope": 1 } });

// Key attributes cannot be updated (a ValidationError at run time): not as values, not under an operator.
// @ts-expect-error: the hash key is not updatable
export const setHash = Counter.update(key, { id: "b" });
// @ts-expect-error: the range key is not updatable, under $SET either
export const setRange = Counter.update(key, { $SET: { at: 2 } });
// @ts-expect-error: nor removable
export const removeHash = Counter.update(key, { $REMOVE: ["id"] });
// @ts-expect-error: nor added to
export const addRange = Counter.update(key, { $ADD: { at: 1 } });

// The one-argument form carries the key: it is required there, with its types.
export const oneArgumentKey = Counter.update({ id: "a", at: 1, cnt: 3, $ADD: { "stats.views": 1 } });
// @ts-expect-error: the range key is missing
export const oneArgumentNoRange = Counter.update({ id: "a", cnt: 3 });
// @ts-expect-error: the hash key has the wrong type
export const oneArgumentWrongKey = Counter.update({ id: 1, at: 1, cnt: 3 });
export const transactionOneArgument = Counter.transaction.update({ id: "a", at: 1, $ADD: { count: 1 } });
// @ts-expect-error: a transaction update may not change a key either
export const transactionSetKey = Counter.transaction.update(key, { id: "b" });

// ---- no attribute takes the operation: names are still checked, not switched off by an empty `{}` ------
const StringsOnly = dynamodel.model(
  "TypesStringsOnly",
  new Schema({ id: { type: String, hashKey: true }, name: String }),
);
// @ts-expect-error $ADD to a string
void StringsOnly.update("x", { $ADD: { name: "a" } });
// @ts-expect-error a misspelt name under $ADD
void StringsOnly.update("x", { $ADD: { nmae: 1 } });
// @ts-expect-error $DELETE in a schema without a Set
void StringsOnly.update("x", { $DELETE: { name: "a" } });
// @ts-expect-error a misspelt name under $DELETE, in a transaction
void StringsOnly.transaction.update("x", { $DELETE: { nmae: "a" } });
void StringsOnly.update("x", { name: "b", $DELETE: {} });

// ---- type.ANY: $ADD and $DELETE take what the runtime checks (a number, a Set, a list; members) ---------
const Anything = dynamodel.model(
  "TypesAnyOperands",
  new Schema({
    id: { type: String, hashKey: true },
    meta: dynamodel.type.ANY,
    box: { type: Object, schema: { inner: dynamodel.type.ANY, n: Number } },
  }),
);
void Anything.update("x", { $ADD: { meta: [1, "a"], "box.inner": 2 } });
void Anything.update("x", { $ADD: { meta: new Set(["a"]) }, $DELETE: { "box.inner": ["a"] } });
void Anything.transaction.update("x", { $ADD: { meta: 5n } });
// @ts-expect-error a misspelt name is still refused
void Anything.update("x", { $ADD: { mta: 1 } });
// @ts-expect-error a declared number beside it still takes only numbers
void Anything.update("x", { $ADD: { "box.n": "1" } });
// Only type.ANY and schemaless content: a string-or-map and a reference take no $ADD, as at run time.
const NotAnything = dynamodel.model(
  "TypesNotAnyOperands",
  new Schema({
    id: { type: String, hashKey: true },
    either: [String, { type: Object, schema: { z: Number } }],
    self: dynamodel.type.THIS,
  }),
);
// @ts-expect-error a string or a map is no counter, set or list
void NotAnything.update("x", { $ADD: { either: 1 } });
// @ts-expect-error a reference takes no $ADD
void NotAnything.update("x", { $ADD: { self: 1 } });

// ---- saveUnknown: undeclared attributes are allowed beside the declared ones, which stay checked -------
const Loose = dynamodel.model(
  "TypesLooseUpdate",
  new Schema(
    { id: { type: String, hashKey: true }, age: Number, tags: { type: Set, schema: [String] } },
    { saveUnknown: true },
  ),
);
void Loose.update("x", {
  age: 3,
  extra: "kept",
  $SET: { "meta.x": 2 },
  $ADD: { counter: 1, age: 1 },
  $REMOVE: ["extra"],
});
void Loose.update("x", { $DELETE: { tags: "a", otherSet: "b" } });
// @ts-expect-error: a declared attribute keeps its type
void Loose.update("x", { age: "old" });
// @ts-expect-error: under $SET too
void Loose.update("x", { $SET: { age: "old" } });
// @ts-expect-error: and $ADD takes a number for it
void Loose.update("x", { $ADD: { age: "1" } });
const LoosePatterns = dynamodel.model(
  "TypesLoosePatterns",
  new Schema({ id: { type: String, hashKey: true }, age: Number }, { saveUnknown: ["meta.*"] }),
);
// @ts-expect-error: with patterns too
void LoosePatterns.update("x", { age: "old" });

// A required attribute (without a default) cannot be removed: refused at run time too. (Required members
// inside maps are refused at run time only.)
const strict = define({
  id: { type: String, hashKey: true },
  name: { type: String, required: true, alias: "title" },
  nick: String,
  rank: { type: Number, required: true, default: 1 },
  address: { type: Object, schema: { city: { type: String, required: true }, zip: String } },
});
type Strict = typeof strict;
export const strictOk: Strict = {
  $REMOVE: ["nick", "rank", "address", "address.zip"],
  nick: type.UNDEFINED,
  name: "n",
  $SET: { title: "t", rank: type.UNDEFINED },
};
// @ts-expect-error name is required
export const removeRequired: Strict = { $REMOVE: ["name"] };
// @ts-expect-error by its alias too
export const removeRequiredAlias: Strict = { $REMOVE: { title: null } };
// @ts-expect-error type.UNDEFINED removes too
export const undefineRequired: Strict = { name: type.UNDEFINED };
// @ts-expect-error in $SET as well
export const undefineRequiredInSet: Strict = { $SET: { title: type.UNDEFINED } };
// All attributes required: update objects still take no primitive.
const allRequired = define({ id: { type: String, hashKey: true }, name: { type: String, required: true } });
// @ts-expect-error an update is an object
export const primitiveUpdate: typeof allRequired = 0;
export const requiredOnly: typeof allRequired = { name: "x" };
// ...and $REMOVE takes nothing: no attribute may be removed.
// @ts-expect-error name is required
export const removeOnlyRequired: typeof allRequired = { $REMOVE: ["name"] };
// @ts-expect-error not a path either
export const removeUnknown: typeof allRequired = { $REMOVE: { bogus: null } };

// What update() resolves with follows returnValues: UPDATED_NEW and UPDATED_OLD hold only the attributes
// the update named, so every attribute is optional there; the whole item otherwise.
const Returned = dynamodel.model(
  "TypesUpdateReturned",
  new Schema({ id: { type: String, hashKey: true }, name: { type: String, required: true }, n: Number }),
);
export async function returned(): Promise<void> {
  const whole = await Returned.update("u", { n: 2 });
  type _whole = Expect<Equal<(typeof whole)["name"], string>>;
  const old = await Returned.update("u", { n: 2 }, { returnValues: "ALL_OLD" });
  type _old = Expect<Equal<NonNullable<typeof old>["name"], string>>;
  const updated = await Returned.update("u", { n: 2 }, { returnValues: "UPDATED_NEW" });
  type _updated = Expect<Equal<NonNullable<typeof updated>["name"], string | undefined>>;
  const before = await Returned.update({ id: "u", n: 2 }, null, { returnValues: "UPDATED_OLD" });
  type _before = Expect<Equal<NonNullable<typeof before>["name"], string | undefined>>;
}
