// Attributes a table adds to the schemas of its models: the TTL attribute of `expires` (a Date stored as
// epoch seconds, defaulting to now + ttl, as DynamoDB's TTL wants) and the entity attribute of a shared
// table (the model's name, forced on every write). They are compiled like any schema attribute, so every
// write and read path handles them without knowing about tables.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { buildShape, compileLoneAttribute } from "../schema/compile";
import type { CompiledAttribute, CompiledSchema } from "../schema/compiled";
import { InvalidParameter } from "../errors";
import type { ResolvedExpires, ResolvedTableOptions } from "./options";
import { declaredTtlAttribute, ttlAttribute } from "./ttl-attribute";

/** The schema's attributes with the TTL attribute added, or its declaration made one TTL reads. */
function withTtl(
  schema: CompiledSchema,
  expires: ResolvedExpires,
  modelName: string,
): readonly CompiledAttribute[] {
  const { attributes, byName, byInputName } = schema.shape;
  const declared = byName.get(expires.attribute);
  if (declared !== undefined) {
    const ttl = declaredTtlAttribute(declared, expires, modelName);
    return ttl === declared ? attributes : attributes.map((each) => (each === declared ? ttl : each));
  }
  const aliased = byInputName.get(expires.attribute);
  if (aliased !== undefined) {
    throw new InvalidParameter(
      `Model "${modelName}": "${expires.attribute}" is the table's TTL attribute (expires.attribute) and an ` +
        `alias of attribute "${aliased.name}", so TTL would never see it. Rename one of them.`,
    );
  }
  return [...attributes, ttlAttribute(expires.attribute, expires.ttl)];
}

/**
 * Refuses an entity attribute that cannot hold the model's name: a key of the table (every item of the
 * model would be stored under the one key), the TTL attribute, or an alias of another attribute (the
 * name would be written under the real one, and reads would find none).
 */
function checkEntityAttribute(
  schema: CompiledSchema,
  entity: string,
  expires: ResolvedExpires | undefined,
  modelName: string,
): void {
  const refuse = (why: string) =>
    new InvalidParameter(
      `Model "${modelName}": the table's entityAttribute "${entity}" ${why}, so it cannot hold the ` +
        `model's name. Choose another name.`,
    );
  if (entity === schema.hashKey) throw refuse("is the hash key");
  if (entity === schema.rangeKey) throw refuse("is the range key");
  if (entity === expires?.attribute) throw refuse("is the TTL attribute (expires.attribute)");
  const aliased = schema.shape.byInputName.get(entity);
  if (aliased !== undefined && aliased.name !== entity) {
    throw refuse(`is an alias of attribute "${aliased.name}"`);
  }
}

/**
 * The model's schemas with the table's extra attributes. An entity attribute the schema already defines
 * is left as the schema says; a declared TTL attribute must be a Date or Number (ttl-attribute.ts).
 */
export function withTableAttributes(
  schemas: readonly CompiledSchema[],
  options: Pick<ResolvedTableOptions, "expires" | "entityAttribute">,
  modelName: string,
): readonly CompiledSchema[] {
  const { expires, entityAttribute: entity } = options;
  if (expires === undefined && entity === undefined) return schemas;
  const entityAttribute =
    entity === undefined
      ? undefined
      : compileLoneAttribute(entity, { type: String, default: modelName, forceDefault: true });
  return schemas.map((schema) => {
    if (entity !== undefined) checkEntityAttribute(schema, entity, expires, modelName);
    let attributes = expires === undefined ? schema.shape.attributes : withTtl(schema, expires, modelName);
    if (entityAttribute !== undefined && !schema.shape.byInputName.has(entityAttribute.name)) {
      attributes = [...attributes, entityAttribute];
    } else if (entityAttribute !== undefined && schema.shape.byName.has(entityAttribute.name)) {
      // The entity attribute always holds the model's name, even where the schema declares it (for its
      // item type, say): otherwise its items would carry no name and reads could not resolve them.
      attributes = attributes.map((each) => (each.name === entityAttribute.name ? entityAttribute : each));
    }
    if (attributes === schema.shape.attributes && entity === undefined) return schema;
    const shape = attributes === schema.shape.attributes ? schema.shape : buildShape(attributes, "");
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
