// Pure: what an existing table (DescribeTable, plus its tags) lacks compared with what the schemas and
// options want (the CreateTable input built by definition.ts) → the ordered list of calls that bring it
// in line. No client here; setup.ts sends the steps one at a time and waits where a step says so.
import type {
  CreateTableCommandInput,
  GlobalSecondaryIndex,
  GlobalSecondaryIndexDescription,
  KeySchemaElement,
  Projection,
  ProvisionedThroughput,
  TableDescription,
  UpdateTableCommandInput,
} from "@aws-sdk/client-dynamodb";
import type { UpdatePart } from "./options";
import { replicaSteps } from "./replicas";
import { streamSteps, tableClassSteps, tagSteps } from "./settings-diff";
import { updateTable, type CurrentTable, type TableUpdateStep } from "./update-step";

export type { CurrentTable, TableUpdateStep };

type Capacity = Partial<ProvisionedThroughput> | undefined;

const sameThroughput = (a: Capacity, b: Capacity) =>
  a?.ReadCapacityUnits === b?.ReadCapacityUnits && a?.WriteCapacityUnits === b?.WriteCapacityUnits;

/** Both capacity numbers, or `undefined` when the endpoint does not report them (on-demand, or omitted). */
const reportedCapacity = (capacity: Capacity): ProvisionedThroughput | undefined =>
  capacity?.ReadCapacityUnits === undefined || capacity.WriteCapacityUnits === undefined
    ? undefined
    : { ReadCapacityUnits: capacity.ReadCapacityUnits, WriteCapacityUnits: capacity.WriteCapacityUnits };

/**
 * Whether the table bills per request. Endpoints that omit `BillingModeSummary` (tables made before
 * billing modes existed on AWS, some DynamoDB-compatible servers) are judged by their capacity: an
 * on-demand table reports 0 read and 0 write units.
 */
function isOnDemand(table: TableDescription): boolean {
  const mode = table.BillingModeSummary?.BillingMode;
  if (mode !== undefined) return mode === "PAY_PER_REQUEST";
  const capacity = table.ProvisionedThroughput;
  return capacity?.ReadCapacityUnits === 0 && capacity.WriteCapacityUnits === 0;
}

const projectionKey = (projection: Projection | undefined) =>
  JSON.stringify([projection?.ProjectionType ?? "ALL", [...(projection?.NonKeyAttributes ?? [])].sort()]);

const keysOf = (keys: readonly KeySchemaElement[] | undefined) =>
  (keys ?? []).map((key) => `${key.AttributeName}:${key.KeyType}`).join(",");

/**
 * An existing GSI is kept if its name, keys and projection are the schema's. Its capacity is not part of
 * this: a capacity difference is an in-place update (capacitySteps), never a delete and rebuild.
 */
function sameIndex(existing: GlobalSecondaryIndexDescription, wanted: GlobalSecondaryIndex): boolean {
  return (
    existing.IndexName === wanted.IndexName &&
    keysOf(existing.KeySchema) === keysOf(wanted.KeySchema) &&
    projectionKey(existing.Projection) === projectionKey(wanted.Projection)
  );
}

const wantedIndex = (wanted: CreateTableCommandInput, name: string | undefined) =>
  wanted.GlobalSecondaryIndexes?.find((index) => index.IndexName === name);

function throughputSteps(current: TableDescription, wanted: CreateTableCommandInput): TableUpdateStep[] {
  const TableName = wanted.TableName;
  const wasOnDemand = isOnDemand(current);
  if (wanted.BillingMode === "PAY_PER_REQUEST") {
    return wasOnDemand ? [] : [updateTable("throughput", { TableName, BillingMode: "PAY_PER_REQUEST" })];
  }
  if (!wasOnDemand) {
    if (sameThroughput(current.ProvisionedThroughput, wanted.ProvisionedThroughput)) return [];
    const step = updateTable("throughput", {
      TableName,
      ProvisionedThroughput: wanted.ProvisionedThroughput,
    });
    // An endpoint that does not report the table's capacity may have the wanted one already: if it answers
    // that nothing would change, the setup goes on (setup.ts).
    return [
      reportedCapacity(current.ProvisionedThroughput) === undefined
        ? { ...step, unverified: true as const }
        : step,
    ];
  }
  // On demand → provisioned: DynamoDB requires every GSI's capacity in the same call. An index the
  // schemas define gets its own (the index's, else the table's); any other gets the table's.
  const input: UpdateTableCommandInput = {
    TableName,
    BillingMode: "PROVISIONED",
    ProvisionedThroughput: wanted.ProvisionedThroughput,
  };
  const indexes = current.GlobalSecondaryIndexes ?? [];
  if (indexes.length > 0) {
    input.GlobalSecondaryIndexUpdates = indexes.map((index) => ({
      Update: {
        IndexName: index.IndexName,
        ProvisionedThroughput:
          wantedIndex(wanted, index.IndexName)?.ProvisionedThroughput ?? wanted.ProvisionedThroughput,
      },
    }));
  }
  return [updateTable("throughput", input)];
}

/** Whether the table bills by provisioned capacity once the throughput step (if asked for) is done. */
const provisionedAfter = (
  current: TableDescription,
  wanted: CreateTableCommandInput,
  parts: readonly UpdatePart[],
) => (parts.includes("throughput") ? wanted.BillingMode !== "PAY_PER_REQUEST" : !isOnDemand(current));

/**
 * A new GSI as the table's billing mode (after the throughput step) needs it: no capacity on an on-demand
 * table, and on a provisioned table that the schemas would have on demand (`throughput` not being
 * updated), the table's own capacity.
 */
function indexToCreate(
  index: GlobalSecondaryIndex,
  current: TableDescription,
  wanted: CreateTableCommandInput,
  parts: readonly UpdatePart[],
): GlobalSecondaryIndex {
  const { ProvisionedThroughput: capacity, ...rest } = index;
  if (!provisionedAfter(current, wanted, parts)) return rest;
  if (capacity !== undefined) return index;
  const tableCapacity = reportedCapacity(current.ProvisionedThroughput);
  return tableCapacity === undefined ? rest : { ...rest, ProvisionedThroughput: tableCapacity };
}

/**
 * In-place capacity updates of existing GSIs whose reported capacity is not the schema's, one index per
 * call. None while the table is (and stays) on demand, none when the billing switch just set every
 * index's capacity, and none for an index the `indexes` part is about to rebuild. An index whose
 * description has no capacity (an endpoint that omits it) is left alone.
 */
function capacitySteps(
  current: TableDescription,
  wanted: CreateTableCommandInput,
  parts: readonly UpdatePart[],
): TableUpdateStep[] {
  const switching = parts.includes("throughput");
  if (!provisionedAfter(current, wanted, parts) || (switching && isOnDemand(current))) return [];
  const part = switching ? "throughput" : "indexes";
  const steps: TableUpdateStep[] = [];
  for (const index of current.GlobalSecondaryIndexes ?? []) {
    const want = wantedIndex(wanted, index.IndexName);
    if (!want?.ProvisionedThroughput) continue;
    if (parts.includes("indexes") && !sameIndex(index, want)) continue;
    const have = reportedCapacity(index.ProvisionedThroughput);
    if (have === undefined || sameThroughput(have, want.ProvisionedThroughput)) continue;
    steps.push(
      updateTable(part, {
        TableName: wanted.TableName,
        GlobalSecondaryIndexUpdates: [
          { Update: { IndexName: index.IndexName, ProvisionedThroughput: want.ProvisionedThroughput } },
        ],
      }),
    );
  }
  return steps;
}

function indexSteps(
  current: TableDescription,
  wanted: CreateTableCommandInput,
  parts: readonly UpdatePart[],
): TableUpdateStep[] {
  const TableName = wanted.TableName;
  const existing = current.GlobalSecondaryIndexes ?? [];
  const wantedIndexes = wanted.GlobalSecondaryIndexes ?? [];
  const steps: TableUpdateStep[] = [];
  const kept = new Set<string>();
  // Deletes first: a changed index is deleted and created again under the same name.
  for (const index of existing) {
    const match = wantedIndexes.find((candidate) => sameIndex(index, candidate));
    if (match) kept.add(index.IndexName!);
    else {
      steps.push(
        updateTable("indexes", {
          TableName,
          GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: index.IndexName } }],
        }),
      );
    }
  }
  for (const index of wantedIndexes) {
    if (kept.has(index.IndexName!)) continue;
    const keyNames = new Set(index.KeySchema?.map((key) => key.AttributeName));
    steps.push(
      updateTable("indexes", {
        TableName,
        // Only the new index's key attributes: DynamoDB rejects definitions no key uses.
        AttributeDefinitions: wanted.AttributeDefinitions?.filter((definition) =>
          keyNames.has(definition.AttributeName),
        ),
        GlobalSecondaryIndexUpdates: [{ Create: indexToCreate(index, current, wanted, parts) }],
      }),
    );
  }
  return steps;
}

/**
 * The calls that make `current` match `wanted`, restricted to `parts`, in Dynamoose's order:
 * throughput (a switch to provisioned carries every GSI's capacity), GSI capacity changes (in place, one
 * index per call; with `throughput` or `indexes`), indexes (every delete, then every create, one index
 * per call), tags, table class, streams.
 * LSIs and key schemas cannot change after creation and are left alone.
 *
 * @example
 * ```ts
 * const steps = diffTable({ table: described.Table! }, buildCreateTableInput(name, schemas, options), ["indexes"]);
 * steps.map((step) => step.operation); // ["UpdateTable", "UpdateTable"]: one index removed, one added
 * ```
 */
export function diffTable(
  current: CurrentTable,
  wanted: CreateTableCommandInput,
  parts: readonly UpdatePart[],
  replicaRegions: readonly string[] = [],
): TableUpdateStep[] {
  const steps: TableUpdateStep[] = [];
  const replicate = parts.includes("replication") && replicaRegions.length > 0;
  if (parts.includes("throughput")) steps.push(...throughputSteps(current.table, wanted));
  if (parts.includes("throughput") || parts.includes("indexes")) {
    steps.push(...capacitySteps(current.table, wanted, parts));
  }
  if (parts.includes("indexes")) steps.push(...indexSteps(current.table, wanted, parts));
  if (parts.includes("tags")) steps.push(...tagSteps(current, wanted));
  if (parts.includes("tableClass")) steps.push(...tableClassSteps(current.table, wanted));
  if (parts.includes("streams") || replicate) steps.push(...streamSteps(current.table, wanted));
  if (replicate) steps.push(...replicaSteps(current.table, replicaRegions, current.region));
  return steps;
}
