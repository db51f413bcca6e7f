/**
 * Raw conditions: a hand-written `ConditionExpression` or `FilterExpression` (or `ComparisonExpression`,
 * the name Dynamoose's Condition documentation gives) with its own placeholders, accepted wherever a
 * condition is.
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

interface RawExpressions {
  readonly ConditionExpression?: string;
  readonly FilterExpression?: string;
  readonly ComparisonExpression?: string;
}

/**
 * A hand-written condition. Any of the expression keys is accepted for any operation (Dynamoose only
 * accepted the one matching the operation, and dropped `ComparisonExpression` although its documentation
 * names it); giving two with different text is an error.
 */
export type RawCondition = RawConditionMaps &
  (
    | (RawExpressions & { readonly ConditionExpression: string })
    | (RawExpressions & { readonly FilterExpression: string })
    | (RawExpressions & { readonly ComparisonExpression: string })
  );

const EXPRESSION_KEYS = ["ConditionExpression", "FilterExpression", "ComparisonExpression"] as const;
const RAW_KEYS: ReadonlySet<string> = new Set([
  ...EXPRESSION_KEYS,
  "ExpressionAttributeNames",
  "ExpressionAttributeValues",
]);

/**
 * Whether a value is a raw condition: a plain object with a string `ConditionExpression`,
 * `FilterExpression` or `ComparisonExpression`. (Its other keys are checked when it is used.)
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
    (typeof value.ConditionExpression === "string" ||
      typeof value.FilterExpression === "string" ||
      typeof value.ComparisonExpression === "string")
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
        `A raw condition may only have ${[...RAW_KEYS].join(", ")}; it has ${describeValue(key)}.`,
      );
    }
  }
  const { ExpressionAttributeNames, ExpressionAttributeValues } = raw;
  const given = EXPRESSION_KEYS.filter((key) => raw[key] !== undefined);
  const expression = given.length === 0 ? undefined : raw[given[0]!];
  const other = given.find((key) => raw[key] !== expression);
  if (other !== undefined) {
    throw new InvalidParameter(
      `A raw condition must not have both a ${given[0]} and a ${other} (with different text).`,
    );
  }
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
