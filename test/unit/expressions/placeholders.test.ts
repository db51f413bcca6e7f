import { InvalidParameter } from "../../../lib/errors";
import { PlaceholderRegistry } from "../../../lib/expressions";

describe("PlaceholderRegistry", () => {
  it("reports no names or values while empty (DynamoDB rejects empty maps)", () => {
    const registry = new PlaceholderRegistry();
    expect(registry.names).toBeUndefined();
    expect(registry.values).toBeUndefined();
  });

  it("gives one placeholder per attribute name and a new one per value", () => {
    const registry = new PlaceholderRegistry();
    expect(registry.name("age")).toBe("#n0");
    expect(registry.name("name")).toBe("#n1");
    expect(registry.name("age")).toBe("#n0");
    expect(registry.value({ N: "5" })).toBe(":v0");
    expect(registry.value({ N: "5" })).toBe(":v1");
    expect(registry.names).toEqual({ "#n0": "age", "#n1": "name" });
    expect(registry.values).toEqual({ ":v0": { N: "5" }, ":v1": { N: "5" } });
  });

  it("builds its maps once per change, and a read after a change sees it", () => {
    const registry = new PlaceholderRegistry();
    registry.name("a");
    registry.value({ S: "x" });
    const names = registry.names;
    expect(registry.names).toBe(names); // no rebuild without a change
    registry.name("b");
    registry.value({ S: "y" });
    expect(registry.names).toEqual({ "#n0": "a", "#n1": "b" });
    expect(registry.values).toEqual({ ":v0": { S: "x" }, ":v1": { S: "y" } });
    expect(names).toEqual({ "#n0": "a" }); // an earlier read is a snapshot
  });

  it("renders document paths with one placeholder per name", () => {
    const registry = new PlaceholderRegistry();
    expect(registry.path(["a", "b", 3])).toBe("#n0.#n1[3]");
    expect(registry.path(["tags", 0, 2])).toBe("#n2[0][2]");
    expect(registry.path(["b", "a"])).toBe("#n1.#n0");
    expect(registry.path(["a.b"])).toBe("#n3");
    expect(registry.names).toEqual({ "#n0": "a", "#n1": "b", "#n2": "tags", "#n3": "a.b" });
  });

  it.each<[(string | number)[], string]>([
    [[], "A document path must have at least one name."],
    [[0, "a"], "The document path [0].a must start with a name, not a list index."],
    [["a", -1], "The list index -1 in a[-1] is not a non-negative integer."],
    [["a", 1.5], "The list index 1.5 in a[1.5] is not a non-negative integer."],
    [["a", Number.NaN], "The list index NaN in a[NaN] is not a non-negative integer."],
  ])("rejects the path %j", (segments, message) => {
    const registry = new PlaceholderRegistry();
    expect(() => registry.path(segments)).toThrow(InvalidParameter);
    expect(() => registry.path(segments)).toThrow(message);
  });

  describe("adoptRaw", () => {
    it("keeps free placeholders and converts plain values", () => {
      const registry = new PlaceholderRegistry();
      const expression = registry.adoptRaw(
        "#s = :s AND #when < :when",
        { "#s": "status", "#when": "at" },
        { ":s": "active", ":when": new Date(42) },
      );
      expect(expression).toBe("#s = :s AND #when < :when");
      expect(registry.names).toEqual({ "#s": "status", "#when": "at" });
      expect(registry.values).toEqual({ ":s": { S: "active" }, ":when": { N: "42" } });
    });

    it("keeps values that are already AttributeValues", () => {
      const registry = new PlaceholderRegistry();
      registry.adoptRaw(
        "#a IN (:a, :b, :c)",
        { "#a": "a" },
        { ":a": { N: "1" }, ":b": { SS: ["x"] }, ":c": { N: 2 } },
      );
      expect(registry.values).toEqual({
        ":a": { N: "1" },
        ":b": { SS: ["x"] },
        ":c": { N: "2" }, // {N: 2}: a number in N, as Dynamoose's Condition guide writes it
      });
    });

    it("renames placeholders that collide with generated ones", () => {
      const registry = new PlaceholderRegistry();
      expect(registry.name("id")).toBe("#n0");
      expect(registry.value({ S: "1" })).toBe(":v0");
      const expression = registry.adoptRaw(
        "#n0 > :v0 AND #n0 < :v1",
        { "#n0": "age" },
        { ":v0": 1, ":v1": 9 },
      );
      expect(expression).toBe("#n1 > :v1 AND #n1 < :v2");
      expect(registry.names).toEqual({ "#n0": "id", "#n1": "age" });
      expect(registry.values).toEqual({ ":v0": { S: "1" }, ":v1": { N: "1" }, ":v2": { N: "9" } });
    });

    it("renames placeholders that collide with an earlier raw expression, in one pass", () => {
      const registry = new PlaceholderRegistry();
      expect(registry.adoptRaw("#a = :a", { "#a": "x" }, { ":a": 1 })).toBe("#a = :a");
      // "#a" is taken by "x", so it becomes "#n0"; the raw's own "#n0" is then taken too and becomes "#n1".
      const expression = registry.adoptRaw(
        "#a = :a AND #n0 = :ab",
        { "#a": "y", "#n0": "z" },
        { ":a": 2, ":ab": 3 },
      );
      expect(expression).toBe("#n0 = :v0 AND #n1 = :ab");
      expect(registry.names).toEqual({ "#a": "x", "#n0": "y", "#n1": "z" });
      expect(registry.values).toEqual({ ":a": { N: "1" }, ":v0": { N: "2" }, ":ab": { N: "3" } });
    });

    it("shares a raw name placeholder that stands for the same attribute", () => {
      const registry = new PlaceholderRegistry();
      registry.adoptRaw("attribute_exists(#id)", { "#id": "id" });
      expect(registry.adoptRaw("attribute_exists(#id)", { "#id": "id" })).toBe("attribute_exists(#id)");
      expect(registry.name("id")).toBe("#id");
      expect(registry.names).toEqual({ "#id": "id" });
    });

    it("skips numbers that adopted placeholders use when generating", () => {
      const registry = new PlaceholderRegistry();
      registry.adoptRaw("#n0 = :v0", { "#n0": "a" }, { ":v0": 1 });
      expect(registry.name("b")).toBe("#n1");
      expect(registry.value({ N: "2" })).toBe(":v1");
    });

    it("does not rewrite longer placeholders that start like a renamed one", () => {
      const registry = new PlaceholderRegistry();
      registry.name("taken");
      registry.adoptRaw("#a", { "#a": "taken-too" });
      expect(registry.adoptRaw("#a = #ab", { "#a": "other", "#ab": "b" })).toBe("#n1 = #ab");
    });

    it.each<[Record<string, string>, Record<string, unknown>, string]>([
      [{ a: "x" }, {}, 'The name placeholder "a" must be "#" followed by letters, digits or "_".'],
      [{ "#a-b": "x" }, {}, 'The name placeholder "#a-b" must be "#" followed by letters, digits or "_".'],
      [{}, { v: 1 }, 'The value placeholder "v" must be ":" followed by letters, digits or "_".'],
      [{}, { ":a b": 1 }, 'The value placeholder ":a b" must be ":" followed by letters, digits or "_".'],
      [{}, { ":v": undefined }, "Cannot convert undefined to a DynamoDB value"],
      [{ "#a": 1 as unknown as string }, {}, "The name placeholder #a must stand for a string."],
    ])("rejects names %j and values %j", (names, values, message) => {
      const registry = new PlaceholderRegistry();
      expect(() => registry.adoptRaw("x", names, values)).toThrow(InvalidParameter);
      expect(() => registry.adoptRaw("x", names, values)).toThrow(message);
    });
  });
});
