// Error classes constructed Dynamoose style: a default message without arguments, the message as the
// only argument; dynamodel's structured constructors keep their messages.
import dynamodel, {
  DynamodelError,
  InvalidFilterComparison,
  InvalidParameter,
  InvalidParameterType,
  InvalidType,
  LockError,
  MissingSchemaError,
  OtherError,
  TransactionCanceledError,
  TypeMismatch,
  UnknownAttribute,
  ValidationError,
  WaitForActiveTimeout,
} from "dynamodel";

type ErrorClass = new (message?: string) => Error;

// Dynamoose v4's own default messages (dynamoose-utils' Error.ts), and dynamodel's for its own classes.
const defaults: [ErrorClass, string, string][] = [
  [MissingSchemaError, "MissingSchemaError", "Missing Schema"],
  [InvalidParameter, "InvalidParameter", "Invalid Parameter"],
  [InvalidParameterType, "InvalidParameterType", "Invalid Parameter Type"],
  [UnknownAttribute, "UnknownAttribute", "The attribute can not be found"],
  [InvalidType, "InvalidType", "Invalid Type"],
  [WaitForActiveTimeout, "WaitForActiveTimeout", "Waiting for table to be active has timed out"],
  [TypeMismatch, "TypeMismatch", "There was a type mismatch between the schema and document"],
  [InvalidFilterComparison, "InvalidFilterComparison", "That filter comparison is invalid"],
  [ValidationError, "ValidationError", "There was an validation error with the document"],
  [OtherError, "OtherError", "There was an error"],
  [LockError, "LockError", "There was a lock error"],
  [TransactionCanceledError, "TransactionCanceledError", "Transaction cancelled"],
  [DynamodelError, "DynamodelError", "There was an error"],
];

describe("error classes constructed as in Dynamoose", () => {
  it.each(defaults)("%p without arguments has its name and default message", (ErrorType, name, message) => {
    const error = new ErrorType();
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DynamodelError);
    expect(error.name).toBe(name);
    expect(error.message).toBe(message);
    expect(String(error)).toBe(`${name}: ${message}`);
    // An empty message counts as none, as in Dynamoose.
    expect(new ErrorType("").message).toBe(message);
  });

  it.each(defaults)("%p takes the message as its only argument", (ErrorType, name) => {
    const error = new ErrorType("Something went wrong");
    expect(error.message).toBe("Something went wrong");
    expect(error.name).toBe(name);
  });

  it("are the same classes on the default export", () => {
    expect(new dynamodel.InvalidParameter().message).toBe("Invalid Parameter");
    expect(dynamodel.TypeMismatch.defaultMessage).toBe(TypeMismatch.defaultMessage);
  });

  it("give message-only TypeMismatch and ValidationError empty structured fields", () => {
    const mismatch = new TypeMismatch("msg");
    expect([mismatch.message, mismatch.path, mismatch.expected, mismatch.value]).toEqual([
      "msg",
      "",
      "",
      undefined,
    ]);
    const invalid = new ValidationError("msg");
    expect([invalid.message, invalid.path, invalid.rule, invalid.value]).toEqual([
      "msg",
      "",
      "validate",
      undefined,
    ]);
    expect(new TransactionCanceledError().reasons).toEqual([]);
    expect(new UnknownAttribute().path).toBeUndefined();
  });
});

describe("dynamodel's structured constructors", () => {
  it("keep naming the path, the rule and the value", () => {
    const mismatch = new TypeMismatch("count", "of type number", "3");
    expect(mismatch.message).toBe('"count" must be of type number (got "3")');
    expect([mismatch.path, mismatch.expected, mismatch.value]).toEqual(["count", "of type number", "3"]);
    // A structured value of undefined is still the structured form.
    expect(new TypeMismatch("a", "of type string", undefined).message).toBe(
      '"a" must be of type string (got undefined)',
    );

    const cause = new Error("inner");
    const invalid = new ValidationError("age", "validate", -3, "must be ≥ 0", { cause });
    expect(invalid.message).toBe('"age" must be ≥ 0 (got -3)');
    expect([invalid.path, invalid.rule, invalid.value, invalid.cause]).toEqual([
      "age",
      "validate",
      -3,
      cause,
    ]);
    expect(new ValidationError("", "schema", undefined, "failed the schema's validate rule").message).toBe(
      "The item failed the schema's validate rule (got undefined)",
    );

    const unknown = new UnknownAttribute("Invalid Attribute: a.b", "a.b");
    expect([unknown.message, unknown.path]).toEqual(["Invalid Attribute: a.b", "a.b"]);

    const reasons = [{ index: 0, model: "Cat", key: { id: 1 }, code: "ConditionalCheckFailed" }];
    const cancelled = new TransactionCanceledError("Transaction cancelled: x.", reasons, { cause });
    expect([cancelled.message, cancelled.reasons, cancelled.cause]).toEqual([
      "Transaction cancelled: x.",
      reasons,
      cause,
    ]);
  });
});
