/**
 * Query: the pure input builder. The planner ({@link planQuery}) picks the table or index and splits the
 * condition into key condition and filter.
 *
 * @example
 * ```ts
 * buildQueryInput("Cat", schemas, new Condition("id").eq(1), { descending: true });
 * // { TableName: "Cat", KeyConditionExpression: "#n0 = :v0", ScanIndexForward: false, … }
 * ```
 */
import type { QueryCommandInput } from "@aws-sdk/client-dynamodb";
import type { Condition } from "../expressions/condition";
import { PlaceholderRegistry } from "../expressions/placeholders";
import type { CompiledSchema } from "../schema/compiled";
import { expressionTargetOfModel } from "../schema/expression-target";
import { planQuery } from "./query-plan";
import { addCommonParts, type RetrieveSettings, startKeyFor } from "./retrieve-input";

/** The QueryInput for a condition and a builder's settings. */
export function buildQueryInput(
  tableName: string,
  schemas: readonly CompiledSchema[],
  condition: Condition,
  settings: RetrieveSettings,
  alsoFilter?: Condition,
): QueryCommandInput {
  const schema = schemas[0]!;
  const registry = new PlaceholderRegistry();
  const plan = planQuery(schemas, condition, {
    index: settings.index,
    registry,
    consistent: settings.consistent,
    alsoFilter,
  });
  const input: QueryCommandInput = { TableName: tableName };
  if (plan.indexName !== undefined) input.IndexName = plan.indexName;
  input.KeyConditionExpression = plan.keyCondition;
  if (plan.filter !== undefined) input.FilterExpression = plan.filter;
  if (settings.descending === true) input.ScanIndexForward = false;
  addCommonParts(
    input,
    settings,
    expressionTargetOfModel(schemas),
    registry,
    startKeyFor(schema, settings.startAt, undefined),
  );
  return input;
}
