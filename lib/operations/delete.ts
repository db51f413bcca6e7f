// DeleteItem: build (pure).
import type { AttributeValue, DeleteItemCommandInput } from "@aws-sdk/client-dynamodb";
import type { ExpressionTarget } from "../expressions/compile";
import { PlaceholderRegistry } from "../expressions/placeholders";
import { attachCondition, compileConditionSetting } from "./condition-input";

export interface DeleteSettings {
  condition?: unknown;
  return?: "item" | "request";
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
  return input;
}
