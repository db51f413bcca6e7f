import { InvalidFilterComparison, InvalidParameter, InvalidParameterType } from "../../../lib/errors";
import { Condition, type ConditionInit, isCondition, isRawCondition } from "../../../lib/expressions";
import dynamodel, { type LogEvent } from "../../../lib/index";
import { compile } from "./helpers";

describe("new Condition(init)", () => {
  it("is empty without init", () => {
    expect(compile(new Condition())).toEqual({ expression: undefined, names: undefined, values: undefined });
  });

  it("starts a pending comparison from an attribute name", () => {
    expect(compile(new Condition("age").gt(5))).toEqual({
      expression: "#n0 > :v0",
      names: { "#n0": "age" },
      values: { ":v0": { N: "5" } },
    });
  });

  it("reads a dotted name as a document path", () => {
    expect(compile(new Condition("address.lines[1]").eq("x"))).toEqual({
      expression: "#n0.#n1[1] = :v0",
      names: { "#n0": "address", "#n1": "lines" },
      values: { ":v0": { S: "x" } },
    });
  });

  it("reads {attribute: value} as eq and AND-s several keys", () => {
    expect(compile(new Condition({ name: "x", age: 3 }))).toEqual({
      expression: "(#n0 = :v0) AND (#n1 = :v1)",
      names: { "#n0": "name", "#n1": "age" },
      values: { ":v0": { S: "x" }, ":v1": { N: "3" } },
    });
  });

  it.each<[ConditionInit, string, Record<string, unknown>]>([
    [{ a: { eq: 1 } }, "#n0 = :v0", { ":v0": { N: "1" } }],
    [{ a: { ne: 1 } }, "#n0 <> :v0", { ":v0": { N: "1" } }],
    [{ a: { lt: 1 } }, "#n0 < :v0", { ":v0": { N: "1" } }],
    [{ a: { le: 1 } }, "#n0 <= :v0", { ":v0": { N: "1" } }],
    [{ a: { gt: 1 } }, "#n0 > :v0", { ":v0": { N: "1" } }],
    [{ a: { ge: 1 } }, "#n0 >= :v0", { ":v0": { N: "1" } }],
    [{ a: { beginsWith: "p" } }, "begins_with(#n0, :v0)", { ":v0": { S: "p" } }],
    [{ a: { contains: "p" } }, "contains(#n0, :v0)", { ":v0": { S: "p" } }],
    [{ a: { between: [1, 5] } }, "#n0 BETWEEN :v0 AND :v1", { ":v0": { N: "1" }, ":v1": { N: "5" } }],
    [{ a: { in: ["x", "y"] } }, "#n0 IN (:v0, :v1)", { ":v0": { S: "x" }, ":v1": { S: "y" } }],
    [{ a: { eq: { zip: "1" } } }, "#n0 = :v0", { ":v0": { M: { zip: { S: "1" } } } }],
    [{ a: { eq: null } }, "#n0 = :v0", { ":v0": { NULL: true } }],
    [{ a: [1, 2] }, "#n0 = :v0", { ":v0": { L: [{ N: "1" }, { N: "2" }] } }],
    [{ a: new Date(9) }, "#n0 = :v0", { ":v0": { N: "9" } }],
  ])("reads the object form %p", (init, expression, values) => {
    expect(compile(new Condition(init))).toEqual({ expression, names: { "#n0": "a" }, values });
  });

  it("reads exists: true / false as attribute_exists / attribute_not_exists", () => {
    expect(compile(new Condition({ a: { exists: true }, b: { exists: false } }))).toEqual({
      expression: "(attribute_exists(#n0)) AND (attribute_not_exists(#n1))",
      names: { "#n0": "a", "#n1": "b" },
      values: undefined,
    });
  });

  it("AND-s several comparators on one attribute", () => {
    expect(compile(new Condition({ age: { gt: 1, lt: 9 } }))).toEqual({
      expression: "(#n0 > :v0) AND (#n0 < :v1)",
      names: { "#n0": "age" },
      values: { ":v0": { N: "1" }, ":v1": { N: "9" } },
    });
  });

  it("joins later chained comparisons to the object form's flat AND", () => {
    expect(compile(new Condition({ a: 1, b: 2 }).and().where("c").eq(3)).expression).toBe(
      "(#n0 = :v0) AND (#n1 = :v1) AND (#n2 = :v2)",
    );
  });

  it("rejects an unknown comparator with InvalidFilterComparison", () => {
    expect(() => new Condition({ addr: { zip: "1" } })).toThrow(InvalidFilterComparison);
    expect(() => new Condition({ addr: { zip: "1" } })).toThrow("The type: zip is invalid.");
  });

  it.each<[ConditionInit, string]>([
    [{ a: undefined }, 'eq() on "a" needs a value (got undefined).'],
    [{ a: {} }, 'The condition on "a" is an empty object; to compare with a map, use {eq: {…}}.'],
    [{ a: { between: 1 } }, 'between on "a" needs an array of two values, as in {between: [1, 5]}.'],
    [{ a: { between: [1] } }, 'between on "a" needs an array of two values, as in {between: [1, 5]}.'],
    [{ a: { in: "x" } }, 'in() on "a" needs a non-empty array (got "x").'],
    [{ a: { exists: "yes" } }, 'exists() on "a" takes true, false or nothing (got "yes").'],
    [{ "a..b": 1 }, 'Invalid document path "a..b": empty name at position 2.'],
  ])("rejects %p with InvalidParameter", (init, message) => {
    expect(() => new Condition(init)).toThrow(InvalidParameter);
    expect(() => new Condition(init)).toThrow(message);
  });

  it("copies another Condition, including its pending state", () => {
    const original = new Condition("a").eq(1).or().where("b");
    const copy = new Condition(original);
    expect(compile(copy.eq(2))).toEqual(compile(new Condition(original).eq(2)));
    expect(compile(copy).expression).toBe("(#n0 = :v0) OR (#n1 = :v1)");
    expect(() => compile(original)).toThrow('The condition on "b" has no comparator'); // the copy changed alone
  });

  it("accepts a raw ConditionExpression", () => {
    const raw = {
      ConditionExpression: "#s = :s",
      ExpressionAttributeNames: { "#s": "status" },
      ExpressionAttributeValues: { ":s": { S: "on" } },
    };
    expect(compile(new Condition(raw))).toEqual({
      expression: "#s = :s",
      names: { "#s": "status" },
      values: { ":s": { S: "on" } },
    });
  });

  it("accepts a raw FilterExpression with plain values and no names", () => {
    expect(
      compile(new Condition({ FilterExpression: "size(#t) > :n", ExpressionAttributeValues: { ":n": 2 } })),
    ).toEqual({ expression: "size(#t) > :n", names: undefined, values: { ":n": { N: "2" } } });
  });

  // Dynamoose's Condition page: a raw condition has "either `FilterExpression` or `ComparisonExpression`".
  it("accepts a raw ComparisonExpression, alone or repeating the same text as another key", () => {
    const names = { "#a": "age" };
    const values = { ":a": 3 };
    const expected = { expression: "#a = :a", names, values: { ":a": { N: "3" } } };
    expect(
      compile(
        new Condition({
          ComparisonExpression: "#a = :a",
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      ),
    ).toEqual(expected);
    expect(
      compile(
        new Condition({
          ComparisonExpression: "#a = :a",
          FilterExpression: "#a = :a",
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      ),
    ).toEqual(expected);
  });

  // Dynamoose's Condition guide: "all future condition methods called on this condition instance will be
  // ignored". Each ignored call is a warn log event; a raw condition in a group can be combined.
  it("ignores methods called on a Condition made from a raw condition, saying so in the log", async () => {
    const raw = new Condition({
      ConditionExpression: "attribute_exists(#id)",
      ExpressionAttributeNames: { "#id": "id" },
    });
    const logger = await dynamodel.logger();
    const logged: LogEvent[] = [];
    logger.providers.set({ log: (event) => void logged.push(event as LogEvent) });
    try {
      const chained = raw.or().where("id").not().eq(1).and().group(new Condition("a").eq(1)).size();
      expect(compile(chained)).toEqual(compile(raw));
      expect(compile(chained)).toEqual({
        expression: "attribute_exists(#id)",
        names: { "#id": "id" },
        values: undefined,
      });
    } finally {
      logger.providers.clear();
    }
    // Once per raw-made Condition: the rest of the chain is ignored with it.
    expect(logged.map((event) => event.level)).toEqual(["warn"]);
    expect(logged[0]!.message).toBe(
      "or() on a Condition made from a raw condition is ignored, as in Dynamoose (so are the methods after " +
        "it): join it in a new Condition instead (new Condition().group(raw).and()…).",
    );
    expect(compile(new Condition().group(raw).or().where("id").eq(1))).toEqual({
      expression: "(attribute_exists(#id)) OR (#id = :v0)",
      names: { "#id": "id" },
      values: { ":v0": { N: "1" } },
    });
  });

  it.each<[unknown, string]>([
    [
      { ConditionExpression: "a", Foo: 1 },
      'A raw condition may only have ConditionExpression, FilterExpression, ComparisonExpression, ExpressionAttributeNames, ExpressionAttributeValues; it has "Foo".',
    ],
    [
      { ConditionExpression: "a", FilterExpression: "b" },
      "A raw condition must not have both a ConditionExpression and a FilterExpression (with different text).",
    ],
    [
      { FilterExpression: "a", ComparisonExpression: "b" },
      "A raw condition must not have both a FilterExpression and a ComparisonExpression (with different text).",
    ],
    [{ ConditionExpression: " " }, 'A raw condition needs a non-empty expression (got " ").'],
    [
      { ConditionExpression: "a", ExpressionAttributeNames: { "#a": 1 } },
      'ExpressionAttributeNames must map placeholders to strings (got {"#a":1}).',
    ],
    [
      { ConditionExpression: "a", ExpressionAttributeValues: [1] },
      "ExpressionAttributeValues must be an object (got [1]).",
    ],
  ])("rejects the raw condition %p", (raw, message) => {
    expect(() => new Condition(raw as ConditionInit)).toThrow(InvalidParameter);
    expect(() => new Condition(raw as ConditionInit)).toThrow(message);
  });

  it.each<[unknown, string]>([
    [5, "got number"],
    [[{ a: 1 }], "got an array"],
    [true, "got boolean"],
  ])("rejects %p with InvalidParameterType", (init, detail) => {
    expect(() => new Condition(init as ConditionInit)).toThrow(InvalidParameterType);
    expect(() => new Condition(init as ConditionInit)).toThrow(detail);
  });
});

describe("isCondition / isRawCondition", () => {
  it.each<[unknown, boolean, boolean]>([
    [new Condition(), true, false],
    [new Condition("a").eq(1), true, false],
    [{ ConditionExpression: "x" }, false, true],
    [{ FilterExpression: "x" }, false, true],
    [{ ConditionExpression: 1 }, false, false],
    [{ a: 1 }, false, false],
    ["a", false, false],
    [null, false, false],
  ])("%p", (value, condition, raw) => {
    expect(isCondition(value)).toBe(condition);
    expect(isRawCondition(value)).toBe(raw);
  });
});
