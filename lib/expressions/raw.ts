/**
 * Raw conditions: a hand-written `ConditionExpression` or `FilterExpression` with its own placeholders,
 * accepted wherever a condition is.
 *
 * @example
 * ```ts
 * const raw = {
 *   ConditionExpression: "#s = :s",
 *   ExpressionAttributeNames: { "#s": "status" },
 *   ExpressionAttributeValues: { ":s": "active" },
 * };
 * isRawCondition(raw); // true
 * ```
 */
import { describeValue, InvalidParameter } from "../errors";
import { rawNode, type RawNode } from "./ast";
import { isPlainObject } from "./is-plain-object";

interface RawConditionMaps {
  readonly ExpressionAttributeNames?: Readonly<Record<string, string>>;
  /** AttributeValues (`{S: "x"}`) or plain values, which are converted without a schema. */
  readonly ExpressionAttributeValues?: Readonly<Record<string, unknown>>;
}

/**
 * A hand-written condition. Either expression key is accepted for any operation (Dynamoose only accepted
 * the one matching the operation); giving both with different text is an error.
 */
export type RawCondition =
  | (RawConditionMaps & { readonly ConditionExpression: string; readonly FilterExpression?: string })
  | (RawConditionMaps & { readonly ConditionExpression?: string; readonly FilterExpression: string });

const RAW_KEYS: ReadonlySet<string> = new Set([
  "ConditionExpression",
  "FilterExpression",
  "ExpressionAttributeNames",
  "ExpressionAttributeValues",
]);

/**
 * Whether a value is a raw condition: a plain object with a string `ConditionExpression` or
 * `FilterExpression`. (Its other keys are checked when it is used.)
 *
 * @example
 * ```ts
 * isRawCondition({ FilterExpression: "attribute_exists(#a)", ExpressionAttributeNames: { "#a": "a" } }); // true
 * isRawCondition({ age: { gt: 5 } }); // false
 * ```
 */
export function isRawCondition(value: unknown): value is RawCondition {
  return (
    isPlainObject(value) &&
    (typeof value.ConditionExpression === "string" || typeof value.FilterExpression === "string")
  );
}

/**
 * The node for a raw condition, after checking its shape.
 *
 * @throws InvalidParameter for unknown keys, an empty expression, two different expressions, or maps of the
 * wrong shape.
 */
export function rawConditionNode(raw: RawCondition): RawNode {
  for (const key of Object.keys(raw)) {
    if (!RAW_KEYS.has(key)) {
      throw new InvalidParameter(
        `A raw condition may only have ${[...RAW_KEYS].join(", ")}; it has ${JSON.stringify(key)}.`,
      );
    }
  }
  const { ConditionExpression, FilterExpression, ExpressionAttributeNames, ExpressionAttributeValues } = raw;
  if (
    ConditionExpression !== undefined &&
    FilterExpression !== undefined &&
    ConditionExpression !== FilterExpression
  ) {
    throw new InvalidParameter(
      "A raw condition must not have both a ConditionExpression and a FilterExpression.",
    );
  }
  const expression = ConditionExpression ?? FilterExpression;
  if (typeof expression !== "string" || expression.trim() === "") {
    throw new InvalidParameter(
      `A raw condition needs a non-empty expression (got ${describeValue(expression)}).`,
    );
  }
  if (ExpressionAttributeNames !== undefined) {
    const valid =
      isPlainObject(ExpressionAttributeNames) &&
      Object.values(ExpressionAttributeNames).every((name) => typeof name === "string");
    if (!valid) {
      throw new InvalidParameter(
        `ExpressionAttributeNames must map placeholders to strings (got ${describeValue(ExpressionAttributeNames)}).`,
      );
    }
  }
  if (ExpressionAttributeValues !== undefined && !isPlainObject(ExpressionAttributeValues)) {
    throw new InvalidParameter(
      `ExpressionAttributeValues must be an object (got ${describeValue(ExpressionAttributeValues)}).`,
    );
  }
  return rawNode(expression, ExpressionAttributeNames, ExpressionAttributeValues);
}
