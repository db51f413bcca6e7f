// DynamoDB refuses `BETWEEN low AND high` with low above high ("The BETWEEN operator requires upper bound to
// be greater than or equal to lower bound"), in key conditions and filters alike, naming no attribute.
// Checked on the converted values, in DynamoDB's own order: numbers by value, strings and binary by their
// bytes (UTF-8 for strings).
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { describeValue, InvalidParameter } from "../errors";
import { isPending } from "../pending-values";
import { formatDocumentPath, type PathSegment } from "./path";

/** Whether `low` sorts after `high` in DynamoDB's order; false when they cannot be compared here. */
function isReversed(low: AttributeValue, high: AttributeValue): boolean {
  if (low.N !== undefined && high.N !== undefined) {
    // Rounding to doubles keeps order (a ≤ b gives round(a) ≤ round(b)), so a strict ">" here is one in
    // DynamoDB's exact decimals too; numbers too close to tell apart are left to DynamoDB.
    return Number(low.N) > Number(high.N);
  }
  if (low.S !== undefined && high.S !== undefined) {
    return Buffer.compare(Buffer.from(low.S, "utf8"), Buffer.from(high.S, "utf8")) > 0;
  }
  if (low.B !== undefined && high.B !== undefined) return Buffer.compare(low.B, high.B) > 0;
  return false;
}

/** Throws `InvalidParameter` when a `between()` range is reversed, naming the path and both bounds. */
export function checkBetweenOrder(
  path: readonly PathSegment[],
  low: AttributeValue,
  high: AttributeValue,
): void {
  if (!isReversed(low, high)) return;
  const bound = (value: AttributeValue) => value.N ?? describeValue(value.S ?? value.B);
  throw new InvalidParameter(
    `between() on "${formatDocumentPath(path)}": the low bound ${bound(low)} is above the high bound ` +
      `${bound(high)}; give the smaller one first.`,
  );
}

type Bound = AttributeValue | PromiseLike<AttributeValue>;

/**
 * The bounds of a `between()`, checked for order (`checkBetweenOrder`): at once, or, when a bound is still
 * pending (an asynchronous `set`), as promises that reject once both have settled, before anything is sent
 * (send.ts waits for pending values first).
 */
export function orderedBounds(path: readonly PathSegment[], low: Bound, high: Bound): [Bound, Bound] {
  if (!isPending(low) && !isPending(high)) {
    checkBetweenOrder(path, low, high);
    return [low, high];
  }
  const checked = Promise.all([low, high]).then(([settledLow, settledHigh]) => {
    checkBetweenOrder(path, settledLow, settledHigh);
    return [settledLow, settledHigh] as const;
  });
  const bounds: [Promise<AttributeValue>, Promise<AttributeValue>] = [
    checked.then(([settledLow]) => settledLow),
    checked.then(([, settledHigh]) => settledHigh),
  ];
  // Each is awaited before the request is sent; these handlers only keep a request never sent quiet.
  for (const bound of bounds) bound.catch(() => undefined);
  return bounds;
}
