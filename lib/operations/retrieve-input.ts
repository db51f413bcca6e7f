/**
 * What Query and Scan inputs share: the settings a builder collects, and the parts of the input they
 * produce alike (`Limit`, `ExclusiveStartKey`, `ProjectionExpression`, `Select`, `ConsistentRead`).
 * Pure: no client.
 *
 * @example
 * ```ts
 * const settings: RetrieveSettings = { limit: 10, attributes: ["id", "address.city"], consistent: true };
 * ```
 */
import type { AttributeValue, Select } from "@aws-sdk/client-dynamodb";
import { describeValue, InvalidParameter } from "../errors";
import type { ExpressionTarget } from "../expressions/compile";
import type { PlaceholderRegistry } from "../expressions/placeholders";
import type { CompiledSchema } from "../schema/compiled";
import { buildProjection } from "./get";
import { startKeyToDynamo } from "./last-key";

/** The settings of a query or scan builder. */
export interface RetrieveSettings {
  /** DynamoDB's per-request `Limit`: items evaluated per request, not returned in total. */
  readonly limit?: number;
  /** `startAt()`: a `lastKey` as returned (for a parallel scan, its array of per-segment keys). */
  readonly startAt?: unknown;
  /** Document paths to project. */
  readonly attributes?: readonly string[];
  /** `Select: "COUNT"`: resolve with counts only. */
  readonly count?: boolean;
  readonly consistent?: boolean;
  /** `using()`: the index to read. */
  readonly index?: string;
  /** Query only: `sort("descending")`. */
  readonly descending?: boolean;
  /** Scan only: `parallel(n)`, the number of segments. */
  readonly segments?: number;
  /** `all()`: follow `LastEvaluatedKey`. */
  readonly all?: { readonly delay: number; readonly max: number };
}

/** The input members Query and Scan share. */
export interface CommonReadInput {
  Limit?: number;
  ExclusiveStartKey?: Record<string, AttributeValue>;
  ProjectionExpression?: string;
  Select?: Select;
  ConsistentRead?: boolean;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, AttributeValue>;
}

/** Checks a positive whole number (limit, segment count). */
export function positiveInteger(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
    throw new InvalidParameter(`${what} must be a whole number of at least 1 (got ${describeValue(value)}).`);
  }
  return value;
}

/**
 * The `ExclusiveStartKey` for one segment: `startAt` is one key, or for a parallel scan an array with one
 * entry per segment (`null` for a segment that has finished).
 */
export function startKeyFor(
  schema: CompiledSchema,
  startAt: unknown,
  segment: number | undefined,
): Record<string, AttributeValue> | undefined {
  if (!Array.isArray(startAt)) {
    if (segment !== undefined && startAt !== undefined && startAt !== null) {
      throw new InvalidParameter(
        "A parallel() scan continues from the array lastKey it returned (one entry per segment), not from one key.",
      );
    }
    return startKeyToDynamo(schema, startAt);
  }
  if (segment === undefined) {
    throw new InvalidParameter("startAt() got an array of keys, which only a parallel() scan can use.");
  }
  return startKeyToDynamo(schema, startAt[segment]);
}

/**
 * Adds the shared members to an input, after its key condition and filter are registered (so the
 * placeholders read in order). `Select: "COUNT"` leaves the projection out: DynamoDB rejects both together.
 */
export function addCommonParts(
  input: CommonReadInput,
  settings: RetrieveSettings,
  target: ExpressionTarget,
  registry: PlaceholderRegistry,
  startKey: Record<string, AttributeValue> | undefined,
): void {
  if (settings.limit !== undefined) input.Limit = settings.limit;
  if (startKey !== undefined) input.ExclusiveStartKey = startKey;
  if (settings.count === true) input.Select = "COUNT";
  else {
    const projection = buildProjection(settings.attributes, target, registry);
    if (projection !== undefined) input.ProjectionExpression = projection;
  }
  if (settings.consistent === true) input.ConsistentRead = true;
  const names = registry.names;
  const values = registry.values;
  if (names !== undefined) input.ExpressionAttributeNames = names;
  if (values !== undefined) input.ExpressionAttributeValues = values;
}
