// `new Model({id: {S: "x"}, age: {N: "3"}})`: an object in DynamoDB's AttributeValue form (a stream
// record's image, a raw SDK result) is unmarshalled first, as in Dynamoose (`{id: "x", age: 3}`).
// Dynamoose does so whenever every value merely looks like an AttributeValue, which misfires on
// legitimate data (an Object attribute holding `{S: "x"}`). Here it also takes the hash key, given in that
// form, which its type could never accept as a value: DynamoDB keys are strings, numbers or binary, so
// such an object is unambiguously a marshalled item. Anything else is taken as written.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { isPlainObject } from "../schema/resolve-type";
import { NO_MATCH } from "../schema/types/handler";
import { isCustomConverter } from "../client/converter";
import { wholeStoredForm } from "../schema/read-stored";
import { modelRuntimeOf, schemaForImage, type ModelRuntime } from "./runtime";

const isString = (value: unknown): boolean => typeof value === "string";
const isNumberText = (value: unknown): boolean =>
  typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value));
const isBytes = (value: unknown): boolean => value instanceof Uint8Array;

/** Each AttributeValue member and what its content must be. */
const MEMBER_CHECKS: Readonly<Record<string, (content: unknown) => boolean>> = {
  S: isString,
  N: isNumberText,
  B: isBytes,
  BOOL: (content) => typeof content === "boolean",
  NULL: (content) => content === true,
  SS: (content) => Array.isArray(content) && content.every(isString),
  NS: (content) => Array.isArray(content) && content.every(isNumberText),
  BS: (content) => Array.isArray(content) && content.every(isBytes),
  L: (content) => Array.isArray(content) && content.every(isAttributeValue),
  M: (content) => isPlainObject(content) && Object.values(content).every(isAttributeValue),
};

/** Exactly one member, a DynamoDB type letter, holding content of that type (recursively for L and M). */
export function isAttributeValue(value: unknown): value is AttributeValue {
  if (!isPlainObject(value)) return false;
  const members = Object.keys(value);
  if (members.length !== 1) return false;
  const check = Object.hasOwn(MEMBER_CHECKS, members[0]!) ? MEMBER_CHECKS[members[0]!] : undefined;
  return check !== undefined && check(value[members[0]!]);
}

function runtimeOf(model: object): ModelRuntime | undefined {
  try {
    return modelRuntimeOf(model);
  } catch {
    return undefined; // an Item that is not a model's (no schema to consult): taken as written
  }
}

/** Would the hash key's own type reject `value`? Only then can it not be meant literally. */
function keyTypeRejects(runtime: ModelRuntime, value: unknown): boolean {
  const schema = runtime.compiled[0]!;
  const attribute = schema.shape.byName.get(schema.hashKey)!;
  return attribute.variants.every(
    (variant) =>
      variant.kind === "combine" || (variant.kind === "scalar" && variant.type.normalize(value) === NO_MATCH),
  );
}

/**
 * The unmarshalled object when `object` is a marshalled item of `model` (see the module comment), else
 * `undefined`.
 *
 * @example `unmarshalledInput(Cat, { id: { N: "1" }, name: { S: "Tom" } })` → `{ id: 1, name: "Tom" }`
 */
export function unmarshalledInput(
  model: object,
  object: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const names = Object.keys(object);
  if (names.length === 0 || !names.every((name) => isAttributeValue(object[name]))) return undefined;
  const runtime = runtimeOf(model);
  if (runtime === undefined) return undefined;
  const schema = runtime.compiled[0]!;
  const hashAttribute = schema.shape.byName.get(schema.hashKey)!;
  const key = [hashAttribute.name, ...hashAttribute.settings.aliases]
    .map((name) => object[name])
    .find((value) => value !== undefined);
  if (key === undefined || !keyTypeRejects(runtime, key)) return undefined;
  const image = object as Record<string, AttributeValue>;
  // A converter of the user's own reads the image as the user configured it.
  const converter = runtime.instance.aws.converter();
  if (isCustomConverter(converter)) return converter.unmarshall(image);
  // Otherwise as a read of the item converts it, by the schema's types: Buffers, Dates, Sets, JSON strings
  // and flattened objects are rebuilt (a plain unmarshall left a flattened object's attributes as
  // top-level names, which a save then dropped). Attributes the schema does not declare are kept.
  return wholeStoredForm(schemaForImage(runtime, image), image);
}
