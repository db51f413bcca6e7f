// The two models and helpers the transaction tests share: an account with a validated balance and a
// default, and a log with timestamps, each in a table unique to the calling test file.
import { unmarshall } from "@aws-sdk/util-dynamodb";
import dynamodel, { Schema, TransactionCanceledError } from "dynamodel";
import { rawClient, uniqueTableName } from "./local";

export function transactionModels(tablePrefix: string) {
  const accounts = uniqueTableName(`txAccount${tablePrefix}`);
  const logs = uniqueTableName(`txLog${tablePrefix}`);
  const Account = dynamodel.model(
    "TxAccount",
    new Schema({
      id: { type: String, hashKey: true },
      balance: { type: Number, validate: (value: number) => value >= 0 },
      owner: { type: String, default: "nobody" },
      hits: Number,
    }),
    { tableName: accounts, throughput: "ON_DEMAND" },
  );
  const Log = dynamodel.model(
    "TxLog",
    new Schema({ id: { type: String, hashKey: true }, note: String }, { timestamps: true }),
    { tableName: logs, throughput: "ON_DEMAND" },
  );
  return { accounts, logs, Account, Log };
}

/** The item stored under `id`, read back with the raw SDK. */
export async function stored(table: string, id: string): Promise<Record<string, unknown> | undefined> {
  const { Item } = await rawClient().getItem({
    TableName: table,
    Key: { id: { S: id } },
    ConsistentRead: true,
  });
  return Item ? unmarshall(Item) : undefined;
}

/** The TransactionCanceledError `work` rejects with (fails the test if it resolves or fails otherwise). */
export async function cancellation(work: Promise<unknown>): Promise<TransactionCanceledError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TransactionCanceledError);
  return error as TransactionCanceledError;
}
