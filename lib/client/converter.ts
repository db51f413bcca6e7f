// The converter of an Instance (`aws.converter`): the four functions of `@aws-sdk/util-dynamodb`, or a
// replacement for them. dynamodel builds and reads AttributeValues itself, in the default form; a custom
// converter is applied at the wire by converter-bridge.ts, and only when it differs from the default.
import { convertToAttr, convertToNative, marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { describeValue, InvalidParameterType } from "../errors";

/** The marshalling functions an Instance uses, as in `@aws-sdk/util-dynamodb`. */
export interface Converter {
  marshall: typeof marshall;
  unmarshall: typeof unmarshall;
  convertToAttr: typeof convertToAttr;
  convertToNative: typeof convertToNative;
}

/** `@aws-sdk/util-dynamodb`'s own functions: what every Instance starts with and `revert()` restores. */
export const defaultConverter: Converter = Object.freeze({
  marshall,
  unmarshall,
  convertToAttr,
  convertToNative,
});

const CONVERTER_FUNCTIONS = ["marshall", "unmarshall", "convertToAttr", "convertToNative"] as const;

/**
 * `value` itself when it is an object with the four converter functions; otherwise throws
 * `InvalidParameterType` naming what is missing (Dynamoose requires all four too).
 */
export function checkConverter(value: unknown): Converter {
  if (typeof value !== "object" || value === null) {
    throw new InvalidParameterType(
      `aws.converter.set() needs an object with the functions ${CONVERTER_FUNCTIONS.join(", ")} (got ${describeValue(value)}).`,
    );
  }
  const record = value as Record<string, unknown>;
  const missing = CONVERTER_FUNCTIONS.filter((name) => typeof record[name] !== "function");
  if (missing.length > 0) {
    throw new InvalidParameterType(
      `aws.converter.set() needs an object with the functions ${CONVERTER_FUNCTIONS.join(", ")}; missing or not a function: ${missing.join(", ")}.`,
    );
  }
  return value as Converter;
}

/**
 * Whether requests must go through `converter` at the wire. Only `marshall` and `unmarshall` take part
 * (dynamodel converts whole maps), so a converter that keeps the SDK's two costs nothing.
 */
export function isCustomConverter(converter: Converter | undefined): converter is Converter {
  return converter !== undefined && (converter.marshall !== marshall || converter.unmarshall !== unmarshall);
}
