// Write pipeline, last pass: the normalised item → DynamoDB AttributeValues, in one walk guided by
// the compiled types (no generic marshalling except for ANY and unknown attributes).
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { TypeMismatch } from "../errors";
import type { CompiledAttribute, ObjectShape, Variant } from "./compiled";
import { acceptsReference, chosenVariantOf } from "./normalize";
import { rankObjectVariants } from "./variant-rank";
import { setOwnMember } from "../own-member";
import { isPlainObject } from "./resolve-type";
import { anyToDynamo } from "./types/any";
import { checkStoredName } from "./stored-name";
import { jsonToDynamo } from "./types/json";
import { NO_MATCH } from "./types/handler";
import { numberRangeNote } from "./types/number";

/**
 * Picks the variant a normalised value belongs to (only consulted for multi-type attributes): the one
 * normalisation chose for a map, list or Set; otherwise the first that accepts it, ranked as normalisation
 * ranks them.
 */
export function variantFor(attribute: CompiledAttribute, value: unknown): Variant {
  const variants = attribute.variants;
  if (variants.length === 1) return variants[0]!;
  const chosen = chosenVariantOf(attribute, value);
  if (chosen !== undefined) return chosen;
  const candidates = isPlainObject(value)
    ? rankObjectVariants(variants, Object.keys(value), (shape) => shape.byName)
    : variants;
  return candidates.find((variant) => variantAccepts(variant, value)) ?? variants[0]!;
}

function attributeAccepts(attribute: CompiledAttribute, value: unknown): boolean {
  return attribute.variants.some((variant) => variantAccepts(variant, value));
}

function variantAccepts(variant: Variant, value: unknown): boolean {
  switch (variant.kind) {
    case "scalar":
      return variant.type.normalize(value) !== NO_MATCH;
    case "object":
    case "json":
      return isPlainObject(value);
    case "array": {
      if (!Array.isArray(value)) return false;
      const element = variant.element;
      return typeof element !== "object" || value.every((entry) => attributeAccepts(element, entry));
    }
    case "set": {
      if (!(value instanceof Set)) return false;
      const element = variant.element;
      return element !== undefined && [...value].every((member) => element.normalize(member) !== NO_MATCH);
    }
    case "reference":
      return acceptsReference(variant, value);
    default:
      return true;
  }
}

/** `undefined` means "store nothing" (an empty set). */
export function valueToDynamo(
  attribute: CompiledAttribute,
  value: unknown,
  path: string,
): AttributeValue | undefined {
  const variant = variantFor(attribute, value);
  switch (variant.kind) {
    case "scalar": {
      // `set` functions run after the type check, so their results are checked again here.
      const normalized = variant.type.normalize(value);
      if (normalized === NO_MATCH) {
        throw new TypeMismatch(path, `of type ${variant.type.name}${numberRangeNote(value)}`, value);
      }
      return variant.type.toDynamo(normalized);
    }
    case "combine":
      return { S: String(value) };
    case "any":
      return anyToDynamo(value, path);
    case "json":
      return jsonToDynamo(value, path);
    case "object":
      if (!isPlainObject(value)) throw new TypeMismatch(path, "of type object", value);
      return {
        M:
          typeof variant.shape === "object"
            ? objectToDynamo(variant.shape, value, path)
            : (anyToDynamo(value, path)?.M ?? {}),
      };
    case "array": {
      if (!Array.isArray(value)) throw new TypeMismatch(path, "of type array", value);
      const element = variant.element;
      const list: AttributeValue[] = new Array(value.length);
      for (let index = 0; index < value.length; index += 1) {
        const entryPath = `${path}[${index}]`;
        const converted =
          typeof element === "object"
            ? valueToDynamo(element, value[index], entryPath)
            : anyToDynamo(value[index], entryPath);
        list[index] = converted ?? { NULL: true };
      }
      return { L: list };
    }
    case "set": {
      // Normalised to a Set, but a `set` function may hand back an array: both are iterable.
      const element = variant.element!;
      const members = [...(value as Iterable<unknown>)].map((member) => element.toSetMember!(member));
      if (members.length === 0) return undefined; // DynamoDB has no empty sets: stored as absent.
      if (element.setType === "BS") return { BS: distinctBytes(members as Uint8Array[]) };
      const distinct = distinctStrings(members as string[]);
      return element.setType === "NS" ? { NS: distinct } : { SS: distinct };
    }
    case "reference":
      return referenceToDynamo(variant, value, path);
  }
}

function referenceToDynamo(
  variant: Extract<Variant, { kind: "reference" }>,
  value: unknown,
  path: string,
): AttributeValue {
  const model = variant.target.resolve();
  const source = model.isItem(value) || isPlainObject(value) ? (value as Record<string, unknown>) : undefined;
  const hashValue = source ? model.hashOf(source) : value;
  const hash = model.hashType.normalize(hashValue);
  if (hash === NO_MATCH)
    throw new TypeMismatch(`${path}.${model.hashKey}`, `of type ${model.hashType.name}`, hashValue);
  if (model.rangeKey === undefined) return model.hashType.toDynamo(hash);
  const rangeValue = source === undefined ? undefined : model.rangeOf(source);
  const range = model.rangeType!.normalize(rangeValue);
  // A wrong value is a type error (SPEC §8), as a wrong hash key value is just above.
  if (range === NO_MATCH) {
    throw new TypeMismatch(
      `${path}.${model.rangeKey}`,
      `of type ${model.rangeType!.name} (a ${model.name} is referenced by its hash and range key)`,
      rangeValue,
    );
  }
  return {
    M: { [model.hashKey]: model.hashType.toDynamo(hash), [model.rangeKey]: model.rangeType!.toDynamo(range) },
  };
}

/** Converts a normalised object (real names) of `shape`; unknown attributes use the generic converter. */
export function objectToDynamo(
  shape: ObjectShape,
  value: Record<string, unknown>,
  path: string,
): Record<string, AttributeValue> {
  if (shape.flattened !== undefined) return flattenedObjectToDynamo(shape, value);
  const output: Record<string, AttributeValue> = {};
  for (const key of Object.keys(value)) {
    const entry = value[key];
    if (entry === undefined) continue;
    const attribute = shape.byName.get(key);
    const entryPath = path === "" ? key : `${path}.${key}`;
    const converted = attribute ? valueToDynamo(attribute, entry, entryPath) : anyToDynamo(entry, entryPath);
    if (attribute === undefined && converted !== undefined) checkStoredName(key, path, value);
    // A `__proto__` member (from JSON, kept by saveUnknown) is data: assigned, it would set the prototype.
    if (converted !== undefined) setOwnMember(output, key, converted);
  }
  return output;
}

/**
 * A root object with flattened attributes (only roots have them): each flattened object's sub-attributes
 * become top-level attributes under their stored names, and the object itself is not stored. A separate
 * walk so that schemas without flattening never pay for the check per attribute.
 */
function flattenedObjectToDynamo(
  shape: ObjectShape,
  value: Record<string, unknown>,
): Record<string, AttributeValue> {
  const output: Record<string, AttributeValue> = {};
  for (const key of Object.keys(value)) {
    const entry = value[key];
    if (entry === undefined) continue;
    const attribute = shape.byName.get(key);
    const flatten = attribute?.flatten;
    if (flatten === undefined) {
      const converted = attribute ? valueToDynamo(attribute, entry, key) : anyToDynamo(entry, key);
      if (attribute === undefined && converted !== undefined) checkStoredName(key, "", value);
      if (converted !== undefined) output[key] = converted;
      continue;
    }
    // `set` functions run after the type check, so the object is checked again here.
    if (!isPlainObject(entry)) throw new TypeMismatch(key, "of type object", entry);
    for (const subKey of Object.keys(entry)) {
      const subValue = entry[subKey];
      const sub = flatten.shape.byName.get(subKey);
      // Unknown keys are not stored: `saveUnknown` does not reach into a flattened object.
      if (subValue === undefined || sub === undefined) continue;
      const converted = valueToDynamo(sub, subValue, `${key}.${subKey}`);
      if (converted !== undefined) output[flatten.storedNames.get(subKey)!] = converted;
    }
  }
  return output;
}

/**
 * A set's members without repeats. Normalising drops equal members, but a `set` function runs after it and
 * may map two members to one (rounding numbers, lowercasing strings): DynamoDB refuses a set that lists a
 * member twice ("Input collection contains duplicates"), where a JavaScript Set would simply hold it once.
 */
function distinctStrings(members: string[]): string[] {
  if (members.length < 2) return members;
  const distinct = new Set(members);
  return distinct.size === members.length ? members : [...distinct];
}

function distinctBytes(members: Uint8Array[]): Uint8Array[] {
  if (members.length < 2) return members;
  const seen = new Set<string>();
  return members.filter((member) => {
    const identity = Buffer.from(member.buffer, member.byteOffset, member.byteLength).toString("base64");
    if (seen.has(identity)) return false;
    seen.add(identity);
    return true;
  });
}
