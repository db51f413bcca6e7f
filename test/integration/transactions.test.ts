import { inspect } from "node:util";
import dynamodel, { Condition, ValidationError } from "dynamodel";
import { rawClient } from "../support/local";
import { cancellation, stored, transactionModels } from "../support/transaction-fixtures";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const { accounts, logs, Account, Log } = transactionModels("");

describe("write transactions", () => {
  it("writes elements of two models atomically, through the write pipeline", async () => {
    await Account.create({ id: "w1", balance: 10 });
    const result = await dynamodel.transaction([
      Account.transaction.update({ id: "w1" }, { $ADD: { balance: -5 } }),
      Account.transaction.create({ id: "w2", balance: 5 }),
      Log.transaction.create({ id: "l1", note: "moved 5" }),
      Account.transaction.condition("w0-missing", new Condition("id").exists(false)),
    ]);
    expect(result).toBeNull();
    expect(await stored(accounts, "w1")).toEqual({ id: "w1", balance: 5, owner: "nobody" });
    expect(await stored(accounts, "w2")).toEqual({ id: "w2", balance: 5, owner: "nobody" });
    const log = (await stored(logs, "l1"))!;
    expect(log.note).toBe("moved 5");
    expect(typeof log.createdAt).toBe("number");
    expect(log.updatedAt).toBe(log.createdAt);

    await dynamodel.transaction([Account.transaction.delete("w2"), Log.transaction.delete({ id: "l1" })]);
    expect(await stored(accounts, "w2")).toBeUndefined();
    expect(await stored(logs, "l1")).toBeUndefined();
  });

  it("writes nothing when one condition fails", async () => {
    await Account.create({ id: "a1", balance: 1 });
    const error = await cancellation(
      dynamodel.transaction([
        Account.transaction.create({ id: "a2", balance: 2 }),
        Log.transaction.create({ id: "a-log", note: "x" }),
        Account.transaction.update("a1", { balance: 100 }, { condition: new Condition("balance").gt(5) }),
      ]),
    );
    expect(error.reasons.map((reason) => reason.code)).toEqual(["None", "None", "ConditionalCheckFailed"]);
    expect(await stored(accounts, "a2")).toBeUndefined();
    expect(await stored(logs, "a-log")).toBeUndefined();
    expect((await stored(accounts, "a1"))!.balance).toBe(1);
  });

  it("applies validation before anything is sent", async () => {
    await expect(
      dynamodel.transaction([Account.transaction.create({ id: "v1", balance: -1 })]),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await stored(accounts, "v1")).toBeUndefined();
  });
});

describe("elements", () => {
  // What the library remembers about an element (its model, the key as given) is hidden from the caller.
  it("are plain {Put: …} objects to look at, log and compare", async () => {
    const element = await Account.transaction.create({ id: "e1", balance: 3 });
    expect(Object.keys(element)).toEqual(["Put"]);
    expect(
      Object.getOwnPropertySymbols(element).filter((symbol) =>
        Object.prototype.propertyIsEnumerable.call(element, symbol),
      ),
    ).toEqual([]);
    expect(JSON.parse(JSON.stringify(element))).toEqual({
      Put: expect.objectContaining({ TableName: accounts }),
    });
    expect(inspect(element, { depth: 0 })).toBe("{ Put: [Object] }");
    expect({ ...element }).toEqual(element);
    // A copy is a raw element: still found by its table name, and written.
    await dynamodel.transaction([{ ...element }]);
    expect(await stored(accounts, "e1")).toEqual({ id: "e1", balance: 3, owner: "nobody" });
  });
});

describe("cancellation reasons", () => {
  beforeAll(async () => {
    await Account.create({ id: "r-taken", balance: 42, owner: "ann" });
  });

  // The failing element: a create of an item that exists, whose stored item comes back decoded.
  it.each([
    ["first", 0],
    ["middle", 1],
    ["last", 2],
  ])("maps a failure of the %s element", async (_label, failing) => {
    const fine = [
      Log.transaction.create({ id: `r-log-${failing}`, note: "ok" }),
      Account.transaction.update({ id: `r-new-${failing}` }, { balance: 1 }),
    ];
    const elements = [...fine];
    elements.splice(failing, 0, Account.transaction.create({ id: "r-taken", balance: 1 }));
    const error = await cancellation(dynamodel.transaction(elements));

    expect(error.reasons).toHaveLength(3);
    expect(error.cause).toMatchObject({ name: "TransactionCanceledException" });
    error.reasons.forEach((reason, index) => {
      expect(reason.index).toBe(index);
      expect(reason.code).toBe(index === failing ? "ConditionalCheckFailed" : "None");
    });
    const failed = error.reasons[failing]!;
    expect(failed).toMatchObject({ model: "TxAccount", key: { id: "r-taken" } });
    expect(failed.item).toBeInstanceOf(Account);
    expect(failed.item).toEqual(expect.objectContaining({ id: "r-taken", balance: 42, owner: "ann" }));
    const others = error.reasons.filter((reason) => reason.index !== failing);
    expect(others.map((reason) => reason.model).sort()).toEqual(["TxAccount", "TxLog"]);
    expect(others.every((reason) => reason.item === undefined)).toBe(true);
    expect(error.message).toContain(
      `element ${failing} (Put TxAccount {"id":"r-taken"}): ConditionalCheckFailed`,
    );
    expect(await stored(logs, `r-log-${failing}`)).toBeUndefined();
  });

  it("reports a failed ConditionCheck on a missing item without an item", async () => {
    const error = await cancellation(
      dynamodel.transaction([Account.transaction.condition("r-none", new Condition("id").exists())]),
    );
    expect(error.reasons).toEqual([
      expect.objectContaining({
        index: 0,
        model: "TxAccount",
        key: { id: "r-none" },
        code: "ConditionalCheckFailed",
      }),
    ]);
    expect(error.reasons[0]!.item).toBeUndefined();
  });
});

describe("get transactions", () => {
  it("resolves items through the read pipeline, in order, undefined where missing", async () => {
    await Account.create({ id: "g1", balance: 7 });
    await Log.create({ id: "g-log", note: "hi" });
    const [account, missing, log] = await dynamodel.transaction([
      Account.transaction.get("g1"),
      Account.transaction.get({ id: "g-missing" }),
      Log.transaction.get("g-log", { attributes: ["note", "createdAt"] }),
    ]);
    expect(account).toBeInstanceOf(Account);
    expect(account).toEqual(expect.objectContaining({ id: "g1", balance: 7 }));
    expect(missing).toBeUndefined();
    expect(log).toBeInstanceOf(Log);
    expect(Object.keys(log!).sort()).toEqual(["createdAt", "note"]);
    expect(log!.createdAt).toBeInstanceOf(Date);
  });
});

describe("idempotent retries", () => {
  it("applies a replay with the same clientRequestToken once", async () => {
    await Account.create({ id: "i1", balance: 0, hits: 0 });
    const elements = () => [Account.transaction.update("i1", { $ADD: { hits: 1 } })];
    const settings = { clientRequestToken: `token-${Date.now()}` };
    await dynamodel.transaction(elements(), settings);
    await dynamodel.transaction(elements(), settings);
    expect((await stored(accounts, "i1"))!.hits).toBe(1);
    await dynamodel.transaction(elements());
    expect((await stored(accounts, "i1"))!.hits).toBe(2);
  });
});
