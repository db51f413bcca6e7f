// The schema as an ExpressionTarget: condition and projection paths are resolved through aliases to
// stored names; condition values are converted like writes (condition-values.ts).
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { InvalidParameter, TypeMismatch } from "../errors";
import type { ExpressionTarget, ResolvedPath, ValueUsage } from "../expressions/compile";
import type { PathSegment } from "../expressions/path";
import type { CompiledAttribute, CompiledSchema, FlattenSpec, ObjectShape } from "./compiled";
import {
  conditionAttribute,
  convertElement,
  convertOperand,
  convertPrefix,
  schemaSetOf,
  nullAtListElement,
  refuseNothingStored,
} from "./condition-values";
import { anyToDynamo } from "./types/any";
import { UNDEFINED } from "./type-markers";

const targets = new WeakMap<CompiledSchema, ExpressionTarget>();
const modelTargets = new WeakMap<readonly CompiledSchema[], ExpressionTarget>();
function nextShape(
  attribute: CompiledAttribute | undefined,
  segment: PathSegment | undefined,
): ObjectShape | CompiledAttribute | undefined {
  if (!attribute) return undefined;
  for (const variant of attribute.variants) {
    if (typeof segment === "number" && variant.kind === "array" && typeof variant.element === "object")
      return variant.element;
    if (typeof segment === "string" && variant.kind === "object" && typeof variant.shape === "object")
      return variant.shape;
  }
  return undefined;
}

/** A JSON-stored attribute is one string in the table: DynamoDB has nothing inside it to compare or read. */
function refuseInsideJson(attribute: CompiledAttribute, at: readonly PathSegment[], next: PathSegment): void {
  // Stored as a string whichever type a value takes (JSON, or a plain string beside it): nothing inside.
  const strings = attribute.variants.every(
    (variant) => variant.kind === "json" || (variant.kind === "scalar" && variant.type.dynamoType === "S"),
  );
  if (!strings || !attribute.variants.some((variant) => variant.kind === "json")) return;
  const path = formatSegments([...at, next]);
  throw new InvalidParameter(
    `"${path}": "${formatSegments(at)}" is stored as one JSON string (storage: "json"), so a ` +
      "condition or projection cannot reach inside it; use the whole attribute.",
  );
}

function formatSegments(segments: readonly PathSegment[]): string {
  return segments
    .map((segment) => (typeof segment === "number" ? `[${segment}]` : segment))
    .join(".")
    .replace(/\.\[/g, "[");
}

function resolve(schema: CompiledSchema, path: readonly PathSegment[]): ResolvedPath {
  const segments: PathSegment[] = [];
  // The path errors name: real names, and a flattened sub-attribute as the document path the caller wrote
  // (`address.city`, not its stored name `addr_city`).
  const shown: PathSegment[] = [];
  let attribute: CompiledAttribute | undefined;
  let container: ObjectShape | CompiledAttribute | undefined = schema.shape;
  for (let index = 0; index < path.length; index += 1) {
    const segment = path[index]!;
    if (typeof segment === "number") {
      attribute = container && "variants" in container ? container : undefined;
      segments.push(segment);
      shown.push(segment);
    } else {
      const shape: ObjectShape | undefined = container && "byInputName" in container ? container : undefined;
      attribute = shape?.byInputName.get(segment);
      const flatten = index === 0 ? attribute?.flatten : undefined;
      if (flatten !== undefined) {
        // `address.city` of a flattened object is the top-level attribute `addr_city`.
        const next = path[index + 1];
        if (next === undefined) return wholeFlattened(attribute!, flatten);
        if (typeof next === "number") {
          throw new InvalidParameter(
            `"${segment}[${next}]": "${segment}" is a flattened object, not a list.`,
          );
        }
        shown.push(attribute!.name);
        attribute = flatten.shape.byInputName.get(next);
        segments.push(attribute ? flatten.storedNames.get(attribute.name)! : flatten.prefix + next);
        shown.push(attribute ? attribute.name : next);
        index += 1;
      } else {
        segments.push(attribute ? attribute.name : segment);
        shown.push(attribute ? attribute.name : segment);
      }
    }
    if (index + 1 < path.length && attribute !== undefined)
      refuseInsideJson(attribute, shown, path[index + 1]!);
    container = nextShape(attribute, path[index + 1]);
  }
  const printable = formatSegments(shown);
  const resolved = attribute;
  // A save stores nothing (an empty Set) as NULL in a list, and leaves it out anywhere else.
  const nothingStored = typeof path[path.length - 1] === "number" ? nullAtListElement : refuseNothingStored;
  // A flattened sub-attribute is stored at the top level, but the schema's `set` sees it inside its object.
  const itemSet =
    resolved !== undefined && path.length === 1 ? schemaSetOf(schema, resolved.name) : undefined;
  return {
    segments,
    toAttributeValue(
      value: unknown,
      usage: ValueUsage = "operand",
    ): AttributeValue | Promise<AttributeValue> {
      // It stores nothing, so no stored value can equal it (and the generic conversion would send NULL).
      if (value === UNDEFINED) {
        throw new TypeMismatch(printable, "a value to compare with (type.UNDEFINED stores nothing)", value);
      }
      if (!resolved) return anyToDynamo(value, printable) ?? nothingStored(value, printable);
      const found = conditionAttribute(resolved);
      if (usage === "element") return convertElement(found, value, printable, itemSet, schema.keepUnknown);
      return usage === "prefix"
        ? convertPrefix(found, value, printable, itemSet)
        : convertOperand(found, value, printable, itemSet, schema.keepUnknown, nothingStored);
    },
  };
}

/**
 * A whole flattened object is no single stored attribute: a projection reads all of its stored names; a
 * condition cannot compare it (its `segments` throw, naming the attribute and what to write instead).
 */
function wholeFlattened(attribute: CompiledAttribute, flatten: FlattenSpec): ResolvedPath {
  const storedPaths = [...flatten.storedNames.values()].map((name) => [name]);
  const problem = (): never => {
    throw new InvalidParameter(
      `"${attribute.name}" is stored flattened (storage: "flatten", as ${[...flatten.storedNames.values()]
        .map((name) => `"${name}"`)
        .join(", ")}), so a condition cannot compare it as a whole: name a sub-attribute, e.g. ` +
        `"${attribute.name}.${flatten.shape.attributes[0]!.name}".`,
    );
  };
  return {
    get segments(): readonly PathSegment[] {
      return problem();
    },
    storedPaths,
    toAttributeValue: problem,
  };
}

/** The expression target of a compiled schema (one per schema, created on first use). */
export function expressionTargetOf(schema: CompiledSchema): ExpressionTarget {
  let target = targets.get(schema);
  if (!target) {
    target = { resolve: (path) => resolve(schema, path) };
    targets.set(schema, target);
  }
  return target;
}

/**
 * The expression target of a model's schemas (one per schemas array, created on first use): a path is
 * resolved in the first schema that knows its top-level name (real name or alias), so an attribute or
 * alias that only a later schema defines works in conditions; the first schema wins on conflicts and
 * resolves names no schema knows. A single schema's target is its own.
 *
 * @example
 * ```ts
 * expressionTargetOfModel([first, second]).resolve(["nn"]).segments; // ["nick"] when `second` aliases it
 * ```
 */
export function expressionTargetOfModel(schemas: readonly CompiledSchema[]): ExpressionTarget {
  const first = schemas[0];
  if (first === undefined) throw new InvalidParameter("A model needs a schema.");
  if (schemas.length === 1) return expressionTargetOf(first);
  let target = modelTargets.get(schemas);
  if (!target) {
    const owners = new Map<string, CompiledSchema>();
    for (const schema of schemas) {
      for (const name of schema.shape.byInputName.keys()) if (!owners.has(name)) owners.set(name, schema);
    }
    target = {
      resolve: (path) => {
        const head = path[0];
        return resolve((typeof head === "string" ? owners.get(head) : undefined) ?? first, path);
      },
    };
    modelTargets.set(schemas, target);
  }
  return target;
}
