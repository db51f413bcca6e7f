// The converter bridge (lib/client/converter-bridge.ts) with no client: every AttributeValue map of each
// operation's request is re-encoded with the custom marshall, every map of its response decoded with the
// custom unmarshall; nothing else changes, and the caller's input is never touched.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { InvalidParameterType } from "dynamodel";
import {
  checkConverter,
  defaultConverter,
  isCustomConverter,
  type Converter,
} from "../../lib/client/converter";
import { sendThroughConverter } from "../../lib/client/converter-bridge";
import type { OperationName } from "../../lib/client/operations";

type Image = Record<string, AttributeValue>;

/** Every string in a JS value, deeply, through `change`. */
function mapStrings(value: unknown, change: (text: string) => string): unknown {
  if (typeof value === "string") return change(value);
  if (Array.isArray(value)) return value.map((element) => mapStrings(element, change));
  if (value instanceof Set) return new Set([...value].map((element) => mapStrings(element, change)));
  if (value instanceof Uint8Array || value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, mapStrings(inner, change)]));
}

/** Stores strings upper-case and reads them lower-case: a converter whose effect is visible. */
const shouting: Converter = {
  ...defaultConverter,
  marshall: ((data: Record<string, unknown>, options?: Parameters<typeof marshall>[1]) =>
    marshall(
      mapStrings(data, (text) => text.toUpperCase()) as Record<string, unknown>,
      options,
    )) as Converter["marshall"],
  unmarshall: ((data: Image, options) =>
    mapStrings(unmarshall(data, options), (text) => text.toLowerCase())) as Converter["unmarshall"],
};

const plain = (text: string): Image => ({ name: { S: text } });

async function exchangeOnce(operation: OperationName, input: object, output: unknown) {
  let sent: unknown;
  const received = await sendThroughConverter(shouting, operation, input, async (wire) => {
    sent = wire;
    return output;
  });
  return { sent, received };
}

describe("checkConverter", () => {
  it("accepts an object with the four functions, itself", () => {
    expect(checkConverter(shouting)).toBe(shouting);
  });

  it.each([
    [undefined, /got undefined/],
    [5, /got 5/],
    [{ marshall, unmarshall }, /missing or not a function: convertToAttr, convertToNative\.$/],
    [{ ...defaultConverter, unmarshall: "no" }, /missing or not a function: unmarshall\.$/],
  ])("refuses %p, naming what is missing", (value, message) => {
    expect(() => checkConverter(value)).toThrow(InvalidParameterType);
    expect(() => checkConverter(value)).toThrow(message);
  });

  it("treats a converter as custom only when marshall or unmarshall differ from the SDK's", () => {
    expect(isCustomConverter(undefined)).toBe(false);
    expect(isCustomConverter(defaultConverter)).toBe(false);
    expect(isCustomConverter({ ...defaultConverter })).toBe(false);
    expect(isCustomConverter(shouting)).toBe(true);
  });
});

describe("sendThroughConverter: requests", () => {
  it("single-item operations: Item, Key, ExpressionAttributeValues, ExclusiveStartKey; the caller's input untouched", async () => {
    const input = {
      TableName: "t",
      Item: plain("tom"),
      Key: plain("k"),
      ExpressionAttributeValues: { ":v0": { S: "x" } },
      ExclusiveStartKey: plain("start"),
      ConditionExpression: "#a0 = :v0",
    };
    const copy = structuredClone(input);
    const { sent } = await exchangeOnce("PutItem", input, {});
    expect(sent).toEqual({
      TableName: "t",
      Item: plain("TOM"),
      Key: plain("K"),
      ExpressionAttributeValues: { ":v0": { S: "X" } },
      ExclusiveStartKey: plain("START"),
      ConditionExpression: "#a0 = :v0",
    });
    expect(input).toEqual(copy);
  });

  it("BatchGetItem keys and BatchWriteItem put/delete requests, per table", async () => {
    const get = await exchangeOnce(
      "BatchGetItem",
      { RequestItems: { t: { Keys: [plain("a"), plain("b")], ProjectionExpression: "x" } } },
      {},
    );
    expect(get.sent).toEqual({
      RequestItems: { t: { Keys: [plain("A"), plain("B")], ProjectionExpression: "x" } },
    });
    const write = await exchangeOnce(
      "BatchWriteItem",
      { RequestItems: { t: [{ PutRequest: { Item: plain("a") } }, { DeleteRequest: { Key: plain("b") } }] } },
      {},
    );
    expect(write.sent).toEqual({
      RequestItems: { t: [{ PutRequest: { Item: plain("A") } }, { DeleteRequest: { Key: plain("B") } }] },
    });
  });

  it("every action of a transaction", async () => {
    const values = { ":v0": { S: "v" } };
    const { sent } = await exchangeOnce(
      "TransactWriteItems",
      {
        TransactItems: [
          { Put: { TableName: "t", Item: plain("p"), ExpressionAttributeValues: values } },
          { Update: { TableName: "t", Key: plain("u"), ExpressionAttributeValues: values } },
          { Delete: { TableName: "t", Key: plain("d") } },
          { ConditionCheck: { TableName: "t", Key: plain("c"), ExpressionAttributeValues: values } },
        ],
      },
      {},
    );
    const shouted = { ":v0": { S: "V" } };
    expect(sent).toEqual({
      TransactItems: [
        { Put: { TableName: "t", Item: plain("P"), ExpressionAttributeValues: shouted } },
        { Update: { TableName: "t", Key: plain("U"), ExpressionAttributeValues: shouted } },
        { Delete: { TableName: "t", Key: plain("D") } },
        { ConditionCheck: { TableName: "t", Key: plain("C"), ExpressionAttributeValues: shouted } },
      ],
    });
  });

  it("leaves table operations alone", async () => {
    const input = { TableName: "t", Item: plain("not an item of ours") };
    expect((await exchangeOnce("DescribeTable", input, {})).sent).toBe(input);
  });
});

describe("sendThroughConverter: responses", () => {
  it("Item, Attributes, Items and LastEvaluatedKey", async () => {
    expect((await exchangeOnce("GetItem", {}, { Item: plain("TOM") })).received).toEqual({
      Item: plain("tom"),
    });
    expect((await exchangeOnce("UpdateItem", {}, { Attributes: plain("TOM") })).received).toEqual({
      Attributes: plain("tom"),
    });
    const page = await exchangeOnce(
      "Query",
      {},
      {
        Items: [plain("A"), plain("B")],
        LastEvaluatedKey: plain("B"),
        Count: 2,
      },
    );
    expect(page.received).toEqual({
      Items: [plain("a"), plain("b")],
      LastEvaluatedKey: plain("b"),
      Count: 2,
    });
  });

  it("batch responses and what is left unprocessed", async () => {
    const get = await exchangeOnce(
      "BatchGetItem",
      {},
      {
        Responses: { t: [plain("A")] },
        UnprocessedKeys: { t: { Keys: [plain("B")] } },
      },
    );
    expect(get.received).toEqual({
      Responses: { t: [plain("a")] },
      UnprocessedKeys: { t: { Keys: [plain("b")] } },
    });
    const write = await exchangeOnce(
      "BatchWriteItem",
      {},
      {
        UnprocessedItems: { t: [{ PutRequest: { Item: plain("A") } }] },
      },
    );
    expect(write.received).toEqual({ UnprocessedItems: { t: [{ PutRequest: { Item: plain("a") } }] } });
  });

  it("TransactGetItems responses", async () => {
    const { received } = await exchangeOnce(
      "TransactGetItems",
      {},
      { Responses: [{ Item: plain("A") }, {}] },
    );
    expect(received).toEqual({ Responses: [{ Item: plain("a") }, {}] });
  });

  it("the stored items a failed condition or a cancelled transaction carries", async () => {
    const failure = Object.assign(new Error("failed"), {
      name: "ConditionalCheckFailedException",
      Item: plain("STORED"),
    });
    await expect(sendThroughConverter(shouting, "PutItem", {}, () => Promise.reject(failure))).rejects.toBe(
      failure,
    );
    expect(failure.Item).toEqual(plain("stored"));
    const cancelled = Object.assign(new Error("cancelled"), {
      name: "TransactionCanceledException",
      CancellationReasons: [{ Code: "None" }, { Code: "ConditionalCheckFailed", Item: plain("STORED") }],
    });
    await expect(
      sendThroughConverter(shouting, "TransactWriteItems", {}, () => Promise.reject(cancelled)),
    ).rejects.toBe(cancelled);
    expect(cancelled.CancellationReasons).toEqual([
      { Code: "None" },
      { Code: "ConditionalCheckFailed", Item: plain("stored") },
    ]);
  });
});
