// The write pipeline for ONE attribute's value, as `Model.update` needs it for each `$SET` value: type
// check and conversion (with the defaults of a whole object being set), attribute `set`, `validate`,
// `required` of sub-attributes, `enum`, then AttributeValues. The same steps write.ts runs for a whole
// item, applied to one subtree, so an update and a save accept and store exactly the same values.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { CompiledAttribute, CompiledSchema } from "./compiled";
import { normalizeValue, settlePendingDefaults, type NormalizeContext } from "./normalize";
import { applySettersIn, attributeWalk, checkEnumsIn, checkRequiredIn, runValidatorsIn } from "./rules";
import { valueToDynamo } from "./to-dynamo";
import { anyToDynamo } from "./types/any";

export interface WrittenValue {
  /** The value in its JavaScript form after the pipeline (a Date stays a Date). */
  readonly value: unknown;
  /**
   * The stored form; `undefined` for an empty Set (DynamoDB has no empty sets), or when `set` returned
   * `undefined`: the attribute then has no value, as a save leaves it out of the item.
   */
  readonly attributeValue: AttributeValue | undefined;
}

/** The pipeline's first pass only: type check and conversion to the attribute's JavaScript form. */
export async function normalizeAttributeValue(
  schema: CompiledSchema,
  attribute: CompiledAttribute,
  value: unknown,
  path: string,
): Promise<unknown> {
  const context: NormalizeContext = { keepUnknown: schema.keepUnknown, pendingDefaults: [] };
  const normalized = normalizeValue(attribute, value, path, context);
  if (context.pendingDefaults.length > 0) await settlePendingDefaults(context);
  return normalized;
}

/**
 * Runs the write pipeline on `value` for `attribute` at document path `path`. Without an attribute (inside
 * an ANY value, or an unknown attribute kept by `saveUnknown`) the value is converted without a schema.
 * Synchronous unless the attribute has `set`/`validate` functions or an asynchronous default: an update
 * of plain values must not cost a promise per value.
 *
 * @throws TypeMismatch or ValidationError naming `path`, as a save would.
 *
 * @example
 * ```ts
 * writeAttributeValue(schema, cityAttribute, "Oslo", "address.city");
 * // { value: "Oslo", attributeValue: { S: "Oslo" } }
 * ```
 */
export function writeAttributeValue(
  schema: CompiledSchema,
  attribute: CompiledAttribute | undefined,
  value: unknown,
  path: string,
): WrittenValue | Promise<WrittenValue> {
  if (attribute === undefined) return { value, attributeValue: anyToDynamo(value, path) };
  const context: NormalizeContext = { keepUnknown: schema.keepUnknown, pendingDefaults: [] };
  const normalized = normalizeValue(attribute, value, path, context);
  if (context.pendingDefaults.length > 0 || attribute.flags.set || attribute.flags.validate) {
    return writeWithFunctions(attribute, normalized, context, path);
  }
  return checkedAndConverted(attribute, { value: normalized }, path);
}

/** The rest of the pipeline when user functions (defaults, `set`, `validate`) may be asynchronous. */
async function writeWithFunctions(
  attribute: CompiledAttribute,
  normalized: unknown,
  context: NormalizeContext,
  path: string,
): Promise<WrittenValue> {
  if (context.pendingDefaults.length > 0) await settlePendingDefaults(context);
  return writeNormalizedValue(attribute, normalized, path);
}

/**
 * The pipeline after type check and defaults, for a value normalized already (the elements of a list
 * normalized whole, whose defaults must not be worked out twice): `set`, `validate`, `required`, `enum`,
 * then the stored form.
 */
export async function writeNormalizedValue(
  attribute: CompiledAttribute,
  normalized: unknown,
  path: string,
): Promise<WrittenValue> {
  const container: Record<string, unknown> = { value: normalized };
  const walk = attributeWalk(attribute, container, "value", path);
  // `set(newValue, oldValue)`: an update does not read the item, so there is no old value.
  if (attribute.flags.set) await applySettersIn(walk, noOldValue);
  if (attribute.flags.validate) await runValidatorsIn(walk);
  return checkedAndConverted(attribute, container, path);
}

/**
 * The pipeline up to and including the attribute's `set` (type check and conversion, defaults, `set`): what
 * an update hands the schema-level `set`, which SPEC §2 runs after the attributes' own.
 *
 * @example
 * ```ts
 * await valueAfterAttributeSet(schema, nameAttribute, " Ann ", "name"); // "Ann" (set: (v) => v.trim())
 * ```
 */
export async function valueAfterAttributeSet(
  schema: CompiledSchema,
  attribute: CompiledAttribute,
  value: unknown,
  path: string,
): Promise<unknown> {
  const normalized = await normalizeAttributeValue(schema, attribute, value, path);
  if (!attribute.flags.set) return normalized;
  const container: Record<string, unknown> = { value: normalized };
  await applySettersIn(attributeWalk(attribute, container, "value", path), noOldValue);
  return container.value;
}

/**
 * The rest of the pipeline for a value whose attribute `set` has run and the schema's after it (see
 * `valueAfterAttributeSet`), as a save runs it: `validate`, `required` and `enum`, then the stored form,
 * whose conversion checks the type of what the schema's `set` returned. No defaults are filled in again.
 */
export async function writeValueAfterSet(
  _schema: CompiledSchema,
  attribute: CompiledAttribute | undefined,
  value: unknown,
  path: string,
): Promise<WrittenValue> {
  if (attribute === undefined) return { value, attributeValue: anyToDynamo(value, path) };
  const container: Record<string, unknown> = { value };
  if (attribute.flags.validate) await runValidatorsIn(attributeWalk(attribute, container, "value", path));
  return checkedAndConverted(attribute, container, path);
}

/** `required` (of the attribute and its sub-attributes) and `enum`, then the stored form. */
function checkedAndConverted(
  attribute: CompiledAttribute,
  container: Record<string, unknown>,
  path: string,
): WrittenValue {
  if (attribute.flags.required || attribute.flags.enum) {
    const walk = attributeWalk(attribute, container, "value", path);
    if (attribute.flags.required) checkRequiredIn(walk);
    if (attribute.flags.enum) checkEnumsIn(walk);
  }
  // Only a `set` returns undefined here (an undefined value given is a removal, planned before this): a
  // save stores no value for such an attribute, so neither does an update. A list element (named "") cannot
  // be absent without moving the ones after it: the conversion refuses it, as a save's does.
  if (container.value === undefined && attribute.name !== "")
    return { value: undefined, attributeValue: undefined };
  return { value: container.value, attributeValue: valueToDynamo(attribute, container.value, path) };
}

/** An update's old value for `set(newValue, oldValue)`: none, as it reads no item. */
function noOldValue(): undefined {
  return undefined;
}
