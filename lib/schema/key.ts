// Key arguments (SPEC §3): a bare hash value or an object holding the hash (and range) key, by real
// name or alias. Values are type-checked (a number for a String key is a TypeMismatch, not a silent
// N), converted by type (Dates work) and passed through the attribute's `set`.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { InvalidParameter, TypeMismatch } from "../errors";
import type { CompiledAttribute, CompiledSchema } from "./compiled";
import { isThenable } from "./normalize";
import { variantFor } from "./to-dynamo";
import { NO_MATCH } from "./types/handler";

function isKeyObject(key: unknown): key is Record<string, unknown> {
  return typeof key === "object" && key !== null && !(key instanceof Date) && !(key instanceof Uint8Array);
}

function keyPart(attribute: CompiledAttribute, source: Record<string, unknown>): unknown {
  if (source[attribute.name] !== undefined) return source[attribute.name];
  for (const alias of attribute.settings.aliases) if (source[alias] !== undefined) return source[alias];
  return undefined;
}

function convertKeyValue(
  attribute: CompiledAttribute,
  value: unknown,
): AttributeValue | Promise<AttributeValue> {
  const variant = variantFor(attribute, value);
  if (variant.kind !== "scalar")
    throw new InvalidParameter(`Key attribute "${attribute.name}" must have a scalar type.`);
  const normalized = variant.type.normalize(value);
  if (normalized === NO_MATCH) throw new TypeMismatch(attribute.name, `of type ${variant.type.name}`, value);
  const setter = attribute.settings.set;
  if (!setter) return variant.type.toDynamo(normalized);
  const finish = (result: unknown): AttributeValue => {
    const checked = variant.type.normalize(result);
    if (checked === NO_MATCH) throw new TypeMismatch(attribute.name, `of type ${variant.type.name}`, result);
    return variant.type.toDynamo(checked);
  };
  const result = setter(normalized, undefined);
  return isThenable(result) ? Promise.resolve(result).then(finish) : finish(result);
}

/** The key as AttributeValues. Synchronous unless a key attribute's `set` is asynchronous. */
export function keyToDynamo(
  schema: CompiledSchema,
  key: unknown,
): Record<string, AttributeValue> | Promise<Record<string, AttributeValue>> {
  const hashAttribute = schema.shape.byName.get(schema.hashKey)!;
  const rangeAttribute =
    schema.rangeKey === undefined ? undefined : schema.shape.byName.get(schema.rangeKey)!;
  const source = isKeyObject(key) ? key : undefined;
  const hashValue = source ? keyPart(hashAttribute, source) : key;
  if (hashValue === undefined || hashValue === null) {
    throw new InvalidParameter(
      `The key must include the hash key "${schema.hashKey}" (got ${describeKey(key)}).`,
    );
  }
  const parts: [string, AttributeValue | Promise<AttributeValue>][] = [
    [schema.hashKey, convertKeyValue(hashAttribute, hashValue)],
  ];
  if (rangeAttribute) {
    const rangeValue = source ? keyPart(rangeAttribute, source) : undefined;
    if (rangeValue === undefined || rangeValue === null) {
      throw new InvalidParameter(
        `The key must include the range key "${schema.rangeKey}" (got ${describeKey(key)}).`,
      );
    }
    parts.push([schema.rangeKey!, convertKeyValue(rangeAttribute, rangeValue)]);
  }
  if (!parts.some(([, value]) => isThenable(value))) {
    return Object.fromEntries(parts) as Record<string, AttributeValue>;
  }
  return Promise.all(parts.map(([, value]) => value)).then((values) =>
    Object.fromEntries(parts.map(([name], index) => [name, values[index]!])),
  );
}

function describeKey(key: unknown): string {
  try {
    return JSON.stringify(key) ?? String(key);
  } catch {
    return String(key);
  }
}
