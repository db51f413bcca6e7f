// The rules a schema's key and index key attributes must meet beyond their own definitions, checked once
// the whole schema is compiled (the hash key may be the first attribute, marked by nothing).
import { InvalidParameter } from "../errors";
import type { CompiledAttribute, IndexSpec, ObjectShape } from "./compiled";
import { SelfReference } from "./self-reference";

/** The table key: two distinct attributes, each of one type, a reference only to a hash-key-only model. */
export function checkKeyAttributes(shape: ObjectShape, hashKey: string, rangeKey: string | undefined): void {
  // The first attribute is the hash key when none is marked: DynamoDB refuses it as the range key too.
  if (rangeKey === hashKey) {
    throw new InvalidParameter(
      `Attribute "${rangeKey}" is the range key, and the hash key too: with no attribute marked ` +
        "`hashKey: true`, the first attribute is the hash key. Mark another attribute `hashKey: true`, or move the hash key before it.",
    );
  }
  for (const key of [hashKey, rangeKey]) {
    if (key === undefined) continue;
    const attribute = shape.byName.get(key)!;
    if (attribute.variants.length > 1) {
      throw new InvalidParameter(`Key attribute "${key}" cannot have several types.`);
    }
    checkReferenceKey(attribute.variants[0]!, key);
  }
}

/** An index's key attributes, where the schema declares them, are each of one type (DynamoDB's key types). */
export function checkIndexKeyAttributes(shape: ObjectShape, indexes: readonly IndexSpec[]): void {
  for (const index of indexes) {
    for (const key of [index.hashKey, index.rangeKey]) {
      if (key !== undefined && (shape.byName.get(key)?.variants.length ?? 1) > 1) {
        throw new InvalidParameter(
          `Index key attribute "${key}" (index "${index.name}") cannot have several types.`,
        );
      }
    }
  }
}

/**
 * A reference is a key only as its referenced model's hash key (a string, number or binary): not a
 * reference to a model with a range key (its key is a map), nor `type.THIS` (the key would be itself).
 * Refused here, as Dynamoose refuses them, rather than by every request (or by a stack overflow).
 */
function checkReferenceKey(variant: CompiledAttribute["variants"][number], key: string): void {
  if (variant.kind !== "reference") return;
  if (variant.target instanceof SelfReference) {
    throw new InvalidParameter(
      `Key attribute "${key}" cannot be type.THIS: the key of an item would be its own key. Give it a string, number or binary type.`,
    );
  }
  const target = variant.target.resolve();
  if (target.rangeKey !== undefined) {
    throw new InvalidParameter(
      `Key attribute "${key}" references a model with a range key, whose key is a map: a key must be a string, number or binary.`,
    );
  }
}
