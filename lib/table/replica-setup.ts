// The checks the setup flow makes of a global table's replicas (the `replication` option) around the
// steps replicas.ts builds: which region the table itself is in, replicas that failed, and replicas that
// are missing or not listed, which are reported rather than changed.
import type { TableDescription } from "@aws-sdk/client-dynamodb";
import { OtherError } from "../errors";
import { emitLog } from "../logger/logger";
import { failedReplica, missingReplicas, unlistedReplicas } from "./replicas";
import type { TableRuntime } from "./table";

/**
 * The region the table itself is in: the client's (a real client always has one), else the one in the
 * table's ARN (a mock client has no `config`; DynamoDB Local's ARNs say "ddblocal").
 */
export async function homeRegion(
  table: TableRuntime,
  description: TableDescription,
): Promise<string | undefined> {
  const region = (table.instance.aws.ddb() as { config?: { region?: unknown } }).config?.region;
  try {
    const value: unknown = typeof region === "function" ? await (region as () => unknown)() : region;
    if (typeof value === "string") return value;
  } catch {
    // No region configured: fall back to the ARN.
  }
  return description.TableArn?.split(":")[3];
}

const warn = (table: TableRuntime, message: string) =>
  emitLog("warn", "table:update:replication", `Table "${table.name}" ${message}`);

/**
 * Before any replica step: a listed replica DynamoDB failed to create fails the setup (it will not
 * recover by itself, and skipping it would leave the table without it silently); replicas the list leaves
 * out are reported and kept; without the "replication" update part, listed regions that have no replica
 * are reported (`update: ["replication"]` adds them).
 */
export function reviewReplicas(
  table: TableRuntime,
  description: TableDescription,
  home: string | undefined,
  updating: boolean,
): void {
  const regions = table.options.replicaRegions;
  const failed = failedReplica(description, regions);
  if (failed !== undefined) throw replicaFailure(table, failed);
  const unlisted = unlistedReplicas(description, regions, home);
  if (unlisted.length > 0) {
    warn(
      table,
      `has replicas in ${unlisted.join(", ")}, which \`replication.regions\` does not list; they were ` +
        `left as they are (dynamodel never removes a replica).`,
    );
  }
  const missing = updating ? [] : missingReplicas(description, regions, home);
  if (missing.length > 0) {
    warn(table, `has no replica in ${missing.join(", ")}; \`update: ["replication"]\` adds them.`);
  }
}

/** The setup's error for a replica in CREATION_FAILED. */
export const replicaFailure = (table: TableRuntime, region: string) =>
  new OtherError(`Table "${table.name}": DynamoDB could not create its replica in ${region}.`);
