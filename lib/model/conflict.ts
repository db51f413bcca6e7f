// A failed condition check (`ConditionalCheckFailedException`) that came back with the stored item
// (`ReturnValuesOnConditionCheckFailure: "ALL_OLD"`) gets that item, through the read pipeline, as
// `error.item`: the caller who lost an optimistic-locking race sees what won.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { ModelRuntime } from "./runtime";
import { isServiceError } from "../client/service-error";

/** The shape of the SDK's ConditionalCheckFailedException, plus what dynamodel adds. */
export interface ConditionFailure extends Error {
  /** The stored item as DynamoDB returned it (AttributeValues), when it exists. */
  Item?: Record<string, AttributeValue>;
  /** The stored item as a model item (read pipeline), when DynamoDB returned it. */
  item?: object;
}

export function isConditionFailure(error: unknown): error is ConditionFailure {
  return isServiceError(error, "ConditionalCheckFailedException");
}

/** Adds `item` to a condition failure that carries the stored image; returns the error to rethrow. */
export async function withStoredItem(
  runtime: ModelRuntime,
  error: unknown,
  toItem: (runtime: ModelRuntime, image: Record<string, AttributeValue>) => object | Promise<object>,
): Promise<unknown> {
  if (isConditionFailure(error) && error.Item !== undefined && error.item === undefined) {
    try {
      error.item = await toItem(runtime, error.Item);
    } catch {
      // Stored data the read pipeline rejects must not hide the conflict itself.
    }
  }
  return error;
}
