// The schema as an ExpressionTarget: condition and projection paths are resolved through aliases to
// stored names, and condition values are converted like writes (a Date in a condition works).
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { TypeMismatch } from "../errors";
import type { ExpressionTarget, ResolvedPath, ValueUsage } from "../expressions/compile";
import type { PathSegment } from "../expressions/path";
import type { CompiledAttribute, CompiledSchema, ObjectShape } from "./compiled";
import { normalizeValue, type NormalizeContext } from "./normalize";
import { valueToDynamo } from "./to-dynamo";
import { anyToDynamo } from "./types/any";
import { NO_MATCH } from "./types/handler";

const targets = new WeakMap<CompiledSchema, ExpressionTarget>();

function convertWith(attribute: CompiledAttribute, value: unknown, path: string): AttributeValue {
  const context: NormalizeContext = { keepUnknown: undefined, pendingDefaults: [] };
  const converted = valueToDynamo(attribute, normalizeValue(attribute, value, path, context), path);
  // An empty Set in a condition has no stored form; the generic converter reports it clearly.
  return converted ?? anyToDynamo(value, path) ?? { NULL: true };
}

/** `contains` compares with an element of a set or list, or a substring of a string. */
function convertElement(attribute: CompiledAttribute, value: unknown, path: string): AttributeValue {
  for (const variant of attribute.variants) {
    if (variant.kind === "set" && variant.element) {
      const normalized = variant.element.normalize(value);
      if (normalized !== NO_MATCH) return variant.element.toDynamo(normalized);
    }
    if (variant.kind === "array" && typeof variant.element === "object") {
      return convertWith(variant.element, value, `${path}[]`);
    }
    if (variant.kind === "scalar" && variant.type.dynamoType === "S" && typeof value === "string")
      return { S: value };
    if (variant.kind === "any" || (variant.kind === "array" && variant.element === "any")) {
      return anyToDynamo(value, path) ?? { NULL: true };
    }
  }
  throw new TypeMismatch(path, "an element of the attribute", value);
}

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

function resolve(schema: CompiledSchema, path: readonly PathSegment[]): ResolvedPath {
  const segments: PathSegment[] = [];
  let attribute: CompiledAttribute | undefined;
  let container: ObjectShape | CompiledAttribute | undefined = schema.shape;
  for (const segment of path) {
    if (typeof segment === "number") {
      attribute = container && "variants" in container ? container : undefined;
      segments.push(segment);
    } else {
      const shape: ObjectShape | undefined = container && "byInputName" in container ? container : undefined;
      attribute = shape?.byInputName.get(segment);
      segments.push(attribute ? attribute.name : segment);
    }
    container = nextShape(attribute, path[segments.length]);
  }
  const printable = segments
    .map((segment) => (typeof segment === "number" ? `[${segment}]` : segment))
    .join(".")
    .replace(/\.\[/g, "[");
  return {
    segments,
    toAttributeValue(value: unknown, usage: ValueUsage = "operand"): AttributeValue {
      if (!attribute) return anyToDynamo(value, printable) ?? { NULL: true };
      return usage === "element"
        ? convertElement(attribute, value, printable)
        : convertWith(attribute, value, printable);
    },
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
