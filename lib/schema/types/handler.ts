// The contract every scalar attribute type implements. Nested types (Object, Array, Set) are
// compiled into the attribute tree instead (see ../compile.ts); they reuse these for their leaves.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";

/** Returned by `normalize`/`fromDynamo` when a value does not fit the type (cheaper than throwing). */
export const NO_MATCH: unique symbol = Symbol("dynamodel.noMatch");
export type NoMatch = typeof NO_MATCH;

/** DynamoDB's attribute type letters. */
export type DynamoTypeName = "S" | "N" | "B" | "BOOL" | "NULL" | "M" | "L" | "SS" | "NS" | "BS";

export interface ScalarType {
  /** How the type is named in messages and by `schema.getAttributeType()` ("string", "number", …). */
  readonly name: string;
  /** The DynamoDB type this is stored as. */
  readonly dynamoType: DynamoTypeName;
  /** The set type for `{type: Set, schema: [this]}`, or undefined when the type cannot be in a set. */
  readonly setType?: "SS" | "NS" | "BS";
  /**
   * Write side: the value in its JavaScript form after type checking (e.g. a number for a Date
   * attribute becomes a Date), or NO_MATCH. Never coerces strings to numbers or the like.
   */
  normalize(value: unknown): unknown;
  /** Write side: the normalized value as an AttributeValue. */
  toDynamo(value: unknown): AttributeValue;
  /** The element as a set member string (SS/NS) or bytes (BS). */
  toSetMember?(value: unknown): string | Uint8Array;
  /** Read side: the JavaScript value of a stored AttributeValue, or NO_MATCH if stored as another type. */
  fromDynamo(value: AttributeValue): unknown;
  /** Read side, for set members. */
  fromSetMember?(member: string | Uint8Array): unknown;
  /**
   * How many stored units a number given for the value is (a Date declared in milliseconds but stored in
   * seconds, as a table's TTL attribute: 1/1000), for `$ADD` amounts; absent where it is one (the usual).
   */
  readonly storedUnitsPerGivenNumber?: number;
}
