// `expires.items.returnExpired: false`: items whose TTL has passed (DynamoDB deletes them only
// eventually) are dropped from what every read returns. Applied once, to the output of each model read
// (GetItem, Query, Scan, BatchGetItem) and to the item an UpdateItem returns, as Dynamoose does, before any
// item is built from it.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { OperationName } from "../client/operations";
import type { TableRuntime } from "./table";

type Image = Record<string, AttributeValue>;

interface ReadOutput {
  Item?: Image;
  Attributes?: Image;
  Items?: Image[];
  Count?: number;
  Responses?: Record<string, Image[]>;
}

/** `output` without the expired items (the same object when nothing is dropped). */
export function withoutExpired<Output>(
  table: TableRuntime,
  operation: OperationName,
  output: Output,
): Output {
  const expires = table.options.expires;
  if (expires === undefined || expires.returnExpired) return output;
  const read = output as ReadOutput;
  const keep = (image: Image) => !table.hidesExpired(image);
  if (operation === "GetItem" && read.Item && !keep(read.Item)) return { ...read, Item: undefined } as Output;
  if (operation === "UpdateItem" && read.Attributes && !keep(read.Attributes))
    return { ...read, Attributes: undefined } as Output;
  if ((operation === "Query" || operation === "Scan") && read.Items) {
    const Items = read.Items.filter(keep);
    if (Items.length === read.Items.length) return output;
    // Count is what was returned, so it drops too; ScannedCount still says what was read.
    return { ...read, Items, Count: Items.length } as Output;
  }
  const page = read.Responses?.[table.name];
  if (operation === "BatchGetItem" && page) {
    return { ...read, Responses: { ...read.Responses, [table.name]: page.filter(keep) } } as Output;
  }
  return output;
}
