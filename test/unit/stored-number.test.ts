// The exact handling of DynamoDB's 38-digit numbers (lib/schema/stored-number.ts).
import { canonicalNumber, numberFromDynamo, sameStoredNumber } from "../../lib/schema/stored-number";

describe("numberFromDynamo", () => {
  it.each([
    ["0", 0],
    ["-12.5", -12.5],
    ["9007199254740991", Number.MAX_SAFE_INTEGER],
    ["-9007199254740991", Number.MIN_SAFE_INTEGER],
    ["1152921504606847000", 2 ** 60], // the spelling String(2 ** 60) writes
    ["1000000000000000000000", 1e21],
    ["1E+21", 1e21],
    ["1.5E+300", 1.5e300],
    ["12345678901234567890.5", Number("12345678901234567890.5")], // a decimal: the nearest number
  ])("%s is the number %d", (text, expected) => {
    expect(numberFromDynamo(text)).toBe(expected);
  });

  it.each(["9007199254740993", "-9007199254740993", "12345678901234567890", "1152921504606846976"])(
    "%s, which no number writes back as itself, is a bigint",
    (text) => {
      expect(numberFromDynamo(text)).toBe(BigInt(text));
    },
  );
});

describe("canonicalNumber and sameStoredNumber", () => {
  it("spell one value one way", () => {
    for (const text of ["1", "1.0", "+1", "01", "1e0", "10E-1", "0.1e1"])
      expect(canonicalNumber(text)).toBe("1e0");
    expect(canonicalNumber("-0012.500")).toBe("-125e-1");
    expect(canonicalNumber("0.000")).toBe("0");
    expect(canonicalNumber("-0")).toBe("0");
    expect(canonicalNumber("1000000000000000000000")).toBe(canonicalNumber("1e+21"));
  });

  it("tell apart numbers that are equal as doubles", () => {
    expect(sameStoredNumber("12345678901234567890", "12345678901234567891")).toBe(false);
    expect(sameStoredNumber("0.10000000000000000001", "0.1")).toBe(false);
    expect(sameStoredNumber("12345678901234567890", "1.2345678901234567890E+19")).toBe(true);
    expect(sameStoredNumber("2", "2.0")).toBe(true);
    expect(sameStoredNumber("2", "3")).toBe(false);
  });
});
