// `npm run bench`: dynamodel against the raw SDK (hand-written inputs + util-dynamodb), library-only
// layer: a real SDK client short-circuited at its build step (see stub-client.ts). Every adapter is
// checked first: it must issue the expected command and return the right item.
import assert from "node:assert/strict";
import { GetItemCommand, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import dynamodel from "dynamodel";
import { itemFromImage } from "../../lib/model/persist";
import { modelRuntimeOf } from "../../lib/model/runtime";
import { benchItem, benchSchema } from "./fixtures";
import { formatResults, measure, type Adapter, type OperationResult } from "./harness";
import { createStubClient } from "./stub-client";

const TABLE = "BenchUsers";
const stub = createStubClient();
dynamodel.aws.ddb.set(stub.client);
const User = dynamodel.model("BenchUser", benchSchema, {
  tableName: TABLE,
  create: false,
  waitForActive: false,
});

const item = benchItem(1);
const storedItem = marshall(item, { removeUndefinedValues: true });
const page = Array.from({ length: 100 }, (_, index) =>
  marshall(benchItem(index), { removeUndefinedValues: true }),
);
stub.outputs.set("PutItemCommand", {});
stub.outputs.set("GetItemCommand", { Item: storedItem });

const put: Adapter[] = [
  {
    name: "raw SDK",
    run: () =>
      stub.client.send(
        new PutItemCommand({ TableName: TABLE, Item: marshall(item, { removeUndefinedValues: true }) }),
      ),
  },
  { name: "dynamodel", run: () => new User(item).save() },
];

const get: Adapter[] = [
  {
    name: "raw SDK",
    run: async () => {
      const output = await stub.client.send(
        new GetItemCommand({ TableName: TABLE, Key: { id: { S: "user-1" } } }),
      );
      return output.Item && unmarshall(output.Item);
    },
  },
  { name: "dynamodel", run: () => User.get("user-1") },
];

const runtime = modelRuntimeOf(User);
const hydrate: Adapter[] = [
  { name: "raw SDK", run: async () => page.map((entry) => unmarshall(entry)) },
  { name: "dynamodel", run: async () => page.map((entry) => itemFromImage(runtime, entry)) },
];

async function verify(): Promise<void> {
  stub.calls.clear();
  await put[0]!.run(0);
  await put[1]!.run(0);
  assert.equal(stub.calls.get("PutItemCommand"), 2, "both put adapters send PutItem");
  assert.deepEqual(stub.lastInput.get("PutItemCommand"), { TableName: TABLE, Item: storedItem });
  const raw = (await get[0]!.run(0)) as Record<string, unknown>;
  const ours = (await get[1]!.run(0)) as Record<string, unknown>;
  assert.equal(stub.calls.get("GetItemCommand"), 2, "both get adapters send GetItem");
  assert.deepEqual({ ...ours }, raw);
  const hydrated = (await hydrate[1]!.run(0)) as Record<string, unknown>[];
  assert.equal(hydrated.length, 100);
  assert.deepEqual({ ...hydrated[42] }, unmarshall(page[42]!));
}

async function main(): Promise<void> {
  await verify();
  const quick = process.argv.includes("--quick");
  const options = quick ? { rounds: 5, iterations: 100, warmup: 100 } : {};
  const results: OperationResult[] = [];
  results.push(await measure("putItem", put, options));
  results.push(await measure("getItem", get, options));
  results.push(await measure("hydrate 100 items", hydrate, { ...options, iterations: quick ? 20 : 60 }));
  console.log(`node ${process.version}, ${process.platform}/${process.arch}\n`);
  console.log(formatResults(results));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
