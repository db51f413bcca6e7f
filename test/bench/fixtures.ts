// The workload every adapter runs: the same ~12-attribute item (strings, numbers, booleans, a nested
// map, a list and a string set), the same keys, the same update and the same canned responses.
import { marshall } from "@aws-sdk/util-dynamodb";
import { Schema } from "./dynamodel-build";

export const TABLE = "BenchUsers";
/** A global index on `email`: every bench item shares one email, so a query returns the whole page. */
export const EMAIL_INDEX = "byEmail";
export const EMAIL = "ada@example.com";
export const GET_ID = "user-1";
/** The update: 3 SETs and 1 ADD. */
export const UPDATE_SET = { name: "Ada King", bio: "Countess of Lovelace.", age: 37 } as const;
export const UPDATE_ADD = { logins: 1 } as const;

export function benchItem(index: number) {
  return {
    id: `user-${index}`,
    name: "Ada Lovelace",
    email: EMAIL,
    age: 36,
    score: 98.5,
    active: true,
    verified: false,
    address: { street: "12 St James's Square", city: "London", zip: "SW1Y 4JH" },
    tags: ["math", "poetry", "engines"],
    roles: new Set(["admin", "author"]),
    logins: 1234,
    bio: "First programmer; wrote the notes on the Analytical Engine.",
  };
}
export type BenchItem = ReturnType<typeof benchItem>;

export const benchSchema = new Schema({
  id: { type: String, hashKey: true },
  name: String,
  email: { type: String, index: { name: EMAIL_INDEX, type: "global" } },
  age: Number,
  score: Number,
  active: Boolean,
  verified: Boolean,
  address: { type: Object, schema: { street: String, city: String, zip: String } },
  tags: { type: Array, schema: [String] },
  roles: { type: Set, schema: [String] },
  logins: Number,
  bio: String,
});

/** What each operation writes and what the table answers. */
export const workload = {
  item: benchItem(1),
  batch: Array.from({ length: 25 }, (_, index) => benchItem(100 + index)),
  pair: [benchItem(200), benchItem(201)] as const,
  page: Array.from({ length: 100 }, (_, index) => benchItem(index)),
  updated: { ...benchItem(1), ...UPDATE_SET, logins: benchItem(1).logins + UPDATE_ADD.logins },
};

const toImage = (value: BenchItem) => marshall(value, { removeUndefinedValues: true });

/** Canned outputs of the library-only layer, by command name. */
export const cannedOutputs: Record<string, object> = {
  PutItemCommand: {},
  GetItemCommand: { Item: toImage(workload.item) },
  QueryCommand: { Items: workload.page.map(toImage), Count: 100, ScannedCount: 100 },
  UpdateItemCommand: { Attributes: toImage(workload.updated) },
  ScanCommand: { Items: workload.page.map(toImage), Count: 100, ScannedCount: 150 },
  BatchWriteItemCommand: { UnprocessedItems: {} },
  TransactWriteItemsCommand: {},
};
