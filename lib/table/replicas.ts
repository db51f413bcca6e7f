// Pure: the replica steps of a global table (the `replication` option), as version 2019.11.21 of global
// tables makes them: one UpdateTable per added region (DynamoDB takes one replica change per call), each
// waited for. Replicas are only ever added; see unlistedReplicas for why none is removed.
import type { TableDescription } from "@aws-sdk/client-dynamodb";
import { updateTable, type TableUpdateStep } from "./update-step";

/** The regions a table has replicas in, as DescribeTable reports them (any status). */
const replicaRegionsOf = (table: TableDescription): string[] =>
  (table.Replicas ?? []).flatMap((replica) => (replica.RegionName === undefined ? [] : [replica.RegionName]));

/**
 * One step per region of `regions` the table has no replica in yet, skipping `homeRegion` (where the table
 * itself is: listing every region of the global table, the home one too, is allowed).
 *
 * @example
 * ```ts
 * replicaSteps({ TableName: "Cats", Replicas: [{ RegionName: "us-west-2" }] }, ["us-west-2", "eu-west-1"], "us-east-1");
 * // [UpdateTable {TableName: "Cats", ReplicaUpdates: [{Create: {RegionName: "eu-west-1"}}]}]
 * ```
 */
export function replicaSteps(
  current: TableDescription,
  regions: readonly string[],
  homeRegion: string | undefined,
): TableUpdateStep[] {
  return missingReplicas(current, regions, homeRegion).map((RegionName) => {
    const step = updateTable("replication", {
      TableName: current.TableName,
      ReplicaUpdates: [{ Create: { RegionName } }],
    });
    // No `Replicas` reported: AWS leaves it out for a table without replicas, and an endpoint without
    // global tables (DynamoDB Local) always does, answering a replica change with "Nothing to update",
    // which setup.ts then skips with a warning. AWS never answers a new replica that way.
    return current.Replicas === undefined ? { ...step, unverified: true as const } : step;
  });
}

/** The regions of `regions` the table has no replica in (in any state), `homeRegion` left out. */
export function missingReplicas(
  current: TableDescription,
  regions: readonly string[],
  homeRegion: string | undefined,
): string[] {
  const present = replicaRegionsOf(current);
  return regions.filter((region) => region !== homeRegion && !present.includes(region));
}

/**
 * Replicas the table has that `regions` does not list. They are reported, not removed: removing a replica
 * deletes that region's copy of the table, which a typo in `regions` must never do.
 */
export function unlistedReplicas(
  current: TableDescription,
  regions: readonly string[],
  homeRegion: string | undefined,
): string[] {
  return replicaRegionsOf(current).filter((region) => region !== homeRegion && !regions.includes(region));
}

/** A region whose replica DynamoDB failed to create, among `regions`. */
export function failedReplica(current: TableDescription, regions: readonly string[]): string | undefined {
  return current.Replicas?.find(
    (replica) => replica.ReplicaStatus === "CREATION_FAILED" && regions.includes(replica.RegionName ?? ""),
  )?.RegionName;
}
