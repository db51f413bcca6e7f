// A `condition` setting (a Condition or a raw `{ConditionExpression, …}` object) → expression text
// with its names and values in the request's placeholder registry.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { describeValue, InvalidParameter } from "../errors";
import { compileCondition, type ExpressionTarget } from "../expressions/compile";
import { Condition, isCondition, isRawCondition, unfinishedAttributeOf } from "../expressions/condition";
import { isPlainObject } from "../expressions/is-plain-object";
import type { PlaceholderRegistry } from "../expressions/placeholders";
import type { RawCondition } from "../expressions/raw";

/**
 * What a write's `condition` setting takes: a Condition, or a raw `{ConditionExpression, …}` object (a
 * plain `{age: {gt: 5}}` goes through `new Condition()` first). `null`/`undefined`: no condition.
 */
export type ConditionSetting = Condition | RawCondition | null | undefined;

export function compileConditionSetting(
  condition: unknown,
  target: ExpressionTarget,
  registry: PlaceholderRegistry,
): string | undefined {
  if (condition === undefined || condition === null) return undefined;
  if (isCondition(condition)) {
    const expression = compileCondition(condition, target, registry);
    const unfinished = expression === undefined ? unfinishedAttributeOf(condition) : undefined;
    if (unfinished !== undefined) {
      // Dynamoose reads it as "an empty conditional" and writes unconditionally; a write is refused rather
      // than made without the check its caller most likely meant to finish.
      throw new InvalidParameter(
        `The condition names attribute "${unfinished}" but no comparison (eq(), gt(), exists() …) ` +
          "follows, so it would check nothing. Finish it, or pass no condition. Nothing was written.",
      );
    }
    return expression;
  }
  if (isRawCondition(condition)) return compileCondition(new Condition(condition), target, registry);
  const hint = isPlainObject(condition)
    ? "; for a condition object such as { age: { gt: 5 } }, pass new Condition(object)"
    : "";
  throw new InvalidParameter(
    `condition must be a Condition or a raw { ConditionExpression, … } object (got ${describeValue(condition)})${hint}.`,
  );
}

/**
 * A write's settings (or a Condition itself) with the Condition copied, at the call. Conditions change in
 * place, so a write reads its condition as it was when called, not as statements after the call change it,
 * and a pre hook that changes `this.condition` in place changes this call's copy, not the caller's object
 * (which later calls would otherwise send with the hook's clauses piled up). Anything else as it is.
 *
 * @example
 * ```ts
 * const settings = withConditionCopied({ condition }); // settings.condition !== condition
 * ```
 */
export function withConditionCopied<S>(settings: S): S {
  if (isCondition(settings)) return new Condition(settings) as S;
  if (typeof settings !== "object" || settings === null) return settings;
  const condition = (settings as { condition?: unknown }).condition;
  return isCondition(condition) ? { ...settings, condition: new Condition(condition) } : settings;
}

/** Puts a condition expression and the registry's names and values on a request input, if there is one. */
export function attachCondition(
  input: {
    ConditionExpression?: string;
    ExpressionAttributeNames?: Record<string, string>;
    ExpressionAttributeValues?: Record<string, AttributeValue>;
  },
  expression: string | undefined,
  registry: PlaceholderRegistry,
): void {
  if (expression === undefined) return;
  input.ConditionExpression = expression;
  // A raw condition may use no names; an `ExpressionAttributeNames: undefined` key would still show in the request.
  if (registry.names) input.ExpressionAttributeNames = registry.names;
  if (registry.values) input.ExpressionAttributeValues = registry.values;
}
