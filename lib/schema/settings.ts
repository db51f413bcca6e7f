// Settings, checked and compiled: a schema's settings (`new Schema(definition, settings)`) are checked
// before anything is compiled, so a bad one is an InvalidParameter naming the setting and its value; one
// attribute's settings (default, validate, aliases, …) are compiled into their run-time form.
import { describeValue, InvalidParameter } from "../errors";
import type { SchemaSettings } from "./definition-types";
import type { AttributeSettings, Variant } from "./compiled";
import { aliasesOf, withoutNames } from "./attribute-names";
import { withoutNullSettings, type GivenDefinition } from "./null-settings";

/** Every schema setting there is: anything else is a typo, reported rather than ignored. */
const SCHEMA_SETTINGS = [
  "timestamps",
  "saveUnknown",
  "get",
  "set",
  "validate",
  "version",
] as const satisfies readonly (keyof SchemaSettings)[];
// A setting added to SchemaSettings but not to the list above fails to compile here.
const everySettingListed: Exclude<keyof SchemaSettings, (typeof SCHEMA_SETTINGS)[number]> extends never
  ? true
  : false = true;
void everySettingListed;
const TIMESTAMP_KINDS = ["createdAt", "updatedAt"] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function invalidSetting(name: string, wanted: string, value: unknown): InvalidParameter {
  return new InvalidParameter(`Schema setting "${name}" must be ${wanted} (got ${describeValue(value)}).`);
}

/** An attribute name a setting may introduce: not empty, no dots (as for names in a definition). */
function isAttributeName(value: unknown): value is string {
  return typeof value === "string" && value !== "" && !value.includes(".");
}

/** The attribute names one `createdAt`/`updatedAt` entry introduces; throws for a malformed entry. */
function timestampNames(kind: string, spec: unknown): string[] {
  const setting = `timestamps.${kind}`;
  const wanted = "an attribute name, an array of names, true, false, null, or a {name: definition} object";
  if (spec === undefined || spec === null || spec === false) return [];
  if (spec === true) return [kind];
  if (isAttributeName(spec)) return [spec];
  if (Array.isArray(spec)) {
    if (!spec.every(isAttributeName)) throw invalidSetting(setting, wanted, spec);
    return spec;
  }
  if (isRecord(spec)) {
    const names = Object.keys(spec);
    if (names.length === 0 || !names.every(isAttributeName)) throw invalidSetting(setting, wanted, spec);
    return names; // the definitions themselves are checked when the schema is compiled
  }
  throw invalidSetting(setting, wanted, spec);
}

function checkTimestamps(timestamps: unknown): string[] {
  if (timestamps === undefined || timestamps === false) return [];
  if (timestamps === true) return ["createdAt", "updatedAt"];
  if (!isRecord(timestamps)) {
    throw invalidSetting("timestamps", "true, false or {createdAt?, updatedAt?}", timestamps);
  }
  for (const key of Object.keys(timestamps)) {
    if (!(TIMESTAMP_KINDS as readonly string[]).includes(key)) {
      throw new InvalidParameter(
        `Schema setting "timestamps" has an unknown key "${key}": only createdAt and updatedAt are allowed.`,
      );
    }
  }
  const names = TIMESTAMP_KINDS.flatMap((kind) => timestampNames(kind, timestamps[kind]));
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined) {
    throw new InvalidParameter(`Schema setting "timestamps" names the attribute "${repeated}" twice.`);
  }
  return names;
}

/**
 * Checks the settings of `new Schema(definition, settings)` before anything is compiled: an unknown
 * setting, or a known one with a value of the wrong kind, is an InvalidParameter that names the setting
 * and the value (rather than a TypeError from deep inside, or silence).
 *
 * @example
 * ```ts
 * checkSchemaSettings({ timestamps: true, saveUnknown: ["meta.*"] }); // fine
 * checkSchemaSettings({ saveUnknown: 5 }); // InvalidParameter: Schema setting "saveUnknown" must be …
 * ```
 */
export function checkSchemaSettings(given: unknown): void {
  if (given === undefined) return;
  if (!isRecord(given)) {
    throw new InvalidParameter(`Schema settings must be an object (got ${describeValue(given)}).`);
  }
  // A misspelt name is refused whatever its value, `null` too.
  for (const key of Object.keys(given)) {
    if (!(SCHEMA_SETTINGS as readonly string[]).includes(key)) {
      throw new InvalidParameter(
        `Unknown schema setting "${key}": the settings are ${SCHEMA_SETTINGS.join(", ")}.`,
      );
    }
  }
  // A known setting given as `null` is not set (null-settings.ts), as compileSchema reads it.
  const settings = withoutNullSettings(given);
  const { saveUnknown, version } = settings;
  if (
    saveUnknown !== undefined &&
    typeof saveUnknown !== "boolean" &&
    !(
      Array.isArray(saveUnknown) &&
      saveUnknown.every((path) => typeof path === "string" && path.split(".").every((part) => part !== ""))
    )
  ) {
    throw invalidSetting("saveUnknown", "true, false or an array of dotted attribute paths", saveUnknown);
  }
  const timestampAttributes = checkTimestamps(settings.timestamps);
  if (version !== undefined && typeof version !== "boolean" && !isAttributeName(version)) {
    throw invalidSetting("version", "true, false or an attribute name", version);
  }
  const versionName = version === true ? "version" : version;
  if (typeof versionName === "string" && timestampAttributes.includes(versionName)) {
    throw new InvalidParameter(`Schema setting "version" names "${versionName}", which is also a timestamp.`);
  }
  for (const name of ["get", "set", "validate"] as const) {
    if (settings[name] !== undefined && typeof settings[name] !== "function") {
      throw invalidSetting(name, "a function", settings[name]);
    }
  }
}

/**
 * A true/false attribute setting (`hashKey`, `rangeKey`, `required`, `forceDefault`), read as Dynamoose reads
 * it: any truthy value sets it (`required: 1`), and `required: [true]` is a list read by its members. So a
 * Dynamoose schema keeps its keys and rules rather than losing them to a strict `=== true`.
 */
export function isFlagSet(value: unknown): boolean {
  return Array.isArray(value) ? value.some(Boolean) : Boolean(value);
}

/** A definition marking its attribute as a key or giving it an index. */
export function isKeyOrIndexed(definition: GivenDefinition): boolean {
  return (
    isFlagSet(definition.hashKey) ||
    isFlagSet(definition.rangeKey) ||
    (definition.index !== undefined && definition.index !== null && definition.index !== false)
  );
}

/** An attribute's `validate` setting (a predicate, a RegExp or an exact value) as a check with its description. */
function compileValidator(validate: unknown): AttributeSettings["validate"] {
  // A falsy validator (`false`, `0`, `""`) is no validator, as Dynamoose reads it (`if (validator)`): as an
  // exact-match value, `validate: false` would refuse every value of a schema written for Dynamoose.
  if (!validate) return undefined;
  if (typeof validate === "function") {
    return { check: validate as (value: unknown) => unknown, describe: "failed its validate rule" };
  }
  if (validate instanceof RegExp) {
    // A copy without the g and y flags: with them, test() resumes at lastIndex, so every other save of
    // the same value would fail (Dynamoose's own example is /ID_.+/gu).
    const pattern = new RegExp(validate.source, validate.flags.replace(/[gy]/g, ""));
    return {
      check: (value) => typeof value === "string" && pattern.test(value),
      describe: `must match ${String(validate)}`,
    };
  }
  return { check: (value) => value === validate, describe: `must equal ${describeValue(validate)}` };
}

export function compileSettings(name: string, definition: GivenDefinition, path: string): AttributeSettings {
  const aliases = aliasesOf(definition, path);
  const defaultAlias = definition.defaultMap ?? definition.defaultAlias;
  if (defaultAlias !== undefined && defaultAlias !== name && !aliases.includes(defaultAlias)) {
    const setting = definition.defaultMap !== undefined ? "defaultMap" : "defaultAlias";
    throw new InvalidParameter(
      `Attribute "${path}": ${setting} ${describeValue(defaultAlias)} must be one of its aliases or the attribute name.`,
    );
  }
  if (definition.enum !== undefined && !Array.isArray(definition.enum)) {
    throw new InvalidParameter(`Attribute "${path}": enum must be an array.`);
  }
  for (const key of ["get", "set"] as const) {
    if (definition[key] !== undefined && typeof definition[key] !== "function") {
      throw new InvalidParameter(`Attribute "${path}": ${key} must be a function.`);
    }
  }
  return Object.freeze({
    hasDefault: definition.default != null, // `default: null` is no default, as in Dynamoose
    default: definition.default,
    forceDefault: isFlagSet(definition.forceDefault),
    required: isFlagSet(definition.required),
    enum: definition.enum,
    validate: compileValidator(definition.validate),
    get: definition.get,
    set: definition.set,
    aliases,
    outputName: defaultAlias ?? aliases[0] ?? name,
  });
}

/**
 * Each definition's own rules for the variants it wrote; what belongs to the attribute as a whole (its
 * default, as Dynamoose takes the first definition's, and its aliases) comes from the first.
 */
export function settingsPerVariant(
  name: string,
  path: string,
  primary: AttributeSettings,
  definitionOf: ReadonlyMap<Variant, GivenDefinition>,
): ReadonlyMap<Variant, AttributeSettings> {
  const byDefinition = new Map<GivenDefinition, AttributeSettings>();
  const result = new Map<Variant, AttributeSettings>();
  for (const [variant, definition] of definitionOf) {
    let settings = byDefinition.get(definition);
    if (settings === undefined) {
      // A later definition's names are already the attribute's (withNamesOfAll): only its rules count.
      const own = compileSettings(
        name,
        byDefinition.size === 0 ? definition : withoutNames(definition),
        path,
      );
      settings =
        byDefinition.size === 0
          ? primary
          : Object.freeze({
              ...own,
              hasDefault: primary.hasDefault,
              default: primary.default,
              forceDefault: primary.forceDefault,
              aliases: primary.aliases,
              outputName: primary.outputName,
            });
      byDefinition.set(definition, settings);
    }
    result.set(variant, settings);
  }
  return result;
}
