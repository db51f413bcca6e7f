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
  Tag,
  TagResourceCommandInput,
  UntagResourceCommandInput,
  UpdateTableCommandInput,
} from "@aws-sdk/client-dynamodb";
import type { UpdatePart } from "./options";

export type TableUpdateStep =
  | {
      readonly part: "throughput" | "indexes" | "tableClass" | "streams";
      readonly operation: "UpdateTable";
      readonly input: UpdateTableCommandInput;
      /** Index steps wait for the table and its indexes to be ACTIVE before the next one may start. */
      readonly wait: boolean;
    }
  | {
      readonly part: "tags";
      readonly operation: "UntagResource";
      readonly input: UntagResourceCommandInput;
      readonly wait: false;
    }
  | {
      readonly part: "tags";
      readonly operation: "TagResource";
      readonly input: TagResourceCommandInput;
      readonly wait: false;
    };

export interface CurrentTable {
  readonly table: TableDescription;
  /** The table's tags, when tags are being updated and the endpoint supports tagging. */
  readonly tags?: readonly Tag[] | undefined;
}

type Capacity = Partial<ProvisionedThroughput> | undefined;

/** Every throughput, index, table class and stream change is an UpdateTable that must finish first. */
const updateTable = (
  part: "throughput" | "indexes" | "tableClass" | "streams",
  input: UpdateTableCommandInput,
): TableUpdateStep => ({ part, operation: "UpdateTable", input, wait: true });

const sameThroughput = (a: Capacity, b: Capacity) =>
  a?.ReadCapacityUnits === b?.ReadCapacityUnits && a?.WriteCapacityUnits === b?.WriteCapacityUnits;

const projectionKey = (projection: Projection | undefined) =>
  JSON.stringify([projection?.ProjectionType ?? "ALL", [...(projection?.NonKeyAttributes ?? [])].sort()]);

const keysOf = (keys: readonly KeySchemaElement[] | undefined) =>
  (keys ?? []).map((key) => `${key.AttributeName}:${key.KeyType}`).join(",");

/** An existing GSI is kept only if it is identical: keys, projection and (unless on demand) throughput. */
function sameIndex(
  existing: GlobalSecondaryIndexDescription,
  wanted: GlobalSecondaryIndex,
  onDemand: boolean,
): boolean {
  return (
    existing.IndexName === wanted.IndexName &&
    keysOf(existing.KeySchema) === keysOf(wanted.KeySchema) &&
    projectionKey(existing.Projection) === projectionKey(wanted.Projection) &&
    (onDemand || sameThroughput(existing.ProvisionedThroughput, wanted.ProvisionedThroughput))
  );
}

function throughputSteps(current: TableDescription, wanted: CreateTableCommandInput): TableUpdateStep[] {
  const TableName = wanted.TableName;
  const isOnDemand = current.BillingModeSummary?.BillingMode === "PAY_PER_REQUEST";
  if (wanted.BillingMode === "PAY_PER_REQUEST") {
    return isOnDemand ? [] : [updateTable("throughput", { TableName, BillingMode: "PAY_PER_REQUEST" })];
  }
  if (!isOnDemand && sameThroughput(current.ProvisionedThroughput, wanted.ProvisionedThroughput)) return [];
  const input: UpdateTableCommandInput = { TableName, ProvisionedThroughput: wanted.ProvisionedThroughput };
  if (isOnDemand) input.BillingMode = "PROVISIONED";
  return [updateTable("throughput", input)];
}

function indexSteps(current: TableDescription, wanted: CreateTableCommandInput): TableUpdateStep[] {
  const TableName = wanted.TableName;
  const onDemand = wanted.BillingMode === "PAY_PER_REQUEST";
  const existing = current.GlobalSecondaryIndexes ?? [];
  const wantedIndexes = wanted.GlobalSecondaryIndexes ?? [];
  const steps: TableUpdateStep[] = [];
  const kept = new Set<string>();
  // Deletes first: a changed index is deleted and created again under the same name.
  for (const index of existing) {
    const match = wantedIndexes.find((candidate) => sameIndex(index, candidate, onDemand));
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
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
  }
  return steps;
}

function tagSteps(current: CurrentTable, wanted: CreateTableCommandInput): TableUpdateStep[] {
  const arn = current.table.TableArn;
  if (arn === undefined || current.tags === undefined) return [];
  const want = new Map((wanted.Tags ?? []).map((tag) => [tag.Key!, tag.Value!]));
  const have = new Map(current.tags.map((tag) => [tag.Key!, tag.Value!]));
  const steps: TableUpdateStep[] = [];
  const remove = [...have.keys()].filter((key) => want.get(key) !== have.get(key));
  if (remove.length > 0) {
    steps.push({
      part: "tags",
      operation: "UntagResource",
      input: { ResourceArn: arn, TagKeys: remove },
      wait: false,
    });
  }
  const add = [...want]
    .filter(([key, value]) => have.get(key) !== value)
    .map(([Key, Value]) => ({ Key, Value }));
  if (add.length > 0)
    steps.push({
      part: "tags",
      operation: "TagResource",
      input: { ResourceArn: arn, Tags: add },
      wait: false,
    });
  return steps;
}

function tableClassSteps(current: TableDescription, wanted: CreateTableCommandInput): TableUpdateStep[] {
  const have = current.TableClassSummary?.TableClass ?? "STANDARD";
  const want = wanted.TableClass ?? "STANDARD";
  if (have === want) return [];
  return [updateTable("tableClass", { TableName: wanted.TableName, TableClass: want })];
}

function streamSteps(current: TableDescription, wanted: CreateTableCommandInput): TableUpdateStep[] {
  const TableName = wanted.TableName;
  const have = current.StreamSpecification?.StreamEnabled
    ? current.StreamSpecification.StreamViewType
    : undefined;
  const want = wanted.StreamSpecification?.StreamEnabled
    ? wanted.StreamSpecification.StreamViewType
    : undefined;
  if (have === want) return [];
  const steps: TableUpdateStep[] = [];
  // A stream's view type cannot change in place: it is disabled, then enabled with the new type.
  if (have !== undefined) {
    steps.push(updateTable("streams", { TableName, StreamSpecification: { StreamEnabled: false } }));
  }
  if (want !== undefined) {
    steps.push(
      updateTable("streams", {
        TableName,
        StreamSpecification: { StreamEnabled: true, StreamViewType: want },
      }),
    );
  }
  return steps;
}

/**
 * The calls that make `current` match `wanted`, restricted to `parts`, in Dynamoose's order:
 * throughput, indexes (every delete, then every create, one index per call), tags, table class, streams.
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
): TableUpdateStep[] {
  const steps: TableUpdateStep[] = [];
  if (parts.includes("throughput")) steps.push(...throughputSteps(current.table, wanted));
  if (parts.includes("indexes")) steps.push(...indexSteps(current.table, wanted));
  if (parts.includes("tags")) steps.push(...tagSteps(current, wanted));
  if (parts.includes("tableClass")) steps.push(...tableClassSteps(current.table, wanted));
  if (parts.includes("streams")) steps.push(...streamSteps(current.table, wanted));
  return steps;
}
