// Dynamoose's TypeScript example (its `model()` JSDoc), with only the package name changed in its two
// imports: `Item` comes from the "dynamodel/dist/Item" subpath, and is the main entry's Item.
import * as dynamodel from "dynamodel";
import { Item } from "dynamodel/dist/Item";
import type { Equal, Expect } from "./assert";

// Strongly typed model (`!`: the example's bare `id: number;` needs it under strictPropertyInitialization)
class Cat extends Item {
  id!: number;
  name!: string;
}
const CatModel = dynamodel.model<Cat>("DistItemCat", { id: Number, name: String });

// Will raise type checking error as random is not a valid field.
// @ts-expect-error: "random" is not a property of Cat
void CatModel.create({ id: 1, random: "string" });

export async function example(): Promise<void> {
  // Will return the correct type of Cat
  const cat = await CatModel.get(1);
  type _cat = Expect<Equal<NonNullable<typeof cat>["name"], string>>;
  const created = await CatModel.create({ id: 2, name: "Tom" });
  const saved: Cat = await created.save();
  void saved;
}

// The interface form of the same guide.
interface Dog extends Item {
  id: number;
  breed?: string;
}
const DogModel = dynamodel.model<Dog>("DistItemDog", { id: Number, breed: String });
void DogModel.create({ id: 1, breed: "collie" });

// One Item class: the subpath's is the main entry's.
type _sameItem = Expect<Equal<typeof Item, typeof dynamodel.Item>>;
