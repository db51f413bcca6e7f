// Transaction fixes from session 31's audit: a read item given a new key is created, not written over
// what is stored there; an element that fails to build is named by its index.
import { isNativeError } from "node:util/types";
import dynamodel, { TypeMismatch } from "dynamodel";
import { rawClient } from "../support/local";
import { cancellation, stored, transactionModels } from "../support/transaction-fixtures";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const { accounts, Account } = transactionModels("Audit");

describe("Model.transaction.create of an item read from the table", () => {
  it("given a new key, requires that nothing is stored under it, as Model.create does", async () => {
    await Account.create({ id: "copy-from", balance: 1, owner: "ann" });
    await Account.create({ id: "copy-to", balance: 9, owner: "keep me" });
    const copy = (await Account.get("copy-from"))!;
    copy.id = "copy-to";
    const request = (await Account.transaction.create(copy)) as { Put?: { ConditionExpression?: string } };
    expect(request.Put?.ConditionExpression).toMatch(/^attribute_not_exists\(/);
    const error = await cancellation(dynamodel.transaction([Account.transaction.create(copy)]));
    expect(error.reasons[0]).toMatchObject({ index: 0, code: "ConditionalCheckFailed" });
    expect(await stored(accounts, "copy-to")).toEqual({ id: "copy-to", balance: 9, owner: "keep me" });
    expect(await stored(accounts, "copy-from")).toEqual({ id: "copy-from", balance: 1, owner: "ann" });
  });

  it("given a new key nothing is stored under, creates it; overwrite: true replaces what is there", async () => {
    await Account.create({ id: "copy-a", balance: 2, owner: "ann" });
    await Account.create({ id: "copy-c", balance: 7, owner: "old", hits: 3 });
    const copy = (await Account.get("copy-a"))!;
    copy.id = "copy-b";
    await dynamodel.transaction([Account.transaction.create(copy)]);
    expect(await stored(accounts, "copy-b")).toEqual({ id: "copy-b", balance: 2, owner: "ann" });
    copy.id = "copy-c";
    await dynamodel.transaction([Account.transaction.create(copy, { overwrite: true })]);
    expect(await stored(accounts, "copy-c")).toEqual({ id: "copy-c", balance: 2, owner: "ann" });
  });

  it("with its key unchanged, is still saved as item.save() saves it (an Update of its changes)", async () => {
    await Account.create({ id: "same-key", balance: 3 });
    const item = (await Account.get("same-key"))!;
    item.balance = 4;
    const element = (await Account.transaction.create(item)) as Record<string, unknown>;
    expect(Object.keys(element)).toEqual(["Update"]);
    await dynamodel.transaction([Account.transaction.create(item)]);
    expect(await stored(accounts, "same-key")).toEqual({ id: "same-key", balance: 4, owner: "nobody" });
  });
});

describe("overwrite: undefined or null is not given", () => {
  it("neither Model.create nor Model.transaction.create writes over a stored item with it", async () => {
    await Account.create({ id: "ow-1", balance: 5, owner: "keep" });
    for (const overwrite of [undefined, null]) {
      await expect(Account.create({ id: "ow-1", balance: 1 }, { overwrite } as never)).rejects.toMatchObject({
        name: "ConditionalCheckFailedException",
      });
      await cancellation(
        dynamodel.transaction([
          Account.transaction.create({ id: "ow-1", balance: 1 }, { overwrite } as never),
        ]),
      );
      const moved = (await Account.get("ow-1"))!;
      moved.id = "ow-2";
      await Account.create({ id: "ow-2", balance: 9, owner: "other" }).catch(() => undefined);
      await cancellation(dynamodel.transaction([Account.transaction.create(moved, { overwrite } as never)]));
    }
    expect(await stored(accounts, "ow-1")).toEqual({ id: "ow-1", balance: 5, owner: "keep" });
    expect(await stored(accounts, "ow-2")).toEqual({ id: "ow-2", balance: 9, owner: "other" });
  });
});

describe("an element that fails to build", () => {
  it("is named by its index; nothing is written", async () => {
    const attempt = dynamodel.transaction([
      Account.transaction.create({ id: "el-0", balance: 1 }),
      Account.transaction.create({ id: "el-1", balance: 1 }),
      Account.transaction.create({ id: "el-2", balance: "x" as never }),
      Account.transaction.create({ id: "el-3", balance: -1 }),
    ]);
    const error: unknown = await attempt.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeMismatch);
    expect((error as Error).message).toMatch(/^transaction element \[2\]: "balance"/);
    expect((error as Error).stack).toContain("transaction element [2]");
    for (const id of ["el-0", "el-1", "el-2", "el-3"]) expect(await stored(accounts, id)).toBeUndefined();
  });

  it("given to two transactions, is named by its index in each; the element's own error is left as it was", async () => {
    const bad = Account.transaction.create({ id: "el-shared", balance: "x" as never });
    const failure = (work: Promise<unknown>) =>
      work.then(
        () => new Error("resolved"),
        (caught: unknown) => caught as Error,
      );
    const first = await failure(dynamodel.transaction([bad]));
    const second = await failure(dynamodel.transaction([Account.transaction.get("el-0"), bad]));
    expect(first.message).toMatch(/^transaction element \[0\]: "balance"/);
    expect(second.message).toMatch(/^transaction element \[1\]: "balance"/);
    expect(second).toBeInstanceOf(TypeMismatch);
    expect(isNativeError(second)).toBe(true);
    expect(second.stack?.split("\n")[0]).toBe(`TypeMismatch: ${second.message}`);
    expect(second).toMatchObject({ path: "balance", value: "x" });
    const own = await failure(bad);
    expect(own.message).toMatch(/^"balance"/);
  });
});
