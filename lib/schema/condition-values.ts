// Condition values converted like writes (a Date in a condition works): type check and conversion, then
// the attribute's `set` and, for a top-level attribute, the schema's, then the stored form — what a save
// of that value would store, so a condition matches what was written (an asynchronous `set` included, as in
// Dynamoose). Which values go through `set` (docs/condition.md): whole-attribute operands (eq, ne, lt, le,
// gt, ge, between, in), a beginsWith prefix and a contains substring of a String attribute do; set members
// and `size()` numbers do not.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { TypeMismatch } from "../errors";
import { isPlainObject } from "../expressions/is-plain-object";
import type { CompiledAttribute, CompiledSchema, Variant } from "./compiled";
import { isThenable, normalizeValue, type NormalizeContext } from "./normalize";
import { attributeWalk } from "./rules";
import { settingsFor } from "./settings-for";
import { valueToDynamo } from "./to-dynamo";
import { anyToDynamo } from "./types/any";
import { booleanType } from "./types/boolean";
import { NO_MATCH, type ScalarType } from "./types/handler";
import { numberType } from "./types/number";
import { stringType } from "./types/string";

const conditionAttributes = new WeakMap<CompiledAttribute, CompiledAttribute>();

/**
 * A CONSTANT attribute as a condition sees it: a value need not equal the constant (`ne("other")` is a
 * fair question), only have its type. The type is recognised by the name constant.ts gives it.
 */
function plainTypeOfConstant(type: ScalarType): ScalarType | undefined {
  if (!type.name.startsWith("constant ")) return undefined;
  if (type.dynamoType === "S") return stringType;
  return type.dynamoType === "N" ? numberType : type.dynamoType === "BOOL" ? booleanType : undefined;
}

/** The attribute with CONSTANT variants relaxed to their plain type; the attribute itself when none (cached). */
export function conditionAttribute(attribute: CompiledAttribute): CompiledAttribute {
  let relaxed = conditionAttributes.get(attribute);
  if (relaxed === undefined) {
    let changed = false;
    const variants = attribute.variants.map((variant): Variant => {
      const plain = variant.kind === "scalar" ? plainTypeOfConstant(variant.type) : undefined;
      if (plain === undefined) return variant;
      changed = true;
      return { kind: "scalar", type: plain };
    });
    relaxed = changed ? Object.freeze({ ...attribute, variants }) : attribute;
    conditionAttributes.set(attribute, relaxed);
  }
  return relaxed;
}

/**
 * Runs the `set` functions of `attribute` (and of what it contains) on a normalised value, as a write
 * does (rules.ts `applySettersIn`): synchronously, or as a promise when a `set` is asynchronous, which
 * Dynamoose awaits for condition values too. The request keeps the value's place meanwhile
 * (../pending-values.ts).
 */
function applySetters(attribute: CompiledAttribute, value: unknown, path: string): unknown {
  const container: Record<string, unknown> = { value };
  const pending: Promise<void>[] = [];
  attributeWalk(
    attribute,
    container,
    "value",
    path,
  )("set", (inner, holder, key) => {
    const current = holder[key];
    if (current === undefined || current === null) return;
    const setter = settingsFor(inner, current).set;
    if (!setter) return;
    const result = setter(current, undefined);
    if (isThenable(result)) {
      pending.push(Promise.resolve(result).then((resolved) => void (holder[key] = resolved)));
    } else holder[key] = result;
  });
  if (pending.length === 0) return container.value;
  return Promise.all(pending).then(() => container.value);
}

/** The stored form of a value after `set`; `given` is what the caller wrote, for an empty Set. */
function storedOperand(
  attribute: CompiledAttribute,
  written: unknown,
  given: unknown,
  path: string,
  nothingStored: NothingStored,
): AttributeValue {
  return valueToDynamo(attribute, written, path) ?? nothingStored(given, path);
}

/**
 * What a condition value that stores nothing (an empty Set, as DynamoDB has no empty sets; what a `set`
 * turned into undefined) is compared as: the stored form of nothing at that place.
 */
export type NothingStored = (given: unknown, path: string) => AttributeValue;

/**
 * For an attribute or a map member, which a save leaves out: refused, as a TypeMismatch. Sent as NULL (or as
 * an empty list), it would not test what it says: `ne(new Set())` would match the items without the attribute.
 */
export const refuseNothingStored: NothingStored = (given, path) => {
  throw new TypeMismatch(
    path,
    "a value a save would store (DynamoDB has no empty sets: a saved empty Set leaves the attribute out; " +
      "exists(false) finds such items, exists() the others)",
    given,
  );
};

/** For a list element, which a save stores as NULL (a list keeps its positions). */
export const nullAtListElement: NothingStored = () => ({ NULL: true });

/** `then(value)` now, or once `value` resolves. */
function andThen<T>(value: unknown, then: (ready: unknown) => T): T | Promise<T> {
  return isThenable(value) ? Promise.resolve(value).then(then) : then(value);
}

/** The schema's own `set`, seen by a condition value of a top-level attribute. */
export type ItemSet = (value: unknown) => unknown;

/**
 * The schema's own `set` for a value of the top-level attribute `name`: it sees the item `{name: value}`
 * (after the attribute's own `set`), as a key does (key.ts) and as in Dynamoose, so a condition compares
 * with what a save of that value stored. A result without the attribute leaves the value as it was; so
 * does a `set` that fails on the partial item (one written for whole items, reading an attribute the
 * condition does not name): the condition is not the place its error belongs to.
 */
export function schemaSetOf(schema: CompiledSchema, name: string): ItemSet | undefined {
  const set = schema.set;
  if (set === undefined) return undefined;
  return (value) => {
    const item: Record<string, unknown> = { [name]: value };
    const named = (result: unknown): unknown => {
      const after = isPlainObject(result) ? result[name] : undefined;
      return after === undefined || after === null ? value : after;
    };
    let result: unknown;
    try {
      result = set(item);
    } catch {
      return value;
    }
    return isThenable(result) ? Promise.resolve(result).then(named, () => value) : named(result);
  };
}

/**
 * A whole-attribute value: type check and conversion, `set` (the attribute's, then the schema's for a
 * top-level attribute), stored form — as a write of it would store. A promise when a `set` is asynchronous.
 * `keepUnknown` is the schema's `saveUnknown` (by document path): undeclared content a write keeps (inside
 * an `Object` without a schema, say) is kept in the value too, so the condition can match what was written.
 */
export function convertOperand(
  attribute: CompiledAttribute,
  value: unknown,
  path: string,
  itemSet?: ItemSet,
  keepUnknown?: (path: string) => boolean,
  nothingStored: NothingStored = refuseNothingStored,
): AttributeValue | Promise<AttributeValue> {
  const context: NormalizeContext = { keepUnknown, pendingDefaults: [] };
  const normalized = normalizeValue(attribute, value, path, context);
  if (!attribute.flags.set && itemSet === undefined) {
    return storedOperand(attribute, normalized, value, path, nothingStored);
  }
  const written = attribute.flags.set ? applySetters(attribute, normalized, path) : normalized;
  const finished = itemSet === undefined ? written : andThen(written, itemSet);
  return andThen(finished, (ready) => storedOperand(attribute, ready, value, path, nothingStored));
}

/**
 * `contains` compares with an element of a set or list, or a substring of a string. A set member is sent
 * as it is typed (the attribute's `set` works on whole sets); a list element is converted as that element
 * would be written, with the element definition's own `set`; a substring of a String attribute goes
 * through its `set`, as a `beginsWith` prefix does.
 */
export function convertElement(
  attribute: CompiledAttribute,
  value: unknown,
  path: string,
  itemSet: ItemSet | undefined,
  keepUnknown?: (path: string) => boolean,
): AttributeValue | Promise<AttributeValue> {
  for (const variant of attribute.variants) {
    if (variant.kind === "set" && variant.element) {
      const normalized = variant.element.normalize(value);
      if (normalized !== NO_MATCH) return variant.element.toDynamo(normalized);
    }
    if (variant.kind === "array" && typeof variant.element === "object") {
      // Kept as a write keeps element 0's content: saveUnknown patterns name list elements by index or `*`.
      return convertOperand(
        conditionAttribute(variant.element),
        value,
        `${path}[0]`,
        undefined,
        keepUnknown,
        nullAtListElement,
      );
    }
    // A substring of a String attribute goes through its `set`, as Dynamoose sends it and as a prefix
    // does (convertPrefix): a lower-casing `set` lower-cases what contains() looks for.
    // A combined string (COMBINE) is searched as it is stored, as a beginsWith prefix of it is.
    if (variant.kind === "combine" && typeof value === "string") return { S: value };
    if (variant.kind === "scalar" && variant.type.dynamoType === "S" && typeof value === "string") {
      return variant.type.normalize(value) === value
        ? convertOperand(attribute, value, path, itemSet)
        : { S: value };
    }
    if (variant.kind === "any" || (variant.kind === "array" && variant.element === "any")) {
      return anyToDynamo(value, path) ?? { NULL: true };
    }
  }
  throw new TypeMismatch(path, "an element of the attribute", value);
}

/**
 * `beginsWith`: a string prefix of a string-stored attribute is a prefix, not a whole value: sent as
 * given where the stored string is not the value itself (an ISO Date: "2020" stays "2020"); through
 * `set` where it is (a String attribute), so a lower-casing `set` lower-cases the prefix too.
 * DynamoDB's begins_with takes only a String or Binary operand: any other stored form (a Number
 * attribute's `beginsWith(1)`) is a TypeMismatch here rather than DynamoDB's ValidationException.
 */
export function convertPrefix(
  attribute: CompiledAttribute,
  value: unknown,
  path: string,
  itemSet: ItemSet | undefined,
): AttributeValue | Promise<AttributeValue> {
  if (typeof value === "string") {
    for (const variant of attribute.variants) {
      if (variant.kind === "combine") return { S: value };
      if (variant.kind !== "scalar" || variant.type.dynamoType !== "S") continue;
      return variant.type.normalize(value) === value
        ? convertOperand(attribute, value, path, itemSet)
        : { S: value };
    }
    // Converted as a whole value, the prefix would be refused by the attribute's type ("must be of type
    // set of string"), which points at the value when it is the attribute that cannot have a prefix.
    if (!attribute.variants.some(mayHoldPrefix)) {
      throw new TypeMismatch(path, "a String or Binary attribute to take a beginsWith prefix", value);
    }
  }
  const operand = convertOperand(attribute, value, path, itemSet);
  const prefixOnly = (converted: AttributeValue): AttributeValue => {
    if (converted.S !== undefined || converted.B !== undefined) return converted;
    throw new TypeMismatch(path, "a string or binary prefix (beginsWith)", value);
  };
  return isThenable(operand) ? Promise.resolve(operand).then(prefixOnly) : prefixOnly(operand);
}

/** Whether an attribute of this variant may be stored as a String or Binary, which begins_with reads. */
function mayHoldPrefix(variant: CompiledAttribute["variants"][number]): boolean {
  if (variant.kind === "scalar") return variant.type.dynamoType === "S" || variant.type.dynamoType === "B";
  // A reference is stored as its model's hash key, which may be a string: its own type judges the value.
  return variant.kind === "any" || variant.kind === "json" || variant.kind === "reference";
}
