// Custom methods are typed through the return value of methods.set / methods.item.set.
import { model } from "dynamodel";
import type { Equal, Expect } from "./assert";

const Cat = model("TypesMethodsCat", { id: { type: Number, hashKey: true }, name: String });

const Cats = Cat.methods.set("byName", async function (name: string) {
  return (await this.scan("name").eq(name).exec()).length;
});
type _static = Expect<Equal<typeof Cats.byName, (name: string) => Promise<number>>>;

const Greeting = Cat.methods.item.set("greet", function (punctuation: string) {
  return `Hi, ${this.name ?? "cat"}${punctuation}`;
});
const tom = new Greeting({ id: 1, name: "Tom" });
type _greet = Expect<Equal<typeof tom.greet, (punctuation: string) => string>>;
// @ts-expect-error: greet takes a string
void tom.greet(1);

// Methods set one after another stay on the model's type, static or item, and a static's `this` sees
// the statics set before it.
const Counting = Cats.methods.set("twice", async function (name: string) {
  return 2 * (await this.byName(name));
});
type _both = Expect<
  Equal<
    [typeof Counting.byName, typeof Counting.twice],
    [typeof Cats.byName, (name: string) => Promise<number>]
  >
>;
const Chatty = Counting.methods.item.set("purr", function () {
  return `${this.name ?? "cat"} purrs`;
});
type _staticsKept = Expect<Equal<typeof Chatty.twice, (name: string) => Promise<number>>>;
type _itemMethod = Expect<Equal<ReturnType<InstanceType<typeof Chatty>["purr"]>, string>>;
// @ts-expect-error: a method never set is not there
void Chatty.purrs;

// withDefaults() resolves with the item's data: attributes only, no Item or custom methods.
const Pet = model("TypesDefaultsPet", {
  id: { type: Number, hashKey: true },
  lives: { type: Number, default: 9 },
  name: String,
});
const pet = new Pet({ id: 1 });
type _withDefaults = Expect<
  Equal<Awaited<ReturnType<typeof pet.withDefaults>>, { id: number; lives: number; name?: string }>
>;
type _greeterData = Expect<
  Equal<Awaited<ReturnType<typeof tom.withDefaults>>, { id: number; name?: string }>
>;
// @ts-expect-error: the data has no methods
void pet.withDefaults().then((data) => data.save());
