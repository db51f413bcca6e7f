// Compiles one attribute's settings (default, validate, aliases, …) into their run-time form.
import { InvalidParameter } from "../errors";
import type { AttributeDefinitionObject } from "./definition-types";
import type { AttributeSettings } from "./compiled";

function names(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === "string" ? [value] : [...value];
}

function compileValidator(validate: unknown): AttributeSettings["validate"] {
  if (validate === undefined) return undefined;
  if (typeof validate === "function") {
    return { check: validate as (value: unknown) => unknown, describe: "failed its validate rule" };
  }
  if (validate instanceof RegExp) {
    return {
      check: (value) => typeof value === "string" && validate.test(value),
      describe: `must match ${String(validate)}`,
    };
  }
  return { check: (value) => value === validate, describe: `must equal ${JSON.stringify(validate)}` };
}

export function compileSettings(
  name: string,
  definition: AttributeDefinitionObject,
  path: string,
): AttributeSettings {
  const aliasSources = (["map", "alias", "aliases"] as const).filter((key) => definition[key] !== undefined);
  if (aliasSources.length > 1) {
    throw new InvalidParameter(`Attribute "${path}": only one of map, alias and aliases may be given.`);
  }
  const aliases = names(aliasSources[0] === undefined ? undefined : definition[aliasSources[0]]);
  if (definition.defaultMap !== undefined && definition.defaultAlias !== undefined) {
    throw new InvalidParameter(`Attribute "${path}": only one of defaultMap and defaultAlias may be given.`);
  }
  const defaultAlias = definition.defaultMap ?? definition.defaultAlias;
  if (defaultAlias !== undefined && defaultAlias !== name && !aliases.includes(defaultAlias)) {
    throw new InvalidParameter(
      `Attribute "${path}": defaultMap "${defaultAlias}" must be one of its aliases or the attribute name.`,
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
    hasDefault: definition.default !== undefined,
    default: definition.default,
    forceDefault: definition.forceDefault === true,
    required: definition.required === true,
    enum: definition.enum,
    validate: compileValidator(definition.validate),
    get: definition.get,
    set: definition.set,
    aliases,
    outputName: defaultAlias ?? aliases[0] ?? name,
  });
}
