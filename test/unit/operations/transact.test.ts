import { InvalidParameter } from "dynamodel";
import {
  buildTransactionInput,
  elementKeyImage,
  elementParts,
  type PreparedElement,
} from "../../../lib/operations/transact";

function prepare(element: unknown, rangeKey?: string): PreparedElement {
  return { ...elementParts(element, 0), hashKey: "id", rangeKey };
}

const get = (id: string) => prepare({ Get: { TableName: "T", Key: { id: { S: id } } } });
const put = (id: string, extra: Record<string, unknown> = {}) =>
  prepare({ Put: { TableName: "T", Item: { id: { S: id } }, ...extra } });

describe("elementParts", () => {
  it("splits an element into its operation, input and table", () => {
    expect(elementParts({ Delete: { TableName: "T", Key: { id: { S: "a" } } } }, 0)).toEqual({
      kind: "Delete",
      body: { TableName: "T", Key: { id: { S: "a" } } },
      tableName: "T",
    });
  });

  it.each([
    [null],
    [[]],
    [{}],
    [{ Scan: { TableName: "T" } }],
    [{ Put: { TableName: "T" }, Delete: { TableName: "T" } }],
    [{ Put: "T" }],
  ])("refuses %j, naming its position", (element) => {
    expect(() => elementParts(element, 3)).toThrow(
      /^Transaction element 3 must be an object with exactly one of/,
    );
  });

  it("needs a table name", () => {
    expect(() => elementParts({ Get: { Key: {} } }, 1)).toThrow(
      new InvalidParameter("Transaction element 1 (Get) needs a TableName."),
    );
  });
});

describe("elementKeyImage", () => {
  it("takes a Put's key from its item and the others' from Key", () => {
    const item = { id: { S: "a" }, at: { N: "1" }, other: { S: "x" } };
    expect(elementKeyImage(prepare({ Put: { TableName: "T", Item: item } }, "at"), 0)).toEqual({
      id: { S: "a" },
      at: { N: "1" },
    });
    expect(() =>
      elementKeyImage(prepare({ Put: { TableName: "T", Item: { id: { S: "a" } } } }, "at"), 4),
    ).toThrow('Transaction element 4 (Put on "T") has no key attribute "at".');
  });
});

describe("buildTransactionInput", () => {
  it("builds a get transaction when every element is a Get", () => {
    expect(buildTransactionInput([get("a"), get("b")], {})).toEqual({
      type: "get",
      input: {
        TransactItems: [
          { Get: { TableName: "T", Key: { id: { S: "a" } } } },
          { Get: { TableName: "T", Key: { id: { S: "b" } } } },
        ],
      },
    });
  });

  it("asks for the stored item on every write element with a condition, unless the element says otherwise", () => {
    const conditional = { ConditionExpression: "attribute_not_exists(id)" };
    const { input } = buildTransactionInput(
      [
        put("a", conditional),
        put("b"),
        put("c", { ...conditional, ReturnValuesOnConditionCheckFailure: "NONE" }),
      ],
      { clientRequestToken: "t-1" },
    );
    expect(input).toEqual({
      ClientRequestToken: "t-1",
      TransactItems: [
        {
          Put: {
            TableName: "T",
            Item: { id: { S: "a" } },
            ...conditional,
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          },
        },
        { Put: { TableName: "T", Item: { id: { S: "b" } } } },
        {
          Put: {
            TableName: "T",
            Item: { id: { S: "c" } },
            ...conditional,
            ReturnValuesOnConditionCheckFailure: "NONE",
          },
        },
      ],
    });
  });

  it("checks and applies a forced type", () => {
    expect(buildTransactionInput([put("a")], { type: "write" }).type).toBe("write");
    expect(() => buildTransactionInput([get("a")], { type: "write" })).toThrow(
      "transaction: element 0 is a Get, which cannot be part of a write transaction.",
    );
    expect(() => buildTransactionInput([put("a")], { type: "get" })).toThrow(
      /cannot be part of a get transaction/,
    );
    expect(() => buildTransactionInput([get("a")], { type: "read" })).toThrow(
      'Invalid type option, please pass in "get" or "write". Got "read".',
    );
    expect(() => buildTransactionInput([get("a"), put("b")], {})).toThrow(/cannot be mixed/);
  });

  it("checks the client request token", () => {
    expect(() => buildTransactionInput([get("a")], { clientRequestToken: "x" })).toThrow(
      /write transactions only/,
    );
    expect(() => buildTransactionInput([put("a")], { clientRequestToken: "" })).toThrow(/1 to 36 characters/);
    expect(() => buildTransactionInput([put("a")], { clientRequestToken: "x".repeat(37) })).toThrow(
      /1 to 36 characters/,
    );
  });

  it("refuses more than 100 elements", () => {
    const elements = Array.from({ length: 101 }, (_, index) => put(`k${index}`));
    expect(() => buildTransactionInput(elements, {})).toThrow(
      new InvalidParameter("transaction: at most 100 elements are allowed (got 101)."),
    );
    expect(() => buildTransactionInput(elements.slice(0, 100), {})).not.toThrow();
  });

  it("refuses two elements on one item, however its number key is spelled", () => {
    const numeric = (n: string) => prepare({ Delete: { TableName: "T", Key: { id: { N: n } } } });
    expect(() => buildTransactionInput([numeric("1"), put("x"), numeric("1.0")], {})).toThrow(
      /elements 0 and 2 touch the same item in "T"/,
    );
    // Beyond double precision, distinct numbers stay distinct.
    expect(() =>
      buildTransactionInput([numeric("12345678901234567890"), numeric("12345678901234567891")], {}),
    ).not.toThrow();
    // Same key in another table, or another range key: other items.
    const other = { ...put("x"), tableName: "U" };
    expect(() => buildTransactionInput([put("x"), other], {})).not.toThrow();
    const ranged = (at: string) =>
      prepare({ Update: { TableName: "T", Key: { id: { S: "a" }, at: { S: at } } } }, "at");
    expect(() => buildTransactionInput([ranged("1"), ranged("2")], {})).not.toThrow();
    expect(() => buildTransactionInput([ranged("1"), ranged("1")], {})).toThrow(/same item/);
  });

  it("refuses a request over 4 MB", () => {
    const big = (id: string) => put(id, { Item: { id: { S: id }, data: { S: "x".repeat(399 * 1024) } } });
    const ten = Array.from({ length: 10 }, (_, index) => big(`b${index}`));
    expect(() => buildTransactionInput(ten, {})).not.toThrow();
    expect(() => buildTransactionInput([...ten, big("b10"), big("b11")], {})).toThrow(
      /about \d+ KB; DynamoDB allows at most 4 MB per transaction/,
    );
  });
});
