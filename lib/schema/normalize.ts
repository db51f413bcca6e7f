// Write pipeline, first pass: incoming names → real names, type checks, defaults and the
// conversion of each value to its JavaScript form for its type (a number for a Date becomes a Date,
// an array for a Set becomes a Set). Builds a new object; the caller's object is never changed.
import { InvalidType, TypeMismatch } from "../errors";
import type { CompiledAttribute, ObjectShape, Variant } from "./compiled";
import { checkOnlyNameGiven } from "./input-names";
import { setOwnMember } from "../own-member";
import { copyData } from "../copy-data";
import { isPlainObject } from "./resolve-type";
import { UNDEFINED } from "./type-markers";
import { NO_MATCH } from "./types/handler";
import { numberRangeNote } from "./types/number";
import { keptUnknown, keptUnknownValue, type LeftOutNote } from "./unknown-values";
import { rankObjectVariants } from "./variant-rank";

/**
 * `reshaped` (LeftOutNote) is set when the output leaves out something the input holds inside a map, list
 * or Set (unknown content saveUnknown does not keep, an empty Set, which DynamoDB cannot store): a saved
 * item then takes the stored form of those attributes (fill-in.ts).
 */
export interface NormalizeContext extends LeftOutNote {
  /** The top-level attributes (stored names) that left something out inside them (see `reshaped`). */
  reshapedNames?: string[];
  /** The top-level attributes a default was given to (a save's fill-in copies only those back). */
  defaultedNames?: string[];
  /** Keeps an unknown attribute at this dotted path? */
  readonly keepUnknown: ((path: string) => boolean) | undefined;
  /** Defaults that are still promises: resolved and normalised after the walk. */
  readonly pendingDefaults: PendingDefault[];
  /** Leaves missing values missing (comparing two values as given, not as a write would fill them in). */
  readonly withoutDefaults?: boolean;
}

export interface PendingDefault {
  readonly container: Record<string, unknown>;
  readonly attribute: CompiledAttribute;
  readonly path: string;
  readonly value: PromiseLike<unknown>;
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function"
  );
}

function expectedTypes(attribute: CompiledAttribute, value: unknown): string {
  const names = attribute.variants.map((variant) => variantName(variant));
  const expected = names.length === 1 ? `of type ${names[0]}` : `one of the types ${names.join(", ")}`;
  return expected + numberRangeNote(value);
}

function variantName(variant: Variant): string {
  switch (variant.kind) {
    case "scalar":
      return variant.type.name;
    case "set":
      return `set of ${variant.element?.name ?? variant.elementName}`;
    case "reference":
      return "a model reference";
    case "json":
      return "object";
    default:
      return variant.kind;
  }
}

/** Normalises one value against one variant, or NO_MATCH. */
function normalizeVariant(
  variant: Variant,
  value: unknown,
  path: string,
  context: NormalizeContext,
): unknown {
  switch (variant.kind) {
    case "scalar":
      return variant.type.normalize(value);
    case "any":
      return value;
    case "json":
      return isPlainObject(value) || Array.isArray(value) ? value : NO_MATCH;
    case "combine":
      return typeof value === "string" ? value : NO_MATCH;
    case "object": {
      if (!isPlainObject(value)) return NO_MATCH;
      if (variant.shape === "any") return value;
      // No schema: only what saveUnknown keeps (`"customFields.**"`, or `true`) is stored inside it.
      if (variant.shape === "empty") return keptUnknown(value, path, context.keepUnknown, context) as object;
      return normalizeObject(variant.shape, value, path, context);
    }
    case "array": {
      if (!Array.isArray(value)) return NO_MATCH;
      if (variant.element === "any") return value;
      if (variant.element === "empty") {
        return keptUnknown(value, path, context.keepUnknown, context) as unknown[];
      }
      // A loop, not map(): map() skips the holes of a sparse list (`list[3] = x` on a list of one), which
      // must be refused here like any other undefined element, not later by the conversion.
      const normalized: unknown[] = [];
      for (let index = 0; index < value.length; index++) {
        normalized.push(normalizeValue(variant.element, value[index], `${path}[${index}]`, context));
      }
      return normalized;
    }
    case "set": {
      if (!(value instanceof Set) && !Array.isArray(value)) return NO_MATCH;
      if (!variant.element) {
        throw new InvalidType(
          `${path} with type: ${variant.elementName} is not allowed to be a set (DynamoDB stores sets of strings, numbers or binary).`,
        );
      }
      const members = new Set<unknown>();
      let storedForms: Set<string> | undefined;
      for (const member of value) {
        const normalized = variant.element.normalize(member);
        if (normalized === NO_MATCH)
          throw new TypeMismatch(
            `${path}[]`,
            `of type ${variant.element.name}${numberRangeNote(member)}`,
            member,
          );
        const key = variant.element.toSetMember!(normalized);
        // A string is its own stored form: the Set itself drops duplicates. (Not bytes: two equal
        // Buffers are distinct objects, so they go through the stored-form check below.)
        if (typeof key === "string" && key === normalized) {
          members.add(normalized);
          continue;
        }
        // Otherwise duplicates collapse by stored form (two equal Dates are one member).
        storedForms ??= new Set();
        const identity = typeof key === "string" ? key : Buffer.from(key).toString("base64");
        if (!storedForms.has(identity)) {
          storedForms.add(identity);
          members.add(normalized);
        }
      }
      if (members.size === 0) context.reshaped = true;
      return members;
    }
    case "reference":
      // Kept as given: the stored form is the key (to-dynamo.ts).
      return acceptsReference(variant, value) ? value : NO_MATCH;
  }
}

/**
 * Whether a reference takes the value: an item of the target, a key object ({hashKey, rangeKey?}) or,
 * without a range key, the bare hash value. The conversion asks the same when it picks a multi-type
 * attribute's variant, so `[Owner, Number]` given `5` stores the number Owner's String key refuses.
 */
export function acceptsReference(variant: Extract<Variant, { kind: "reference" }>, value: unknown): boolean {
  const model = variant.target.resolve();
  if (model.isItem(value)) return true;
  if (model.rangeKey !== undefined) return isPlainObject(value);
  const hash = isPlainObject(value) ? model.hashOf(value) : value;
  return model.hashType.normalize(hash) !== NO_MATCH;
}

/**
 * The variant a multi-type attribute's map, list or Set was normalised by. The later write steps (rules,
 * conversion) look it up instead of guessing again, so they cannot pick another variant than this one did.
 */
const chosenVariants = new WeakMap<object, Variant>();

/** The variant `attribute` normalised this value by, if it is one of its multi-type object values. */
export function chosenVariantOf(attribute: CompiledAttribute, value: unknown): Variant | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const chosen = chosenVariants.get(value);
  return chosen !== undefined && attribute.variants.includes(chosen) ? chosen : undefined;
}

/** Chooses the first variant that accepts the value; objects go to the best-matching object shape. */
export function normalizeValue(
  attribute: CompiledAttribute,
  value: unknown,
  path: string,
  context: NormalizeContext,
): unknown {
  const variants = attribute.variants;
  if (variants.length === 1) {
    const normalized = normalizeVariant(variants[0]!, value, path, context);
    if (normalized === NO_MATCH) throw new TypeMismatch(path, expectedTypes(attribute, value), value);
    return normalized;
  }
  const candidates = isPlainObject(value)
    ? rankObjectVariants(variants, Object.keys(value), (shape) => shape.byInputName)
    : variants;
  let firstMismatch: TypeMismatch | undefined;
  for (const variant of candidates) {
    let normalized: unknown;
    try {
      normalized = normalizeVariant(variant, value, path, context);
    } catch (error) {
      // Members that fit another variant (`[Set<String>, Set<Number>]` given [1, 2]): try the next one.
      if (!(error instanceof TypeMismatch)) throw error;
      firstMismatch ??= error;
      continue;
    }
    if (normalized === NO_MATCH) continue;
    if (typeof normalized === "object" && normalized !== null) chosenVariants.set(normalized, variant);
    return normalized;
  }
  // The best candidate's own error names the nested path that failed ("shape.a"), when there is one.
  throw firstMismatch ?? new TypeMismatch(path, expectedTypes(attribute, value), value);
}

function applyDefault(
  attribute: CompiledAttribute,
  container: Record<string, unknown>,
  path: string,
  context: NormalizeContext,
): void {
  const { default: fallback } = attribute.settings;
  // A default object is the schema's: each item gets its own copy, or changing one item's (a `type.ANY` or
  // `storage: "json"` value is kept as given) would change what later items are created with.
  const value = typeof fallback === "function" ? (fallback as () => unknown)() : copyData(fallback);
  if (isThenable(value)) {
    context.pendingDefaults.push({ container, attribute, path, value });
    return;
  }
  // A default of null is no default, as in Dynamoose.
  if (value != null) container[attribute.name] = normalizeValue(attribute, value, path, context);
}

/** Normalises an object against a shape. `path` is the dotted path of the object ("" for the item). */
export function normalizeObject(
  shape: ObjectShape,
  input: Record<string, unknown>,
  path: string,
  context: NormalizeContext,
): Record<string, unknown> {
  const output: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    const value = input[key];
    const attribute = shape.byInputName.get(key);
    if (attribute === undefined) {
      const attributePath = path === "" ? key : `${path}.${key}`;
      const held =
        context.keepUnknown === undefined
          ? undefined
          : keptUnknownValue(context.keepUnknown, attributePath, value, context);
      if (held !== undefined)
        setOwnMember(output, key, held); // a `__proto__` member stays data
      // A nested unknown left out: the saved item takes the stored form (fill-in.ts). At the top level
      // the item just loses the property.
      else if (path !== "" && value !== undefined) context.reshaped = true;
      if (path === "" && context.reshaped === true) noteReshaped(context, key);
      continue;
    }
    if (key !== attribute.name) checkOnlyNameGiven(attribute, key, input, path);
    if (value === undefined || value === UNDEFINED) continue;
    const realPath = path === "" ? attribute.name : `${path}.${attribute.name}`;
    output[attribute.name] = normalizeValue(attribute, value, realPath, context);
    if (path === "" && context.reshaped === true) noteReshaped(context, attribute.name);
  }
  if (shape.flags.defaults && context.withoutDefaults !== true) {
    for (const attribute of shape.attributes) {
      if (!attribute.settings.hasDefault) continue;
      const present = output[attribute.name] !== undefined;
      if (present && !attribute.settings.forceDefault) continue;
      if (!present && hasExplicitUndefined(shape, input, attribute)) continue;
      if (path === "") (context.defaultedNames ??= []).push(attribute.name);
      applyDefault(attribute, output, path === "" ? attribute.name : `${path}.${attribute.name}`, context);
    }
  }
  return output;
}

/** Records that top-level attribute `name` left content out, and resets the flag for the next one. */
function noteReshaped(context: NormalizeContext, name: string): void {
  (context.reshapedNames ??= []).push(name);
  context.reshaped = false;
}

/** `type.UNDEFINED` given for an attribute means "absent, and skip the default". */
function hasExplicitUndefined(
  shape: ObjectShape,
  input: Record<string, unknown>,
  attribute: CompiledAttribute,
): boolean {
  if (input[attribute.name] === UNDEFINED) return true;
  if (!shape.hasAliases) return false;
  return attribute.settings.aliases.some((alias) => input[alias] === UNDEFINED);
}

/** Resolves asynchronous defaults found during the walk. */
export async function settlePendingDefaults(context: NormalizeContext): Promise<void> {
  while (context.pendingDefaults.length > 0) {
    const pending = context.pendingDefaults.splice(0);
    const values = await Promise.all(pending.map((entry) => entry.value));
    pending.forEach((entry, index) => {
      const value = values[index];
      if (value != null) {
        entry.container[entry.attribute.name] = normalizeValue(entry.attribute, value, entry.path, context);
      }
    });
  }
}
