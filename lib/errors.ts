/**
 * Error classes with stable `name`s (SPEC §8). Each is exported, so callers can use `instanceof`;
 * Dynamoose users who match on `error.name` keep working.
 *
 * @example
 * ```ts
 * try {
 *   await User.create({ id: 1, age: -3 });
 * } catch (error) {
 *   if (error instanceof ValidationError) console.log(error.path, error.rule); // "age" "validate"
 * }
 * ```
 */

/** The longest rendering of an offending value inside an error message. */
const MAX_VALUE_LENGTH = 80;

/** Renders a value for an error message: short, single-line, never the whole of a large item. */
export function describeValue(value: unknown): string {
  let text: string;
  if (value === undefined) text = "undefined";
  else if (typeof value === "string") text = JSON.stringify(value);
  else if (typeof value === "number")
    text = String(value); // JSON would print NaN and Infinity as null
  else if (typeof value === "bigint") text = `${value}n`;
  else if (typeof value === "symbol" || typeof value === "function") text = String(value);
  else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  else if (value instanceof Set) text = `Set(${describeValue([...value])})`;
  else if (value instanceof Uint8Array) text = `<${value.constructor.name} ${value.length} bytes>`;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

/** The base of every error dynamodel throws itself (DynamoDB's own errors pass through unchanged). */
export class DynamodelError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A parameter has a wrong value: a bad schema, a bad option, a query without a usable index. */
export class InvalidParameter extends DynamodelError {}

/** A parameter has the wrong JavaScript type (a schema that is not an object, a table name that is not a string). */
export class InvalidParameterType extends DynamodelError {}

/** `model(name)` was called for a name that has no registered model. */
export class MissingSchemaError extends DynamodelError {}

/** A path that the schema does not define. */
export class UnknownAttribute extends DynamodelError {
  constructor(
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

/** A type that cannot be used where it was used (a Set of Booleans, several types on a timestamp). */
export class InvalidType extends DynamodelError {}

/** A value of the wrong JavaScript type for its attribute. */
export class TypeMismatch extends DynamodelError {
  constructor(
    /** The attribute path, e.g. `address.city` or `tags[2]`. */
    readonly path: string,
    /** The type(s) the schema allows, e.g. `"number"`. */
    readonly expected: string,
    /** The offending value. */
    readonly value: unknown,
  ) {
    super(`"${path}" must be ${expected} (got ${describeValue(value)})`);
  }
}

/** The rules a {@link ValidationError} names. */
export type ValidationRule =
  "required" | "enum" | "validate" | "schema" | "size" | "key" | "update" | "version";

/** A value that has the right type but breaks a rule: `required`, `enum`, `validate`, size or key rules. */
export class ValidationError extends DynamodelError {
  constructor(
    /** The attribute path (`""` for rules about the whole item). */
    readonly path: string,
    /** Which rule failed. */
    readonly rule: ValidationRule,
    /** The offending value. */
    readonly value: unknown,
    /** What the rule asks for, e.g. `must be one of ["a","b"]`. */
    description: string,
    options?: ErrorOptions,
  ) {
    const subject = path === "" ? "The item" : `"${path}"`;
    super(`${subject} ${description} (got ${describeValue(value)})`, options);
  }
}

/** A condition comparison that does not exist or cannot be negated. */
export class InvalidFilterComparison extends DynamodelError {}

/** A table (or one of its indexes) did not become ACTIVE within `waitForActive.check.timeout`. */
export class WaitForActiveTimeout extends DynamodelError {}

/** Anything else dynamodel reports about its own state (a table that is not initialized, …). */
export class OtherError extends DynamodelError {}

/** A lock could not be acquired, extended or released. */
export class LockError extends DynamodelError {}

/** One element's outcome in a cancelled transaction. */
export interface TransactionCancellationReason {
  /** The element's position in the request. */
  index: number;
  /** The model name of the element, when known. */
  model?: string;
  /** The element's key, as given. */
  key?: Record<string, unknown>;
  /** DynamoDB's reason code: `None`, `ConditionalCheckFailed`, `TransactionConflict`, … */
  code: string;
  message?: string;
  /** The stored item, through the read pipeline, when a condition failed and DynamoDB returned it. */
  item?: unknown;
}

/** A cancelled transaction, with one reason per element in request order. */
export class TransactionCanceledError extends DynamodelError {
  constructor(
    message: string,
    readonly reasons: TransactionCancellationReason[],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
