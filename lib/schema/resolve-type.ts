// Resolves one written type (a constructor, a marker, a name, `{value, settings}`, a Schema, a
// Model) into a compiled variant. Nested Object/Array schemas call back into the shape compiler.
import { describeValue, InvalidParameter } from "../errors";
import type { AttributeDefinitionObject, DateStorage } from "./definition-types";
import type { GivenDefinition } from "./null-settings";
import type {
  CompiledAttribute,
  CompiledSchema,
  ObjectShape,
  ReferenceTarget,
  ReferencedModel,
  Variant,
} from "./compiled";
import { compiledSchemaOf, referencedModelOf } from "./links";
import { ANY, NULL, THIS } from "./type-markers";
import { booleanType } from "./types/boolean";
import { bufferType } from "./types/buffer";
import { constantType } from "./types/constant";
import { dateType } from "./types/date";
import type { ScalarType } from "./types/handler";
import { nullType } from "./types/null";
import { numberType } from "./types/number";
import { checkSetMemberTarget, referenceMemberType } from "./types/reference";
import { stringType } from "./types/string";

export interface NestedCompiler {
  /** Compiles a nested object definition (`schema` of an Object) found at `path`. */
  shape(definition: unknown, path: string): ObjectShape;
  /** Compiles the element definition of an Array (`schema: [element]`) found at `path`. */
  element(definition: unknown, path: string): CompiledAttribute;
  /**
   * A reference to the model this schema will belong to (type.THIS). `check` runs when that model is
   * known (at `model()`), for rules that depend on it.
   */
  selfReference(check?: (model: ReferencedModel) => void): ReferenceTarget;
  /** A Schema instance nested at `path`: its `saveUnknown` applies there (Dynamoose merges it, prefixed). */
  nestedSchema(schema: CompiledSchema, path: string): void;
}

const TYPE_NAMES: Record<string, unknown> = {
  string: String,
  number: Number,
  boolean: Boolean,
  buffer: Buffer,
  date: Date,
  object: Object,
  array: Array,
  set: Set,
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Is this a definition object (`{type, ...}`) rather than a type written directly? */
export function isDefinitionObject(value: unknown): value is AttributeDefinitionObject {
  return isPlainObject(value) && "type" in value && compiledSchemaOf(value) === undefined;
}

/** `{value, settings}`: the written form for types with settings (Date storage, CONSTANT, COMBINE). */
function isTypeWithSettings(value: unknown): value is { value: unknown; settings?: Record<string, unknown> } {
  return (
    isPlainObject(value) &&
    "value" in value &&
    Object.keys(value).every((k) => k === "value" || k === "settings")
  );
}

/**
 * The types an attribute's `type` lists: an array, `{value: [...], settings?}` (Dynamoose's typings allow
 * an array as the value; the settings apply to each), or one type.
 *
 * @example
 * ```ts
 * writtenTypes({ value: [String, Number] }); // [String, Number]
 * writtenTypes(Date); // [Date]
 * ```
 */
export function writtenTypes(type: unknown): readonly unknown[] {
  if (Array.isArray(type)) return type;
  if (isTypeWithSettings(type) && Array.isArray(type.value)) {
    const { settings } = type;
    return settings === undefined ? type.value : type.value.map((value: unknown) => ({ value, settings }));
  }
  return [type];
}

/** A Date's `storage` setting; another value (`"weeks"`) would silently store milliseconds. */
function dateStorage(storage: unknown): DateStorage {
  if (storage === undefined) return "milliseconds";
  if (storage === "milliseconds" || storage === "seconds" || storage === "iso") return storage;
  throw new InvalidParameter(
    `A Date's storage must be "milliseconds", "seconds" or "iso" (got ${describeValue(storage)}).`,
  );
}

/** A scalar type for a Set element or a reference key, or undefined when the type cannot be one. */
export function scalarTypeOf(written: unknown, settings?: Record<string, unknown>): ScalarType | undefined {
  const type = typeof written === "string" ? TYPE_NAMES[written.toLowerCase()] : written;
  if (type === String) return stringType;
  if (type === Number) return numberType;
  if (type === Boolean) return booleanType;
  if (type === Buffer || type === Uint8Array) return bufferType;
  if (type === Date) return dateType(dateStorage(settings?.storage));
  if (type === NULL) return nullType;
  return undefined;
}

function modelReference(model: ReferencedModel): ReferenceTarget {
  return { resolve: () => model };
}

export function resolveVariant(
  written: unknown,
  attribute: GivenDefinition,
  path: string,
  nested: NestedCompiler,
): Variant {
  if (isTypeWithSettings(written)) {
    const { value, settings = {} } = written;
    if (value === "Constant") {
      const constant = settings.value;
      if (!["string", "number", "boolean"].includes(typeof constant)) {
        throw new InvalidParameter(`Attribute "${path}": CONSTANT needs a string, number or boolean value.`);
      }
      return { kind: "scalar", type: constantType(constant as string | number | boolean) };
    }
    if (value === "Combine") {
      const attributes = settings.attributes;
      if (!Array.isArray(attributes) || !attributes.every((name) => typeof name === "string")) {
        throw new InvalidParameter(`Attribute "${path}": COMBINE needs an array of attribute names.`);
      }
      return { kind: "combine", attributes, separator: (settings.separator as string | undefined) ?? "," };
    }
    const scalar = scalarTypeOf(value, settings);
    if (scalar) return { kind: "scalar", type: scalar };
    return resolveVariant(value, attribute, path, nested);
  }
  if (typeof written === "string" && !(written.toLowerCase() in TYPE_NAMES)) {
    throw new InvalidParameter(
      `Attribute "${path}" does not have a valid type (got ${JSON.stringify(written)}).`,
    );
  }
  const type = typeof written === "string" ? TYPE_NAMES[written.toLowerCase()] : written;

  const scalar = scalarTypeOf(type);
  if (scalar) return { kind: "scalar", type: scalar };
  if (type === ANY) return { kind: "any" };
  if (type === THIS) return { kind: "reference", target: nested.selfReference() };
  const referenced = referencedModelOf(type);
  if (referenced) return { kind: "reference", target: modelReference(referenced) };
  const nestedSchema = compiledSchemaOf(type);
  if (nestedSchema) {
    nested.nestedSchema(nestedSchema, path);
    return { kind: "object", shape: nestableShape(nestedSchema, path) };
  }

  if (type === Object) {
    if (attribute.storage === "json") return { kind: "json" };
    const schema = attribute.schema;
    if (schema === undefined) return { kind: "object", shape: "empty" };
    if (schema === ANY) return { kind: "object", shape: "any" };
    // A Schema given as the `schema` gives its attributes only: its `saveUnknown` is not brought along, as in
    // Dynamoose (which reads its definition there); only a Schema given as the type brings it.
    const compiled = compiledSchemaOf(schema);
    return {
      kind: "object",
      shape: compiled ? nestableShape(compiled, path) : nested.shape(schema, path),
    };
  }
  if (type === Array) {
    const schema = attribute.schema;
    // `schema: []` declares no element, as no schema does (Dynamoose accepts it the same way).
    if (schema === undefined || (Array.isArray(schema) && schema.length === 0)) {
      return { kind: "array", element: "empty" };
    }
    if (schema === ANY) return { kind: "array", element: "any" };
    const elements = Array.isArray(schema) ? schema : [schema];
    if (elements.length !== 1) {
      throw new InvalidParameter(`Attribute "${path}": You must only pass one element into schema array.`);
    }
    return { kind: "array", element: nested.element(elements[0], `${path}[]`) };
  }
  if (type === Set) return resolveSet(attribute.schema, path, nested);
  if (isPlainObject(written) && "type" in written) {
    // `{type: [{type: Array, …}, {type: Object, …}]}`: Dynamoose accepts it and then stores empty values.
    throw new InvalidParameter(
      `Attribute "${path}": a type must not be an attribute definition (got ${describeWritten(written)}). ` +
        `Write one definition as the attribute ("${path}": {type: …}), and several types with their own ` +
        `settings as an array of definitions ("${path}": [{type: …}, {type: …}]).`,
    );
  }
  throw new InvalidParameter(
    `Attribute "${path}" does not have a valid type (got ${describeWritten(written)}).`,
  );
}

/** A Schema's shape used as a nested object: flattening is a top-level storage rule, so it cannot nest. */
function nestableShape(schema: CompiledSchema, path: string): ObjectShape {
  const { shape } = schema;
  // As for a nested definition object (compile.ts): a Schema nested as a type brings no keys or indexes.
  if (schema.markedKeys.length > 0 || schema.indexes.length > 0) {
    const names = [...schema.markedKeys, ...schema.indexes.map((index) => index.hashKey)];
    throw new InvalidParameter(
      `Attribute "${path}": keys and indexes must be top-level attributes (its schema marks ` +
        `${[...new Set(names)].map((name) => `"${name}"`).join(", ")}).`,
    );
  }
  if (shape.flattened !== undefined) {
    const names = shape.flattened.owners.map((owner) => `"${owner.name}"`).join(", ");
    throw new InvalidParameter(
      `Attribute "${path}": its schema stores ${names} flattened (storage: "flatten"), which only works at the ` +
        "top level of a model's schema, not in a nested object.",
    );
  }
  return shape;
}

/**
 * `{type: Set, schema: [element]}`. The element is a type (`String`, `"date"`, `{value: Date, settings}`),
 * a model or type.THIS (a set of references, stored as the referenced hash keys), or a definition
 * object giving only `type`.
 */
function resolveSet(schema: unknown, path: string, nested: NestedCompiler): Variant {
  const elements = Array.isArray(schema) ? schema : [schema];
  if (schema === undefined || elements.length !== 1) {
    throw new InvalidParameter(
      `Attribute "${path}": a Set needs schema: [elementType] with exactly one type.`,
    );
  }
  const element = setElementType(elements[0], path);
  if (element === THIS) {
    const target = nested.selfReference((model) => checkSetMemberTarget(model, path));
    return { kind: "set", element: referenceMemberType(target), elementName: "type.THIS" };
  }
  const referenced = referencedModelOf(element);
  if (referenced) {
    checkSetMemberTarget(referenced, path);
    return {
      kind: "set",
      element: referenceMemberType(modelReference(referenced)),
      elementName: referenced.name,
    };
  }
  const written = isTypeWithSettings(element) ? element.value : element;
  const settings = isTypeWithSettings(element) ? element.settings : undefined;
  const elementType = scalarTypeOf(written, settings);
  // Dynamoose accepts a Set of a non-settable type at construction and rejects values on save.
  return {
    kind: "set",
    element: elementType?.setType ? elementType : undefined,
    elementName: typeName(written),
  };
}

/** A Set element written as a definition object (`{type: String}`) is its type; other settings can't apply. */
function setElementType(element: unknown, path: string): unknown {
  if (!isPlainObject(element) || !("type" in element) || isTypeWithSettings(element)) return element;
  const ignored = Object.keys(element).filter((key) => key !== "type");
  if (ignored.length > 0) {
    throw new InvalidParameter(
      `Attribute "${path}": a Set element is only a type; ${ignored.map((key) => `"${key}"`).join(", ")} ` +
        "cannot apply to set members (put settings on the Set attribute itself).",
    );
  }
  const types = writtenTypes(element.type);
  if (types.length !== 1) {
    throw new InvalidParameter(`Attribute "${path}": a Set's elements must all have one type.`);
  }
  return types[0];
}

function typeName(written: unknown): string {
  if (typeof written === "function") return written.name || "an anonymous function";
  if (typeof written === "string") return written;
  if (typeof written === "symbol") return written.description ?? written.toString();
  return describeWritten(written);
}

function describeWritten(written: unknown): string {
  if (typeof written === "function") return written.name || "an anonymous function";
  if (typeof written === "symbol") return written.toString();
  try {
    // Types are functions (String, Array): name them rather than drop them.
    const named = JSON.stringify(written, (_key, value: unknown) =>
      typeof value === "function" ? value.name || "function" : value,
    );
    return named ?? String(written);
  } catch {
    return String(written);
  }
}

export { isPlainObject };
