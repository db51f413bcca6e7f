// Dynamoose 4 on the same client; its table setup is disabled (no DescribeTable / CreateTable).
import dynamoose from "dynamoose";
import { EMAIL, EMAIL_INDEX, GET_ID, TABLE, UPDATE_ADD, UPDATE_SET, workload } from "../fixtures";
import type { Clients, Library } from "./types";

export function dynamooseLibrary({ client }: Clients): Library {
  dynamoose.aws.ddb.set(client);
  const schema = new dynamoose.Schema({
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
  const User = dynamoose.model(TABLE, schema, { create: false, waitForActive: false });
  return {
    name: "Dynamoose",
    operations: {
      putItem: () => new User(workload.item).save(),
      getItem: () => User.get({ id: GET_ID }),
      query: () => User.query("email").eq(EMAIL).exec(),
      updateItem: () => User.update({ id: GET_ID }, { $SET: UPDATE_SET, $ADD: UPDATE_ADD }),
      scan: () => User.scan("active").eq(true).exec(),
      batchPut: () => User.batchPut(workload.batch),
      transactWrite: () => dynamoose.transaction(workload.pair.map((item) => User.transaction.create(item))),
    },
  };
}
