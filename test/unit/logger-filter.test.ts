// The logger's level and category filters (Dynamoose semantics) and message redaction. Pure.
import { passesFilter } from "../../lib/logger/filter";
import { redact } from "../../lib/logger/format";

describe("passesFilter", () => {
  it("levels: exact, 'x+' (x or more severe), 'x-' (x or less severe), lists", () => {
    expect(passesFilter({ level: "warn" }, "warn", "c")).toBe(true);
    expect(passesFilter({ level: "warn" }, "error", "c")).toBe(false);
    expect(passesFilter({ level: "warn+" }, "error", "c")).toBe(true);
    expect(passesFilter({ level: "warn+" }, "info", "c")).toBe(false);
    expect(passesFilter({ level: "info-" }, "debug", "c")).toBe(true);
    expect(passesFilter({ level: "info-" }, "warn", "c")).toBe(false);
    expect(passesFilter({ level: ["fatal", "debug"] }, "debug", "c")).toBe(true);
    expect(passesFilter({ level: "nonsense" }, "debug", "c")).toBe(false);
  });

  it("categories: ':'-separated, '*' is one segment, a trailing '*' one or more", () => {
    const category = "aws:dynamodb:Query:request";
    expect(passesFilter({ category }, "debug", category)).toBe(true);
    expect(passesFilter({ category: "aws:dynamodb:*:request" }, "debug", category)).toBe(true);
    expect(passesFilter({ category: "aws:dynamodb:*:response" }, "debug", category)).toBe(false);
    expect(passesFilter({ category: "aws:*" }, "debug", category)).toBe(true);
    expect(passesFilter({ category: "aws:dynamodb" }, "debug", category)).toBe(false);
    expect(passesFilter({ category: ["table:*", "aws:dynamodb:Query:*"] }, "debug", category)).toBe(true);
    expect(passesFilter(undefined, "trace", category)).toBe(true);
  });
});

describe("redact", () => {
  it("masks access keys, signatures and credential fields", () => {
    const text = redact(
      'Credential=AKIAABCDEFGHIJKLMNOP/2024/x, Signature=abc123 {"secretAccessKey": "s3cr3t", "n": 1} ASIAABCDEFGHIJKLMNOP',
    );
    expect(text).not.toMatch(/AKIA|ASIA|abc123|s3cr3t/);
    expect(text).toContain('"n": 1');
  });
});
