// Dynamoose's style keeps working: declare the item as a class extending Item, then model<Cat>().
import { Item, model, Schema } from "dynamodel";
import type { Equal, Expect } from "./assert";

class Cat extends Item {
  id!: number;
  name!: string;
  age?: number;
}

const CatModel = model<Cat>("DynamooseStyleCat", new Schema({ id: Number, name: String, age: Number }));

const created = CatModel.create({ id: 1, name: "Tom" });
type _created = Expect<Equal<Awaited<typeof created>["name"], string>>;
const fetched = CatModel.get(1);
type _fetched = Expect<Equal<NonNullable<Awaited<typeof fetched>>["age"], number | undefined>>;
const item = new CatModel({ id: 2, name: "Ann" });
const saved: Promise<typeof item> = item.save();
void saved;
// @ts-expect-error: "colour" is not a property of Cat
void CatModel.create({ id: 3, colour: "grey" });

// `get` keeps Dynamoose's typing for these models (the item type alone), so Dynamoose code that reads a
// property of what `get` resolves with compiles under `strict`. A schema-inferred model says `| undefined`.
type _fetchedExact = Expect<Equal<Awaited<typeof fetched>, Cat & Item>>;
export async function dynamooseStyleGet(): Promise<string> {
  const cat = await CatModel.get(1);
  const byName = await model("DynamooseStyleCat").get(1);
  return cat.name + String(byName.name);
}
const Inferred = model("DynamooseStyleInferred", new Schema({ id: Number, name: String }));
const inferredGet = Inferred.get(1);
type _inferredGet = Expect<
  Equal<Awaited<typeof inferredGet> extends infer I ? (undefined extends I ? true : false) : never, true>
>;
