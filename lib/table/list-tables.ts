// `dynamodel.listTables({limit, startAt})`: a page of table names, sent through the instance (its
// middleware and events, like every other call). DynamoDB answers at most 100 names per request; a larger
// `limit` is met with as many requests as it takes, so the caller gets what it asked for.
import type { ListTablesCommandOutput } from "@aws-sdk/client-dynamodb";
import { withDeadline } from "../client/deadline";
import { send } from "../client/send";
import { describeValue, InvalidParameter } from "../errors";
import { isPlainObject } from "../expressions/is-plain-object";
import type { Instance } from "../instance";

export interface ListTablesSettings {
  /** At most this many names (more than DynamoDB's 100 per request takes several requests). */
  limit?: number;
  /** The `lastKey` of the previous page. */
  startAt?: string;
}

/** Table names, with `lastKey` set when there are more. */
export type TableNames = string[] & { lastKey?: string };

/** DynamoDB's own maximum `Limit` for one ListTables request. */
const PER_REQUEST = 100;

function checkSettings(settings: unknown): ListTablesSettings {
  if (!isPlainObject(settings)) {
    throw new InvalidParameter(`listTables() takes {limit?, startAt?} (got ${describeValue(settings)}).`);
  }
  const unknown = Object.keys(settings).filter((key) => key !== "limit" && key !== "startAt");
  if (unknown.length > 0) {
    throw new InvalidParameter(
      `listTables(): unknown setting ${unknown.map((key) => `"${key}"`).join(", ")} (allowed: limit, startAt).`,
    );
  }
  const { limit, startAt } = settings;
  if (limit !== undefined && (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1)) {
    throw new InvalidParameter(
      `listTables(): \`limit\` must be a whole number ≥ 1 (got ${describeValue(limit)}).`,
    );
  }
  if (startAt !== undefined && (typeof startAt !== "string" || startAt === "")) {
    throw new InvalidParameter(
      `listTables(): \`startAt\` must be a table name, a previous page's lastKey (got ${describeValue(startAt)}).`,
    );
  }
  return { limit, startAt } as ListTablesSettings;
}

export async function listTables(instance: Instance, settings: unknown): Promise<TableNames> {
  const { limit, startAt } = checkSettings(settings);
  const names: string[] = [];
  let lastKey = startAt;
  do {
    const wanted = limit === undefined ? undefined : Math.min(limit - names.length, PER_REQUEST);
    const input = { Limit: wanted, ExclusiveStartTableName: lastKey };
    const output = await withDeadline("ListTables", "", (signal) =>
      send<ListTablesCommandOutput>(
        { client: instance.sender, middleware: instance.middleware, events: instance.events },
        { operation: "ListTables", input, table: "" },
        signal,
      ),
    );
    names.push(...(output.TableNames ?? []));
    lastKey = output.LastEvaluatedTableName;
    // Without a limit, one request, as before: DynamoDB's default page, continued by the caller with lastKey.
  } while (limit !== undefined && lastKey !== undefined && names.length < limit);
  const page = names as TableNames;
  // Not enumerable, like a query result's extras: the array prints and serializes as plain names.
  Object.defineProperty(page, "lastKey", { value: lastKey, enumerable: false, writable: true });
  return page;
}
