// Generic conversion for values the schema does not type: `type.ANY` attributes and unknown
// attributes kept by `saveUnknown`. Faster than util-dynamodb's marshall (no option handling) and
// friendlier: a Date is stored as epoch milliseconds instead of crashing, an empty Set is left out.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { TypeMismatch } from "../../errors";
import { ownBytes } from "./buffer";
import { markInexact } from "../read-exactness";
import { numberFromDynamo } from "../stored-number";
import { setOwnMember } from "../../own-member";
import { checkStoredName } from "../stored-name";
import { isStorableBigint, isStorableNumber, numberRangeNote } from "./number";
import { canonicalNumber } from "../stored-number";
import { UNDEFINED } from "../type-markers";

/**
 * Ends the walk of a value that contains itself. Far beyond DynamoDB's own nesting limit (31 maps and lists,
 * checked on the converted item by nesting.ts); this only turns a cycle into a TypeMismatch instead of a
 * stack overflow.
 */
const maxDepth = 100;

/** `undefined` means "store nothing" (an undefined value or an empty set). */
export function anyToDynamo(value: unknown, path: string, depth = 0): AttributeValue | undefined {
  switch (typeof value) {
    case "string":
      return { S: value };
    case "number":
      if (!isStorableNumber(value))
        throw new TypeMismatch(path, `a finite number${numberRangeNote(value)}`, value);
      return { N: String(value) };
    case "boolean":
      return { BOOL: value };
    case "bigint":
      if (!isStorableBigint(value)) throw new TypeMismatch(path, `a number${numberRangeNote(value)}`, value);
      return { N: value.toString() };
    case "undefined":
      return undefined;
    case "symbol":
      // `type.UNDEFINED` stores nothing here as it does for a declared attribute (a save marks so what it
      // leaves out, such as a list read in part inside undeclared content).
      if (value === UNDEFINED) return undefined;
      throw new TypeMismatch(path, "a value DynamoDB can store", value);
    case "object":
      return objectToDynamo(value, path, depth);
    default:
      throw new TypeMismatch(path, "a value DynamoDB can store", value);
  }
}

function objectToDynamo(value: object | null, path: string, depth: number): AttributeValue | undefined {
  if (value === null) return { NULL: true };
  if (depth >= maxDepth) {
    throw new TypeMismatch(
      path,
      `a value without cycles (it contains itself, or is nested over ${maxDepth} levels)`,
      value,
    );
  }
  if (Array.isArray(value)) {
    const list: AttributeValue[] = [];
    for (let index = 0; index < value.length; index += 1) {
      const element = anyToDynamo(value[index], `${path}[${index}]`, depth + 1);
      list.push(element ?? { NULL: true });
    }
    return { L: list };
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeMismatch(path, "a valid Date", value);
    return { N: String(value.getTime()) };
  }
  if (value instanceof Uint8Array) return { B: ownBytes(value) };
  if (value instanceof Set) return setToDynamo(value, path);
  // A Map's entries are its data (as util-dynamodb's marshall stores them); a map of string keys only.
  if (value instanceof Map) return mapToDynamo(value, path, depth);
  // Objects whose content is not in their own properties would be stored as an empty map (or, for typed
  // arrays and boxed strings, as a map of indexes): refused, as Dynamoose refuses them.
  if (holdsHiddenContent(value)) throw new TypeMismatch(path, "a value DynamoDB can store", value);
  const map: Record<string, AttributeValue> = {};
  for (const key of Object.keys(value)) {
    const converted = anyToDynamo((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1);
    // Only a key that stores something is checked: one holding `undefined` is left out anyway.
    if (converted === undefined) continue;
    checkStoredName(key, path, value);
    // A `__proto__` member (from JSON, or read so) is data: assigned, it would set the map's prototype.
    setOwnMember(map, key, converted);
  }
  return { M: map };
}

function mapToDynamo(value: Map<unknown, unknown>, path: string, depth: number): AttributeValue {
  const map: Record<string, AttributeValue> = {};
  for (const [key, entry] of value) {
    if (typeof key !== "string") throw new TypeMismatch(path, "a Map with string keys only", value);
    const converted = anyToDynamo(entry, `${path}.${key}`, depth + 1);
    if (converted === undefined) continue;
    checkStoredName(key, path, value);
    setOwnMember(map, key, converted);
  }
  return { M: map };
}

/**
 * Built-in objects whose data is not in their own enumerable properties, and class instances with none:
 * stored as a map they would lose what they hold. (Plain objects, arrays, Dates, Buffers, Sets and Maps are
 * handled before this is asked.)
 */
function holdsHiddenContent(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
  if (prototype === Object.prototype || prototype === null) return false;
  // A plain object of another realm (a vm context) has its own Object.prototype.
  if (Object.getPrototypeOf(prototype) === null && prototype.constructor?.name === "Object") return false;
  if (
    value instanceof Promise ||
    value instanceof WeakMap ||
    value instanceof WeakSet ||
    value instanceof RegExp ||
    value instanceof Error ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    value instanceof Number ||
    value instanceof String ||
    value instanceof Boolean
  ) {
    return true;
  }
  return Object.keys(value).length === 0;
}

function setToDynamo(set: Set<unknown>, path: string): AttributeValue | undefined {
  if (set.size === 0) return undefined;
  const members = [...set];
  if (members.every((member) => typeof member === "string")) return { SS: members as string[] };
  if (members.every((member) => typeof member === "number" || typeof member === "bigint")) {
    // Checked here, not by DynamoDB: its refusal names no path, and in a batch comes after earlier chunks
    // were written. Members equal once stored (`1` and `1n`) are one member, as in a typed Set.
    const seen = new Set<string>();
    const numbers: string[] = [];
    for (const member of members) {
      const storable =
        typeof member === "number" ? isStorableNumber(member) : isStorableBigint(member as bigint);
      if (!storable) throw new TypeMismatch(`${path}[]`, `a finite number${numberRangeNote(member)}`, member);
      const text = String(member);
      const identity = canonicalNumber(text);
      if (seen.has(identity)) continue;
      seen.add(identity);
      numbers.push(text);
    }
    return { NS: numbers };
  }
  if (members.every((member) => member instanceof Uint8Array)) {
    const seen = new Set<string>();
    const bytes: Uint8Array[] = [];
    for (const member of members as Uint8Array[]) {
      const identity = Buffer.from(member).toString("base64");
      if (seen.has(identity)) continue;
      seen.add(identity);
      bytes.push(ownBytes(member));
    }
    return { BS: bytes };
  }
  throw new TypeMismatch(path, "a Set of only strings, only numbers or only binaries", set);
}

/** Reads any AttributeValue: numbers as numbers, sets as Sets, binaries as Buffers. */
export function anyFromDynamo(value: AttributeValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return numberFromDynamo(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL !== undefined) return null;
  if (value.M !== undefined) {
    const object: Record<string, unknown> = {};
    for (const key of Object.keys(value.M)) {
      if (key === "__proto__") markInexact();
      setOwnMember(object, key, anyFromDynamo(value.M[key]!));
    }
    return object;
  }
  if (value.L !== undefined) return value.L.map(anyFromDynamo);
  if (value.SS !== undefined) return new Set(value.SS);
  if (value.NS !== undefined) return new Set(value.NS.map(numberFromDynamo));
  if (value.B !== undefined) return Buffer.from(value.B);
  if (value.BS !== undefined) return new Set(value.BS.map((bytes) => Buffer.from(bytes)));
  return undefined;
}
