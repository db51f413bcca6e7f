// Write pipeline, rule passes: attribute `set`, `validate`, `required`, `enum`. Each walks only the
// subtrees whose compiled flags say they hold such a rule, and only values that are present
// (nested rules apply when their parent exists).
import { ValidationError, describeValue } from "../errors";
import type { CompiledAttribute, ObjectShape, SubtreeFlags } from "./compiled";
import { isThenable } from "./normalize";
import { sameValue } from "./same-value";
import { settingsFor } from "./settings-for";
import { variantFor } from "./to-dynamo";

type Step = keyof SubtreeFlags;
/** Walks some part of an item for one rule step, calling `visit` on every attribute that has work for it. */
export type RuleWalk = (step: Step, visit: Visit) => void;
type Visit = (
  attribute: CompiledAttribute,
  container: Record<string | number, unknown>,
  key: string | number,
  path: string,
) => void;

function walkAttribute(
  attribute: CompiledAttribute,
  container: Record<string | number, unknown>,
  key: string | number,
  path: string,
  step: Step,
  visit: Visit,
): void {
  const value = container[key];
  if (value !== undefined && value !== null && typeof value === "object") {
    const variant = variantFor(attribute, value);
    if (variant.kind === "object" && typeof variant.shape === "object") {
      walkShape(variant.shape, value as Record<string, unknown>, path, step, visit);
    } else if (
      variant.kind === "array" &&
      typeof variant.element === "object" &&
      variant.element.flags[step]
    ) {
      const list = value as unknown[];
      for (let index = 0; index < list.length; index += 1) {
        walkAttribute(
          variant.element,
          list as unknown as Record<number, unknown>,
          index,
          `${path}[${index}]`,
          step,
          visit,
        );
      }
    }
  }
  visit(attribute, container, key, path);
}

export function walkShape(
  shape: ObjectShape,
  object: Record<string, unknown>,
  path: string,
  step: Step,
  visit: Visit,
): void {
  if (!shape.flags[step]) return;
  for (const attribute of shape.attributes) {
    if (!attribute.flags[step]) continue;
    walkAttribute(
      attribute,
      object,
      attribute.name,
      path === "" ? attribute.name : `${path}.${attribute.name}`,
      step,
      visit,
    );
  }
}

/** The walk over a whole item (or nested object) of `shape`. */
export function shapeWalk(shape: ObjectShape, object: Record<string, unknown>, path = ""): RuleWalk {
  return (step, visit) => walkShape(shape, object, path, step, visit);
}

/**
 * The walk over one attribute's value and what it contains: `container[key]` at document path `path`.
 * Lets an update run the rules of just the attributes it sets (lib/schema/write-value.ts).
 */
export function attributeWalk(
  attribute: CompiledAttribute,
  container: Record<string | number, unknown>,
  key: string | number,
  path: string,
): RuleWalk {
  return (step, visit) => {
    if (attribute.flags[step]) walkAttribute(attribute, container, key, path, step, visit);
  };
}

/**
 * Runs attribute `set` functions (inner attributes first) on an item being written. `old` is the item as
 * last read, if any; `restored` the paths `restoreReadValues` put back to their stored values. A new item
 * (no `old`) gives `set` an old value of `null`, as Dynamoose's create, save and batchPut do.
 */
export async function applySetters(
  shape: ObjectShape,
  item: Record<string, unknown>,
  old: Record<string, unknown> | undefined,
  restored?: ReadonlySet<string>,
): Promise<void> {
  const previousAt = old === undefined ? () => null : (path: string) => valueAtPath(old, path);
  return applySettersIn(shapeWalk(shape, item), previousAt, restored);
}

/**
 * `applySetters` over any walk; `previousAt` gives the old value at a full document path (an update reads
 * no item, so its `set` gets `undefined`, as in Dynamoose).
 */
export async function applySettersIn(
  walk: RuleWalk,
  previousAt: (path: string) => unknown,
  restored?: ReadonlySet<string>,
): Promise<void> {
  const pending: Promise<void>[] = [];
  walk("set", (attribute, container, key, path) => {
    const value = container[key];
    if (value === undefined || value === null) return;
    const settings = settingsFor(attribute, value);
    const setter = settings.set;
    if (!setter) return;
    const previous = previousAt(path);
    // An item read from the table still holding what was read: that value was `set` when it was written,
    // and must not be transformed again (a hashed password would be hashed twice). With a `get`, the item
    // holds the display form: only a value `restoreReadValues` put back is the stored one; a new value that
    // merely equals the stored form is a change and goes through `set`.
    const unchanged = settings.get
      ? restored?.has(path) === true
      : previous !== undefined && previous !== null && sameValue(value, previous);
    if (unchanged) return;
    const result = setter(value, previous);
    if (isThenable(result))
      pending.push(Promise.resolve(result).then((resolved) => void (container[key] = resolved)));
    else container[key] = result;
  });
  await Promise.all(pending);
}

/** Runs attribute validators; the first failure in attribute order is reported. */
export async function runValidators(shape: ObjectShape, item: Record<string, unknown>): Promise<void> {
  return runValidatorsIn(shapeWalk(shape, item));
}

export async function runValidatorsIn(walk: RuleWalk): Promise<void> {
  const checks: { describe: string; path: string; value: unknown; result: unknown }[] = [];
  walk("validate", (attribute, container, key, path) => {
    const value = container[key];
    if (value === undefined || value === null) return;
    const validate = settingsFor(attribute, value).validate;
    if (!validate) return;
    checks.push({ describe: validate.describe, path, value, result: validate.check(value) });
  });
  const results = await Promise.all(checks.map((check) => check.result));
  results.forEach((passed, index) => {
    const check = checks[index]!;
    if (!passed) {
      throw new ValidationError(check.path, "validate", check.value, check.describe);
    }
  });
}

/**
 * `unread`: the document paths (`lives`, `address.city`) an item read with a projection neither read nor
 * holds (see model/unread.ts): not required, as nothing is written for them.
 */
export function checkRequired(
  shape: ObjectShape,
  item: Record<string, unknown>,
  unread?: ReadonlySet<string>,
): void {
  checkRequiredIn(shapeWalk(shape, item), unread === undefined ? undefined : (path) => unread.has(path));
}

export function checkRequiredIn(walk: RuleWalk, skip?: (path: string) => boolean): void {
  walk("required", (attribute, container, key, path) => {
    if (skip?.(path)) return;
    const value = container[key];
    // A missing value has no type: the first definition's `required` decides.
    if (!attribute.settings.required) return;
    if (value === undefined || value === null) {
      throw new ValidationError(path, "required", value, "is required");
    }
    // DynamoDB has no empty sets, so an empty Set is written as no value at all: the stored item would break
    // the rule, and every later save of it would be refused. (With an empty default, `default: []` say, a
    // later write fills it in again, so the stored item's missing set is what the schema asks for; a default
    // with members would appear in the table on some later, unrelated save.)
    if (value instanceof Set && value.size === 0 && !hasEmptyDefault(attribute)) {
      throw new ValidationError(path, "required", value, "is required (an empty set is stored as no value)");
    }
  });
}

/**
 * Whether the attribute's default is an empty set or list. A function default is called to see (defaults
 * are called per write anyway): one resolving later is given the benefit of the doubt, as
 * `default: async () => []` is a way to write an empty one.
 */
function hasEmptyDefault(attribute: CompiledAttribute): boolean {
  const { hasDefault, default: given } = attribute.settings;
  if (!hasDefault) return false;
  let value: unknown = given;
  if (typeof given === "function") {
    try {
      value = (given as () => unknown)();
    } catch {
      return false;
    }
    if (isThenable(value)) {
      Promise.resolve(value).catch(() => undefined);
      return true;
    }
  }
  return (value instanceof Set && value.size === 0) || (Array.isArray(value) && value.length === 0);
}

export function checkEnums(shape: ObjectShape, item: Record<string, unknown>): void {
  checkEnumsIn(shapeWalk(shape, item));
}

export function checkEnumsIn(walk: RuleWalk): void {
  walk("enum", (attribute, container, key, path) => {
    const value = container[key];
    if (value === undefined || value === null) return;
    const allowed = settingsFor(attribute, value).enum;
    if (!allowed) return;
    if (!allowed.includes(value) && !(value instanceof Date && enumHasDate(attribute, allowed, value))) {
      throw new ValidationError(path, "enum", value, `must be one of ${describeValue(allowed)}`);
    }
  });
}

/**
 * A Date is a new object on every write, so it is matched by time: an enum entry that is a Date of the
 * same time, or the date's stored form (milliseconds, seconds or ISO string, as its storage says).
 */
function enumHasDate(attribute: CompiledAttribute, allowed: readonly unknown[], value: Date): boolean {
  const variant = variantFor(attribute, value);
  const stored = variant.kind === "scalar" ? variant.type.toDynamo(value) : undefined;
  const storedForm = stored?.N ?? stored?.S;
  return allowed.some((entry) =>
    entry instanceof Date ? entry.getTime() === value.getTime() : String(entry) === storedForm,
  );
}

/** Reads a dotted path with [index] segments from a plain object. */
export function valueAtPath(object: Record<string, unknown>, path: string): unknown {
  let current: unknown = object;
  for (const segment of path.split(/\.|\[(\d+)\]/).filter((part) => part !== undefined && part !== "")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
