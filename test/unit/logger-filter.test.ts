// The logger's level and category filters (Dynamoose semantics) and message redaction. Pure.
import { passesFilter } from "../../lib/logger/filter";
import { describeValue, methodName, redact } from "../../lib/logger/format";

describe("passesFilter", () => {
  it("levels: exact, 'x+' (x or more severe), 'x-' (x or less severe), lists of exact levels", () => {
    expect(passesFilter({ level: "warn" }, "warn", "c")).toBe(true);
    expect(passesFilter({ level: "warn" }, "error", "c")).toBe(false);
    expect(passesFilter({ level: "warn+" }, "error", "c")).toBe(true);
    expect(passesFilter({ level: "warn+" }, "info", "c")).toBe(false);
    expect(passesFilter({ level: "info-" }, "debug", "c")).toBe(true);
    expect(passesFilter({ level: "info-" }, "warn", "c")).toBe(false);
    expect(passesFilter({ level: ["fatal", "debug"] }, "debug", "c")).toBe(true);
    // As in dynamoose-logger, list entries are exact levels.
    expect(passesFilter({ level: ["warn+"] }, "error", "c")).toBe(false);
    expect(passesFilter({ level: "nonsense" }, "debug", "c")).toBe(false);
  });

  it("categories as in Dynamoose: whole-length, ':'-separated, '*' one segment, '**' the rest", () => {
    const category = "aws:dynamodb:query:request";
    expect(passesFilter({ category }, "debug", category)).toBe(true);
    expect(passesFilter({ category: "aws:dynamodb:*:request" }, "debug", category)).toBe(true);
    expect(passesFilter({ category: "aws:dynamodb:*:response" }, "debug", category)).toBe(false);
    expect(passesFilter({ category: "aws:**" }, "debug", category)).toBe(true);
    expect(passesFilter({ category: "aws:dynamodb:query:**" }, "debug", category)).toBe(true);
    expect(passesFilter({ category: "**" }, "debug", category)).toBe(true);
    // Neither a prefix nor a trailing '*' reaches deeper segments (dynamoose-logger's matching).
    expect(passesFilter({ category: "aws:dynamodb" }, "debug", category)).toBe(false);
    expect(passesFilter({ category: "aws:*" }, "debug", category)).toBe(false);
    expect(passesFilter({ category: "aws:dynamodb:query:request:more" }, "debug", category)).toBe(false);
    expect(passesFilter({ category: "aws:dynamodb:query:request:**" }, "debug", category)).toBe(false);
    expect(passesFilter({ category: "aws:dynamodb:Query:request" }, "debug", category)).toBe(false);
    expect(passesFilter({ category: ["table:**", "aws:dynamodb:query:*"] }, "debug", category)).toBe(true);
    expect(passesFilter(undefined, "trace", category)).toBe(true);
    expect(passesFilter({}, "trace", category)).toBe(true);
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

describe("messages", () => {
  it("are Dynamoose's: the value as 4-space JSON, 'undefined' for none", () => {
    const input = { TableName: "t", Item: { id: { S: "a" } } };
    expect(describeValue(input)).toBe(JSON.stringify(input, null, 4));
    expect(describeValue(undefined)).toBe("undefined");
  });

  it("name the client method in camelCase", () => {
    expect(
      ["PutItem", "BatchWriteItem", "TransactGetItems", "UpdateTimeToLive", "Query"].map(methodName),
    ).toEqual(["putItem", "batchWriteItem", "transactGetItems", "updateTimeToLive", "query"]);
  });
});
