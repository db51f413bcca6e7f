// A model reference as a Set member (`{type: Set, schema: [Model]}`): stored as the referenced item's
// hash key, so the set is an SS/NS/BS of the target's hash key type. Written as a ScalarType so every
// consumer of Set elements (write, read, $ADD/$DELETE, `contains`) handles it without a special case.
// The target is resolved lazily: a type.THIS target only exists once its schema belongs to a model.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { InvalidParameter } from "../../errors";
import type { ReferenceTarget, ReferencedModel } from "../compiled";
import { NO_MATCH, type DynamoTypeName, type ScalarType } from "./handler";

function isKeyObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Throws unless items of `model` can be Set members: only a hash key (a set holds single values) of a
 * type DynamoDB can put in a set.
 */
export function checkSetMemberTarget(model: ReferencedModel, path: string): void {
  if (model.rangeKey !== undefined) {
    throw new InvalidParameter(
      `Attribute "${path}": a Set cannot hold references to ${model.name}, whose key has a range key ` +
        `("${model.rangeKey}"); use {type: Array, schema: [${model.name}]} instead.`,
    );
  }
  if (model.hashType.setType === undefined) {
    throw new InvalidParameter(
      `Attribute "${path}": a Set cannot hold references to ${model.name}: its hash key type ` +
        `(${model.hashType.name}) cannot be a set member.`,
    );
  }
}

const targets = new WeakMap<ScalarType, ReferenceTarget>();

/** The model a Set element type references, or undefined for an ordinary element type. */
export function referenceTargetOf(element: ScalarType): ReferenceTarget | undefined {
  return targets.get(element);
}

/** The Set element type for references to `target`. */
export function referenceMemberType(target: ReferenceTarget): ScalarType {
  const type = memberType(target);
  targets.set(type, target);
  return type;
}

function memberType(target: ReferenceTarget): ScalarType {
  let resolved: { model: ReferencedModel; hash: ScalarType } | undefined;
  const resolve = () => {
    if (!resolved) {
      const model = target.resolve();
      resolved = { model, hash: model.hashType };
    }
    return resolved;
  };
  const isItemOrKey = (value: unknown): value is Record<string, unknown> =>
    resolve().model.isItem(value) || isKeyObject(value);
  /** The normalised hash value a member stands for: an item, a `{hashKey: value}` object or the value. */
  const hashOf = (value: unknown): unknown => {
    const { model, hash } = resolve();
    return hash.normalize(isItemOrKey(value) ? model.hashOf(value) : value);
  };
  return {
    get name(): string {
      try {
        return `model ${resolve().model.name}`;
      } catch {
        return "model reference";
      }
    },
    get dynamoType(): DynamoTypeName {
      return resolve().hash.dynamoType;
    },
    get setType() {
      return resolve().hash.setType;
    },
    // An item or key object stays as given (like a single reference); a bare value is normalised.
    normalize: (value) => {
      const normalized = hashOf(value);
      if (normalized === NO_MATCH) return NO_MATCH;
      return isItemOrKey(value) ? value : normalized;
    },
    toDynamo: (value) => resolve().hash.toDynamo(hashOf(value)),
    toSetMember: (value) => resolve().hash.toSetMember!(hashOf(value)),
    fromDynamo: (value: AttributeValue) => resolve().hash.fromDynamo(value),
    fromSetMember: (member) => resolve().hash.fromSetMember!(member),
  };
}
