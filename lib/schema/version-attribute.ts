// The optimistic-locking attribute (schema setting `version`, SPEC §11): its name, and the attribute the
// schema gains when it does not declare one itself.
import { InvalidParameter } from "../errors";
import type { CompiledAttribute, ObjectShape, Variant } from "./compiled";
import { NO_FLAGS } from "./flags";
import { compileSettings } from "./settings";
import { numberType } from "./types/number";

export interface VersionAttribute {
  readonly name: string;
  /** The attribute to add to the schema, when it does not declare the version itself. */
  readonly added: CompiledAttribute | undefined;
}

/** The version setting (`true` → "version", a name, or off) checked against the schema's own attributes. */
export function versionAttribute(
  setting: boolean | string | undefined,
  shape: ObjectShape,
  keys: { readonly hashKey?: string; readonly rangeKey?: string },
): VersionAttribute | undefined {
  const name = setting === true ? "version" : typeof setting === "string" ? setting : undefined;
  if (name === undefined) return undefined;
  checkVersionName(shape, name);
  const declared = shape.byName.get(name);
  if (declared !== undefined) {
    checkDeclaredVersion(declared, [keys.hashKey ?? shape.attributes[0]?.name, keys.rangeKey]);
    return { name, added: undefined };
  }
  const added: CompiledAttribute = Object.freeze({
    name,
    variants: [{ kind: "scalar", type: numberType }] as Variant[],
    settings: compileSettings(name, { type: Number }, name),
    flags: NO_FLAGS,
  });
  return { name, added };
}

/**
 * A version attribute the schema declares itself must be what optimistic locking stores: one plain Number.
 * A setting that changes the value on its way in or out (`set`, `get`, `default`…) would make the version a
 * save requires differ from the stored one, and an alias would hold a second, stale copy of it.
 */
function checkDeclaredVersion(attribute: CompiledAttribute, keyNames: readonly (string | undefined)[]): void {
  const variant = attribute.variants[0]!;
  if (attribute.variants.length > 1 || variant.kind !== "scalar" || variant.type.name !== "number") {
    throw new InvalidParameter(
      `The version attribute "${attribute.name}" must be of type Number: optimistic locking stores 1, 2, 3… in it.`,
    );
  }
  const { settings } = attribute;
  const extras = [
    keyNames.includes(attribute.name) && "a key role",
    settings.aliases.length > 0 && "alias",
    settings.required && "required",
    settings.hasDefault && "default",
    settings.forceDefault && "forceDefault",
    settings.set !== undefined && "set",
    settings.get !== undefined && "get",
    settings.validate !== undefined && "validate",
    settings.enum !== undefined && "enum",
  ].filter((name): name is string => name !== false);
  if (extras.length > 0) {
    throw new InvalidParameter(
      `The version attribute "${attribute.name}" must be a plain Number, without ${extras.join(", ")}: ` +
        "optimistic locking alone writes it (1, 2, 3…).",
    );
  }
}

/** The version's name may not be another attribute's alias: reads would put that attribute's value there. */
function checkVersionName(shape: ObjectShape, version: string): void {
  const owner = shape.byInputName.get(version);
  if (owner !== undefined && owner.name !== version) {
    throw new InvalidParameter(
      `The version attribute "${version}" is also an alias of "${owner.name}": choose another version name or alias.`,
    );
  }
}
