// Pure: a table's TTL setting (DescribeTimeToLive) vs the one the `expires` option wants → the
// UpdateTimeToLive calls that bring it in line. No client here; setup.ts sends them in order.
import type { TimeToLiveDescription, UpdateTimeToLiveCommandInput } from "@aws-sdk/client-dynamodb";

/** Whether TTL is on (or being turned on) for some attribute. */
export const isTimeToLiveOn = (current: TimeToLiveDescription | undefined): boolean =>
  current?.TimeToLiveStatus === "ENABLED" || current?.TimeToLiveStatus === "ENABLING";

const ttlCall = (
  TableName: string,
  AttributeName: string,
  Enabled: boolean,
): UpdateTimeToLiveCommandInput => ({
  TableName,
  TimeToLiveSpecification: { AttributeName, Enabled },
});

/**
 * The UpdateTimeToLive calls that make `current` match `wanted` (the TTL attribute of `expires`). Without
 * `bringInLine` (no `update: ["ttl"]`), TTL is only turned on where it is off, as in Dynamoose: an
 * existing setting is never changed. With it, TTL on another attribute is turned off and then on for the
 * wanted one. (Without `expires` the setup never asks: TTL is left as it is.) DynamoDB allows one TTL
 * change per table within an hour or so; a refused second call fails the setup with its own error.
 *
 * @example
 * ```ts
 * timeToLiveSteps("T", { TimeToLiveStatus: "ENABLED", AttributeName: "old" }, "expiresAt", true);
 * // [{TableName: "T", TimeToLiveSpecification: {AttributeName: "old", Enabled: false}},
 * //  {TableName: "T", TimeToLiveSpecification: {AttributeName: "expiresAt", Enabled: true}}]
 * ```
 */
export function timeToLiveSteps(
  tableName: string,
  current: TimeToLiveDescription | undefined,
  wanted: string,
  bringInLine: boolean,
): UpdateTimeToLiveCommandInput[] {
  const on = isTimeToLiveOn(current);
  // An endpoint that says TTL is on without naming the attribute gives nothing to compare or to turn off.
  const have = on ? current?.AttributeName : undefined;
  if (!on) return [ttlCall(tableName, wanted, true)];
  if (have === undefined || have === wanted || !bringInLine) return [];
  return [ttlCall(tableName, have, false), ttlCall(tableName, wanted, true)];
}
