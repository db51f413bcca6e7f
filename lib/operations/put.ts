// PutItem: build (pure). `overwrite: false` adds "the item must not exist yet".
import type { AttributeValue, PutItemCommandInput } from "@aws-sdk/client-dynamodb";
import { andExpressions, type ExpressionTarget } from "../expressions/compile";
import { PlaceholderRegistry } from "../expressions/placeholders";
import { attachCondition, compileConditionSetting } from "./condition-input";

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
  attachCondition(input, andExpressions([userCondition, mustBeNew]), registry);
  // A failed condition then carries the stored item, which the caller gets as `error.item` (model/conflict.ts).
  if (input.ConditionExpression !== undefined) input.ReturnValuesOnConditionCheckFailure = "ALL_OLD";
  return input;
}
