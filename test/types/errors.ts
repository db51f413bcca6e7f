import dynamodel, {
  DynamodelError,
  TransactionCanceledError,
  TypeMismatch,
  ValidationError,
  type ValidationRule,
} from "dynamodel";
import { startLocal, type LocalDynamoDB, type StartLocalOptions } from "dynamodel/local";
import type { Equal, Expect } from "./assert";

// Error classes are named exports and keys of the default export.
const mismatch = new TypeMismatch("age", "a number", "3");
type _mismatchPath = Expect<Equal<typeof mismatch.path, string>>;
const failure: DynamodelError = new ValidationError("age", "validate", -3, "must be ≥ 0");
type _rule = Expect<Equal<ValidationError["rule"], ValidationRule>>;
// The rules a structured ValidationError names, "nesting" (values nested over 31 deep) and "name" (map keys
// DynamoDB cannot store) among them.
type _rules = Expect<
  Equal<
    ValidationRule,
    "required" | "enum" | "validate" | "schema" | "size" | "nesting" | "name" | "key" | "update" | "version"
  >
>;
const sameClass: typeof ValidationError = dynamodel.ValidationError;
void failure;
void sameClass;

// A cancelled transaction's reasons (SPEC §6): `model` and `key` on every one, `message` and `item` optional.
type Reason = TransactionCanceledError["reasons"][number];
type _reasonModel = Expect<Equal<Reason["model"], string>>;
type _reasonKey = Expect<Equal<Reason["key"], Record<string, unknown>>>;
type _reasonIndex = Expect<Equal<Reason["index"], number>>;
type _reasonMessage = Expect<Equal<Reason["message"], string | undefined>>;

// @ts-expect-error: "maximum" is not a validation rule
new ValidationError("age", "maximum", 1, "too big");

// dynamodel/local
type _started = Expect<Equal<ReturnType<typeof startLocal>, Promise<LocalDynamoDB>>>;
const options: StartLocalOptions = { port: 8000, sharedDb: false, dbPath: "/tmp/db" };
void options;
// @ts-expect-error: port is a number
const badOptions: StartLocalOptions = { port: "8000" };
void badOptions;

// Item methods: a promise without a callback, undefined with one.
import { Condition, Item, model } from "dynamodel";
const Pet = model("Pet", { id: { type: String, hashKey: true }, name: String });
declare const pet: InstanceType<typeof Pet>;
const saved: Promise<typeof pet> = pet.save();
const savedWithCallback: undefined = pet.save((error) => void error);
const deleted: Promise<void> = pet.delete();
// item.delete takes Model.delete's settings; return: "request" resolves with the DeleteItem input.
const deleteRequest: Promise<{ TableName?: string | undefined }> = pet.delete({ return: "request" });
const deletedIf: Promise<void> = pet.delete({ condition: new Condition({ name: "Tom" }) });
const deletedIfRaw: Promise<void> = pet.delete({
  condition: {
    ConditionExpression: "#n = :n",
    ExpressionAttributeNames: { "#n": "name" },
    ExpressionAttributeValues: { ":n": { S: "Tom" } },
  },
});
// @ts-expect-error a plain object condition goes through new Condition() first (the runtime refuses it too)
const deletedIfPlain: Promise<void> = pet.delete({ condition: { name: "Tom" } });
// @ts-expect-error a condition is a Condition or a raw condition object
const savedIf: Promise<typeof pet> = pet.save({ condition: 5 });
const deletedWithCallback: undefined = pet.delete({}, (error) => void error);
// @ts-expect-error a request is not void
const notVoid: Promise<void> = pet.delete({ return: "request" as const });
void [deleteRequest, deletedIf, deletedIfRaw, deletedIfPlain, savedIf, deletedWithCallback, notVoid];
const asItem: Item = pet;
void saved;
void savedWithCallback;
void deleted;
void asItem;
