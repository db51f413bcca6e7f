import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { InvalidParameter } from "../../../lib/errors";
import {
  andExpressions,
  compileCondition,
  compileConditionNode,
  Condition,
  parenthesized,
  conditionNode,
  type ExpressionTarget,
  type PathSegment,
  PlaceholderRegistry,
  schemalessTarget,
  topLevelConjuncts,
  type ValueUsage,
} from "../../../lib/expressions";
import { compile } from "./helpers";

describe("compileCondition", () => {
  it("returns undefined for an empty condition and registers nothing", () => {
    const registry = new PlaceholderRegistry();
    expect(compileCondition(new Condition(), schemalessTarget, registry)).toBeUndefined();
    expect(registry.names).toBeUndefined();
  });

  // Dynamoose's Condition.md: `new Condition().filter("id")` alone "will represent an empty conditional".
  it.each([
    ["where()", new Condition("age")],
    ["filter()", new Condition().filter("id")],
  ])("treats a condition that only names an attribute (%s) as empty", (_name, condition) => {
    const registry = new PlaceholderRegistry();
    expect(compileCondition(condition, schemalessTarget, registry)).toBeUndefined();
    expect(registry.names).toBeUndefined();
  });

  it.each<[string, Condition, string]>([
    // Not the "empty conditional" form: size() says a comparison of the size was meant.
    ["size() alone", new Condition("age").size(), 'The condition on size("age") has no comparator'],
    [
      "a trailing where()",
      new Condition("a").eq(1).or().where("b"),
      'The condition on "b" has no comparator',
    ],
    [
      "a trailing not()",
      new Condition("a").eq(1).not(),
      "not() must be followed by a comparator or a group.",
    ],
  ])("rejects an unfinished condition: %s", (_name, condition, message) => {
    expect(() => compile(condition)).toThrow(InvalidParameter);
    expect(() => compile(condition)).toThrow(message);
  });

  // As Dynamoose does (its request reads `a = 1`): kept so, unlike an empty group after or(), which makes
  // Dynamoose send an expression DynamoDB refuses.
  it("ignores a trailing and() / or()", () => {
    expect(compile(new Condition("a").eq(1).or()).expression).toBe("#n0 = :v0");
  });

  it("reuses one placeholder per name across the whole condition", () => {
    expect(compile(new Condition("a.b").eq(1).or().where("b.a").eq(2).or().where("a").exists())).toEqual({
      expression: "(#n0.#n1 = :v0) OR (#n1.#n0 = :v1) OR (attribute_exists(#n0))",
      names: { "#n0": "a", "#n1": "b" },
      values: { ":v0": { N: "1" }, ":v1": { N: "2" } },
    });
  });

  it("converts schemaless values: Dates as milliseconds, Sets by element type", () => {
    expect(
      compile(
        new Condition("at")
          .lt(new Date(1000))
          .and()
          .where("tags")
          .eq(new Set(["x"])),
      ).values,
    ).toEqual({
      ":v0": { N: "1000" },
      ":v1": { SS: ["x"] },
    });
  });

  it("resolves paths and converts values through the target, telling contains() values apart", () => {
    const calls: [readonly PathSegment[], unknown, ValueUsage | undefined][] = [];
    const aliases: Record<string, string> = { nick: "n", when: "w" };
    const target: ExpressionTarget = {
      resolve: (path) => ({
        segments: path.map((segment) =>
          typeof segment === "string" ? (aliases[segment] ?? segment) : segment,
        ),
        toAttributeValue: (value: unknown, usage?: ValueUsage): AttributeValue => {
          calls.push([path, value, usage]);
          return value instanceof Date ? { S: value.toISOString() } : { S: `${usage}:${String(value)}` };
        },
      }),
    };
    const condition = new Condition("when")
      .lt(new Date(0))
      .and()
      .where("nick")
      .contains("x")
      .and()
      .where("nick.when")
      .in(["y", "z"]);
    expect(compile(condition, target)).toEqual({
      expression: "(#n0 < :v0) AND (contains(#n1, :v1)) AND (#n1.#n0 IN (:v2, :v3))",
      names: { "#n0": "w", "#n1": "n" },
      values: {
        ":v0": { S: "1970-01-01T00:00:00.000Z" },
        ":v1": { S: "element:x" },
        ":v2": { S: "operand:y" },
        ":v3": { S: "operand:z" },
      },
    });
    expect(calls).toEqual([
      [["when"], new Date(0), "operand"],
      [["nick"], "x", "element"],
      [["nick", "when"], "y", "operand"],
      [["nick", "when"], "z", "operand"],
    ]);
  });

  it("lets conversion errors from the target surface", () => {
    const target: ExpressionTarget = {
      resolve: () => {
        throw new InvalidParameter("unknown attribute");
      },
    };
    expect(() => compile(new Condition("a").eq(1), target)).toThrow("unknown attribute");
  });

  it("shares the registry with other parts of the request", () => {
    const registry = new PlaceholderRegistry();
    registry.name("id");
    registry.value({ S: "key" });
    expect(
      compileCondition(new Condition("id").exists().and().where("v").eq(2), schemalessTarget, registry),
    ).toBe("(attribute_exists(#n0)) AND (#n1 = :v1)");
    expect(registry.values).toEqual({ ":v0": { S: "key" }, ":v1": { N: "2" } });
  });

  describe("injection attempts stay in the placeholder maps", () => {
    const hostile = ["a-b", "a b", "#x", ":y", "über", "x) OR (attribute_exists(id)", "a = :v0", "#n0"];

    it.each(hostile)("name %j", (name) => {
      const { expression, names } = compile(
        new Condition().where([name]).eq(1).or().where([name]).beginsWith("p"),
      );
      expect(expression).toBe("(#n0 = :v0) OR (begins_with(#n0, :v1))");
      expect(names).toEqual({ "#n0": name });
    });

    it.each(hostile)("value %j", (value) => {
      const { expression, values } = compile(
        new Condition("a").eq(value).or().where("a").in([value, value]).or().where("a").contains(value),
      );
      expect(expression).toBe("(#n0 = :v0) OR (#n0 IN (:v1, :v2)) OR (contains(#n0, :v3))");
      expect(values).toEqual({
        ":v0": { S: value },
        ":v1": { S: value },
        ":v2": { S: value },
        ":v3": { S: value },
      });
    });

    it("object-form keys and values", () => {
      const { expression, names, values } = compile(
        new Condition({ "x) OR (attribute_exists(id)": "#n0 :v0" }),
      );
      expect(expression).toBe("#n0 = :v0");
      expect(names).toEqual({ "#n0": "x) OR (attribute_exists(id)" });
      expect(values).toEqual({ ":v0": { S: "#n0 :v0" } });
    });

    it("never puts a user string into the expression text", () => {
      const condition = new Condition({ "a-b": "x) OR (attribute_exists(id)", "über.#x": { ne: ":y" } })
        .or()
        .where("a b")
        .between("a", "b");
      const { expression } = compile(condition);
      expect(expression).toBe("((#n0 = :v0) AND (#n1.#n2 <> :v1)) OR (#n3 BETWEEN :v2 AND :v3)");
      expect(expression).toMatch(/^[#:nv0-9 ().=<>A-Z]+$/);
    });
  });

  describe("raw conditions", () => {
    it("renames placeholders that collide with generated ones", () => {
      const raw = {
        ConditionExpression: "#n0 > :v0",
        ExpressionAttributeNames: { "#n0": "age" },
        ExpressionAttributeValues: { ":v0": { N: "18" } },
      };
      expect(compile(new Condition("name").eq("x").and().group(raw))).toEqual({
        expression: "(#n0 = :v0) AND (#n1 > :v1)",
        names: { "#n0": "name", "#n1": "age" },
        values: { ":v0": { S: "x" }, ":v1": { N: "18" } },
      });
    });

    it("keeps generated placeholders clear of a raw expression compiled first", () => {
      const raw = {
        FilterExpression: "#n0 > :v0",
        ExpressionAttributeNames: { "#n0": "age" },
        ExpressionAttributeValues: { ":v0": 18 },
      };
      const combined = new Condition().group(raw).and().where("name").eq("x").and().where("age").lt(99);
      expect(compile(combined)).toEqual({
        expression: "(#n0 > :v0) AND (#n1 = :v1) AND (#n0 < :v2)",
        names: { "#n0": "age", "#n1": "name" },
        values: { ":v0": { N: "18" }, ":v1": { S: "x" }, ":v2": { N: "99" } },
      });
    });

    it("renames the value placeholders of the same raw condition used twice", () => {
      const raw = {
        ConditionExpression: "#a = :a",
        ExpressionAttributeNames: { "#a": "a" },
        ExpressionAttributeValues: { ":a": 1 },
      };
      expect(compile(new Condition().group(raw).or().group(raw))).toEqual({
        expression: "(#a = :a) OR (#a = :v0)",
        names: { "#a": "a" },
        values: { ":a": { N: "1" }, ":v0": { N: "1" } },
      });
    });

    it("is parenthesised when combined, so its own OR cannot leak", () => {
      const raw = {
        ConditionExpression: "#a = :a OR #a = :b",
        ExpressionAttributeNames: { "#a": "a" },
        ExpressionAttributeValues: { ":a": 1, ":b": 2 },
      };
      expect(compile(new Condition("c").eq(3).and().group(raw)).expression).toBe(
        "(#n0 = :v0) AND (#a = :a OR #a = :b)",
      );
      expect(compile(new Condition("c").eq(3).and().not().group(raw)).expression).toBe(
        "(#n0 = :v0) AND (NOT (#a = :a OR #a = :b))",
      );
    });
  });
});

describe("andExpressions", () => {
  it.each<[(string | undefined)[], string | undefined]>([
    [[], undefined],
    [[undefined, undefined], undefined],
    [["a"], "a"],
    [[undefined, "a", ""], "a"],
    [["a", undefined, "b"], "(a) AND (b)"],
    [["a OR b", "c", "d"], "(a OR b) AND (c) AND (d)"],
    [["(a = b)", "c"], "(a = b) AND (c)"],
  ])("%j → %j", (parts, expected) => {
    expect(andExpressions(parts)).toBe(expected);
  });
});

describe("parenthesized", () => {
  it.each<[string, string]>([
    ["#a = :a", "(#a = :a)"],
    // Already one unit: DynamoDB refuses a second pair as redundant.
    ["(#a = :a)", "(#a = :a)"],
    [" (#a = :a) ", "(#a = :a)"],
    ["((#a = :a) OR (#b = :b))", "((#a = :a) OR (#b = :b))"],
    // Parentheses that open and close again before the end do not enclose the whole.
    ["(#a = :a) OR (#b = :b)", "((#a = :a) OR (#b = :b))"],
    ["(#a) IN (:a, :b)", "((#a) IN (:a, :b))"],
    ["size(#a) > :v AND (#b = :b)", "(size(#a) > :v AND (#b = :b))"],
    ["attribute_exists(#a)", "(attribute_exists(#a))"],
  ])("%j → %j", (expression, expected) => {
    expect(parenthesized(expression)).toBe(expected);
  });
});

describe("conditionNode / topLevelConjuncts", () => {
  it("exposes the frozen tree", () => {
    const root = conditionNode(new Condition("a").eq(1).or().where("b").size().gt(2));
    expect(root).toEqual({
      kind: "or",
      nodes: [
        { kind: "comparison", op: "=", path: ["a"], size: false, value: 1 },
        { kind: "comparison", op: ">", path: ["b"], size: true, value: 2 },
      ],
    });
    expect(Object.isFrozen(root)).toBe(true);
    expect(root?.kind === "or" && Object.isFrozen(root.nodes)).toBe(true);
    expect(root?.kind === "or" && Object.isFrozen(root.nodes[0])).toBe(true);
    expect(conditionNode(new Condition())).toBeUndefined();
  });

  it("lists top-level conjuncts, flattening AND groups", () => {
    const condition = new Condition("id")
      .eq(1)
      .and()
      .group((c) => c.where("sk").gt(2).where("x").eq(3))
      .and()
      .group((c) => c.where("p").eq(1).or().where("q").eq(2));
    expect(topLevelConjuncts(condition)).toEqual([
      { kind: "comparison", op: "=", path: ["id"], size: false, value: 1 },
      { kind: "comparison", op: ">", path: ["sk"], size: false, value: 2 },
      { kind: "comparison", op: "=", path: ["x"], size: false, value: 3 },
      {
        kind: "or",
        nodes: [
          { kind: "comparison", op: "=", path: ["p"], size: false, value: 1 },
          { kind: "comparison", op: "=", path: ["q"], size: false, value: 2 },
        ],
      },
    ]);
  });

  it("returns a single node as one conjunct, [] for an empty condition, and undefined for a top-level OR", () => {
    expect(topLevelConjuncts(new Condition("id").between(1, 2))).toEqual([
      { kind: "between", path: ["id"], size: false, low: 1, high: 2 },
    ]);
    expect(topLevelConjuncts(new Condition())).toEqual([]);
    expect(topLevelConjuncts(new Condition("id").eq(1).or().where("id").eq(2))).toBeUndefined();
  });

  it("compiles single nodes for the query planner", () => {
    const [hash, rest] = topLevelConjuncts(new Condition({ id: 1, status: { in: ["a", "b"] } }))!;
    const registry = new PlaceholderRegistry();
    expect(compileConditionNode(hash!, schemalessTarget, registry)).toBe("#n0 = :v0");
    expect(compileConditionNode(rest!, schemalessTarget, registry)).toBe("#n1 IN (:v1, :v2)");
    expect(registry.names).toEqual({ "#n0": "id", "#n1": "status" });
  });
});
