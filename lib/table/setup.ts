// The setup flow of a table (SPEC §7), in Dynamoose's order: create if missing → wait until the table and
// every GSI are ACTIVE → TTL → update (the steps diff.ts computes). Every call has a short deadline of its
// own, so an endpoint that never answers fails the flow (and with it every waiting request) instead of
// leaving requests hanging; the SDK's retries against a closed port finish well within it.
import type {
  DescribeTableCommandOutput,
  DescribeTimeToLiveCommandOutput,
  ListTagsOfResourceCommandOutput,
  TableDescription,
  Tag,
} from "@aws-sdk/client-dynamodb";
import type { OperationName } from "../client/operations";
import { OtherError, WaitForActiveTimeout } from "../errors";
import { emitLog } from "../logger/logger";
import { diffTable } from "./diff";
import type { TableRuntime } from "./table";

/** How long one setup call may take before the flow fails (SPEC §8: a failing setup rejects within 3 s). */
export const SETUP_CALL_DEADLINE_MS = 2500;

const hasName = (error: unknown, ...names: string[]) => error instanceof Error && names.includes(error.name);

/** DynamoDB Local answers tagging calls with UnknownOperationException; tags are then skipped with a warning. */
const isUnsupported = (error: unknown) => hasName(error, "UnknownOperationException");

const sleep = (ms: number) =>
  new Promise<void>((resolve) => (ms === 0 ? setImmediate(resolve) : setTimeout(resolve, ms)));

/** One setup call, through the table's instance (middleware, events), failing after the deadline. */
export async function setupCall<Output>(
  table: TableRuntime,
  operation: OperationName,
  input: object,
): Promise<Output> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new OtherError(
            `${operation} on table "${table.name}" did not answer within ${SETUP_CALL_DEADLINE_MS} ms.`,
          ),
        ),
      SETUP_CALL_DEADLINE_MS,
    );
  });
  const call = table.send<Output>(operation, input);
  // The late answer (or error) of a call that lost the race is dropped on purpose.
  call.catch(() => undefined);
  try {
    return await Promise.race([call, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export async function describeOrUndefined(table: TableRuntime): Promise<TableDescription | undefined> {
  try {
    const output = await setupCall<DescribeTableCommandOutput>(table, "DescribeTable", {
      TableName: table.name,
    });
    return output.Table;
  } catch (error) {
    if (hasName(error, "ResourceNotFoundException")) return undefined;
    throw error;
  }
}

async function createIfMissing(table: TableRuntime): Promise<void> {
  if (await describeOrUndefined(table)) return;
  try {
    await setupCall(table, "CreateTable", table.createInput());
  } catch (error) {
    // Another process (or a model sharing the table) created it first: that is fine.
    if (!hasName(error, "ResourceInUseException")) throw error;
  }
}

/** Polls until the table and all of its GSIs are ACTIVE; `WaitForActiveTimeout` after `timeout` ms. */
export async function waitForActive(table: TableRuntime): Promise<void> {
  const { timeout, frequency } = table.options.waitForActive.check;
  const deadline = Date.now() + timeout;
  for (;;) {
    const description = await describeOrUndefined(table);
    const indexesActive = (description?.GlobalSecondaryIndexes ?? []).every(
      (index) => index.IndexStatus === "ACTIVE",
    );
    if (description?.TableStatus === "ACTIVE" && indexesActive) return;
    if (Date.now() + frequency > deadline) {
      throw new WaitForActiveTimeout(
        `Waiting for table "${table.name}" to be active timed out after ${timeout} ms.`,
      );
    }
    await sleep(frequency);
  }
}

async function enableTimeToLive(table: TableRuntime, attribute: string): Promise<void> {
  const { timeout, frequency } = table.options.waitForActive.check;
  const deadline = Date.now() + timeout;
  for (;;) {
    const output = await setupCall<DescribeTimeToLiveCommandOutput>(table, "DescribeTimeToLive", {
      TableName: table.name,
    });
    const status = output.TimeToLiveDescription?.TimeToLiveStatus;
    // TTL cannot be enabled again while it is being disabled.
    if (status === "DISABLING" && Date.now() + frequency <= deadline) {
      await sleep(frequency);
      continue;
    }
    if (status === "ENABLED" || status === "ENABLING") return;
    await setupCall(table, "UpdateTimeToLive", {
      TableName: table.name,
      TimeToLiveSpecification: { AttributeName: attribute, Enabled: true },
    });
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

async function update(table: TableRuntime): Promise<void> {
  const parts = table.options.update.filter((part) => part !== "ttl");
  if (parts.length === 0) return;
  const description = await describeOrUndefined(table);
  if (!description) throw new OtherError(`Table "${table.name}" does not exist, so it cannot be updated.`);
  const tags = parts.includes("tags") ? await currentTags(table, description.TableArn) : undefined;
  for (const step of diffTable({ table: description, tags }, table.createInput(), parts)) {
    await setupCall(table, step.operation, step.input);
    if (step.wait) await waitForActive(table);
  }
}

/** Runs the whole flow once. */
export async function runSetup(table: TableRuntime): Promise<void> {
  const { create, waitForActive: wait, expires, update: parts } = table.options;
  if (create) await createIfMissing(table);
  if (wait.enabled) await waitForActive(table);
  if (expires && (create || parts.includes("ttl"))) await enableTimeToLive(table, expires.attribute);
  await update(table);
}
