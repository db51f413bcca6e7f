// @aws-sdk/lib-dynamodb's DocumentClient: native JavaScript values in and out, no schema.
import {
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { EMAIL, EMAIL_INDEX, GET_ID, TABLE, UPDATE_ADD, UPDATE_SET, workload } from "../fixtures";
import type { Clients, Library } from "./types";

export function documentClientLibrary({ document }: Clients): Library {
  return {
    name: "DocumentClient",
    operations: {
      putItem: () => document.send(new PutCommand({ TableName: TABLE, Item: workload.item })),
      getItem: async () =>
        (await document.send(new GetCommand({ TableName: TABLE, Key: { id: GET_ID } }))).Item,
      query: async () => {
        const output = await document.send(
          new QueryCommand({
            TableName: TABLE,
            IndexName: EMAIL_INDEX,
            KeyConditionExpression: "#email = :email",
            ExpressionAttributeNames: { "#email": "email" },
            ExpressionAttributeValues: { ":email": EMAIL },
          }),
        );
        return output.Items ?? [];
      },
      updateItem: async () => {
        const output = await document.send(
          new UpdateCommand({
            TableName: TABLE,
            Key: { id: GET_ID },
            UpdateExpression: "SET #name = :name, #bio = :bio, #age = :age ADD #logins :logins",
            ExpressionAttributeNames: { "#name": "name", "#bio": "bio", "#age": "age", "#logins": "logins" },
            ExpressionAttributeValues: {
              ":name": UPDATE_SET.name,
              ":bio": UPDATE_SET.bio,
              ":age": UPDATE_SET.age,
              ":logins": UPDATE_ADD.logins,
            },
            ReturnValues: "ALL_NEW",
          }),
        );
        return output.Attributes;
      },
      scan: async () => {
        const output = await document.send(
          new ScanCommand({
            TableName: TABLE,
            FilterExpression: "#active = :active",
            ExpressionAttributeNames: { "#active": "active" },
            ExpressionAttributeValues: { ":active": true },
          }),
        );
        return output.Items ?? [];
      },
      batchPut: async () => {
        const output = await document.send(
          new BatchWriteCommand({
            RequestItems: { [TABLE]: workload.batch.map((item) => ({ PutRequest: { Item: item } })) },
          }),
        );
        return output.UnprocessedItems?.[TABLE] ?? [];
      },
      transactWrite: () =>
        document.send(
          new TransactWriteCommand({
            TransactItems: workload.pair.map((item) => ({
              Put: {
                TableName: TABLE,
                Item: item,
                ConditionExpression: "attribute_not_exists(#id)",
                ExpressionAttributeNames: { "#id": "id" },
              },
            })),
          }),
        ),
    },
  };
}
