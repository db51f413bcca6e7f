// `dynamodel.listTables({limit, startAt})`: one page of ListTables, sent through the instance (its
// middleware and events, like every other call).
import type { ListTablesCommandOutput } from "@aws-sdk/client-dynamodb";
import { send } from "../client/send";
import { InvalidParameter } from "../errors";
import type { Instance } from "../instance";

export interface ListTablesSettings {
  /** At most this many names (DynamoDB's own maximum is 100). */
  limit?: number;
  /** The `lastKey` of the previous page. */
  startAt?: string;
}

/** Table names, with `lastKey` set when there are more. */
export type TableNames = string[] & { lastKey?: string };

export async function listTables(instance: Instance, settings: ListTablesSettings): Promise<TableNames> {
  const { limit, startAt } = settings;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new InvalidParameter("listTables: `limit` must be a positive integer.");
  }
  const output = await send<ListTablesCommandOutput>(
    { client: instance.sender, middleware: instance.middleware, events: instance.events },
    { operation: "ListTables", input: { Limit: limit, ExclusiveStartTableName: startAt }, table: "" },
  );
  const names = [...(output.TableNames ?? [])] as TableNames;
  // Not enumerable, like a query result's extras: the array prints and serializes as plain names.
  Object.defineProperty(names, "lastKey", {
    value: output.LastEvaluatedTableName,
    enumerable: false,
    writable: true,
  });
  return names;
}
