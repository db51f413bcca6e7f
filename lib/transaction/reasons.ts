// DynamoDB's TransactionCanceledException → dynamodel's TransactionCanceledError: one reason per element,
// in request order, naming its model and key, with the stored item (read pipeline) where a condition
// failed. The SDK's error stays available as `cause`.
import type { AttributeValue, CancellationReason } from "@aws-sdk/client-dynamodb";
import { describeValue, TransactionCanceledError, type TransactionCancellationReason } from "../errors";
import { itemFromImage } from "../model/persist";
import type { ModelRuntime } from "../model/runtime";
import type { TransactionKind } from "../operations/transact";
import { isServiceError, type ServiceError } from "../client/service-error";

/** What the reasons need to know about each element of the request. */
export interface ElementContext {
  readonly kind: TransactionKind;
  readonly runtime: ModelRuntime;
  readonly key: Record<string, unknown>;
}

export function isTransactionCancellation(
  error: unknown,
): error is ServiceError & { CancellationReasons?: CancellationReason[] } {
  return isServiceError(error, "TransactionCanceledException");
}

/**
 * The reason codes, from `CancellationReasons` or — for endpoints that send only the message, which lists
 * them as "… [None, ConditionalCheckFailed]" — from the message.
 */
function reasonList(
  error: ServiceError & { CancellationReasons?: CancellationReason[] },
): CancellationReason[] {
  if (Array.isArray(error.CancellationReasons)) return error.CancellationReasons;
  const listed = /\[([A-Za-z, ]*)\]\s*$/.exec(error.message ?? "")?.[1];
  if (listed === undefined) return [];
  return listed.split(",").map((code) => ({ Code: code.trim() }));
}

/** The stored item through the read pipeline; stored data the pipeline rejects must not hide the reason. */
async function decodeItem(
  runtime: ModelRuntime,
  image: Record<string, AttributeValue> | undefined,
): Promise<object | undefined> {
  if (image === undefined || Object.keys(image).length === 0) return undefined;
  try {
    return await itemFromImage(runtime, image);
  } catch {
    return undefined;
  }
}

export async function cancellationError(
  error: ServiceError & { CancellationReasons?: CancellationReason[] },
  elements: readonly ElementContext[],
): Promise<TransactionCanceledError> {
  const given = reasonList(error);
  const reasons = await Promise.all(
    elements.map(async (element, index): Promise<TransactionCancellationReason> => {
      const source = given[index];
      const reason: TransactionCancellationReason = {
        index,
        model: element.runtime.name,
        key: element.key,
        code: source?.Code ?? "Unknown",
      };
      if (source?.Message !== undefined) reason.message = source.Message;
      const item = await decodeItem(element.runtime, source?.Item);
      if (item !== undefined) reason.item = item;
      return reason;
    }),
  );
  const failed = reasons.filter((reason) => reason.code !== "None");
  const summary =
    failed.length === 0
      ? "no reason given"
      : failed
          .map(
            (reason) =>
              `element ${reason.index} (${elements[reason.index]!.kind} ${reason.model} ${describeValue(reason.key)}): ${reason.code}`,
          )
          .join("; ");
  // Without reasons (DynamoDB Local answers some validation errors so), DynamoDB's message says why.
  const why = given.length === 0 && error.message ? ` (${error.message})` : "";
  const cancelled = new TransactionCanceledError(`Transaction cancelled: ${summary}${why}.`, reasons, {
    cause: error,
  });
  // As every DynamoDB error passing through (SPEC §8): the operation, and the model when there is one.
  const { operation, model } = error as { operation?: unknown; model?: unknown };
  return Object.assign(
    cancelled,
    operation === undefined ? {} : { operation },
    model === undefined ? {} : { model },
  );
}
