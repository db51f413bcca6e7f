// Transactions: limits checked before sending, raw elements, settings, callbacks.
import dynamodel, { Condition, InvalidParameter, TransactionCanceledError } from "dynamodel";
import { rawClient } from "../support/local";
import { cancellation, stored, transactionModels } from "../support/transaction-fixtures";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const { accounts, logs, Account, Log } = transactionModels("Checks");

describe("limits, checked before anything is sent", () => {
  // The tables exist, so "nothing stored" below means nothing was written, not that nothing could be.
  beforeAll(() => Promise.all([Account.create({ id: "warm", balance: 0 }), Log.create({ id: "warm" })]));

  it("refuses more than 100 elements", async () => {
    const elements = Array.from({ length: 101 }, (_, index) =>
      Account.transaction.create({ id: `lim-${index}`, balance: 1 }),
    );
    await expect(dynamodel.transaction(elements)).rejects.toThrow(
      new InvalidParameter("transaction: at most 100 elements are allowed (got 101)."),
    );
    expect(await stored(accounts, "lim-0")).toBeUndefined();
  });

  it("refuses two elements on the same item", async () => {
    await expect(
      dynamodel.transaction([
        Account.transaction.create({ id: "dup", balance: 1 }),
        Log.transaction.create({ id: "dup" }),
        Account.transaction.update({ id: "dup" }, { balance: 2 }),
      ]),
    ).rejects.toThrow(/elements 0 and 2 touch the same item/);
    expect(await stored(accounts, "dup")).toBeUndefined();
    expect(await stored(logs, "dup")).toBeUndefined();
  });

  it("refuses a request over 4 MB", async () => {
    const note = "x".repeat(390 * 1024);
    const elements = Array.from({ length: 11 }, (_, index) =>
      Log.transaction.create({ id: `big-${index}`, note }),
    );
    await expect(dynamodel.transaction(elements)).rejects.toThrow(/at most 4 MB/);
    expect(await stored(logs, "big-0")).toBeUndefined();
  });
});

describe("raw elements, settings and callbacks", () => {
  it("refuses a raw element whose key is not in attribute-value form, naming it, and writes nothing", async () => {
    const attempt = dynamodel.transaction([
      Account.transaction.create({ id: "rawForm1", balance: 1 }),
      { Put: { TableName: accounts, Item: { id: "rawForm2", balance: 2 } } } as never,
    ]);
    await expect(attempt).rejects.toMatchObject({
      name: "InvalidParameter",
      message: `Transaction element 1 (Put on "${accounts}"): key attribute "id" must be in DynamoDB's attribute-value form ({S: "…"}, {N: "…"} or {B: …}), as a raw element is sent as given (got "rawForm2").`,
    });
    expect(await stored(accounts, "rawForm1")).toBeUndefined();
  });

  it("accepts raw elements for a registered table and names an unknown one", async () => {
    await dynamodel.transaction([
      { Put: { TableName: accounts, Item: { id: { S: "raw1" }, balance: { N: "3" } } } },
      Account.transaction.create({ id: "raw2", balance: 4 }),
    ]);
    expect(await stored(accounts, "raw1")).toEqual({ id: "raw1", balance: 3 });
    const [item] = await dynamodel.transaction([
      { Get: { TableName: accounts, Key: { id: { S: "raw1" } } } },
    ]);
    expect(item).toBeInstanceOf(Account);

    const error = await cancellation(
      dynamodel.transaction([
        {
          ConditionCheck: {
            TableName: accounts,
            Key: { id: { S: "raw1" } },
            ConditionExpression: "balance > :b",
            ExpressionAttributeValues: { ":b": { N: "10" } },
          },
        },
      ]),
    );
    expect(error.reasons[0]).toMatchObject({
      model: "TxAccount",
      key: { id: "raw1" },
      code: "ConditionalCheckFailed",
    });
    expect(error.reasons[0]!.item).toEqual(expect.objectContaining({ id: "raw1", balance: 3 }));
    // DynamoDB's own list, as the SDK's TransactionCanceledException carries it.
    expect(error.CancellationReasons).toEqual([expect.objectContaining({ Code: "ConditionalCheckFailed" })]);
    // As every DynamoDB error passing through (SPEC §8): the operation and the model.
    expect(error).toMatchObject({ operation: "TransactWriteItems", model: "TxAccount" });

    await expect(
      dynamodel.transaction([{ Delete: { TableName: "NoSuchTable", Key: { id: { S: "x" } } } }]),
    ).rejects.toThrow(/Table "NoSuchTable" not found/);
  });

  it("refuses elements of two Instances, writing nothing", async () => {
    const other = new dynamodel.Instance();
    other.aws.ddb.set(rawClient());
    const Elsewhere = dynamodel.model("TxElsewhere", { id: String });
    new other.Table(logs, [Elsewhere], { create: false });
    await expect(
      dynamodel.transaction([
        Account.transaction.create({ id: "two-instances", balance: 1 }),
        Elsewhere.transaction.create({ id: "two-instances" }),
      ]),
    ).rejects.toThrow(
      new InvalidParameter(
        "You must use a single dynamodel Instance for all tables in a transaction (element 1 belongs to another one).",
      ),
    );
    expect(await stored(accounts, "two-instances")).toBeUndefined();
    expect(await stored(logs, "two-instances")).toBeUndefined();
  });

  it("checks elements and settings", async () => {
    const get = Account.transaction.get("x");
    await expect(dynamodel.transaction([] as never[])).rejects.toBeInstanceOf(InvalidParameter);
    await expect(dynamodel.transaction("nope" as never)).rejects.toBeInstanceOf(InvalidParameter);
    // Dynamoose's sentence first, then the value given.
    await expect(dynamodel.transaction([get], { type: "bulk" as never })).rejects.toThrow(
      'Invalid type option, please pass in "get" or "write". Got "bulk".',
    );
    await expect(dynamodel.transaction([get], { type: "write" })).rejects.toThrow(
      /cannot be part of a write/,
    );
    await expect(dynamodel.transaction([get, Account.transaction.delete("y")])).rejects.toThrow(
      /cannot be mixed/,
    );
    await expect(dynamodel.transaction([{ Scan: { TableName: accounts } } as never])).rejects.toThrow(
      /exactly one of Get, Put/,
    );
    for (const [element, got] of [
      [null, "null"],
      [5, "5"],
    ] as const) {
      await expect(
        dynamodel.transaction([
          Account.transaction.create({ id: "not-element", balance: 1 }),
          element as never,
        ]),
      ).rejects.toThrow(
        new InvalidParameter(
          `Transaction element 1 must be an object with exactly one of Get, Put, Update, Delete, ConditionCheck (got ${got}).`,
        ),
      );
    }
    expect(await stored(accounts, "not-element")).toBeUndefined();
  });

  it("refused settings leave no rejection of a pending element unhandled", async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => void unhandled.push(reason);
    process.on("unhandledRejection", record);
    try {
      const invalid = Account.transaction.create({ id: "pending-bad", balance: -1 }); // fails its validate
      await expect(dynamodel.transaction([invalid], { bogus: 1 } as never)).rejects.toBeInstanceOf(
        InvalidParameter,
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", record);
    }
    expect(await stored(accounts, "pending-bad")).toBeUndefined();
  });

  it("checks the settings a helper ignores, so a mistake there writes nothing", async () => {
    await Account.create({ id: "ignored", balance: 5 });
    const attempts: [() => Promise<unknown>, string][] = [
      [
        () => Account.transaction.update("ignored", { balance: 6 }, { return: 5 as never }),
        'transaction.update: return must be "item" or "request" (got 5).',
      ],
      [
        () => Account.transaction.create({ id: "ignored-new", balance: 1 }, { return: "all" as never }),
        'transaction.create: return must be "item" or "request" (got "all").',
      ],
      [
        () => Account.transaction.delete("ignored", { return: 5 as never }),
        'transaction.delete: return must be "item" or "request" (got 5).',
      ],
      [
        () => Account.transaction.get("ignored", { consistent: "yes" as never }),
        'transaction.get: consistent must be true or false (got "yes").',
      ],
    ];
    for (const [attempt, message] of attempts) {
      // Named by the element's index, as a batch's entries are.
      await expect(dynamodel.transaction([attempt() as never])).rejects.toThrow(
        new InvalidParameter(`transaction element [0]: ${message}`),
      );
      await expect(attempt()).rejects.toThrow(new InvalidParameter(message));
    }
    expect(await stored(accounts, "ignored")).toEqual({ id: "ignored", balance: 5, owner: "nobody" });
    expect(await stored(accounts, "ignored-new")).toBeUndefined();
  });

  it("helpers take the single-item operation's settings; those without meaning are ignored", async () => {
    const get = await Account.transaction.get("h-1", {
      consistent: true,
      return: "request",
      attributes: ["id"],
    });
    expect(get).toEqual({
      Get: {
        TableName: accounts,
        Key: { id: { S: "h-1" } },
        ProjectionExpression: "#n0",
        ExpressionAttributeNames: { "#n0": "id" },
      },
    });
    const update = await Account.transaction.update(
      { id: "h-1" },
      { balance: 5 },
      { returnValues: "ALL_OLD", return: "request" },
    );
    expect(update.Update).not.toHaveProperty("ReturnValues");
    await dynamodel.transaction([
      Account.transaction.create({ id: "h-1", balance: 1 }, { return: "request" }),
      Account.transaction.delete("h-2", { return: "request" }),
    ]);
    await dynamodel.transaction([Promise.resolve(update)]);
    expect(await stored(accounts, "h-1")).toMatchObject({ id: "h-1", balance: 5 });
    // A value the single-item operation refuses is refused here too, and unknown options still are.
    await expect(
      Account.transaction.update({ id: "h-1" }, { balance: 6 }, { returnValues: "SOME" as never }),
    ).rejects.toThrow(/returnValues must be one of/);
    await expect(Account.transaction.get("h-1", { bogus: true } as never)).rejects.toThrow(
      /unknown option "bogus"/,
    );
    expect(await stored(accounts, "h-1")).toMatchObject({ balance: 5 });
  });

  it('resolves the request with return: "request" and sends nothing', async () => {
    const request = await dynamodel.transaction(
      [
        Account.transaction.create({ id: "req1", balance: 1 }),
        Account.transaction.delete("req2", { condition: new Condition("balance").eq(0) }),
      ],
      { return: "request", clientRequestToken: "req-token" },
    );
    expect(request).toEqual({
      ClientRequestToken: "req-token",
      TransactItems: [
        {
          Put: {
            TableName: accounts,
            Item: { id: { S: "req1" }, balance: { N: "1" }, owner: { S: "nobody" } },
            ConditionExpression: "attribute_not_exists(#n0)",
            ExpressionAttributeNames: { "#n0": "id" },
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          },
        },
        {
          Delete: {
            TableName: accounts,
            Key: { id: { S: "req2" } },
            ConditionExpression: "#n0 = :v0",
            ExpressionAttributeNames: { "#n0": "balance" },
            ExpressionAttributeValues: { ":v0": { N: "0" } },
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          },
        },
      ],
    });
    expect(await stored(accounts, "req1")).toBeUndefined();
  });

  it("calls a callback with the result or the error", async () => {
    await Account.create({ id: "cb1", balance: 9 });
    const result = await new Promise((resolve, reject) => {
      dynamodel.transaction([Account.transaction.get("cb1")], (error, items) =>
        error ? reject(error) : resolve(items),
      );
    });
    expect(result).toEqual([expect.objectContaining({ id: "cb1", balance: 9 })]);
    const error = await new Promise((resolve) => {
      dynamodel.transaction([Account.transaction.create({ id: "cb1", balance: 1 })], {}, (caught) =>
        resolve(caught),
      );
    });
    expect(error).toBeInstanceOf(TransactionCanceledError);
  });

  it("calls a callback given in place of the elements with the error, as Dynamoose does", async () => {
    let returned: unknown = "not called";
    const error = await new Promise((resolve) => {
      // @ts-expect-error: the elements are missing
      returned = dynamodel.transaction((caught: unknown) => resolve(caught));
    });
    expect(returned).toBeUndefined();
    expect(error).toEqual(
      new InvalidParameter("You must pass in an array with items for the transactions parameter."),
    );
    const withSettings = await new Promise((resolve) => {
      // @ts-expect-error: the elements are missing
      dynamodel.transaction((caught: unknown) => resolve(caught), {});
    });
    expect(withSettings).toBeInstanceOf(InvalidParameter);
  });
});

describe("Model.transaction.* builders with a trailing callback (SPEC §3)", () => {
  const builders = () =>
    Account.transaction as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const cases: [string, unknown[]][] = [
    ["get", ["tx-cb"]],
    ["get", ["tx-cb", { attributes: ["balance"] }]],
    ["create", [{ id: "tx-cb", balance: 1 }]],
    ["create", [{ id: "tx-cb", balance: 1 }, { overwrite: true }]],
    ["update", ["tx-cb", { balance: 2 }]],
    ["update", ["tx-cb", { balance: 2 }, { condition: new Condition("balance").gt(0) }]],
    ["update", [{ id: "tx-cb", balance: 2 }]],
    ["delete", ["tx-cb"]],
    ["delete", ["tx-cb", { condition: new Condition("balance").gt(0) }]],
    ["condition", ["tx-cb", new Condition("balance").gt(0)]],
  ];
  it.each(cases)("%s(%j) calls the callback with the element and still returns it", async (name, args) => {
    const withoutCallback = await builders()[name]!(...args);
    const heard = new Promise<unknown[]>((resolve) => {
      const returned = builders()[name]!(...args, (...got: unknown[]) => resolve(got));
      expect(returned).toBeInstanceOf(Promise);
    });
    expect(await heard).toEqual([null, withoutCallback]);
    expect(await stored(accounts, "tx-cb")).toBeUndefined();
  });

  it("the element handed to the callback runs in a transaction; a bad one reaches the callback", async () => {
    const element = Account.transaction.create({ id: "tx-cb2", balance: 4 }, () => undefined);
    await dynamodel.transaction([element]);
    expect(await stored(accounts, "tx-cb2")).toEqual({ id: "tx-cb2", balance: 4, owner: "nobody" });
    const heard = new Promise<unknown>((resolve) => {
      // The returned promise is dropped: its failure reaches the callback and is no unhandled rejection.
      void builders()["create"]!({ id: "tx-cb3", balance: "lots" }, (error: unknown) => resolve(error));
    });
    expect(await heard).toMatchObject({
      name: "TypeMismatch",
      message: expect.stringContaining('"balance"'),
    });
    expect(await stored(accounts, "tx-cb3")).toBeUndefined();
  });

  it("trailing undefined arguments do not hide the callback", async () => {
    const heard = new Promise<unknown[]>((resolve) => {
      void builders()["get"]!("tx-cb", {}, (...got: unknown[]) => resolve(got), undefined);
    });
    expect(await heard).toEqual([null, { Get: expect.objectContaining({ Key: { id: { S: "tx-cb" } } }) }]);
  });

  it("a function in the place of settings or a condition is an InvalidParameter", async () => {
    const callback = jest.fn();
    await expect(builders()["get"]!("tx-cb", callback, {})).rejects.toThrow(
      new InvalidParameter(
        "Model.transaction.get takes a callback only as its last argument (got a function before it).",
      ),
    );
    await expect(builders()["condition"]!("tx-cb", callback, () => undefined)).rejects.toThrow(
      /Model\.transaction\.condition takes a callback only as its last argument/,
    );
    expect(callback).not.toHaveBeenCalled();
  });
});

describe("a failed transaction emits error on each model taking part", () => {
  it("once per model, with the error and a transaction context; nothing when it succeeds", async () => {
    await Account.create({ id: "ev1", balance: 5 });
    const seen: unknown[] = [];
    const onAccount = (error: Error, context: { model: string; operation: string }) =>
      seen.push(["account", error.name, context.model, context.operation]);
    const onLog = (error: Error, context: { model: string }) => seen.push(["log", error.name, context.model]);
    Account.on("error", onAccount);
    Log.on("error", onLog);
    try {
      await dynamodel.transaction([Account.transaction.get("ev1"), Log.transaction.get("ev-missing")]);
      expect(seen).toEqual([]);
      const failed = dynamodel.transaction([
        Account.transaction.create({ id: "ev1", balance: 1 }),
        Log.transaction.create({ id: "ev2" }),
      ]);
      await cancellation(failed);
      expect(seen).toEqual([
        ["account", "TransactionCanceledError", "TxAccount", "transaction"],
        ["log", "TransactionCanceledError", "TxLog"],
      ]);
      expect(await stored(logs, "ev2")).toBeUndefined();
    } finally {
      Account.off("error", onAccount);
      Log.off("error", onLog);
    }
  });
});
