// Pure: the tags, table class and stream steps of a table update (see diff.ts for the order).
import type { CreateTableCommandInput, TableDescription } from "@aws-sdk/client-dynamodb";
import { updateTable, type CurrentTable, type TableUpdateStep } from "./update-step";

export function tagSteps(current: CurrentTable, wanted: CreateTableCommandInput): TableUpdateStep[] {
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

/**
 * The table class. A description without `TableClassSummary` does not say which class the table has
 * (AWS leaves it out for a table never given one, i.e. STANDARD; DynamoDB Local and other endpoints never
 * report it): the default class is then assumed to be in place, and another one is asked for as an
 * `unverified` step.
 */
export function tableClassSteps(
  current: TableDescription,
  wanted: CreateTableCommandInput,
): TableUpdateStep[] {
  const want = wanted.TableClass ?? "STANDARD";
  const have = current.TableClassSummary?.TableClass;
  if (have === want || (have === undefined && want === "STANDARD")) return [];
  const input = { TableName: wanted.TableName, TableClass: want };
  if (have !== undefined) return [updateTable("tableClass", input)];
  return [{ part: "tableClass", operation: "UpdateTable", input, wait: true, unverified: true }];
}

export function streamSteps(current: TableDescription, wanted: CreateTableCommandInput): TableUpdateStep[] {
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
