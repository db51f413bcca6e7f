// User callbacks compile as they do with Dynamoose: the values handed to `validate`, `get`, `set`, the
// schema-level functions and a serializer's `modify` are untyped (`CallbackValue`), so code written
// without annotations keeps compiling after the import changes; annotated parameters are still checked.
import dynamodel, { Schema, type CallbackItem, type CallbackValue } from "dynamodel";
import type { Equal, Expect } from "./assert";

const attributes = new Schema({
  id: String,
  age: { type: Number, validate: (age) => age > 0 && age < 100 },
  score: {
    type: Number,
    validate: async (score) => {
      await Promise.resolve();
      return score % 2 === 0;
    },
  },
  nickname: { type: String, set: (value) => `${value.charAt(0).toUpperCase()}${value.slice(1)}` },
  title: { type: String, set: (next, previous) => `${next.trim()}-${previous?.trim() ?? ""}` },
  appId: { type: String, get: (value) => `application-${value}` },
  level: { type: Number, validate: (level: number) => level >= 0 },
  // @ts-expect-error: an annotated parameter is checked against the call (two parameters for validate)
  broken: { type: Number, validate: (value: number, other: number) => value > other },
});

const whole = new Schema(
  { id: String, name: String },
  {
    validate: (item) => item.id.startsWith(item.name[0]),
    set: (item) => ({ ...item, name: item.name.toUpperCase() }),
    get: (item) => ({ ...item, shout: `${item.name}!` }),
  },
);

const Person = dynamodel.model("TypesCallbackPerson", whole);
Person.serializer.add("upper", {
  include: ["id"],
  modify: (serialized, original) => ({ ...serialized, name: original.name.toUpperCase() }),
});

type _value = Expect<Equal<CallbackItem, Record<string, CallbackValue>>>;
void attributes;
