// `item.withDefaults()`: the item's data as a plain object with the schema's defaults filled in where an
// attribute is missing — nested ones too, inside objects present (or created by a default) and inside
// list elements. Nothing else of the write pipeline runs: no type check, no `set`, no validation, no
// `forceDefault`, no timestamps; unknown attributes are kept, names stay as the item has them.
import type { CompiledAttribute, ObjectShape } from "../schema/compiled";
import { isThenable } from "../schema/normalize";
import { isPlainObject } from "../schema/resolve-type";
import { UNDEFINED } from "../schema/type-markers";
import { copyData } from "./json";
import { itemRuntimeOf, schemaFor } from "./runtime";

/**
 * The data of an item type: its attributes, without the Item methods or custom item methods.
 *
 * @example `ItemData<typeof tom>` → `{ id: number; name?: string }`
 */
export type ItemData<T> = {
  [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: T[K];
};

type Pending = Promise<void>[];

/** The shape among several that matches most of the value's keys (as the write pipeline chooses). */
function bestShape(shapes: readonly ObjectShape[], value: Record<string, unknown>): ObjectShape {
  let best = shapes[0]!;
  let bestScore = -1;
  for (const shape of shapes) {
    const score = Object.keys(value).filter((key) => shape.byInputName.has(key)).length;
    if (score > bestScore) [best, bestScore] = [shape, score];
  }
  return best;
}

function withNestedDefaults(attribute: CompiledAttribute, value: unknown, pending: Pending): unknown {
  if (isPlainObject(value)) {
    const shapes: ObjectShape[] = [];
    for (const variant of attribute.variants) {
      if (variant.kind === "object" && typeof variant.shape === "object") shapes.push(variant.shape);
    }
    if (shapes.length > 0) return fillDefaults(bestShape(shapes, value), value, pending);
  } else if (Array.isArray(value)) {
    for (const variant of attribute.variants) {
      if (variant.kind === "array" && typeof variant.element === "object") {
        const element = variant.element;
        return value.map((entry) => withNestedDefaults(element, entry, pending));
      }
    }
    // A Set attribute's value (or default) written as an array is a Set, as Dynamoose gives it and as a save
    // holds it; an attribute that also takes a list keeps the array.
    const takesList = attribute.variants.some((variant) => variant.kind === "array");
    if (!takesList && attribute.variants.some((variant) => variant.kind === "set")) {
      return new Set(copyData(value) as unknown[]);
    }
  }
  return copyData(value);
}

/** Is the attribute given (under its name or an alias), or explicitly left out with `type.UNDEFINED`? */
function isGiven(attribute: CompiledAttribute, input: Record<string, unknown>): boolean {
  if (input[attribute.name] !== undefined) return true;
  return attribute.settings.aliases.some((alias) => input[alias] !== undefined);
}

function fillDefaults(
  shape: ObjectShape,
  input: Record<string, unknown>,
  pending: Pending,
): Record<string, unknown> {
  const output: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    const value = input[key];
    if (value === undefined || value === UNDEFINED) continue;
    const attribute = shape.byInputName.get(key);
    output[key] = attribute ? withNestedDefaults(attribute, value, pending) : copyData(value);
  }
  if (!shape.flags.defaults) return output;
  for (const attribute of shape.attributes) {
    if (!attribute.settings.hasDefault || isGiven(attribute, input)) continue;
    const fallback = attribute.settings.default;
    const value = typeof fallback === "function" ? (fallback as () => unknown)() : fallback;
    // Under the name reads give the attribute, as `save()` fills defaults in.
    const name = attribute.settings.outputName;
    const place = (resolved: unknown): void => {
      if (resolved != null) output[name] = withNestedDefaults(attribute, resolved, pending);
    };
    if (isThenable(value)) pending.push(Promise.resolve(value).then(place));
    else place(value);
  }
  return output;
}

/** `item.withDefaults()`: see the module comment. */
export async function withDefaultsOf(item: object): Promise<Record<string, unknown>> {
  const data = item as Record<string, unknown>;
  const schema = schemaFor(itemRuntimeOf(item), data);
  const pending: Pending = [];
  const output = fillDefaults(schema.shape, data, pending);
  // An async default may itself hold objects with defaults of their own: settle until nothing is left.
  while (pending.length > 0) await Promise.all(pending.splice(0));
  return output;
}
