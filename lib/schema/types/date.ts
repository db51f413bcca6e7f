// Date attributes: a Date in JavaScript (validators and `set` see a Date), stored as epoch
// milliseconds (default), epoch seconds, or an ISO-8601 string.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { DateStorage } from "../definition-types";
import { NO_MATCH, type ScalarType } from "./handler";
import { parseIsoDate } from "./iso-date";

function validDate(date: Date): Date | typeof NO_MATCH {
  return Number.isNaN(date.getTime()) ? NO_MATCH : date;
}

const cache = new Map<DateStorage, ScalarType>();

/** The Date type for one storage choice (one shared instance per choice). */
export function dateType(storage: DateStorage = "milliseconds"): ScalarType {
  let type = cache.get(storage);
  if (!type) {
    type = storage === "iso" ? isoDate() : epochDate(storage === "seconds" ? 1000 : 1);
    cache.set(storage, type);
  }
  return type;
}

function epochDate(unitMs: number): ScalarType {
  const toNumber = (value: unknown): number => {
    const ms = (value as Date).getTime();
    return unitMs === 1 ? ms : Math.round(ms / unitMs);
  };
  // In the storage's unit, as it will be stored: an item saved with seconds storage then holds the Date a
  // read gives back (not the milliseconds the table does not keep), and validators see that Date.
  const inUnit = (date: Date): Date =>
    unitMs === 1 || date.getTime() % unitMs === 0 ? date : new Date(toNumber(date) * unitMs);
  return {
    name: "date",
    dynamoType: "N",
    setType: "NS",
    // The stored form (a number in the storage's unit) is accepted too, as in Dynamoose.
    normalize: (value) =>
      value instanceof Date
        ? validDate(inUnit(value))
        : typeof value === "number" && Number.isFinite(value)
          ? new Date(value * unitMs)
          : NO_MATCH,
    toDynamo: (value) => ({ N: String(toNumber(value)) }),
    toSetMember: (value) => String(toNumber(value)),
    fromDynamo: (value: AttributeValue) =>
      value.N !== undefined ? new Date(Number(value.N) * unitMs) : NO_MATCH,
    fromSetMember: (member) => new Date(Number(member) * unitMs),
  };
}

/**
 * A stored string read back: the ISO forms writes take, as they take them (`new Date()` reads some of them,
 * `+05` or a space before the time, as an Invalid Date); anything else another writer stored, as JavaScript
 * reads it.
 */
function storedIsoDate(text: string): Date {
  return parseIsoDate(text) ?? new Date(text);
}

/** ISO strings (iso-date.ts) or Dates in, `toISOString()` stored. */
function isoDate(): ScalarType {
  return {
    name: "date",
    dynamoType: "S",
    setType: "SS",
    normalize: (value) =>
      value instanceof Date
        ? validDate(value)
        : typeof value === "string"
          ? (parseIsoDate(value) ?? NO_MATCH)
          : NO_MATCH,
    toDynamo: (value) => ({ S: (value as Date).toISOString() }),
    toSetMember: (value) => (value as Date).toISOString(),
    fromDynamo: (value: AttributeValue) => (value.S !== undefined ? storedIsoDate(value.S) : NO_MATCH),
    fromSetMember: (member) => storedIsoDate(member as string),
  };
}
