// DynamoDB numbers have 38 digits; JavaScript numbers about 16. Integers beyond 2^53 (a 64-bit ID written
// by another service) used to be read rounded, compared as doubles and keyed as doubles: changed silently.
// They now read as bigints, and bigints are written exactly.
import dynamodel, { Schema, TypeMismatch, type } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("bigNumbers");
const Account = dynamodel.model(
  "BigNumbersAccount",
  new Schema(
    {
      id: { type: Number, hashKey: true },
      balance: Number,
      ids: { type: Set, schema: [Number] },
      nested: { type: Object, schema: { n: Number } },
      loose: type.ANY,
      note: String,
    },
    { saveUnknown: ["extra"] },
  ),
  { tableName, throughput: "ON_DEMAND" },
);

const BIG = "12345678901234567890"; // rounds to 12345678901234567168 as a double
const BIGGER = "12345678901234567891";

const stored = async (id: string) => (await storedItem(tableName, { id: { N: id } })) ?? {};

it("reads integers beyond 2^53 exactly, as bigints, through every read path", async () => {
  await Account.table().create(); // make sure the table exists before the raw write
  await rawClient().putItem({
    TableName: tableName,
    Item: {
      id: { N: BIG },
      balance: { N: BIGGER },
      ids: { NS: [BIG, "7"] },
      nested: { M: { n: { N: BIG } } },
      loose: { N: BIG },
      extra: { N: BIGGER },
    },
  });
  const read = await Account.get(BigInt(BIG) as unknown as number);
  expect(read).toBeDefined();
  expect(read!.id).toBe(BigInt(BIG));
  expect(read!.balance).toBe(BigInt(BIGGER));
  expect(read!.ids).toEqual(new Set([BigInt(BIG), 7]));
  expect(read!.nested?.n).toBe(BigInt(BIG));
  expect(read!.loose).toBe(BigInt(BIG));
  expect((read as unknown as Record<string, unknown>).extra).toBe(BigInt(BIGGER));

  const [scanned] = await Account.scan("balance")
    .eq(BigInt(BIGGER) as unknown as number)
    .exec();
  expect(scanned?.balance).toBe(BigInt(BIGGER));
  const [queried] = await Account.query("id")
    .eq(BigInt(BIG) as unknown as number)
    .exec();
  expect(queried?.id).toBe(BigInt(BIG));
});

it("reads numbers written from numbers back as those numbers", async () => {
  await Account.create({ id: 1, balance: 2 ** 60, nested: { n: 1e21 }, loose: -(2 ** 55) });
  // A number is written in its own shortest spelling, which is not the exact integer 2^60.
  expect((await stored("1")).balance).toEqual({ N: "1152921504606847000" });
  const read = await Account.get(1);
  expect(read?.balance).toBe(2 ** 60);
  expect(read?.nested?.n).toBe(1e21);
  expect(read?.loose).toBe(-(2 ** 55));

  // However DynamoDB spells a value a number holds, it reads as that number.
  await rawClient().putItem({
    TableName: tableName,
    Item: {
      id: { N: "4" },
      balance: { N: "1000000000000000000000" },
      ids: { NS: ["1E+21", "-9007199254740993"] },
    },
  });
  const spelled = await Account.get(4);
  expect(spelled?.balance).toBe(1e21);
  expect(spelled?.ids).toEqual(new Set([1e21, BigInt("-9007199254740993")]));
});

it("writes bigints exactly, in create, update, conditions and sets", async () => {
  const id = BigInt("98765432109876543210") as unknown as number;
  await Account.create({
    id,
    balance: BigInt(BIG) as unknown as number,
    ids: [BigInt(BIG) as unknown as number],
  });
  expect(await stored("98765432109876543210")).toMatchObject({
    balance: { N: BIG },
    ids: { NS: [BIG] },
  });
  await Account.update(
    { id },
    { balance: BigInt(BIGGER) as unknown as number },
    {
      condition: new dynamodel.Condition("balance").eq(BigInt(BIG)),
    },
  );
  expect((await stored("98765432109876543210")).balance).toEqual({ N: BIGGER });
  // A condition on the neighbouring value fails: the values are compared exactly by DynamoDB.
  await expect(
    Account.update({ id }, { note: "x" }, { condition: new dynamodel.Condition("balance").eq(BigInt(BIG)) }),
  ).rejects.toMatchObject({ name: "ConditionalCheckFailedException" });
});

it("saves a change of one in the 20th digit, and only what changed", async () => {
  await rawClient().putItem({
    TableName: tableName,
    Item: { id: { N: "2" }, balance: { N: BIG }, nested: { M: { n: { N: BIG } } } },
  });
  const read = await Account.get(2);
  read!.note = "touched";
  await read!.save();
  expect(await stored("2")).toEqual({
    id: { N: "2" },
    balance: { N: BIG },
    nested: { M: { n: { N: BIG } } },
    note: { S: "touched" },
  });

  read!.balance = BigInt(BIGGER) as unknown as number; // equal to BIG as a double
  expect(read!.isDirty("balance")).toBe(true);
  await read!.save();
  expect((await stored("2")).balance).toEqual({ N: BIGGER });
});

it("keeps keys that are equal as doubles apart in batches and transactions", async () => {
  const a = BigInt(BIG) as unknown as number;
  const b = BigInt(BIGGER) as unknown as number;
  await Account.batchPut([
    { id: a, note: "a" },
    { id: b, note: "b" },
  ]);
  expect((await stored(BIG)).note).toEqual({ S: "a" });
  expect((await stored(BIGGER)).note).toEqual({ S: "b" });
  const items = await Account.batchGet([a, b]);
  expect(items.map((item) => [item.id, item.note]).sort()).toEqual([
    [BigInt(BIG), "a"],
    [BigInt(BIGGER), "b"],
  ]);
  // Two elements on different items: not refused as "two on the same item".
  await dynamodel.transaction([
    Account.transaction.update({ id: a }, { note: "ta" }),
    Account.transaction.update({ id: b }, { note: "tb" }),
  ]);
  expect((await stored(BIG)).note).toEqual({ S: "ta" });
  expect((await stored(BIGGER)).note).toEqual({ S: "tb" });
});

it("still refuses values a number attribute cannot hold", async () => {
  await expect(Account.create({ id: 3, balance: Number.NaN })).rejects.toBeInstanceOf(TypeMismatch);
  await expect(Account.create({ id: 3, balance: "1" as unknown as number })).rejects.toBeInstanceOf(
    TypeMismatch,
  );
  expect(await stored("3")).toEqual({});
});

it("toJSON() gives a bigint as the string of its digits, so JSON.stringify works and nothing rounds", async () => {
  await rawClient().putItem({
    TableName: tableName,
    Item: { id: { N: "42" }, balance: { N: BIG }, ids: { NS: [BIG] }, nested: { M: { n: { N: BIG } } } },
  });
  const account = (await Account.get(42))!;
  expect(account.toJSON()).toEqual({ id: 42, balance: BIG, ids: [BIG], nested: { n: BIG } });
  expect(JSON.parse(JSON.stringify(account))).toEqual({
    id: 42,
    balance: BIG,
    ids: [BIG],
    nested: { n: BIG },
  });
});
