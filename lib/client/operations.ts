// DynamoDB operation names → SDK command classes. The only table of commands in the library.
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  CreateBackupCommand,
  CreateTableCommand,
  DeleteItemCommand,
  DeleteTableCommand,
  DescribeBackupCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  GetItemCommand,
  ListTablesCommand,
  ListTagsOfResourceCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TagResourceCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UntagResourceCommand,
  UpdateItemCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import { describeValue, InvalidParameter } from "../errors";

export const COMMANDS = {
  GetItem: GetItemCommand,
  PutItem: PutItemCommand,
  UpdateItem: UpdateItemCommand,
  DeleteItem: DeleteItemCommand,
  BatchGetItem: BatchGetItemCommand,
  BatchWriteItem: BatchWriteItemCommand,
  Query: QueryCommand,
  Scan: ScanCommand,
  TransactGetItems: TransactGetItemsCommand,
  TransactWriteItems: TransactWriteItemsCommand,
  CreateTable: CreateTableCommand,
  DeleteTable: DeleteTableCommand,
  DescribeTable: DescribeTableCommand,
  UpdateTable: UpdateTableCommand,
  DescribeTimeToLive: DescribeTimeToLiveCommand,
  UpdateTimeToLive: UpdateTimeToLiveCommand,
  ListTables: ListTablesCommand,
  ListTagsOfResource: ListTagsOfResourceCommand,
  TagResource: TagResourceCommand,
  UntagResource: UntagResourceCommand,
  CreateBackup: CreateBackupCommand,
  DescribeBackup: DescribeBackupCommand,
} as const;

export type OperationName = keyof typeof COMMANDS;

/** The command class `send` builds for an operation: the classes differ only in their input type. */
export type CommandClass = new (input: object) => unknown;

/**
 * Refuses a name that is not a DynamoDB operation of the table above (its own keys only: "constructor"
 * is not one), with the name of the same letters when there is one. `where` says who gave it.
 */
export function checkOperationName(operation: unknown, where: string): asserts operation is OperationName {
  if (typeof operation === "string" && Object.hasOwn(COMMANDS, operation)) return;
  const names = Object.keys(COMMANDS);
  const sameLetters =
    typeof operation === "string"
      ? names.find((name) => name.toLowerCase() === operation.toLowerCase())
      : undefined;
  throw new InvalidParameter(
    `Unknown DynamoDB operation ${describeValue(operation)} ${where}` +
      (sameLetters === undefined ? "" : ` (did you mean "${sameLetters}"?)`) +
      `: use one of ${names.join(", ")}.`,
  );
}
