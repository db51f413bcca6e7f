// Hook `this`: the schema's item for document hooks, the operation context for model hooks.
import { Schema } from "dynamodel";
import type { Equal, Expect } from "./assert";

const schema = new Schema({
  id: { type: String, hashKey: true },
  name: { type: String, required: true },
  age: Number,
});

schema.pre("save", function () {
  type _this = Expect<Equal<typeof this.name, string>>;
  this.name = this.name.trim();
});
schema.pre("update", function (next) {
  const model: string = this.model;
  this.settings.returnValues = "ALL_OLD";
  void model;
  next();
});
schema.post("save", function (item) {
  const age: number | undefined = item.age;
  void age;
});
schema.post("get", function (error: unknown, _result: unknown, next: (error?: unknown) => void) {
  next(error);
});
// @ts-expect-error: not a hook operation
schema.pre("explode", () => undefined);
schema.pre("save", function () {
  // @ts-expect-error: name is a string
  this.name = 5;
});
