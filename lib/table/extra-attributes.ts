// Attributes a table adds to the schemas of its models: the TTL attribute of `expires` (a Date stored as
// epoch seconds, defaulting to now + ttl, as DynamoDB's TTL wants) and the entity attribute of a shared
// table (the model's name, forced on every write). They are compiled like any schema attribute, so every
// write and read path handles them without knowing about tables.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { buildShape, compileSchema } from "../schema/compile";
import type { CompiledAttribute, CompiledSchema } from "../schema/compiled";
import type { ResolvedTableOptions } from "./options";

function compileAttribute(name: string, definition: Record<string, unknown>): CompiledAttribute {
  return compileSchema({ [name]: definition }).shape.byName.get(name)!;
}

function ttlAttribute(name: string, ttl: number | undefined): CompiledAttribute {
  const definition: Record<string, unknown> = { type: { value: Date, settings: { storage: "seconds" } } };
  if (ttl !== undefined) definition.default = () => new Date(Date.now() + ttl);
  return compileAttribute(name, definition);
}

/**
 * The model's schemas with the table's extra attributes. An attribute the schema already defines is
 * left as the schema says.
 */
export function withTableAttributes(
  schemas: readonly CompiledSchema[],
  options: Pick<ResolvedTableOptions, "expires" | "entityAttribute">,
  modelName: string,
): readonly CompiledSchema[] {
  const extra: CompiledAttribute[] = [];
  if (options.expires) extra.push(ttlAttribute(options.expires.attribute, options.expires.ttl));
  if (options.entityAttribute !== undefined) {
    extra.push(
      compileAttribute(options.entityAttribute, { type: String, default: modelName, forceDefault: true }),
    );
  }
  if (extra.length === 0) return schemas;
  const entity = options.entityAttribute;
  return schemas.map((schema) => {
    const missing = extra.filter((attribute) => !schema.shape.byInputName.has(attribute.name));
    // The entity attribute always holds the model's name, even where the schema declares it (for its
    // item type, say): otherwise its items would carry no name and reads could not resolve them.
    const declaredEntity = entity !== undefined && schema.shape.byName.has(entity);
    if (missing.length === 0 && entity === undefined) return schema;
    const own = declaredEntity
      ? schema.shape.attributes.filter((attribute) => attribute.name !== entity)
      : schema.shape.attributes;
    const added = declaredEntity ? extra.filter((attribute) => attribute.name === entity) : [];
    const shape =
      missing.length === 0 && !declaredEntity ? schema.shape : buildShape([...own, ...added, ...missing], "");
    return Object.freeze({ ...schema, shape, entityAttribute: entity });
  });
}

/** Whether a stored item's TTL (epoch seconds) has passed. Items without one never expire. */
export function isExpiredImage(
  image: Record<string, AttributeValue>,
  attribute: string,
  now = Date.now(),
): boolean {
  const value = image[attribute]?.N;
  return value !== undefined && Number(value) * 1000 <= now;
}
