// Generic conversion for values the schema does not type: `type.ANY` attributes and unknown
// attributes kept by `saveUnknown`. Faster than util-dynamodb's marshall (no option handling) and
// friendlier: a Date is stored as epoch milliseconds instead of crashing, an empty Set is left out.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { TypeMismatch } from "../../errors";
import { ownBytes } from "./buffer";
import { markInexact } from "../read-exactness";
import { numberFromDynamo } from "../stored-number";
import { setOwnMember } from "../own-member";

/** `undefined` means "store nothing" (an undefined value or an empty set). */
export function anyToDynamo(value: unknown, path: string): AttributeValue | undefined {
  switch (typeof value) {
    case "string":
      return { S: value };
    case "number":
      if (!Number.isFinite(value)) throw new TypeMismatch(path, "a finite number", value);
      return { N: String(value) };
    case "boolean":
      return { BOOL: value };
    case "bigint":
      return { N: value.toString() };
    case "undefined":
      return undefined;
    case "object":
      return objectToDynamo(value, path);
    default:
      throw new TypeMismatch(path, "a value DynamoDB can store", value);
  }
}

function objectToDynamo(value: object | null, path: string): AttributeValue | undefined {
  if (value === null) return { NULL: true };
  if (Array.isArray(value)) {
    const list: AttributeValue[] = [];
    for (let index = 0; index < value.length; index += 1) {
      const element = anyToDynamo(value[index], `${path}[${index}]`);
      list.push(element ?? { NULL: true });
    }
    return { L: list };
  }
  if (value instanceof Date) return { N: String(value.getTime()) };
  if (value instanceof Uint8Array) return { B: ownBytes(value) };
  if (value instanceof Set) return setToDynamo(value, path);
  const map: Record<string, AttributeValue> = {};
  for (const key of Object.keys(value)) {
    const converted = anyToDynamo((value as Record<string, unknown>)[key], `${path}.${key}`);
    if (converted !== undefined) map[key] = converted;
  }
  return { M: map };
}

function setToDynamo(set: Set<unknown>, path: string): AttributeValue | undefined {
  if (set.size === 0) return undefined;
  const members = [...set];
  const first = members[0];
  if (members.every((member) => typeof member === "string")) return { SS: members as string[] };
  if (members.every((member) => typeof member === "number" || typeof member === "bigint")) {
    return { NS: members.map(String) };
  }
  if (members.every((member) => member instanceof Uint8Array)) {
    return { BS: (members as Uint8Array[]).map(ownBytes) };
  }
  throw new TypeMismatch(path, "a Set of only strings, only numbers or only binaries", first);
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
