import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { attributeValueSize, itemSize, itemSizeBound } from "../../lib/schema/size";

describe("item size", () => {
  // Each value measured on DynamoDB Local: the longest string that still fits next to the number.
  it.each([
    ["0", 1],
    ["7", 2],
    ["1", 2],
    ["-1", 3], // a negative number takes one more byte
    ["100", 2], // trailing zero pairs are not stored
    ["-100", 3],
    ["1.5", 3], // 01|50: pairs are aligned on the decimal point
    ["99.5", 3],
    ["98.5", 3],
    ["-7.25", 4],
    ["0.1", 2],
    ["-0.5", 3],
    ["-0.005", 3], // leading zero pairs are not stored
    ["1000000", 2],
    ["1000010", 5], // 01|00|00|10
    ["1.5e+30", 3], // the exponent moves the point: 15 then 29 zeros, two pairs
    ["1.5E30", 3],
    ["12345678901234567890", 11],
    ["12345678901234567890123456789012345678", 20],
    ["-12345678901234567890123456789012345678", 21],
    ["1.2345678901234567890123456789012345678", 21],
    ["9".repeat(60), 22], // over 38 digits (refused by DynamoDB): capped at the bound
  ])("a number %s counts %d bytes", (text, bytes) => {
    expect(attributeValueSize({ N: text })).toBe(bytes);
  });

  it("counts strings in UTF-8 bytes and adds entry overhead for lists and maps", () => {
    expect(attributeValueSize({ S: "é€😀" })).toBe(2 + 3 + 4);
    expect(attributeValueSize({ L: [{ S: "ab" }, { BOOL: true }] })).toBe(3 + 2 + 1 + 1 + 1);
    expect(attributeValueSize({ M: { a: { S: "x" } } })).toBe(3 + 1 + 1 + 1);
    expect(itemSize({ name: { S: "ab" }, n: { N: "12" } })).toBe(4 + 2 + 1 + 2);
  });

  const samples: Record<string, AttributeValue>[] = [
    { id: { S: "user-1" }, age: { N: "36" }, ok: { BOOL: true }, none: { NULL: true } },
    { bytes: { B: new Uint8Array(100) }, set: { BS: [new Uint8Array(3), new Uint8Array(4)] } },
    { ss: { SS: ["é", "€", "😀"] }, ns: { NS: ["1", "22.5", "-0.001"] } },
    { deep: { M: { list: { L: [{ M: { x: { S: "ünïcödé" } } }, { N: "1e10" }] } } } },
    { ключ: { S: "значение" } },
  ];

  it.each(samples.map((sample, index) => [index, sample] as const))(
    "the cheap bound is never below the exact size (sample %d)",
    (_, sample) => {
      expect(itemSizeBound(sample)).toBeGreaterThanOrEqual(itemSize(sample));
    },
  );

  it("bounds a value nesting maps and lists deeper than DynamoDB stores by Infinity", () => {
    let value: AttributeValue = { S: "x" };
    for (let depth = 1; depth <= 31; depth += 1) value = depth % 2 ? { M: { k: value } } : { L: [value] };
    expect(itemSizeBound({ deep: value })).toBeLessThan(Infinity); // 31 containers: stored
    expect(itemSizeBound({ deep: { L: [value] } })).toBe(Infinity); // 32: refused
    expect(itemSizeBound({ deep: { M: { k: value } } })).toBe(Infinity);
  });
});
