// SPEC §7: `listTables({limit, startAt})` pages through table names. A limit over DynamoDB's 100 per request
// is met with several requests; bad settings are InvalidParameter before anything is sent. On a DynamoDB
// Local of its own, so its 105 tables are all there is.
import { Instance, InvalidParameter } from "dynamodel";
import { startLocal, type LocalDynamoDB } from "dynamodel/local";

let local: LocalDynamoDB;
const instance = new Instance();
const requests: unknown[] = [];

beforeAll(async () => {
  local = await startLocal();
  instance.aws.ddb.set(local.client);
  instance.use(async (call, next) => {
    requests.push(call.input);
    return next();
  });
  for (let start = 0; start < 105; start += 15) {
    await Promise.all(
      Array.from({ length: 15 }, (_unused, offset) =>
        local.client.createTable({
          TableName: `t${String(start + offset).padStart(3, "0")}`,
          KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
          AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
          BillingMode: "PAY_PER_REQUEST",
        }),
      ),
    );
  }
}, 60_000);
afterAll(() => local.stop());
beforeEach(() => {
  requests.length = 0;
});

const name = (index: number) => `t${String(index).padStart(3, "0")}`;

it("gives a limit over 100 names with as many requests as it takes, and continues from lastKey", async () => {
  const first = await instance.listTables({ limit: 103 });
  expect([...first]).toEqual(Array.from({ length: 103 }, (_unused, index) => name(index)));
  expect(first.lastKey).toBe(name(102));
  expect(requests).toEqual([
    { Limit: 100, ExclusiveStartTableName: undefined },
    { Limit: 3, ExclusiveStartTableName: name(99) },
  ]);
  const rest = await instance.listTables({ limit: 103, startAt: first.lastKey });
  expect([...rest]).toEqual([name(103), name(104)]);
  expect(rest.lastKey).toBeUndefined();
});

it("without a limit sends one request, as before", async () => {
  const page = await instance.listTables();
  expect(page.length).toBe(100); // DynamoDB's default page
  expect(requests).toHaveLength(1);
});

it("refuses bad settings before sending anything", async () => {
  for (const settings of [
    { limit: 0 },
    { limit: 2.5 },
    { limit: "2" },
    { startAt: 5 },
    { startAt: "" },
    { lmit: 2 },
    5,
  ]) {
    await expect(instance.listTables(settings as never)).rejects.toBeInstanceOf(InvalidParameter);
  }
  await expect(instance.listTables({ lmit: 2 } as never)).rejects.toThrow(/unknown setting "lmit"/);
  expect(requests).toEqual([]);
});
