import { TypeMismatch, ValidationError } from "dynamodel";
import { describeValue } from "../../lib/errors";

describe("error messages", () => {
  it.each([
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
    [-3, "-3"],
    ["x", '"x"'],
    [undefined, "undefined"],
    [new Set(["a"]), 'Set(["a"])'],
    [Buffer.from("hi"), "<Buffer 2 bytes>"],
    [new Date(0), "1970-01-01T00:00:00.000Z"],
    // Types given as constructors are named, not dropped to null by JSON or shown as source.
    [String, "String"],
    [[String, Number], "[String,Number]"],
    [{ value: [Date, null] }, '{"value":[Date,null]}'],
  ])("render %p as %s", (value, text) => {
    expect(describeValue(value)).toBe(text);
  });

  it("truncates long values", () => {
    expect(describeValue("y".repeat(500))).toHaveLength(80);
  });

  it("name the path, the rule and the value", () => {
    const error = new ValidationError("age", "validate", -3, "must be ≥ 0");
    expect(error.message).toBe('"age" must be ≥ 0 (got -3)');
    expect(error.name).toBe("ValidationError");
    expect(new TypeMismatch("count", "of type number", Number.NaN).message).toBe(
      '"count" must be of type number (got NaN)',
    );
  });
});
