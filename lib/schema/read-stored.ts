// The first step of the read pipeline (read.ts): AttributeValues → JavaScript values by the compiled
// types (Dates, Sets, Buffers), under the stored names, unknown attributes dropped unless `saveUnknown`
// keeps them. Readers are compiled once per attribute; hydrating a page walks them.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { CompiledAttribute, CompiledSchema, FlattenedNames, ObjectShape, Variant } from "./compiled";
import { rankObjectVariants } from "./variant-rank";
import { keptUnknown, keptUnknownValue } from "./unknown-values";
import { anyFromDynamo } from "./types/any";
import { markInexact } from "./read-exactness";
import { numberFromDynamo } from "./stored-number";
import { setOwnMember } from "../own-member";
import { sameValue } from "./same-value";
import { NO_MATCH } from "./types/handler";
import { keepEverything, keptOnlyAsContainer } from "./unknown-paths";

/** An invalid Date (from a stored string that is no date) does not convert back to that string. */
function flaggingInvalidDate(read: unknown): unknown {
  if (read instanceof Date && Number.isNaN(read.getTime())) markInexact();
  return read;
}

function variantFromDynamo(
  variant: Variant,
  value: AttributeValue,
  path: string,
  keep: KeepUnknown,
): unknown {
  switch (variant.kind) {
    case "scalar":
      return flaggingInvalidDate(variant.type.fromDynamo(value));
    case "any":
      return anyFromDynamo(value);
    case "combine":
      return value.S ?? NO_MATCH;
    case "json":
      return value.S !== undefined ? jsonFromDynamo(value.S) : NO_MATCH;
    case "object":
      if (value.M === undefined) return NO_MATCH;
      if (variant.shape === "empty")
        return keptUnknownContents(anyFromDynamo(value) as Record<string, unknown>, path, keep);
      if (variant.shape === "any") return anyFromDynamo(value);
      return objectFromDynamo(variant.shape, value.M, path, keep);
    case "array": {
      if (value.L === undefined) return NO_MATCH;
      const element = variant.element;
      if (element === "empty") return keptUnknownContents(anyFromDynamo(value) as unknown[], path, keep);
      if (element === "any") return value.L.map(anyFromDynamo);
      // An empty Set in a list is written as NULL (DynamoDB has no empty sets, and leaving it out would move
      // the elements after it): read back as the empty Set it was.
      const setElement = isSetOnly(element);
      return value.L.map((entry, index) =>
        setElement && entry.NULL === true
          ? new Set()
          : attributeFromDynamo(element, entry, `${path}[${index}]`, keep),
      );
    }
    case "set": {
      const element = variant.element;
      if (!element) return NO_MATCH;
      const members = element.setType === "SS" ? value.SS : element.setType === "NS" ? value.NS : value.BS;
      if (members === undefined) return NO_MATCH;
      const set = new Set<unknown>();
      for (const member of members) set.add(flaggingInvalidDate(element.fromSetMember!(member)));
      return set;
    }
    case "reference": {
      const model = variant.target.resolve();
      if (model.rangeKey === undefined) return model.hashType.fromDynamo(value);
      return value.M !== undefined ? anyFromDynamo(value) : NO_MATCH;
    }
  }
}

/** Whether a list element is a Set of some kind, and nothing else (no NULL or ANY variant to take a NULL). */
function isSetOnly(element: CompiledAttribute): boolean {
  return element.variants.every((variant) => variant.kind === "set");
}

type KeepUnknown = ((path: string) => boolean) | undefined;

function keptUnknownContents(
  stored: Record<string, unknown> | unknown[],
  path: string,
  keep: KeepUnknown,
): Record<string, unknown> | unknown[] {
  const kept = keptUnknown(stored, path, keep);
  // Only what is left out makes the read inexact: with saveUnknown keeping all of it, it is exact.
  if (!sameValue(kept, stored)) markInexact();
  return kept;
}

type Reader = (value: AttributeValue, path: string, keep: KeepUnknown) => unknown;

function attributeFromDynamo(
  attribute: CompiledAttribute,
  value: AttributeValue,
  path: string,
  keep: KeepUnknown,
): unknown {
  // A map is read by the object schema that names most of its members, as the write chose it; the
  // first schema would leave the others' members out, and a save of the item would erase them.
  const variants =
    value.M !== undefined && attribute.variants.length > 1
      ? rankObjectVariants(attribute.variants, Object.keys(value.M), (shape) => shape.byName)
      : attribute.variants;
  for (const variant of variants) {
    const converted = variantFromDynamo(variant, value, path, keep);
    if (converted !== NO_MATCH) return converted;
  }
  // Stored data that no longer fits the schema is still returned, never dropped.
  markInexact(); // its type is not the schema's, so converting it back by the schema would differ
  return anyFromDynamo(value);
}

/**
 * A reader specialised for the common single-type attributes (the hot path of hydrating query pages);
 * everything else takes the general route above. A stored value of an unexpected type falls back to
 * it too, so nothing is dropped.
 */
function compileReader(attribute: CompiledAttribute): Reader {
  const general: Reader = (value, path, keep) => attributeFromDynamo(attribute, value, path, keep);
  if (attribute.variants.length !== 1) return general;
  const variant = attribute.variants[0]!;
  if (variant.kind === "scalar") {
    const { type } = variant;
    if (type.name === "string")
      return (value, path, keep) => (value.S !== undefined ? value.S : general(value, path, keep));
    if (type.name === "number") {
      return (value, path, keep) =>
        value.N !== undefined ? numberFromDynamo(value.N) : general(value, path, keep);
    }
    if (type.name === "boolean") {
      return (value, path, keep) => (value.BOOL !== undefined ? value.BOOL : general(value, path, keep));
    }
    return general;
  }
  if (variant.kind === "set" && variant.element) {
    if (variant.element.name === "string")
      return (value, path, keep) => (value.SS ? new Set(value.SS) : general(value, path, keep));
    if (variant.element.name === "number") {
      return (value, path, keep) =>
        value.NS ? new Set(value.NS.map(numberFromDynamo)) : general(value, path, keep);
    }
    return general;
  }
  if (variant.kind === "object" && typeof variant.shape === "object") {
    const shape = variant.shape;
    return (value, path, keep) =>
      value.M !== undefined ? objectFromDynamo(shape, value.M, path, keep) : general(value, path, keep);
  }
  if (variant.kind === "array" && typeof variant.element === "object") {
    const read = readerOf(variant.element);
    // A list of Sets holds an empty one as NULL (see variantFromDynamo); decided once, here.
    const element: Reader = isSetOnly(variant.element)
      ? (entry, path, keep) => (entry.NULL === true ? new Set() : read(entry, path, keep))
      : read;
    return (value, path, keep) => {
      if (value.L === undefined) return general(value, path, keep);
      const list = value.L;
      const output = new Array<unknown>(list.length);
      for (let index = 0; index < list.length; index += 1) {
        output[index] = element(list[index]!, keep === undefined ? "" : `${path}[${index}]`, keep);
      }
      return output;
    };
  }
  return general;
}

const readers = new WeakMap<CompiledAttribute, Reader>();
const shapeReaders = new WeakMap<ObjectShape, Map<string, Reader>>();

function readerOf(attribute: CompiledAttribute): Reader {
  let reader = readers.get(attribute);
  if (!reader) readers.set(attribute, (reader = compileReader(attribute)));
  return reader;
}

/** Stored name → reader, built once per shape. */
function readersOf(shape: ObjectShape): Map<string, Reader> {
  let table = shapeReaders.get(shape);
  if (!table) {
    table = new Map(shape.attributes.map((attribute) => [attribute.name, readerOf(attribute)]));
    shapeReaders.set(shape, table);
  }
  return table;
}

/**
 * An unknown attribute saveUnknown keeps: read whole, then cut to what the patterns keep (`person.*` keeps
 * `person.b` but not `person.b.c`), as the write pipeline cuts it, so reads show what writes would keep.
 */
/** A stored unknown attribute as saveUnknown keeps it, or undefined for nothing (normalize.ts `keptUnknownValue`). */
function unknownFromDynamo(value: AttributeValue, path: string, keep: (path: string) => boolean): unknown {
  const read = anyFromDynamo(value);
  if (keep === keepEverything) return read;
  if (keptOnlyAsContainer(keep, path)) return keptUnknownValue(keep, path, read);
  if (read === null || typeof read !== "object") return read;
  if (!Array.isArray(read) && Object.getPrototypeOf(read) !== Object.prototype) return read; // a Set, a Buffer
  return keptUnknownContents(read as Record<string, unknown> | unknown[], path, keep);
}

export function objectFromDynamo(
  shape: ObjectShape,
  map: Record<string, AttributeValue>,
  path: string,
  keep: KeepUnknown,
  output: Record<string, unknown> = {},
): Record<string, unknown> {
  if (shape.flattened !== undefined)
    return flattenedObjectFromDynamo(shape, shape.flattened, map, keep, output);
  const table = readersOf(shape);
  for (const key of Object.keys(map)) {
    if (key === "__proto__") {
      markInexact();
      // The SDK reads a top-level `__proto__` attribute as a member holding undefined: nothing to read.
      if (map[key] === undefined) continue;
    }
    const reader = table.get(key);
    // Paths only matter for saveUnknown's patterns; don't build strings nobody reads.
    const nestedPath = keep === undefined ? "" : path === "" ? key : `${path}.${key}`;
    if (reader) output[key] = reader(map[key]!, nestedPath, keep);
    else if (keep?.(nestedPath)) {
      const held = unknownFromDynamo(map[key]!, nestedPath, keep);
      if (held !== undefined) setOwnMember(output, key, held);
    } else markInexact();
  }
  return output;
}

/**
 * A stored item whose schema flattens objects (only roots do): a stored name of a flattened sub-attribute
 * (`addr_city`) is read into its object (`address.city`). When none of an object's attributes is stored,
 * the object is absent (an empty object stores nothing, so it reads back absent too).
 */
function flattenedObjectFromDynamo(
  shape: ObjectShape,
  flattened: FlattenedNames,
  map: Record<string, AttributeValue>,
  keep: KeepUnknown,
  output: Record<string, unknown>,
): Record<string, unknown> {
  const table = readersOf(shape);
  for (const key of Object.keys(map)) {
    const reader = table.get(key);
    if (reader) {
      // An attribute stored under a flattened object's own name is not that object's data: left out.
      if (shape.byName.get(key)!.flatten === undefined) output[key] = reader(map[key]!, key, keep);
      continue;
    }
    const found = flattened.byStoredName.get(key);
    if (found === undefined) {
      if (keep?.(key)) output[key] = anyFromDynamo(map[key]!);
      else markInexact();
      continue;
    }
    const { owner, attribute } = found;
    let object = output[owner.name] as Record<string, unknown> | undefined;
    if (object === undefined) output[owner.name] = object = {};
    const path = keep === undefined ? "" : `${owner.name}.${attribute.name}`;
    object[attribute.name] = readerOf(attribute)(map[key]!, path, keep);
  }
  return output;
}

/** AttributeValues → JavaScript by the schema's types only (no `get`, real names): the stored form. */
export function storedFormFromDynamo(
  schema: CompiledSchema,
  attributes: Record<string, AttributeValue>,
): Record<string, unknown> {
  return objectFromDynamo(schema.shape, attributes, "", schema.keepUnknown);
}

/**
 * The stored form of everything stored, attributes the schema does not declare included (as `anyFromDynamo`
 * reads them): `item.original()`, which Dynamoose gives as the raw item it read.
 */
export function wholeStoredForm(
  schema: CompiledSchema,
  attributes: Record<string, AttributeValue>,
): Record<string, unknown> {
  return objectFromDynamo(schema.shape, attributes, "", keepEverything);
}

/**
 * A JSON attribute's object or array, or NO_MATCH for a string that is not one in JSON (written by another
 * program): the value is then returned as stored, as any stored value of the wrong type is.
 */
function jsonFromDynamo(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return NO_MATCH;
  }
  return typeof value === "object" && value !== null ? value : NO_MATCH;
}
