import { InvalidParameter } from "../../../lib/errors";
import { isAttributeValue, plainToAttributeValue } from "../../../lib/expressions";

describe("isAttributeValue", () => {
  it.each<[unknown, boolean]>([
    [{ S: "x" }, true],
    [{ N: "1" }, true],
    [{ B: new Uint8Array([1]) }, true],
    [{ BOOL: false }, true],
    [{ NULL: true }, true],
    [{ SS: ["a"] }, true],
    [{ NS: ["1"] }, true],
    [{ BS: [new Uint8Array([1])] }, true],
    [{ L: [] }, true],
    [{ M: {} }, true],
    [{ N: 1 }, false],
    [{ S: "x", N: "1" }, false],
    [{ NULL: false }, false],
    [{ SS: [1] }, false],
    [{ M: [] }, false],
    [{ X: "x" }, false],
    [{}, false],
    ["x", false],
    [null, false],
    [["S"], false],
  ])("%j → %j", (value, expected) => {
    expect(isAttributeValue(value)).toBe(expected);
  });
});

describe("plainToAttributeValue", () => {
  it.each<[unknown, unknown]>([
    ["x", { S: "x" }],
    ["", { S: "" }],
    [5, { N: "5" }],
    [10n, { N: "10" }],
    [true, { BOOL: true }],
    [null, { NULL: true }],
    [new Date(1234), { N: "1234" }],
    [new Set(["a", "b"]), { SS: ["a", "b"] }],
    [new Set([1, 2]), { NS: ["1", "2"] }],
    [new Set([new Uint8Array([1])]), { BS: [new Uint8Array([1])] }],
    [[1, "a", new Date(2)], { L: [{ N: "1" }, { S: "a" }, { N: "2" }] }],
    [{ at: new Date(3), tags: new Set([new Date(4)]) }, { M: { at: { N: "3" }, tags: { NS: ["4"] } } }],
    [new Map([["k", new Date(5)]]), { M: { k: { N: "5" } } }],
  ])("converts %p", (value, expected) => {
    expect(plainToAttributeValue(value)).toEqual(expected);
  });

  it.each<[unknown, string]>([
    [undefined, "Cannot convert undefined to a DynamoDB value"],
    [Number.NaN, "Cannot convert NaN to a DynamoDB value: Special numeric value NaN is not allowed"],
    [new Set(), "Cannot convert Set([]) to a DynamoDB value: Pass a non-empty set"],
    [new Date(Number.NaN), "Cannot use an invalid Date as a value."],
    [() => 1, "Cannot convert an anonymous function to a DynamoDB value"],
  ])("rejects %p with InvalidParameter", (value, message) => {
    expect(() => plainToAttributeValue(value)).toThrow(InvalidParameter);
    expect(() => plainToAttributeValue(value)).toThrow(message);
  });
});
