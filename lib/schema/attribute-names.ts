// The names an attribute is known by (`map`/`alias`/`aliases`, `defaultMap`/`defaultAlias`): checked per
// definition, and for an attribute of several definitions gathered from all of them, as Dynamoose does.
import { describeValue, InvalidParameter } from "../errors";
import type { GivenDefinition } from "./null-settings";

function names(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? [...(value as readonly string[])] : [value as string];
}

/** The aliases one definition gives (`map`, `alias` or `aliases`: one of them), checked. */
export function aliasesOf(definition: GivenDefinition, path: string): string[] {
  const aliasSources = (["map", "alias", "aliases"] as const).filter((key) => definition[key] !== undefined);
  if (aliasSources.length > 1) {
    throw new InvalidParameter(`Attribute "${path}": only one of map, alias and aliases may be given.`);
  }
  const aliasSource = aliasSources[0];
  const aliases = names(aliasSource === undefined ? undefined : definition[aliasSource]);
  if (aliases.some((alias) => typeof alias !== "string" || alias === "")) {
    throw new InvalidParameter(
      `Attribute "${path}": ${aliasSource} must be a name or an array of names (got ${describeValue(definition[aliasSource!])}).`,
    );
  }
  if (definition.defaultMap !== undefined && definition.defaultAlias !== undefined) {
    throw new InvalidParameter(`Attribute "${path}": only one of defaultMap and defaultAlias may be given.`);
  }
  return aliases;
}

/**
 * The first of several definitions of one attribute, holding the names of all of them, as Dynamoose reads
 * them: every definition's aliases (in order, once each) and one `defaultMap`/`defaultAlias`, given on any
 * of them (two different ones are refused, as Dynamoose refuses a second). Names belong to the attribute,
 * not to one of its types.
 */
export function withNamesOfAll(definitions: readonly GivenDefinition[], path: string): GivenDefinition {
  const aliases: string[] = [];
  let named: { key: "defaultMap" | "defaultAlias"; name: string } | undefined;
  for (const definition of definitions) {
    for (const alias of aliasesOf(definition, path)) if (!aliases.includes(alias)) aliases.push(alias);
    const key = definition.defaultMap !== undefined ? "defaultMap" : "defaultAlias";
    const name = definition[key];
    if (name === undefined) continue;
    if (named !== undefined && named.name !== name) {
      throw new InvalidParameter(
        `Attribute "${path}": its types give different default names (${describeValue(named.name)} and ${describeValue(name)}); ` +
          `only one defaultMap or defaultAlias can be specified per attribute.`,
      );
    }
    named ??= { key, name };
  }
  return {
    ...withoutNames(definitions[0]!),
    ...(aliases.length > 0 ? { aliases } : {}),
    ...(named === undefined ? {} : { [named.key]: named.name }),
  };
}

/** A definition's own settings, its names left out (for several definitions, the names are gathered apart). */
export function withoutNames(definition: GivenDefinition): GivenDefinition {
  const {
    map: _map,
    alias: _alias,
    aliases: _aliases,
    defaultMap: _dm,
    defaultAlias: _da,
    ...rest
  } = definition;
  return rest;
}
