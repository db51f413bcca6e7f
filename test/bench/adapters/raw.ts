// The baseline: what a careful user writes by hand with @aws-sdk/client-dynamodb and util-dynamodb's
// marshall/unmarshall.
import {
  BatchWriteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { EMAIL, EMAIL_INDEX, GET_ID, TABLE, UPDATE_ADD, UPDATE_SET, workload } from "../fixtures";
import type { Clients, Library } from "./types";

const options = { removeUndefinedValues: true };

export function rawLibrary({ client }: Clients): Library {
  return {
    name: "raw SDK",
    operations: {
      putItem: () =>
        client.send(new PutItemCommand({ TableName: TABLE, Item: marshall(workload.item, options) })),
      getItem: async () => {
        const output = await client.send(
          new GetItemCommand({ TableName: TABLE, Key: { id: { S: GET_ID } } }),
        );
        return output.Item && unmarshall(output.Item);
      },
      query: async () => {
        const output = await client.send(
          new QueryCommand({
            TableName: TABLE,
            IndexName: EMAIL_INDEX,
            KeyConditionExpression: "#email = :email",
            ExpressionAttributeNames: { "#email": "email" },
            ExpressionAttributeValues: { ":email": { S: EMAIL } },
          }),
        );
        return (output.Items ?? []).map((image) => unmarshall(image));
      },
      updateItem: async () => {
        const output = await client.send(
          new UpdateItemCommand({
            TableName: TABLE,
            Key: { id: { S: GET_ID } },
            UpdateExpression: "SET #name = :name, #bio = :bio, #age = :age ADD #logins :logins",
            ExpressionAttributeNames: { "#name": "name", "#bio": "bio", "#age": "age", "#logins": "logins" },
            ExpressionAttributeValues: marshall({
              ":name": UPDATE_SET.name,
              ":bio": UPDATE_SET.bio,
              ":age": UPDATE_SET.age,
              ":logins": UPDATE_ADD.logins,
            }),
            ReturnValues: "ALL_NEW",
          }),
        );
        return output.Attributes && unmarshall(output.Attributes);
      },
      scan: async () => {
        const output = await client.send(
          new ScanCommand({
            TableName: TABLE,
            FilterExpression: "#active = :active",
            ExpressionAttributeNames: { "#active": "active" },
            ExpressionAttributeValues: { ":active": { BOOL: true } },
          }),
        );
        return (output.Items ?? []).map((image) => unmarshall(image));
      },
      batchPut: async () => {
        const output = await client.send(
          new BatchWriteItemCommand({
            RequestItems: {
              [TABLE]: workload.batch.map((item) => ({ PutRequest: { Item: marshall(item, options) } })),
            },
          }),
        );
        return output.UnprocessedItems?.[TABLE] ?? [];
      },
      transactWrite: () =>
        client.send(
          new TransactWriteItemsCommand({
            TransactItems: workload.pair.map((item) => ({
              Put: {
                TableName: TABLE,
                Item: marshall(item, options),
                ConditionExpression: "attribute_not_exists(#id)",
                ExpressionAttributeNames: { "#id": "id" },
              },
            })),
          }),
        ),
    },
  };
}
