/**
 * Conversion of plain JavaScript values to DynamoDB AttributeValues where no schema says the type:
 * schemaless conditions and the values of raw expressions.
 *
 * @example
 * ```ts
 * plainToAttributeValue(new Date(5)); // { N: "5" }
 * plainToAttributeValue(new Set(["a"])); // { SS: ["a"] }
 * isAttributeValue({ S: "x" }); // true
 * ```
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { convertToAttr } from "@aws-sdk/util-dynamodb";
import { describeValue, InvalidParameter } from "../errors";
import { isPlainObject } from "./is-plain-object";

const isStringArray = (value: unknown): boolean =>
  Array.isArray(value) && value.every((element) => typeof element === "string");
const isBinaryArray = (value: unknown): boolean =>
  Array.isArray(value) && value.every((element) => element instanceof Uint8Array);

/** The check for each AttributeValue member; a value is an AttributeValue when exactly one member matches. */
const MEMBER_CHECKS: Readonly<Record<string, (content: unknown) => boolean>> = {
  S: (content) => typeof content === "string",
  N: (content) => typeof content === "string",
  B: (content) => content instanceof Uint8Array,
  BOOL: (content) => typeof content === "boolean",
  NULL: (content) => content === true,
  SS: isStringArray,
  NS: isStringArray,
  BS: isBinaryArray,
  L: (content) => Array.isArray(content),
  M: isPlainObject,
};

/**
 * Whether a value is already in DynamoDB's AttributeValue form: a plain object with exactly one member
 * (`S`, `N`, `B`, `BOOL`, `NULL`, `SS`, `NS`, `BS`, `L`, `M`) whose content has that member's type.
 * Only the outer level is checked; the content of `L` and `M` is trusted.
 *
 * @example
 * ```ts
 * isAttributeValue({ N: "5" }); // true
 * isAttributeValue({ N: 5 }); // false: a plain map with a key "N"
 * ```
 */
export function isAttributeValue(value: unknown): value is AttributeValue {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== 1) return false;
  const key = keys[0] as string;
  const check = MEMBER_CHECKS[key];
  return check !== undefined && check(value[key]);
}

/**
 * A value of a raw expression's `ExpressionAttributeValues`: DynamoDB-typed (`{N: "100"}`) as it is, and
 * `{N: 100}` (a number in `N`, as Dynamoose's Condition guide writes it) as the number it means; any other
 * plain value is converted by its JavaScript type.
 *
 * @example
 * ```ts
 * rawValueToAttributeValue({ N: 100 }); // { N: "100" }
 * rawValueToAttributeValue(100); // { N: "100" }
 * ```
 */
export function rawValueToAttributeValue(raw: unknown): AttributeValue {
  if (isAttributeValue(raw)) return raw;
  if (
    isPlainObject(raw) &&
    Object.keys(raw).length === 1 &&
    typeof raw.N === "number" &&
    Number.isFinite(raw.N)
  ) {
    return { N: String(raw.N) };
  }
  return plainToAttributeValue(raw);
}

/**
 * Renders a value for an error message. Like `describeValue`, except that numbers are shown as they are
 * (JSON would render NaN and Infinity as "null", hiding the cause).
 */
export function showValue(value: unknown): string {
  return typeof value === "number" ? String(value) : describeValue(value);
}

/** Replaces Dates (at any depth) by their millisecond numbers, which is how dynamodel stores them by default. */
function withDatesAsNumbers(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (Array.isArray(value)) return value.map(withDatesAsNumbers);
  if (value instanceof Set) return new Set([...value].map(withDatesAsNumbers));
  if (value instanceof Map) {
    return new Map([...value].map(([key, element]) => [key, withDatesAsNumbers(element)] as const));
  }
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, element] of Object.entries(value)) copy[key] = withDatesAsNumbers(element);
    return copy;
  }
  return value;
}

/**
 * Converts a plain JavaScript value with the SDK's `convertToAttr`, after turning Dates into millisecond
 * numbers. Sets become `SS`/`NS`/`BS` by their element type. Values the SDK cannot convert (undefined,
 * functions, class instances, an empty Set, NaN) throw `InvalidParameter` with the SDK's error as cause.
 *
 * @example
 * ```ts
 * plainToAttributeValue({ at: new Date(0), tags: new Set([1, 2]) });
 * // { M: { at: { N: "0" }, tags: { NS: ["1", "2"] } } }
 * ```
 */
export function plainToAttributeValue(value: unknown): AttributeValue {
  if (value instanceof Date) {
    // An invalid Date would otherwise be sent as the string "NaN" and fail far from its cause.
    if (Number.isNaN(value.getTime())) throw new InvalidParameter("Cannot use an invalid Date as a value.");
    return { N: String(value.getTime()) };
  }
  try {
    return convertToAttr(withDatesAsNumbers(value)) as AttributeValue;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidParameter(`Cannot convert ${showValue(value)} to a DynamoDB value: ${reason}`, {
      cause: error,
    });
  }
}
