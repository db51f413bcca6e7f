// dynamodel, through its public API only.
import dynamodel from "../dynamodel-build";
import { EMAIL, GET_ID, TABLE, UPDATE_ADD, UPDATE_SET, benchSchema, workload } from "../fixtures";
import type { Clients, Library } from "./types";

/** The bench model on dynamodel's default instance, sending through `client`. */
export function dynamodelModel({ client }: Pick<Clients, "client">) {
  dynamodel.aws.ddb.set(client);
  return dynamodel.model("BenchUser", benchSchema, { tableName: TABLE, create: false, waitForActive: false });
}

export function dynamodelLibrary(clients: Clients): Library {
  const User = dynamodelModel(clients);
  return {
    name: "dynamodel",
    operations: {
      putItem: () => new User(workload.item).save(),
      getItem: () => User.get(GET_ID),
      query: () => User.query("email").eq(EMAIL).exec(),
      updateItem: () => User.update({ id: GET_ID }, { ...UPDATE_SET, $ADD: UPDATE_ADD }),
      scan: () => User.scan("active").eq(true).exec(),
      batchPut: () => User.batchPut(workload.batch),
      transactWrite: () => dynamodel.transaction(workload.pair.map((item) => User.transaction.create(item))),
    },
  };
}
