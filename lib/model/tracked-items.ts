// Change tracking that costs nothing until something changes. An item read from the table has to know
// what it was read as (SPEC §4: `save()` sends only the changed paths, `original()`, `modifiedPaths()`),
// and keeping a copy of every item read doubled the memory a page of items costs. So an item read by a
// schema whose reads give the stored form itself is handed out behind a Proxy that remembers an
// attribute's value as read the first time anything could change it:
// - an assignment, a `delete` or a `defineProperty` of the attribute;
// - handing out an object-valued attribute (a map, list, Set, Date or Buffer can be changed in place
//   through the reference), by a property read or a property descriptor.
// Untouched attributes still hold what was read, so the stored image is worked out when asked for
// (stored-images.ts): the remembered values of touched attributes, the current values of the rest,
// converted by the schema's types. Once saved, the item keeps the written image like any other.
//
// Reads that give something other than the stored data (`get` functions, aliases, flattened objects,
// projections, several schemas, or an inexact read: see schema/read-exactness.ts) keep their stored image
// as before: converting such an item back would not give what is stored.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { CompiledSchema } from "../schema/compiled";
import { readsStoredForm } from "../schema/read";
import { valueToDynamo } from "../schema/to-dynamo";
import { anyToDynamo } from "../schema/types/any";
import { imageSlotOf, setImageSlot } from "./image-slot";
import { copyData } from "./json";
import { itemRuntimeOf } from "./runtime";

type Image = Record<string, AttributeValue>;
type Data = Record<string | symbol, unknown>;

/** Answered only by the tracking proxy's `get`: the item it stands for. */
const TARGET: unique symbol = Symbol("dynamodel.trackedItem");
/** Remembered for an attribute the item did not hold when it was first touched. */
const ABSENT: unique symbol = Symbol("dynamodel.absent");

/** The image slot of a tracked item nothing has touched yet: one shared marker, so it costs nothing. */
const UNTOUCHED: unique symbol = Symbol("dynamodel.untouched");

/** The values a tracked item held as read, for each top-level attribute touched since: its image slot. */
class ReadValues extends Map<string, unknown> {}

/** What a lazily tracked item's image slot holds until its first save. */
export type LazySlot = ReadValues | typeof UNTOUCHED;

/** Whether an image slot belongs to a lazily tracked item not saved since it was read. */
export function isLazySlot(slot: unknown): slot is LazySlot {
  return slot === UNTOUCHED || slot instanceof ReadValues;
}

function remember(target: Data, key: string | symbol): void {
  if (typeof key !== "string") return;
  let slot = imageSlotOf(target);
  if (slot === UNTOUCHED) setImageSlot(target, (slot = new ReadValues()));
  else if (!(slot instanceof ReadValues)) return; // saved since: the slot holds the written image
  const readValues = slot as ReadValues;
  if (!readValues.has(key)) {
    readValues.set(key, Object.hasOwn(target, key) ? copyData(target[key]) : ABSENT);
  }
}

/**
 * Whether a property is read from the proxy itself, not from an object made with `Object.create(item)`:
 * such an object inherits the item's data but is no tracked item of its own.
 */
function readFromItself(target: Data, receiver: unknown): boolean {
  return Reflect.getPrototypeOf(receiver as object) === Reflect.getPrototypeOf(target);
}

const tracking: ProxyHandler<Data> = {
  get(target, key, receiver) {
    if (key === TARGET) return readFromItself(target, receiver) ? target : undefined;
    const value: unknown = Reflect.get(target, key, receiver);
    if (
      typeof value === "object" &&
      value !== null &&
      typeof key === "string" &&
      Object.hasOwn(target, key)
    ) {
      remember(target, key);
    }
    return value;
  },
  set(target, key, value, receiver) {
    remember(target, key);
    // With the receiver, a setter on the prototype runs on the proxy (its writes are seen too), and an
    // assignment on an object inheriting from the item lands on that object, as without the proxy.
    return Reflect.set(target, key, value, receiver);
  },
  deleteProperty(target, key) {
    remember(target, key);
    return Reflect.deleteProperty(target, key);
  },
  defineProperty(target, key, descriptor) {
    remember(target, key);
    return Reflect.defineProperty(target, key, descriptor);
  },
  getOwnPropertyDescriptor(target, key) {
    const descriptor = Reflect.getOwnPropertyDescriptor(target, key);
    if (typeof descriptor?.value === "object" && descriptor.value !== null) remember(target, key);
    return descriptor;
  },
};

const lazySchemas = new WeakMap<CompiledSchema, boolean>();

/**
 * Whether a model's items can be tracked lazily: it has one schema (the one {@link imageOfTracked}
 * converts by), whose reads give the stored form, with nothing flattened.
 */
export function tracksLazily(compiled: readonly CompiledSchema[]): boolean {
  if (compiled.length !== 1) return false;
  const schema = compiled[0]!;
  let lazy = lazySchemas.get(schema);
  if (lazy === undefined) {
    lazy = readsStoredForm(schema) && schema.shape.flattened === undefined;
    lazySchemas.set(schema, lazy);
  }
  return lazy;
}

/** `item` (just read, untouched) behind the tracking proxy. */
export function trackChanges<T extends object>(item: T): T {
  setImageSlot(item, UNTOUCHED);
  return new Proxy(item as Data, tracking) as T;
}

/** The item a tracking proxy stands for; `undefined` for anything else. */
export function trackedTargetOf(item: object): object | undefined {
  return (item as Data)[TARGET] as object | undefined;
}

/** The item's own object: behind the tracking proxy if it has one. Reading it remembers nothing. */
export function untracked<T extends object>(item: T): T {
  return (trackedTargetOf(item) as T | undefined) ?? item;
}

function addStoredForm(schema: CompiledSchema, image: Image, key: string, value: unknown): void {
  if (value === undefined) return;
  const attribute = schema.shape.byName.get(key);
  let stored: AttributeValue | undefined;
  try {
    stored = attribute === undefined ? anyToDynamo(value, key) : valueToDynamo(attribute, value, key);
  } catch {
    // Only for a value the schema's type cannot take back (a reference map missing its range key): the
    // generic form of it. Reads whose values would not convert back are inexact and keep their image.
    stored = anyToDynamo(value, key);
  }
  if (stored !== undefined) image[key] = stored;
}

/**
 * The stored image of a lazily tracked item (`target`, the item itself), worked out from what it holds:
 * the values remembered for touched attributes, the current ones for the rest.
 */
export function imageOfTracked(target: object): Image {
  const schema = itemRuntimeOf(target).compiled[0]!; // its only schema (tracksLazily)
  const slot = imageSlotOf(target);
  const readValues = slot instanceof ReadValues ? slot : undefined;
  const data = target as Record<string, unknown>;
  const image: Image = {};
  for (const key of Object.keys(data)) {
    if (readValues?.has(key) !== true) addStoredForm(schema, image, key, data[key]);
  }
  if (readValues !== undefined) {
    for (const [key, value] of readValues) if (value !== ABSENT) addStoredForm(schema, image, key, value);
  }
  return image;
}
