// PutItem: build (pure). `overwrite: false` adds "the item must not exist yet".
import type { AttributeValue, PutItemCommandInput } from "@aws-sdk/client-dynamodb";
import { andExpressions, type ExpressionTarget } from "../expressions/compile";
import { PlaceholderRegistry } from "../expressions/placeholders";
import { compileConditionSetting } from "./condition-input";

export interface PutSettings {
  overwrite?: boolean;
  condition?: unknown;
  return?: "item" | "request";
}

export function buildPutInput(
  tableName: string,
  hashKey: string,
  item: Record<string, AttributeValue>,
  settings: PutSettings,
  target: ExpressionTarget,
): PutItemCommandInput {
  const input: PutItemCommandInput = { TableName: tableName, Item: item };
  const registry = new PlaceholderRegistry();
  const userCondition = compileConditionSetting(settings.condition, target, registry);
  const mustBeNew =
    settings.overwrite === false ? `attribute_not_exists(${registry.name(hashKey)})` : undefined;
  const condition = andExpressions([userCondition, mustBeNew]);
  if (condition !== undefined) {
    input.ConditionExpression = condition;
    input.ExpressionAttributeNames = registry.names;
    if (registry.values) input.ExpressionAttributeValues = registry.values;
  }
  return input;
}
