// DeleteItem: build (pure).
import type { AttributeValue, DeleteItemCommandInput } from "@aws-sdk/client-dynamodb";
import type { ExpressionTarget } from "../expressions/compile";
import { PlaceholderRegistry } from "../expressions/placeholders";
import { attachCondition, compileConditionSetting, type ConditionSetting } from "./condition-input";

export interface DeleteSettings {
  /** A Condition (or raw `{ConditionExpression, …}` object) the stored item must meet. */
  condition?: ConditionSetting;
  /**
   * `"request"`: resolve with the DeleteItem input instead of sending it. `null` (Dynamoose's documented
   * default) and `"item"` both mean the default: delete, resolve with nothing.
   */
  return?: "item" | "request" | null;
}

export function buildDeleteInput(
  tableName: string,
  key: Record<string, AttributeValue>,
  settings: DeleteSettings,
  target: ExpressionTarget,
): DeleteItemCommandInput {
  const input: DeleteItemCommandInput = { TableName: tableName, Key: key };
  const registry = new PlaceholderRegistry();
  attachCondition(input, compileConditionSetting(settings.condition, target, registry), registry);
  // A failed condition then carries the stored item, which the caller gets as `error.item` (model/conflict.ts).
  if (input.ConditionExpression !== undefined) input.ReturnValuesOnConditionCheckFailure = "ALL_OLD";
  return input;
}
