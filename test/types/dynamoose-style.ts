// Dynamoose's style keeps working: declare the item as a class extending Item, then model<Cat>().
import {
  Item,
  model,
  Schema,
  type CallbackType,
  type CallbackValue,
  type ModelType,
  type ObjectType,
  type SchemaDefinition,
} from "dynamodel";
import type { InputOfItem } from "dynamodel";
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

// Code written against Dynamoose's typings: generic helpers over ModelType<T>, any-valued toJSON(),
// original() and serialize() (Dynamoose's ObjectType), and callbacks annotated with Dynamoose's types.
export async function genericOverModels<T extends Item>(Model: ModelType<T>): Promise<T> {
  const found = await Model.get(1);
  await found.save();
  return found;
}
export async function dynamooseObjectTypes(): Promise<string> {
  const cat = await CatModel.get(1);
  const fromJson: string = cat.toJSON().name.toUpperCase();
  const fromOriginal: string = cat.original()?.name;
  const serialized: string = cat.serialize().name;
  const listed: string = (await CatModel.scan().exec()).toJSON()[0]!.name;
  return fromJson + fromOriginal + serialized + listed;
}
export function dynamooseCallbacks(): void {
  const typed: CallbackType<Cat, Error> = () => undefined;
  CatModel.get(1, typed);
  CatModel.get(1, (error: Error | null | undefined, cat?: Cat) => void [error, cat]);
  CatModel.get(1, (error, cat) => {
    // `any`, as Dynamoose types it: Dynamoose code reading `error.message` compiles unchanged.
    type _error = Expect<Equal<typeof error, CallbackValue>>;
    const message: string | undefined = error?.message;
    void [cat, message];
  });
}

// Dynamoose's loose spots that its users' code relies on: key objects and lastKey as ObjectType, a mutable
// SchemaDefinition, and a constructor that takes any object (saveUnknown data).
export async function dynamooseLooseSpots(skus: string[]): Promise<string> {
  const missing: ObjectType[] = (await CatModel.batchGet(skus)).unprocessedKeys;
  const deletedLeft: ObjectType[] = (await CatModel.batchDelete(skus)).unprocessedItems;
  const page = await CatModel.scan().limit(10).exec();
  const cursor: string | undefined = page.lastKey?.id;
  const queried = await CatModel.query("id").eq(1).exec();
  const next: string | undefined = queried.lastKey?.id;
  const definition: SchemaDefinition = { id: { type: String, hashKey: true } };
  for (const field of ["name", "colour"]) definition[field] = String;
  const loose = new CatModel({ id: 3, name: "Tom", colour: "black" });
  return `${missing.length}${deletedLeft.length}${cursor}${next}${loose.name}`;
}

// A repository generic over `T extends Item` passes Dynamoose's `Partial<T>` update objects.
export async function patchAny<T extends Item>(
  Model: ModelType<T>,
  key: ObjectType,
  changes: Partial<T>,
): Promise<void> {
  await Model.update(key, changes);
  await Model.update(key, { $SET: changes });
  await Model.update(key, { $REMOVE: ["note"] });
  await Model.transaction.update(key, changes);
}
// model<Cat>() itself still checks its update objects per attribute.
// @ts-expect-error: "colour" is not a property of Cat
void CatModel.update({ id: 1 }, { colour: "grey" });

// batchPut, transaction.create and transaction.update take what the class leaves out (counters, index
// keys, timestamps its schema also has), as Dynamoose types them (ObjectType).
class Booking extends Item {
  id!: number;
  name!: string;
}
const BookingModel = model<Booking>(
  "DynamooseStyleBooking",
  new Schema({ id: Number, name: String, seats: Number, ownerId: String }, { timestamps: true }),
);
void BookingModel.batchPut([{ id: 1, name: "a", seats: 9 }]);
void BookingModel.batchPut([{ id: 1, name: "a" }], (error, result) => void [error, result]);
void BookingModel.transaction.create({ id: 2, name: "b", ownerId: "o" });
void BookingModel.transaction.update({ id: 1 }, { $ADD: { seats: -1 } });
void BookingModel.transaction.update({ id: 3 }, { ownerId: "o2" });
void BookingModel.transaction.update({ id: 4, name: "n" });
// The checked signatures still come first: a class's own property keeps its type in what they return.
const bookingResult = BookingModel.batchPut([{ id: 5, name: "c" }]);
type _bookingResult = Expect<
  Equal<Awaited<typeof bookingResult>["unprocessedItems"], InputOfItem<Booking>[]>
>;
