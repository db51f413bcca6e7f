// Compiles a schema definition (SPEC §2) once into the frozen tree of compiled.ts, checking every
// construction rule on the way. Everything a write or read needs later is decided here.
import { InvalidParameter, InvalidParameterType, InvalidType } from "../errors";
import { HookRegistry } from "../hooks/hooks";
import type { AttributeDefinitionObject, SchemaSettings, TimestampSpec } from "./definition-types";
import type {
  CompiledAttribute,
  CompiledSchema,
  IndexSpec,
  ObjectShape,
  SubtreeFlags,
  TimestampAttribute,
  Variant,
} from "./compiled";
import { mergeFlags, NO_FLAGS, variantFlags } from "./flags";
import { flattenedNamesOf, flattenPrefixOf, flattenSpec, type Place } from "./flatten";
import { compileIndexes } from "./indexes";
import { compiledSchemaOf, referencedModelOf } from "./links";
import { isPlainObject, resolveVariant, scalarTypeOf, type NestedCompiler } from "./resolve-type";
import { SelfReference } from "./self-reference";
import { compileSettings } from "./settings";
import { compileUnknownMatcher } from "./unknown-paths";
import { numberType } from "./types/number";

/** Is this a definition object (`{type, ...}`) rather than a type written directly? */
function isDefinitionObject(value: unknown): value is AttributeDefinitionObject {
  return isPlainObject(value) && "type" in value && compiledSchemaOf(value) === undefined;
}

interface CompileState {
  selfReferences: SelfReference[];
  keyAttributes: { hashKey?: string; rangeKey?: string };
  rawIndexes: { attribute: string; definition: unknown }[];
  /** `saveUnknown` patterns of nested Schema instances, prefixed with where they are nested. */
  nestedUnknown: string[];
}

function compileAttribute(
  name: string,
  written: unknown,
  path: string,
  state: CompileState,
  place: Place,
): CompiledAttribute {
  if (name.includes(".")) {
    throw new InvalidParameter(`Attribute "${path}": Attributes must not contain dots.`);
  }
  const entries = Array.isArray(written) ? written : [written];
  if (entries.length === 0) throw new InvalidParameter(`Attribute "${path}" does not have a valid type.`);
  // Settings come from the first definition object, as in Dynamoose; each entry adds a variant.
  const definitions = entries.map((entry) =>
    isDefinitionObject(entry) ? entry : ({ type: entry } as AttributeDefinitionObject),
  );
  const primary = definitions[0]!;
  const prefix = flattenPrefixOf(name, path, definitions, place);
  const nested: NestedCompiler = {
    // A flattened object's sub-attributes are compiled as such: they may have indexes (on stored names).
    shape: (definition, nestedPath) =>
      compileShape(
        definition,
        nestedPath,
        state,
        prefix === undefined ? "nested" : { flattenedPrefix: prefix },
      ),
    element: (definition, elementPath) => compileAttribute("", definition, elementPath, state, "nested"),
    selfReference: (check) => {
      const reference = new SelfReference(check);
      state.selfReferences.push(reference);
      return reference;
    },
    nestedSchema: (schema, nestedPath) => {
      // Under a list element the stored paths carry indexes ("list[0].x"), which no prefix names.
      if (nestedPath.includes("[")) return;
      for (const pattern of schema.unknownPatterns) state.nestedUnknown.push(`${nestedPath}.${pattern}`);
    },
  };
  const variants: Variant[] = [];
  for (const definition of definitions) {
    const types = Array.isArray(definition.type) ? definition.type : [definition.type];
    for (const type of types) variants.push(resolveVariant(type, definition, path, nested));
  }
  if (variants.some((variant) => variant.kind === "combine") && variants.length > 1) {
    throw new InvalidParameter(`Attribute "${path}": a COMBINE attribute cannot have other types.`);
  }

  const isKey = primary.hashKey === true || primary.rangeKey === true;
  const flattenedPrefix = typeof place === "object" ? place.flattenedPrefix : undefined;
  if (flattenedPrefix !== undefined && isKey) {
    throw new InvalidParameter(
      `Attribute "${path}": hashKey and rangeKey inside a flattened object (storage: "flatten") are not ` +
        "supported; make the key a top-level attribute.",
    );
  }
  if (place === "nested" && (isKey || primary.index !== undefined)) {
    throw new InvalidParameter(`Attribute "${path}": keys and indexes must be top-level attributes.`);
  }
  if (primary.hashKey === true && primary.rangeKey === true) {
    throw new InvalidParameter(`Attribute "${path}" cannot be both the hash key and the range key.`);
  }
  for (const role of ["hashKey", "rangeKey"] as const) {
    if (primary[role] !== true) continue;
    if (state.keyAttributes[role] !== undefined) {
      throw new InvalidParameter(
        `Only one attribute may be the ${role} (found "${state.keyAttributes[role]}" and "${path}").`,
      );
    }
    state.keyAttributes[role] = name;
  }
  if (primary.index !== undefined && primary.index !== false) {
    // An index on a flattened sub-attribute is an index on its stored, top-level name.
    state.rawIndexes.push({ attribute: (flattenedPrefix ?? "") + name, definition: primary.index });
  }

  const settings = compileSettings(name, primary, path);
  const own: SubtreeFlags = {
    defaults: settings.hasDefault,
    set: settings.set !== undefined,
    validate: settings.validate !== undefined,
    required: settings.required,
    enum: settings.enum !== undefined,
    get: settings.get !== undefined,
  };
  const variant = variants[0]!;
  const flatten =
    prefix !== undefined && variant.kind === "object" && typeof variant.shape === "object"
      ? { flatten: flattenSpec(prefix, variant.shape) }
      : {};
  return Object.freeze({
    name,
    variants: Object.freeze(variants),
    settings,
    flags: mergeFlags([own, ...variants.map(variantFlags)]),
    ...flatten,
  });
}

function compileShape(
  definition: unknown,
  pathPrefix: string,
  state: CompileState,
  place: Place,
): ObjectShape {
  if (!isPlainObject(definition)) {
    throw new InvalidParameterType(
      pathPrefix === ""
        ? "Schema initialization parameter must be an object."
        : `Attribute "${pathPrefix}": schema must be an object.`,
    );
  }
  const names = Object.keys(definition);
  if (names.length === 0) {
    throw new InvalidParameter(
      pathPrefix === ""
        ? "Schema initialization parameter must not be empty."
        : `Attribute "${pathPrefix}": schema must not be empty.`,
    );
  }
  const attributes = names.map((name) =>
    compileAttribute(
      name,
      definition[name],
      pathPrefix === "" ? name : `${pathPrefix}.${name}`,
      state,
      place,
    ),
  );
  return buildShape(attributes, pathPrefix);
}

/** Indexes attributes by real name and by every alias, rejecting ambiguous names. */
export function buildShape(attributes: readonly CompiledAttribute[], pathPrefix: string): ObjectShape {
  const byName = new Map(attributes.map((attribute) => [attribute.name, attribute]));
  const byInputName = new Map(byName);
  for (const attribute of attributes) {
    for (const alias of attribute.settings.aliases) {
      const at = pathPrefix === "" ? alias : `${pathPrefix}.${alias}`;
      if (byName.has(alias)) throw new InvalidParameter(`Alias "${at}" is also the name of an attribute.`);
      if (byInputName.has(alias)) throw new InvalidParameter(`Alias "${at}" is used by two attributes.`);
      byInputName.set(alias, attribute);
    }
  }
  // Only root shapes can hold flattened attributes (compile rules); absent otherwise, so walks skip it.
  const flattened = flattenedNamesOf(attributes, byInputName);
  return Object.freeze({
    attributes: Object.freeze([...attributes]),
    byName,
    byInputName,
    hasAliases: byInputName.size > byName.size,
    flags: mergeFlags(attributes.map((attribute) => attribute.flags)),
    ...(flattened === undefined ? {} : { flattened }),
  });
}

function timestampAttributes(spec: TimestampSpec, defaultName: string): { attributes: TimestampAttribute[] } {
  if (spec === null || spec === undefined) return { attributes: [] };
  if (typeof spec === "string") return { attributes: [{ name: spec, type: scalarTypeOf(Date)! }] };
  if (Array.isArray(spec))
    return { attributes: spec.map((name: string) => ({ name, type: scalarTypeOf(Date)! })) };
  const attributes: TimestampAttribute[] = [];
  for (const [name, written] of Object.entries(spec as Record<string, unknown>)) {
    const definition = isDefinitionObject(written) ? written : { type: written };
    const type = Array.isArray(definition.type) ? undefined : definition.type;
    if (type === undefined) throw new InvalidType(`Timestamp attribute "${name}" cannot have several types.`);
    const withSettings =
      isPlainObject(type) && "value" in type
        ? (type as { value: unknown; settings?: Record<string, unknown> })
        : undefined;
    const scalar = scalarTypeOf(withSettings ? withSettings.value : type, withSettings?.settings);
    if (!scalar || (scalar.dynamoType !== "N" && scalar.dynamoType !== "S")) {
      throw new InvalidType(`Timestamp attribute "${name}" (${defaultName}) must be a Date or Number type.`);
    }
    attributes.push({ name, type: scalar });
  }
  return { attributes };
}

/** The timestamp attributes as ordinary Date attributes of the root shape (so reads convert them). */
function timestampNode(timestamp: TimestampAttribute): CompiledAttribute {
  return Object.freeze({
    name: timestamp.name,
    variants: [{ kind: "scalar", type: timestamp.type }] as Variant[],
    settings: compileSettings(timestamp.name, { type: Date }, timestamp.name),
    flags: NO_FLAGS,
  });
}

export function compileSchema(definition: unknown, settings: SchemaSettings = {}): CompiledSchema {
  if (!isPlainObject(definition)) {
    throw new InvalidParameterType("Schema initialization parameter must be an object.");
  }
  const state: CompileState = { selfReferences: [], keyAttributes: {}, rawIndexes: [], nestedUnknown: [] };
  const shape = compileShape(definition, "", state, "root");

  const timestamps =
    settings.timestamps === true
      ? { createdAt: "createdAt", updatedAt: "updatedAt" }
      : settings.timestamps === false || settings.timestamps === undefined
        ? {}
        : settings.timestamps;
  const createdAt = timestampAttributes(timestamps.createdAt, "createdAt").attributes;
  const updatedAt = timestampAttributes(timestamps.updatedAt, "updatedAt").attributes;
  const extra: CompiledAttribute[] = [];
  for (const timestamp of [...createdAt, ...updatedAt]) {
    if (shape.byInputName.has(timestamp.name)) {
      throw new InvalidParameter(
        `Timestamp attributes must not be defined in schema ("${timestamp.name}" is).`,
      );
    }
    extra.push(timestampNode(timestamp));
  }
  const version =
    settings.version === true
      ? "version"
      : typeof settings.version === "string"
        ? settings.version
        : undefined;
  if (version !== undefined && !shape.byInputName.has(version)) {
    extra.push(
      Object.freeze({
        name: version,
        variants: [{ kind: "scalar", type: numberType }] as Variant[],
        settings: compileSettings(version, { type: Number }, version),
        flags: NO_FLAGS,
      }),
    );
  }
  const rootShape = extra.length > 0 ? buildShape([...shape.attributes, ...extra], "") : shape;

  const hashKey = state.keyAttributes.hashKey ?? rootShape.attributes[0]!.name;
  const rangeKey = state.keyAttributes.rangeKey;
  for (const key of [hashKey, rangeKey]) {
    if (key === undefined) continue;
    const attribute = rootShape.byName.get(key)!;
    if (attribute.variants.length > 1) {
      throw new InvalidParameter(`Key attribute "${key}" cannot have several types.`);
    }
  }
  const indexes: IndexSpec[] = compileIndexes(state.rawIndexes, hashKey, rootShape);
  for (const name of ["get", "set", "validate"] as const) {
    if (settings[name] !== undefined && typeof settings[name] !== "function") {
      throw new InvalidParameter(`Schema setting "${name}" must be a function.`);
    }
  }

  const { saveUnknown } = settings;
  const ownPatterns = saveUnknown === true ? ["**"] : Array.isArray(saveUnknown) ? saveUnknown : [];
  const unknownPatterns = [...ownPatterns, ...state.nestedUnknown];
  return Object.freeze({
    shape: rootShape,
    hashKey,
    rangeKey,
    indexes,
    createdAt,
    updatedAt,
    combined: rootShape.attributes.filter((attribute) => attribute.variants[0]!.kind === "combine"),
    // `true` keeps everything without matching patterns (nested ones are inside "**").
    keepUnknown: compileUnknownMatcher(saveUnknown === true ? true : unknownPatterns),
    unknownPatterns,
    get: settings.get,
    set: settings.set,
    validate: settings.validate,
    version,
    selfReferences: state.selfReferences,
    hooks: new HookRegistry(),
  });
}

export { referencedModelOf };
