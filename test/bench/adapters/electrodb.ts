// ElectroDB 3 on a DocumentClient over the same client. Its keys are the bench item's own attributes
// (`id`, and `email` for the index); reads pass `ignoreOwnership` because the canned items carry no
// ElectroDB identifiers (`__edb_e__`, `__edb_v__`), which it still writes.
import { Entity, Service } from "electrodb";
import { EMAIL, EMAIL_INDEX, GET_ID, TABLE, UPDATE_ADD, UPDATE_SET, workload } from "../fixtures";
import type { BenchItem } from "../fixtures";
import type { Clients, Library } from "./types";

/** ElectroDB types a set attribute's input as an array (it accepts both); converted once, up front. */
const withRolesArray = (entry: BenchItem) => ({ ...entry, roles: [...entry.roles] });
const item = withRolesArray(workload.item);
const batch = workload.batch.map(withRolesArray);
const pair = workload.pair.map(withRolesArray);

export function electroLibrary({ document }: Clients): Library {
  const User = new Entity(
    {
      model: { entity: "user", version: "1", service: "bench" },
      attributes: {
        id: { type: "string", required: true },
        name: { type: "string" },
        email: { type: "string" },
        age: { type: "number" },
        score: { type: "number" },
        active: { type: "boolean" },
        verified: { type: "boolean" },
        address: {
          type: "map",
          properties: { street: { type: "string" }, city: { type: "string" }, zip: { type: "string" } },
        },
        tags: { type: "list", items: { type: "string" } },
        roles: { type: "set", items: "string" },
        logins: { type: "number" },
        bio: { type: "string" },
      },
      indexes: {
        primary: { pk: { field: "id", composite: ["id"] } },
        byEmail: { index: EMAIL_INDEX, pk: { field: "email", composite: ["email"] } },
      },
    },
    { table: TABLE, client: document },
  );
  const service = new Service({ user: User });
  const read = { ignoreOwnership: true } as const;
  return {
    name: "ElectroDB",
    operations: {
      putItem: () => User.put(item).go(),
      getItem: async () => (await User.get({ id: GET_ID }).go(read)).data,
      query: async () => (await User.query.byEmail({ email: EMAIL }).go(read)).data,
      updateItem: async () =>
        (await User.update({ id: GET_ID }).set(UPDATE_SET).add(UPDATE_ADD).go({ response: "all_new" })).data,
      scan: async () => (await User.scan.where(({ active }, { eq }) => eq(active, true)).go(read)).data,
      batchPut: () => User.put(batch).go(),
      transactWrite: () =>
        service.transaction.write(({ user }) => pair.map((entry) => user.create(entry).commit())).go(),
    },
  };
}
