// What an adapter is: one library's way of running each benchmark operation, built on a given client.
import type { DynamoDB } from "@aws-sdk/client-dynamodb";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

export const OPERATIONS = [
  "putItem",
  "getItem",
  "query",
  "updateItem",
  "scan",
  "batchPut",
  "transactWrite",
] as const;
export type Operation = (typeof OPERATIONS)[number];

/** Runs one operation; resolves with what the library returns to its user (items for reads). */
export type OperationRun = (iteration: number) => Promise<unknown>;

export interface Library {
  name: string;
  operations: Record<Operation, OperationRun>;
}

export interface Clients {
  /** The aggregated client (the stub, the canned-HTTP client or DynamoDB Local's). */
  client: DynamoDB;
  /** A DocumentClient built on that same client. */
  document: DynamoDBDocumentClient;
}
