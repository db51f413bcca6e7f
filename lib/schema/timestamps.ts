// The timestamp attributes of a schema's `timestamps` setting (SPEC §2): their names and storage, and the
// attribute nodes that make reads convert them like any Date attribute.
import { InvalidType } from "../errors";
import type { CompiledAttribute, TimestampAttribute, Variant } from "./compiled";
import type { TimestampSpec } from "./definition-types";
import { NO_FLAGS } from "./flags";
import { isDefinitionObject, isPlainObject, scalarTypeOf } from "./resolve-type";
import { compileSettings } from "./settings";

export function timestampAttributes(
  spec: TimestampSpec,
  defaultName: string,
): { attributes: TimestampAttribute[] } {
  // As in Mongoose, `false` leaves this timestamp out and `true` names it after its kind.
  if (spec === null || spec === undefined || spec === false) return { attributes: [] };
  if (spec === true) return { attributes: [{ name: defaultName, type: scalarTypeOf(Date)! }] };
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
export function timestampNode(timestamp: TimestampAttribute): CompiledAttribute {
  return Object.freeze({
    name: timestamp.name,
    variants: [{ kind: "scalar", type: timestamp.type }] as Variant[],
    settings: compileSettings(timestamp.name, { type: Date }, timestamp.name),
    flags: NO_FLAGS,
  });
}
