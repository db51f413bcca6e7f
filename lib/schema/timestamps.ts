// The timestamp attributes of a schema's `timestamps` setting (SPEC §2): their names and definitions. A
// mini schema (`{created_at: {type: {value: Date, settings: {storage: "iso"}}, index: …}}`) is an attribute
// definition like any other, as in Dynamoose: compile.ts compiles it with the schema's own attributes, so
// its storage, alias, index and key settings apply.
import { InvalidParameter, InvalidType } from "../errors";
import type { CompiledAttribute, ObjectShape, TimestampAttribute, Variant } from "./compiled";
import type { SchemaSettings, TimestampSpec } from "./definition-types";
import type { WithoutNullSettings } from "./null-settings";
import { isDefinitionObject, isPlainObject, scalarTypeOf } from "./resolve-type";

/** A timestamp attribute before compilation: its name and its definition. */
export interface TimestampDefinition {
  readonly name: string;
  readonly definition: unknown;
}

function timestampDefinitions(spec: TimestampSpec, defaultName: string): TimestampDefinition[] {
  // As in Mongoose, `false` leaves this timestamp out and `true` names it after its kind.
  if (spec === null || spec === undefined || spec === false) return [];
  if (spec === true) return [{ name: defaultName, definition: Date }];
  if (typeof spec === "string") return [{ name: spec, definition: Date }];
  if (Array.isArray(spec)) return spec.map((name: string) => ({ name, definition: Date }));
  const definitions: TimestampDefinition[] = [];
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
    definitions.push({ name, definition: written });
  }
  return definitions;
}

/**
 * The schema's timestamp attributes, compiled by `compile` (compile.ts's own attribute compiler, so keys and
 * indexes register with the schema's) after checking that `declared`, the schema's own shape, has none of
 * their names.
 */
export function compileTimestamps(
  setting: WithoutNullSettings<SchemaSettings>["timestamps"],
  declared: ObjectShape,
  compile: (definitions: Record<string, unknown>) => ObjectShape,
): {
  createdAt: TimestampAttribute[];
  updatedAt: TimestampAttribute[];
  attributes: readonly CompiledAttribute[];
} {
  const timestamps =
    setting === true
      ? { createdAt: "createdAt", updatedAt: "updatedAt" }
      : setting === false || setting === undefined
        ? {}
        : setting;
  const created = timestampDefinitions(timestamps.createdAt, "createdAt");
  const updated = timestampDefinitions(timestamps.updatedAt, "updatedAt");
  const definitions: Record<string, unknown> = {};
  for (const timestamp of [...created, ...updated]) {
    if (declared.byInputName.has(timestamp.name)) {
      throw new InvalidParameter(
        `Timestamp attributes must not be defined in schema ("${timestamp.name}" is).`,
      );
    }
    definitions[timestamp.name] ??= timestamp.definition;
  }
  if (Object.keys(definitions).length === 0) return { createdAt: [], updatedAt: [], attributes: [] };
  const shape = compile(definitions);
  const compiled = (timestamp: TimestampDefinition): TimestampAttribute => {
    const variant = shape.byName.get(timestamp.name)!.variants[0] as Extract<Variant, { kind: "scalar" }>;
    return { name: timestamp.name, type: variant.type };
  };
  return { createdAt: created.map(compiled), updatedAt: updated.map(compiled), attributes: shape.attributes };
}
