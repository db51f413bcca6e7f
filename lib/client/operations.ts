// DynamoDB operation names → SDK command classes. The only table of commands in the library.
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteItemCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";

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
} as const;

export type OperationName = keyof typeof COMMANDS;
