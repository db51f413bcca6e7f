// dynamodb-toolbox 2 on a DocumentClient over the same client; its entity and timestamp attributes are
// turned off so it reads and writes exactly the bench item.
import {
  BatchPutRequest,
  BatchWriteCommand,
  Entity,
  GetItemCommand,
  PutItemCommand,
  PutTransaction,
  QueryCommand,
  ScanCommand,
  Table,
  UpdateItemCommand,
  $add,
  boolean,
  executeBatchWrite,
  executeTransactWrite,
  item,
  list,
  map,
  number,
  set,
  string,
} from "dynamodb-toolbox";
import { EMAIL, EMAIL_INDEX, GET_ID, TABLE, UPDATE_ADD, UPDATE_SET, workload } from "../fixtures";
import type { Clients, Library } from "./types";

export function toolboxLibrary({ document }: Clients): Library {
  const table = new Table({
    name: TABLE,
    partitionKey: { name: "id", type: "string" },
    indexes: { [EMAIL_INDEX]: { type: "global", partitionKey: { name: "email", type: "string" } } },
    documentClient: document,
  });
  const User = new Entity({
    name: "User",
    table,
    entityAttribute: false,
    timestamps: false,
    schema: item({
      id: string().key(),
      name: string(),
      email: string(),
      age: number(),
      score: number(),
      active: boolean(),
      verified: boolean(),
      address: map({ street: string(), city: string(), zip: string() }),
      tags: list(string()),
      roles: set(string()),
      logins: number(),
      bio: string(),
    }),
  });
  return {
    name: "dynamodb-toolbox",
    operations: {
      putItem: () => User.build(PutItemCommand).item(workload.item).send(),
      getItem: async () => (await User.build(GetItemCommand).key({ id: GET_ID }).send()).Item,
      query: async () =>
        (
          await table
            .build(QueryCommand)
            .entities(User)
            .query({ index: EMAIL_INDEX, partition: EMAIL })
            .send()
        ).Items,
      updateItem: async () =>
        (
          await User.build(UpdateItemCommand)
            .item({ id: GET_ID, ...UPDATE_SET, logins: $add(UPDATE_ADD.logins) })
            .options({ returnValues: "ALL_NEW" })
            .send()
        ).Attributes,
      scan: async () =>
        (
          await table
            .build(ScanCommand)
            .entities(User)
            .options({ filters: { User: { attr: "active", eq: true } } })
            .send()
        ).Items,
      batchPut: () =>
        executeBatchWrite(
          table
            .build(BatchWriteCommand)
            .requests(...workload.batch.map((entry) => User.build(BatchPutRequest).item(entry))),
        ),
      transactWrite: () =>
        executeTransactWrite(
          ...workload.pair.map((entry) =>
            User.build(PutTransaction)
              .item(entry)
              .options({ condition: { attr: "id", exists: false } }),
          ),
        ),
    },
  };
}
