/**
 * Error classes with stable `name`s (SPEC §8). Each is exported, so callers can use `instanceof`;
 * Dynamoose users who match on `error.name` keep working. As in Dynamoose, every class has a default
 * message and takes a message as its only argument (`new InvalidParameter()` →
 * `"Invalid Parameter"`); `TypeMismatch` and `ValidationError` also take the structured form dynamodel
 * throws (path, rule, value), which names them in the message.
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
import type { CancellationReason } from "@aws-sdk/client-dynamodb";
import { CREDENTIAL_FIELDS } from "./credential-fields";

/** The longest rendering of an offending value inside an error message. */
const MAX_VALUE_LENGTH = 80;

/** A function as a message shows it: by name (`String`, a constructor given as a type), not its source. */
function functionName(fn: { readonly name: string }): string {
  return fn.name === "" ? "an anonymous function" : fn.name;
}

// JSON drops functions inside arrays and objects (or writes null), so `[String, Number]` would read
// `[null,null]`, and it refuses BigInts: both are written as a marked string, unquoted afterwards.
const FUNCTION_MARK = /"\\u0000fn:([^"\\]*)\\u0000"/g;
// SPEC §8: credentials never appear in an error. A client config given where something else belongs
// (`aws.ddb.local({endpoint, credentials})`) is described with its secrets masked, as log lines mask them.
const CREDENTIAL_FIELD = new RegExp(`^(?:${CREDENTIAL_FIELDS})$`, "i");
function namingFunctions(key: string, value: unknown): unknown {
  if (typeof value === "bigint") return `\u0000fn:${value}n\u0000`;
  if (typeof value === "string" && CREDENTIAL_FIELD.test(key)) return "[redacted]";
  return typeof value === "function" ? `\u0000fn:${functionName(value)}\u0000` : value;
}

/** Renders a value for an error message: short, single-line, never the whole of a large item. */
export function describeValue(value: unknown): string {
  let text: string;
  if (value === undefined) text = "undefined";
  else if (typeof value === "string") text = JSON.stringify(value);
  else if (typeof value === "number")
    text = String(value); // JSON would print NaN and Infinity as null
  else if (typeof value === "bigint") text = `${value}n`;
  else if (typeof value === "symbol") text = String(value);
  else if (typeof value === "function") text = functionName(value);
  else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  else if (value instanceof Set) text = `Set(${describeValue([...value])})`;
  else if (value instanceof Uint8Array) text = `<${value.constructor.name} ${value.length} bytes>`;
  // JSON would show these as "{}", hiding what they are.
  else if (value instanceof Map) text = `Map(${value.size} entries)`;
  else if (value instanceof Promise) text = "a Promise";
  else if (value instanceof WeakMap || value instanceof WeakSet) text = value.constructor.name;
  else {
    try {
      text = (JSON.stringify(value, namingFunctions) ?? String(value)).replace(FUNCTION_MARK, "$1");
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

/**
 * The base of every error dynamodel throws itself (DynamoDB's own errors pass through unchanged).
 * Without a message (or with `""`, as in Dynamoose) the class's `defaultMessage` is used.
 *
 * @example
 * ```ts
 * new InvalidParameter().message; // "Invalid Parameter"
 * new InvalidParameter("A model needs a name.").message; // "A model needs a name."
 * ```
 */
export class DynamodelError extends Error {
  /** The message of an error constructed without one. */
  static readonly defaultMessage: string = "There was an error";

  constructor(message?: string, options?: ErrorOptions) {
    super(message || (new.target as typeof DynamodelError).defaultMessage, options);
    this.name = new.target.name;
  }
}

/** A parameter has a wrong value: a bad schema, a bad option, a query without a usable index. */
export class InvalidParameter extends DynamodelError {
  static override readonly defaultMessage: string = "Invalid Parameter";
}

/** A parameter has the wrong JavaScript type (a schema that is not an object, a table name that is not a string). */
export class InvalidParameterType extends DynamodelError {
  static override readonly defaultMessage: string = "Invalid Parameter Type";
}

/** `model(name)` was called for a name that has no registered model. */
export class MissingSchemaError extends DynamodelError {
  static override readonly defaultMessage: string = "Missing Schema";
}

/** A path that the schema does not define. */
export class UnknownAttribute extends DynamodelError {
  static override readonly defaultMessage: string = "The attribute can not be found";

  constructor(
    message?: string,
    /** The path that the schema does not define, when known. */
    readonly path?: string,
  ) {
    super(message);
  }
}

/** A type that cannot be used where it was used (a Set of Booleans, several types on a timestamp). */
export class InvalidType extends DynamodelError {
  static override readonly defaultMessage: string = "Invalid Type";
}

/** A value of the wrong JavaScript type for its attribute. */
export class TypeMismatch extends DynamodelError {
  static override readonly defaultMessage: string =
    "There was a type mismatch between the schema and document";
  /** The attribute path, e.g. `address.city` or `tags[2]` (`""` when constructed from a message). */
  readonly path: string;
  /** The type(s) the schema allows, e.g. `"number"` (`""` when constructed from a message). */
  readonly expected: string;
  /** The offending value. */
  readonly value: unknown;

  /** Dynamoose style: a message, or none for the default message. */
  constructor(message?: string);
  /** `"<path>" must be <expected> (got <value>)`. */
  constructor(path: string, expected: string, value: unknown);
  constructor(...args: [message?: string] | [path: string, expected: string, value: unknown]) {
    const structured = args.length === 3 ? args : undefined;
    super(
      structured
        ? `"${structured[0]}" must be ${structured[1]} (got ${describeValue(structured[2])})`
        : args[0],
    );
    this.path = structured?.[0] ?? "";
    this.expected = structured?.[1] ?? "";
    this.value = structured?.[2];
  }
}

/** The rules a {@link ValidationError} names. */
export type ValidationRule =
  "required" | "enum" | "validate" | "schema" | "size" | "nesting" | "name" | "key" | "update" | "version";

type ValidationArgs = [
  path: string,
  rule: ValidationRule,
  value: unknown,
  description: string,
  options?: ErrorOptions,
];

/**
 * A value that has the right type but breaks a rule: `required`, `enum`, `validate`, size or key rules.
 * Constructed from a message only (Dynamoose style), its `path` is `""` and its `rule` `"validate"`.
 */
export class ValidationError extends DynamodelError {
  static override readonly defaultMessage: string = "There was an validation error with the document";
  /** The attribute path (`""` for rules about the whole item). */
  readonly path: string;
  /** Which rule failed. */
  readonly rule: ValidationRule;
  /** The offending value. */
  readonly value: unknown;

  /** Dynamoose style: a message, or none for the default message. */
  constructor(message?: string);
  /** `"<path>" <description> (got <value>)`; `path` `""` is the whole item. */
  constructor(
    path: string,
    rule: ValidationRule,
    value: unknown,
    description: string,
    options?: ErrorOptions,
  );
  constructor(...args: [message?: string] | ValidationArgs) {
    const structured = args.length >= 4 ? (args as ValidationArgs) : undefined;
    if (structured) {
      const [path, , value, description, options] = structured;
      const subject = path === "" ? "The item" : `"${path}"`;
      super(`${subject} ${description} (got ${describeValue(value)})`, options);
    } else {
      super(args[0] as string | undefined);
    }
    this.path = structured?.[0] ?? "";
    this.rule = structured?.[1] ?? "validate";
    this.value = structured?.[2];
  }
}

/** A condition comparison that does not exist or cannot be negated. */
export class InvalidFilterComparison extends DynamodelError {
  static override readonly defaultMessage: string = "That filter comparison is invalid";
}

/**
 * A table (or one of its indexes) did not become ACTIVE within `waitForActive.check.timeout`, or a table
 * being deleted was not gone within it when the setup was to create it again.
 */
export class WaitForActiveTimeout extends DynamodelError {
  static override readonly defaultMessage: string = "Waiting for table to be active has timed out";
}

/** Anything else dynamodel reports about its own state (a table that is not initialized, …). */
export class OtherError extends DynamodelError {
  static override readonly defaultMessage: string = "There was an error";
}

/** A lock could not be acquired, extended or released. */
export class LockError extends DynamodelError {
  static override readonly defaultMessage: string = "There was a lock error";
}

/** One element's outcome in a cancelled transaction. */
export interface TransactionCancellationReason {
  /** The element's position in the request. */
  index: number;
  /** The model name of the element. */
  model: string;
  /** The element's key, as given. */
  key: Record<string, unknown>;
  /** DynamoDB's reason code: `None`, `ConditionalCheckFailed`, `TransactionConflict`, … */
  code: string;
  message?: string;
  /** The stored item, through the read pipeline, when a condition failed and DynamoDB returned it. */
  item?: unknown;
}

/** A cancelled transaction, with one reason per element in request order (none when not given). */
export class TransactionCanceledError extends DynamodelError {
  static override readonly defaultMessage: string = "Transaction cancelled";

  /**
   * DynamoDB's own reasons, as the SDK's `TransactionCanceledException` carries them (`{Code, Message?,
   * Item?}` in request order), for code written against that exception. `reasons` says more.
   */
  readonly CancellationReasons: CancellationReason[] | undefined;

  constructor(
    message?: string,
    readonly reasons: TransactionCancellationReason[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
    const cause = options?.cause as { CancellationReasons?: CancellationReason[] } | undefined;
    this.CancellationReasons = cause?.CancellationReasons;
  }
}

// `error.name` is each class's name (SPEC §8: stable names that Dynamoose users match on). A bundler that
// minifies renames classes, which would turn `new.target.name` into "u"; naming the classes here keeps
// both `error.name` and `ErrorClass.name` what they say in any build.
const STABLE_NAMES: ReadonlyArray<readonly [abstract new (...args: never[]) => Error, string]> = [
  [DynamodelError, "DynamodelError"],
  [InvalidParameter, "InvalidParameter"],
  [InvalidParameterType, "InvalidParameterType"],
  [MissingSchemaError, "MissingSchemaError"],
  [UnknownAttribute, "UnknownAttribute"],
  [InvalidType, "InvalidType"],
  [TypeMismatch, "TypeMismatch"],
  [ValidationError, "ValidationError"],
  [InvalidFilterComparison, "InvalidFilterComparison"],
  [WaitForActiveTimeout, "WaitForActiveTimeout"],
  [OtherError, "OtherError"],
  [LockError, "LockError"],
  [TransactionCanceledError, "TransactionCanceledError"],
];
for (const [errorClass, name] of STABLE_NAMES) Object.defineProperty(errorClass, "name", { value: name });
