/**
 * Scan: the pure input builder. A scan never picks an index by itself; `using()` names one.
 *
 * @example
 * ```ts
 * buildScanInput("Cat", schemas, new Condition("age").gt(3), { limit: 10 });
 * // { TableName: "Cat", FilterExpression: "#n0 > :v0", Limit: 10, ExpressionAttributeNames: …, … }
 * ```
 */
import type { ScanCommandInput } from "@aws-sdk/client-dynamodb";
import { InvalidParameter } from "../errors";
import { compileCondition } from "../expressions/compile";
import type { Condition } from "../expressions/condition";
import { PlaceholderRegistry } from "../expressions/placeholders";
import type { CompiledSchema } from "../schema/compiled";
import { expressionTargetOfModel } from "../schema/expression-target";
import { keyCandidates } from "./query-key-choice";
import { addCommonParts, type RetrieveSettings, startKeyFor } from "./retrieve-input";

/**
 * The ScanInput for one segment (`segment` only matters for a `parallel()` scan): the condition as
 * `FilterExpression`, then the shared parts. `ExclusiveStartKey` comes from `settings.startAt`.
 */
export function buildScanInput(
  tableName: string,
  schemas: readonly CompiledSchema[],
  condition: Condition,
  settings: RetrieveSettings,
  segment = 0,
): ScanCommandInput {
  const schema = schemas[0]!;
  const target = expressionTargetOfModel(schemas);
  const registry = new PlaceholderRegistry();
  const input: ScanCommandInput = { TableName: tableName };
  if (settings.index !== undefined) {
    if (settings.consistent === true) refuseConsistentGlobalIndex(schemas, settings.index);
    input.IndexName = settings.index;
  }
  const filter = compileCondition(condition, target, registry);
  if (filter !== undefined) input.FilterExpression = filter;
  const parallel = settings.segments !== undefined;
  if (parallel && Array.isArray(settings.startAt) && settings.startAt.length !== settings.segments) {
    throw new InvalidParameter(
      `startAt() got ${settings.startAt.length} segment keys for a scan of ${settings.segments ?? 1} segment(s): ` +
        "pass the lastKey of a parallel() scan with the same number of segments.",
    );
  }
  if (parallel) {
    input.Segment = segment;
    input.TotalSegments = settings.segments;
  }
  addCommonParts(
    input,
    settings,
    target,
    registry,
    startKeyFor(schema, settings.startAt, parallel ? segment : undefined),
  );
  return input;
}

/**
 * A declared global index read with `consistent()`: refused before sending, as a query is (DynamoDB would
 * refuse it). An index the schema does not declare is sent by name, and DynamoDB judges.
 */
function refuseConsistentGlobalIndex(schemas: readonly CompiledSchema[], index: string): void {
  if (keyCandidates(schemas).some((entry) => entry.indexName === index && entry.global)) {
    throw new InvalidParameter(
      `using("${index}") with consistent(): DynamoDB cannot read a global secondary index with strong consistency.`,
    );
  }
}
