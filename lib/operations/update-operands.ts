// The operands of `$ADD`, `$DELETE` and `{$LIST_PREPEND: …}`: checked against the attribute's type
// and converted to the AttributeValue DynamoDB expects (a number, a set of the attribute's element
// type, or a list). Anything else is a clear error before the request is sent.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { InvalidParameter, TypeMismatch } from "../errors";
import type { UpdateAction } from "../expressions/update";
import type { CompiledAttribute, CompiledSchema, Variant } from "../schema/compiled";
import type { UpdatePath } from "../schema/update-path";
import { normalizeAttributeValue, writeNormalizedValue } from "../schema/write-value";
import { valueToDynamo } from "../schema/to-dynamo";
import { anyToDynamo } from "../schema/types/any";
import { NO_MATCH, type ScalarType } from "../schema/types/handler";
import { isStorableNumber, numberRangeNote } from "../schema/types/number";

type SetVariant = Extract<Variant, { kind: "set" }>;
type ArrayVariant = Extract<Variant, { kind: "array" }>;

function findVariant<K extends Variant["kind"]>(
  attribute: CompiledAttribute,
  kind: K,
): Extract<Variant, { kind: K }> | undefined {
  return attribute.variants.find(
    (variant): variant is Extract<Variant, { kind: K }> => variant.kind === kind,
  );
}

function numberType(attribute: CompiledAttribute): ScalarType | undefined {
  for (const variant of attribute.variants) {
    if (variant.kind === "scalar" && variant.type.name === "number") return variant.type;
  }
  return undefined;
}

/** The attribute's Date variant stored as a number (epoch milliseconds or seconds), if it has one. */
function epochDateType(attribute: CompiledAttribute): ScalarType | undefined {
  for (const variant of attribute.variants) {
    if (variant.kind === "scalar" && variant.type.name === "date" && variant.type.dynamoType === "N") {
      return variant.type;
    }
  }
  return undefined;
}

function typeNames(attribute: CompiledAttribute): string {
  return attribute.variants
    .map((variant) => (variant.kind === "scalar" ? variant.type.name : variant.kind))
    .join(" or ");
}

function members(value: unknown): unknown[] {
  if (value instanceof Set) return [...value];
  return Array.isArray(value) ? value : [value];
}

/** A set operand of the attribute's element type; duplicates collapse (DynamoDB rejects them). */
function setOperand(variant: SetVariant, value: unknown, path: string, operator: string): AttributeValue {
  const element = variant.element;
  if (!element) throw new InvalidParameter(`"${path}" is a Set of ${variant.elementName}, not a stored set.`);
  const seen = new Set<string>();
  const list: (string | Uint8Array)[] = [];
  for (const member of members(value)) {
    const normalized = element.normalize(member);
    if (normalized === NO_MATCH) {
      throw new TypeMismatch(`${path}[]`, `of type ${element.name}${numberRangeNote(member)}`, member);
    }
    const stored = element.toSetMember!(normalized);
    const identity = typeof stored === "string" ? stored : Buffer.from(stored).toString("base64");
    if (seen.has(identity)) continue;
    seen.add(identity);
    list.push(stored);
  }
  if (list.length === 0) throw new InvalidParameter(`${operator} of "${path}" needs at least one element.`);
  if (element.setType === "BS") return { BS: list as Uint8Array[] };
  return element.setType === "NS" ? { NS: list as string[] } : { SS: list as string[] };
}

/** A list operand: every element converted (and type-checked) as an element of the list attribute. */
async function listOperand(
  schema: CompiledSchema,
  attribute: CompiledAttribute,
  variant: ArrayVariant,
  value: unknown,
  path: string,
): Promise<AttributeValue> {
  const { view, normalized } = await normalizedList(schema, attribute, variant, value, path);
  return valueToDynamo(view, normalized, path) ?? { L: [] };
}

/** The operand as a list, type-checked and with defaults filled in, and the one-variant view it fits. */
async function normalizedList(
  schema: CompiledSchema,
  attribute: CompiledAttribute,
  variant: ArrayVariant,
  value: unknown,
  path: string,
): Promise<{ view: CompiledAttribute; normalized: unknown }> {
  const list = Array.isArray(value) ? value : [value];
  // A one-variant view, so a `[Set, Array]` attribute cannot pick its set variant for the array.
  const view: CompiledAttribute =
    attribute.variants.length === 1 ? attribute : { ...attribute, variants: [variant] };
  return { view, normalized: await normalizeAttributeValue(schema, view, list, path) };
}

/**
 * Values inside ANY or unknown attributes: a number is added, a Set added as a set, an array appended. They
 * convert as a `$SET` of the same value would (`anyToDynamo`): an `undefined` map member is left out and an
 * `undefined` list element is null, a Date is its epoch milliseconds, and a mixed Set is a TypeMismatch
 * naming the path, not a service error.
 */
function schemalessAdd(path: UpdatePath, value: unknown): UpdateAction {
  if (typeof value === "number" || typeof value === "bigint")
    return { kind: "add", path: path.segments, value: anyToDynamo(value, path.printable)! };
  if (value instanceof Set)
    return { kind: "add", path: path.segments, value: schemalessSet(path, value, "$ADD") };
  if (Array.isArray(value))
    return { kind: "append", path: path.segments, value: anyToDynamo(value, path.printable)! };
  throw new InvalidParameter(`$ADD of "${path.printable}" needs a number, a Set or an array.`);
}

/**
 * A Set operand for an ANY or unknown attribute. An empty Set has no DynamoDB form (DynamoDB would refuse
 * it): an InvalidParameter.
 */
function schemalessSet(path: UpdatePath, set: Set<unknown>, operator: string): AttributeValue {
  const converted = anyToDynamo(set, path.printable);
  if (converted === undefined)
    throw new InvalidParameter(`${operator} of "${path.printable}" needs at least one element.`);
  return converted;
}

/**
 * `$ADD`: a number to a Number attribute or to a Date stored as a number, elements (one or many) to a Set,
 * elements appended to a list.
 *
 * @throws TypeMismatch for a value of the wrong type (a string added to a number) or an attribute $ADD
 * cannot change (a string, a map, a Date stored as an ISO string).
 */
export function addAction(
  schema: CompiledSchema,
  path: UpdatePath,
  value: unknown,
): UpdateAction | Promise<UpdateAction> {
  const attribute = path.attribute;
  if (attribute === undefined || findVariant(attribute, "any")) return schemalessAdd(path, value);
  const number = numberType(attribute);
  if (number && (typeof value === "number" || typeof value === "bigint")) {
    const normalized = number.normalize(value);
    // NaN, ±Infinity and numbers out of range have no DynamoDB form; normalize says so instead of throwing.
    if (normalized === NO_MATCH) {
      throw new TypeMismatch(path.printable, `of type ${number.name}${numberRangeNote(value)}`, value);
    }
    return { kind: "add", path: path.segments, value: number.toDynamo(normalized) };
  }
  const date = typeof value === "number" ? epochDateType(attribute) : undefined;
  if (typeof value === "number" && date) {
    // A Date stored as a number moves by the number given, in its storage's unit (milliseconds or
    // seconds), as in Dynamoose: `$ADD: {expiresAt: 3_600_000}` extends it by an hour. A TTL Date declared
    // in milliseconds but stored in seconds takes milliseconds, as its values do.
    if (!isStorableNumber(value)) {
      throw new TypeMismatch(path.printable, `a finite number${numberRangeNote(value)}`, value);
    }
    const scale = date.storedUnitsPerGivenNumber;
    const amount = scale === undefined ? value : Math.round(value * scale);
    return { kind: "add", path: path.segments, value: { N: String(amount) } };
  }
  const set = findVariant(attribute, "set");
  if (set) return { kind: "add", path: path.segments, value: setOperand(set, value, path.printable, "$ADD") };
  const array = findVariant(attribute, "array");
  if (array) {
    return elementsOperand(schema, attribute, array, value, path.printable).then((list): UpdateAction => ({
      kind: "append",
      path: path.segments,
      value: list,
    }));
  }
  if (number) throw new TypeMismatch(path.printable, "of type number", value);
  // A TypeMismatch, as in Dynamoose (and SPEC §8: the value's type does not fit the attribute's).
  throw new TypeMismatch(
    path.printable,
    `set with $SET: it is of type ${typeNames(attribute)}, and $ADD adds only to numbers, sets and lists`,
    value,
  );
}

/**
 * `$DELETE`: elements (one or many) removed from a Set attribute.
 *
 * @throws TypeMismatch when the attribute is not a set (as in Dynamoose, and as `$ADD` to a string is).
 */
export function deleteAction(path: UpdatePath, value: unknown): UpdateAction {
  const attribute = path.attribute;
  if (attribute === undefined || findVariant(attribute, "any")) {
    return {
      kind: "delete",
      path: path.segments,
      value: schemalessSet(path, new Set(members(value)), "$DELETE"),
    };
  }
  const set = findVariant(attribute, "set");
  if (!set) {
    throw new TypeMismatch(
      path.printable,
      `a set for $DELETE: it is of type ${typeNames(attribute)}, and $DELETE removes elements only from sets`,
      value,
    );
  }
  return { kind: "delete", path: path.segments, value: setOperand(set, value, path.printable, "$DELETE") };
}

/**
 * `{$LIST_PREPEND: [...]}`: elements put in front of a list attribute.
 *
 * @throws InvalidParameter when the attribute is not a list.
 */
export async function prependAction(
  schema: CompiledSchema,
  path: UpdatePath,
  value: unknown,
): Promise<UpdateAction> {
  const attribute = path.attribute;
  if (attribute === undefined || findVariant(attribute, "any")) {
    // Nothing to prepend: refused, as a declared list refuses it (an `undefined` element of a list given
    // is a null element, as in a `$SET`).
    if (value === undefined)
      throw new InvalidParameter(`$LIST_PREPEND of "${path.printable}" needs an element.`);
    const list = Array.isArray(value) ? value : [value];
    return { kind: "prepend", path: path.segments, value: anyToDynamo(list, path.printable)! };
  }
  const array = findVariant(attribute, "array");
  if (!array) {
    throw new InvalidParameter(
      `Cannot $LIST_PREPEND to "${path.printable}": it is of type ${typeNames(attribute)}, not a list.`,
    );
  }
  return {
    kind: "prepend",
    path: path.segments,
    value: await elementsOperand(schema, attribute, array, value, path.printable),
  };
}

/**
 * Elements prepended or appended (`$ADD`) to a declared list: each goes through its element's whole write
 * pipeline (type, `set`, `validate`, `required`, `enum`), as the elements of a whole list `$SET` would, and
 * errors name them by their place among the elements given (`tags[1]`). What stores as nothing (an
 * emptied Set) is a NULL element, as in a whole list. (Dynamoose checked `$ADD`'s elements for their type
 * only.)
 */
async function elementsOperand(
  schema: CompiledSchema,
  attribute: CompiledAttribute,
  array: ArrayVariant,
  value: unknown,
  path: string,
): Promise<AttributeValue> {
  const element = array.element;
  if (typeof element !== "object") return listOperand(schema, attribute, array, value, path);
  const { normalized } = await normalizedList(schema, attribute, array, value, path);
  const written = await Promise.all(
    (normalized as unknown[]).map((member, index) =>
      writeNormalizedValue(element, member, `${path}[${index}]`),
    ),
  );
  return { L: written.map((member) => member.attributeValue ?? { NULL: true }) };
}
