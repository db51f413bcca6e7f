/**
 * dynamodel: a Mongoose-style object-document mapper for Amazon DynamoDB.
 *
 * @example
 * ```ts
 * import dynamodel from "dynamodel";
 * ```
 */
import * as errors from "./errors";

export * from "./errors";

const dynamodel = {
  ...errors,
};

export default dynamodel;
