// The setup flow of a table (SPEC §7), in Dynamoose's order: create if missing → wait until the table and
// every GSI are ACTIVE → TTL → update (the steps diff.ts computes; a new table's replicas too). Every call
// has a short deadline of its own, so an endpoint that never answers fails the flow (and with it every
// waiting request) instead of leaving requests hanging; the SDK's retries against a closed port finish
// well within it.
import type {
  DescribeTableCommandOutput,
  DescribeTimeToLiveCommandOutput,
  GlobalSecondaryIndexDescription,
  ListTagsOfResourceCommandOutput,
  ReplicaDescription,
  TableDescription,
  Tag,
  TimeToLiveDescription,
} from "@aws-sdk/client-dynamodb";
import type { OperationName } from "../client/operations";
import type { UpdatePart } from "./options";
import { OtherError } from "../errors";
import { withDeadline } from "../client/deadline";
import { emitLog } from "../logger/logger";
import { checkCreatable, checkName, checkNames } from "./definition";
import { diffTable } from "./diff";
import { fixedPartWarnings } from "./fixed-parts";
import { failedReplica } from "./replicas";
import { homeRegion, replicaFailure, reviewReplicas } from "./replica-setup";
import type { TableUpdateStep } from "./update-step";
import type { TableRuntime } from "./table";
import { isTimeToLiveOn, timeToLiveSteps } from "./ttl";
import { pollTable, sleep } from "./poll-table";
import { isServiceError } from "../client/service-error";

/** DynamoDB Local answers tagging calls with UnknownOperationException; tags are then skipped with a warning. */
const isUnsupported = (error: unknown) => isServiceError(error, "UnknownOperationException");

/**
 * DynamoDB's answer to an UpdateTable that would change nothing: "Nothing to update" (DynamoDB Local, for a
 * table class or replicas), or a throughput that "equals the current value".
 */
const isNothingToUpdate = (error: unknown) =>
  isServiceError(error, "ValidationException") &&
  /nothing to update|equals the current value/i.test(String((error as Error).message));

/**
 * One setup call, through the table's instance (middleware, events), failing after the deadline
 * (client/deadline.ts).
 */
export function setupCall<Output>(
  table: TableRuntime,
  operation: OperationName,
  input: object,
): Promise<Output> {
  return withDeadline(operation, ` on table "${table.name}"`, (signal) =>
    table.send<Output>(operation, input, signal),
  );
}

async function describeTable(table: TableRuntime): Promise<TableDescription | undefined> {
  const output = await setupCall<DescribeTableCommandOutput>(table, "DescribeTable", {
    TableName: table.name,
  });
  return output.Table;
}

export async function describeOrUndefined(table: TableRuntime): Promise<TableDescription | undefined> {
  try {
    return await describeTable(table);
  } catch (error) {
    if (isServiceError(error, "ResourceNotFoundException")) return undefined;
    throw error;
  }
}

/** Sends CreateTable for a table found missing; true, even when another process created it first. */
async function createTable(table: TableRuntime): Promise<true> {
  try {
    const input = table.createInput();
    checkCreatable(input);
    await setupCall(table, "CreateTable", input);
  } catch (error) {
    // Another process (or a model sharing the table) created it first: that is fine.
    if (!isServiceError(error, "ResourceInUseException")) throw error;
  }
  return true;
}

/** An index counts as active unless it says otherwise: some endpoints never report `IndexStatus`. */
const indexActive = (index: GlobalSecondaryIndexDescription) =>
  index.IndexStatus === undefined || index.IndexStatus === "ACTIVE";

/** A replica status that is still changing; the others (ACTIVE, CREATION_FAILED, …) stay until acted on. */
const SETTLING_REPLICA = ["CREATING", "UPDATING", "DELETING", "ARCHIVING"];

/** Whether one of `regions`' replicas is still settling (replicas of other regions are not waited for). */
const replicasSettling = (description: TableDescription | undefined, regions: readonly string[]) =>
  (description?.Replicas ?? []).some(
    (replica: ReplicaDescription) =>
      regions.includes(replica.RegionName ?? "") && SETTLING_REPLICA.includes(replica.ReplicaStatus ?? ""),
  );

/** Whether the table and all of its GSIs are ACTIVE and the replicas in `regions` have settled. */
const isActive = (description: TableDescription | undefined, regions: readonly string[] = []) =>
  description?.TableStatus === "ACTIVE" &&
  (description.GlobalSecondaryIndexes ?? []).every(indexActive) &&
  !replicasSettling(description, regions);

/**
 * Polls until the table and all of its GSIs are ACTIVE and the replicas in `regions` (after replicas were
 * added) have settled; returns the last description. `WaitForActiveTimeout` after `timeout` ms.
 * A missing table fails at once with DynamoDB's ResourceNotFoundException (with `create: false`
 * nothing will ever create it), unless this flow has just created it: right after CreateTable a
 * DescribeTable may still not find the table, and polling goes on.
 */
function waitForActive(
  table: TableRuntime,
  justCreated = false,
  regions: readonly string[] = [],
): Promise<TableDescription | undefined> {
  const replicas = regions.length > 0 ? ` with its replicas in ${regions.join(", ")}` : "";
  return pollTable(
    table,
    () => (justCreated ? describeOrUndefined(table) : describeTable(table)),
    (description) => isActive(description, regions),
    `to be active${replicas}`,
  );
}

/**
 * Waits until a table being deleted is gone, and returns what DescribeTable then says (undefined: gone).
 * DeleteTable answers while the table is still DELETING, for seconds on AWS (DynamoDB Local deletes at
 * once), and CreateTable is refused until then. `WaitForActiveTimeout` after waitForActive's timeout.
 */
function waitUntilDeleted(table: TableRuntime): Promise<TableDescription | undefined> {
  return pollTable(
    table,
    () => describeOrUndefined(table),
    (description) => description?.TableStatus !== "DELETING",
    "to be deleted, to create it again,",
  );
}

/**
 * The TTL step (only with `expires`): turns TTL on for `wanted` where it is off and, with `update`
 * including "ttl", moves it from another attribute — see ttl.ts. Waits while TTL is being disabled, as it
 * cannot be enabled again until then.
 */
async function syncTimeToLive(table: TableRuntime, wanted: string): Promise<void> {
  const { timeout, frequency } = table.options.waitForActive.check;
  const bringInLine = table.options.update.includes("ttl");
  const deadline = Date.now() + timeout;
  for (;;) {
    // TTL was asked for (`expires`): an endpoint without TTL calls fails the setup with its error.
    const output = await setupCall<DescribeTimeToLiveCommandOutput>(table, "DescribeTimeToLive", {
      TableName: table.name,
    });
    const current: TimeToLiveDescription | undefined = output.TimeToLiveDescription;
    if (current?.TimeToLiveStatus === "DISABLING" && Date.now() + frequency <= deadline) {
      await sleep(frequency);
      continue;
    }
    const other = isTimeToLiveOn(current) ? current?.AttributeName : undefined;
    if (!bringInLine && other !== undefined && other !== wanted) {
      emitLog(
        "warn",
        "table:ttl",
        `Table "${table.name}": TTL is on for "${other}", not "${wanted}"; it was left as it is ` +
          `(update: ["ttl"] changes it).`,
      );
    }
    for (const input of timeToLiveSteps(table.name, current, wanted, bringInLine)) {
      await setupCall(table, "UpdateTimeToLive", input);
    }
    return;
  }
}

async function currentTags(table: TableRuntime, arn: string | undefined): Promise<Tag[] | undefined> {
  if (arn === undefined) return undefined;
  const tags: Tag[] = [];
  let NextToken: string | undefined;
  try {
    do {
      const page = await setupCall<ListTagsOfResourceCommandOutput>(table, "ListTagsOfResource", {
        ResourceArn: arn,
        NextToken,
      });
      tags.push(...(page.Tags ?? []));
      NextToken = page.NextToken;
    } while (NextToken !== undefined);
  } catch (error) {
    if (!isUnsupported(error)) throw error;
    emitLog(
      "warn",
      `table:update:tags`,
      `Table "${table.name}": the endpoint does not support tagging; tags were not updated.`,
    );
    return undefined;
  }
  return tags;
}

/** What was left undone when the endpoint answered an unverified step with "Nothing to update". */
function unverifiedSkipped(step: TableUpdateStep & { operation: "UpdateTable" }): string {
  if (step.part !== "replication") {
    return `the endpoint does not report its ${step.part} and answered that nothing would change; it was left as it is.`;
  }
  const answered = `answered "Nothing to update"`;
  const region = step.input.ReplicaUpdates?.[0]?.Create?.RegionName;
  // DynamoDB Local has no global tables: the table works, without replicas.
  return `the endpoint does not report replicas and ${answered}; no replica was made in ${region}.`;
}

/** The update step; `described` is the table as this flow last read it, if it did. */
async function update(
  table: TableRuntime,
  allParts: readonly UpdatePart[],
  described: TableDescription | undefined,
): Promise<void> {
  const parts = allParts.filter((part) => part !== "ttl");
  const { replicaRegions } = table.options;
  // With `replication`, the replicas are looked at even when they are not to be changed (reviewReplicas).
  if (parts.length === 0 && replicaRegions.length === 0) return;
  const description = described ?? (await describeOrUndefined(table));
  if (!description && parts.length === 0) return; // create: false on a missing table: requests will say so
  if (!description) throw new OtherError(`Table "${table.name}" does not exist, so it cannot be updated.`);
  const wanted = table.createInput();
  if (parts.includes("indexes")) checkNames(wanted);
  // No update can change the table's key or LSIs: each difference is a warning, not a silent skip.
  if (parts.length > 0) {
    for (const warning of fixedPartWarnings(table.name, description, wanted)) {
      emitLog("warn", "table:update:keys", warning);
    }
  }
  const tags = parts.includes("tags") ? await currentTags(table, description.TableArn) : undefined;
  const region = replicaRegions.length > 0 ? await homeRegion(table, description) : undefined;
  if (replicaRegions.length > 0) {
    reviewReplicas(table, description, region, parts.includes("replication"));
  }
  const current = { table: description, tags, region };
  for (const step of diffTable(current, wanted, parts, replicaRegions)) {
    try {
      await setupCall(table, step.operation, step.input);
    } catch (error) {
      if (!(step.operation === "UpdateTable" && step.unverified && isNothingToUpdate(error))) throw error;
      emitLog("warn", `table:update:${step.part}`, `Table "${table.name}": ${unverifiedSkipped(step)}`);
      continue;
    }
    if (!step.wait) continue;
    if (step.part !== "replication") {
      await waitForActive(table);
      continue;
    }
    const settled = await waitForActive(table, false, replicaRegions);
    const failed = settled && failedReplica(settled, replicaRegions);
    if (failed) throw replicaFailure(table, failed);
  }
}

/** Runs the whole flow once. */
export async function runSetup(table: TableRuntime): Promise<void> {
  const { create, waitForActive: wait, expires, update: parts } = table.options;
  checkName("Table", table.name); // before DescribeTable, which DynamoDB refuses for such a name too
  // One DescribeTable serves each step that reads the table while nothing has changed it: an existing
  // ACTIVE table is read once for create, wait and update (as Dynamoose reads it once). The TTL step in
  // between changes nothing DescribeTable reports.
  let described = create ? await describeOrUndefined(table) : undefined;
  // A table still being deleted (`table.delete()`, or another process) is created again once it is gone.
  if (described?.TableStatus === "DELETING") described = await waitUntilDeleted(table);
  const created = create && described === undefined ? await createTable(table) : false;
  // A table this flow created gets its replicas whatever `update` says (CreateTable cannot make them),
  // and a replica can only be added to an ACTIVE table, so that waits even with `waitForActive: false`.
  const replicateNew = created && table.options.replicaRegions.length > 0;
  if ((wait.enabled || replicateNew) && !isActive(described)) described = await waitForActive(table, created);
  // Without `expires`, TTL is never touched (as in Dynamoose): it may have been set up outside the code.
  if (expires && (parts.includes("ttl") || create)) await syncTimeToLive(table, expires.attribute);
  const updateParts: readonly UpdatePart[] =
    replicateNew && !parts.includes("replication") ? [...parts, "replication"] : parts;
  await update(table, updateParts, described);
}
