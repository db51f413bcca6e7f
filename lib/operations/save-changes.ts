// Saving an item read from the table: an UpdateItem of only its changed paths, on condition that the
// item still exists (and the caller's condition). Built here, purely.
import type { AttributeValue, UpdateItemCommandInput } from "@aws-sdk/client-dynamodb";
import { andExpressions, type ExpressionTarget } from "../expressions/compile";
import { PlaceholderRegistry } from "../expressions/placeholders";
import { compileUpdate } from "../expressions/update";
import type { ImageChange } from "../model/diff";
import { compileConditionSetting } from "./condition-input";

export function buildSaveChangesInput(
  tableName: string,
  key: Record<string, AttributeValue>,
  hashKey: string,
  changes: readonly ImageChange[],
  condition: unknown,
  target: ExpressionTarget,
): UpdateItemCommandInput {
  const registry = new PlaceholderRegistry();
  const userCondition = compileConditionSetting(condition, target, registry);
  const exists = `attribute_exists(${registry.name(hashKey)})`;
  const updateExpression =
    changes.length === 0
      ? undefined
      : compileUpdate(
          changes.map((change) =>
            change.kind === "set"
              ? { kind: "set", path: change.path, value: change.value }
              : { kind: "remove", path: change.path },
          ),
          registry,
        );
  const input: UpdateItemCommandInput = {
    TableName: tableName,
    Key: key,
    // No changes: an UpdateItem without an update expression only checks the condition (nothing written).
    ...(updateExpression === undefined ? {} : { UpdateExpression: updateExpression }),
    ConditionExpression: andExpressions([userCondition, exists]),
    ExpressionAttributeNames: registry.names,
    // Tells a failed condition because the item is gone (no Item returned) from a failed user condition.
    ReturnValuesOnConditionCheckFailure: "ALL_OLD",
  };
  if (registry.values) input.ExpressionAttributeValues = registry.values;
  return input;
}
