import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { numberFromDynamo } from "../stored-number";
import { NO_MATCH, type ScalarType } from "./handler";

// DynamoDB stores numbers of magnitude 1e-130 up to just under 1e126, and zero. A double outside that range
// is refused by DynamoDB after a round trip, with no attribute named, so it is a type error here.
const LARGEST_EXCLUDED = 1e126;
const SMALLEST_INCLUDED = 1e-130;

/** Whether DynamoDB can store the number: finite, and zero or of magnitude 1e-130 to under 1e126. */
export function isStorableNumber(value: number): boolean {
  // NaN fails every comparison, ±Infinity the first two.
  return (
    value < LARGEST_EXCLUDED &&
    value > -LARGEST_EXCLUDED &&
    (value >= SMALLEST_INCLUDED || value <= -SMALLEST_INCLUDED || value === 0)
  );
}

/**
 * Whether DynamoDB can store the bigint: at most 38 significant digits (trailing zeros do not count), of
 * magnitude under 1e126. DynamoDB refuses others after a round trip ("Number overflow", "precision").
 */
export function isStorableBigint(value: bigint): boolean {
  const digits = (value < 0n ? -value : value).toString();
  return digits.length <= 126 && digits.replace(/0+$/, "").length <= 38;
}

/**
 * What to add to a type error's expectation when `value` is a finite number DynamoDB cannot store, so the
 * message says why a number is not a number here.
 *
 * @example
 * ```ts
 * numberRangeNote(1e200); // " (DynamoDB stores numbers of magnitude 1e-130 to under 1e126, and 0)"
 * numberRangeNote("a"); // ""
 * ```
 */
export function numberRangeNote(value: unknown): string {
  if (typeof value === "bigint") {
    return isStorableBigint(value)
      ? ""
      : " (DynamoDB stores integers of up to 38 significant digits, of magnitude under 1e126)";
  }
  return typeof value === "number" && Number.isFinite(value) && !isStorableNumber(value)
    ? " (DynamoDB stores numbers of magnitude 1e-130 to under 1e126, and 0)"
    : "";
}

export const numberType: ScalarType = {
  name: "number",
  dynamoType: "N",
  setType: "NS",
  // NaN, ±Infinity and numbers out of DynamoDB's range have no DynamoDB representation: a type error here, not a marshaller crash. A bigint
  // is written exactly: integers beyond 2^53 read back as bigints (../stored-number.ts).
  normalize: (value) =>
    (typeof value === "number" && isStorableNumber(value)) ||
    (typeof value === "bigint" && isStorableBigint(value))
      ? value
      : NO_MATCH,
  toDynamo: (value) => ({ N: String(value) }),
  toSetMember: (value) => String(value),
  fromDynamo: (value: AttributeValue) => (value.N !== undefined ? numberFromDynamo(value.N) : NO_MATCH),
  fromSetMember: (member) => numberFromDynamo(member as string),
};
