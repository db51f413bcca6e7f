// Compiles a schema definition (SPEC §2) once into the frozen tree of compiled.ts, checking every
// construction rule on the way. Everything a write or read needs later is decided here.
import { InvalidParameter, InvalidParameterType } from "../errors";
import { HookRegistry } from "../hooks/hooks";
import type { SchemaSettings } from "./definition-types";
import type {
  CompiledAttribute,
  CompiledSchema,
  IndexSpec,
  ObjectShape,
  SubtreeFlags,
  Variant,
} from "./compiled";
import { mergeFlags, variantFlags } from "./flags";
import { flattenedNamesOf, flattenPrefixOf, flattenSpec, type Place } from "./flatten";
import { compileIndexes } from "./indexes";
import { checkIndexKeyAttributes, checkKeyAttributes } from "./key-checks";
import { referencedModelOf } from "./links";
import {
  isDefinitionObject,
  isPlainObject,
  resolveVariant,
  writtenTypes,
  type NestedCompiler,
} from "./resolve-type";
import { SelfReference } from "./self-reference";
import { withNamesOfAll } from "./attribute-names";
import { compileSettings, isFlagSet, isKeyOrIndexed, settingsPerVariant } from "./settings";
import { compileTimestamps } from "./timestamps";
import { withoutNullSettings, type GivenDefinition } from "./null-settings";
import { compileUnknownMatcher } from "./unknown-paths";
import { versionAttribute } from "./version-attribute";

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
  // Each entry adds its variants; the first definition's settings are the attribute's (keys, index, default,
  // aliases), and each definition's rules apply to the values of its own variants (settingsPerVariant).
  // A setting given as `null` is not set (null-settings.ts); `type: null` stays, to be refused.
  const definitions = entries.map((entry) =>
    isDefinitionObject(entry) ? withoutNullSettings(entry, "type") : ({ type: entry } as GivenDefinition),
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
  const definitionOf = new Map<Variant, GivenDefinition>();
  for (const definition of definitions) {
    for (const type of writtenTypes(definition.type)) {
      const variant = resolveVariant(type, definition, path, nested);
      variants.push(variant);
      definitionOf.set(variant, definition);
    }
  }
  if (variants.length === 0) {
    // `type: []` lists no type at all.
    throw new InvalidParameter(
      `Attribute "${path}" does not have a valid type (got an empty list of types).`,
    );
  }
  if (variants.some((variant) => variant.kind === "combine") && variants.length > 1) {
    throw new InvalidParameter(`Attribute "${path}": a COMBINE attribute cannot have other types.`);
  }

  const isKey = isFlagSet(primary.hashKey) || isFlagSet(primary.rangeKey);
  const flattenedPrefix = typeof place === "object" ? place.flattenedPrefix : undefined;
  if (flattenedPrefix !== undefined && isKey) {
    throw new InvalidParameter(
      `Attribute "${path}": hashKey and rangeKey inside a flattened object (storage: "flatten") are not ` +
        "supported; make the key a top-level attribute.",
    );
  }
  if (place === "nested" && definitions.some((each) => isKeyOrIndexed(each))) {
    throw new InvalidParameter(`Attribute "${path}": keys and indexes must be top-level attributes.`);
  }
  // Keys and indexes are read from the first definition: one given only on another would be lost.
  if (definitions.slice(1).some((each) => isKeyOrIndexed(each))) {
    throw new InvalidParameter(
      `Attribute "${path}": a key or index belongs on the attribute's first definition (it has ${definitions.length}).`,
    );
  }
  if (isFlagSet(primary.hashKey) && isFlagSet(primary.rangeKey)) {
    throw new InvalidParameter(`Attribute "${path}" cannot be both the hash key and the range key.`);
  }
  for (const role of ["hashKey", "rangeKey"] as const) {
    if (!isFlagSet(primary[role])) continue;
    if (state.keyAttributes[role] !== undefined) {
      throw new InvalidParameter(
        `Only one attribute may be the ${role} (found "${state.keyAttributes[role]}" and "${path}").`,
      );
    }
    state.keyAttributes[role] = name;
  }
  // `index: null` is no index, as in Dynamoose.
  if (primary.index !== undefined && primary.index !== null && primary.index !== false) {
    // An index on a flattened sub-attribute is an index on its stored, top-level name.
    state.rawIndexes.push({ attribute: (flattenedPrefix ?? "") + name, definition: primary.index });
  }

  const settings = compileSettings(
    name,
    definitions.length > 1 ? withNamesOfAll(definitions, path) : primary,
    path,
  );
  const variantSettings =
    definitions.length > 1 ? settingsPerVariant(name, path, settings, definitionOf) : undefined;
  const everySettings = variantSettings === undefined ? [settings] : [...new Set(variantSettings.values())];
  const own: SubtreeFlags = {
    defaults: settings.hasDefault,
    set: everySettings.some((each) => each.set !== undefined),
    validate: everySettings.some((each) => each.validate !== undefined),
    required: everySettings.some((each) => each.required),
    enum: everySettings.some((each) => each.enum !== undefined),
    get: everySettings.some((each) => each.get !== undefined),
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
    ...(variantSettings === undefined ? {} : { variantSettings }),
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
  // A nested `schema: {}` declares no sub-attribute, as `type: Object` without one does (Dynamoose takes it).
  if (names.length === 0 && pathPrefix === "") {
    throw new InvalidParameter("Schema initialization parameter must not be an empty object.");
  }
  // DynamoDB refuses an empty attribute name at the first write.
  if (names.includes("")) {
    throw new InvalidParameter(
      `${pathPrefix === "" ? "The schema" : `Attribute "${pathPrefix}"`}: attribute names must not be empty.`,
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
      // As for attribute names: a dotted name is a document path to update() and where(), so the alias
      // would name one thing when written and another when updated.
      if (alias.includes(".")) throw new InvalidParameter(`Alias "${at}": aliases must not contain dots.`);
      if (byName.has(alias)) throw new InvalidParameter(`Alias "${at}" is also the name of an attribute.`);
      const other = byInputName.get(alias);
      if (other !== undefined) {
        throw new InvalidParameter(
          `Alias "${at}" is used by two attributes ("${other.name}" and "${attribute.name}").`,
        );
      }
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

/** One attribute compiled from its definition, as a schema of it alone would compile it. */
export function compileLoneAttribute(name: string, definition: Record<string, unknown>): CompiledAttribute {
  return compileSchema({ [name]: definition }).shape.byName.get(name)!;
}

export function compileSchema(definition: unknown, given: SchemaSettings = {}): CompiledSchema {
  if (!isPlainObject(definition)) {
    throw new InvalidParameterType("Schema initialization parameter must be an object.");
  }
  const settings = withoutNullSettings(given); // `timestamps: null` and the like are not set
  const state: CompileState = { selfReferences: [], keyAttributes: {}, rawIndexes: [], nestedUnknown: [] };
  const shape = compileShape(definition, "", state, "root");

  // Compiled like the schema's own attributes (same state: a timestamp may be a key or carry an index).
  const {
    createdAt,
    updatedAt,
    attributes: stampAttributes,
  } = compileTimestamps(settings.timestamps, shape, (definitions) =>
    compileShape(definitions, "", state, "root"),
  );
  const extra: CompiledAttribute[] = [...stampAttributes];
  const version = versionAttribute(settings.version, shape, state.keyAttributes);
  if (version?.added !== undefined) extra.push(version.added);
  const rootShape = extra.length > 0 ? buildShape([...shape.attributes, ...extra], "") : shape;

  const hashKey = state.keyAttributes.hashKey ?? rootShape.attributes[0]!.name;
  const rangeKey = state.keyAttributes.rangeKey;
  checkKeyAttributes(rootShape, hashKey, rangeKey);
  const indexes: IndexSpec[] = compileIndexes(state.rawIndexes, hashKey, rootShape);
  checkIndexKeyAttributes(rootShape, indexes);
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
    markedKeys: [state.keyAttributes.hashKey, state.keyAttributes.rangeKey].filter(
      (name): name is string => name !== undefined,
    ),
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
    version: version?.name,
    selfReferences: state.selfReferences,
    hooks: new HookRegistry(),
  });
}

export { referencedModelOf };
