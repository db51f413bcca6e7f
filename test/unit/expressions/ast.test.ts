import { InvalidParameter } from "../../../lib/errors";
import {
  andNode,
  betweenNode,
  comparisonNode,
  functionNode,
  inNode,
  notNode,
  orNode,
  rawNode,
} from "../../../lib/expressions/ast";

describe("condition nodes", () => {
  it("are frozen, with copied and frozen paths and lists", () => {
    const path = ["a", 0];
    const list = [1, 2];
    const nodes = [
      comparisonNode("=", path, 1),
      betweenNode(path, 1, 2),
      inNode(path, list),
      functionNode("attribute_exists", path),
      functionNode("contains", path, "x"),
    ];
    path.push("changed");
    list.push(3);
    for (const node of nodes) {
      expect(Object.isFrozen(node)).toBe(true);
      expect(node.path).toEqual(["a", 0]);
      expect(Object.isFrozen(node.path)).toBe(true);
    }
    expect(nodes[2]).toEqual({ kind: "in", path: ["a", 0], size: false, values: [1, 2] });
  });

  it("collapse a single-node AND / OR to the node and reject an empty one", () => {
    const leaf = comparisonNode(">", ["a"], 1, true);
    expect(andNode([leaf])).toBe(leaf);
    expect(orNode([leaf])).toBe(leaf);
    expect(andNode([leaf, notNode(leaf)])).toEqual({
      kind: "and",
      nodes: [leaf, { kind: "not", node: leaf }],
    });
    expect(() => andNode([])).toThrow(new InvalidParameter("AND needs at least one condition."));
    expect(() => orNode([])).toThrow(new InvalidParameter("OR needs at least one condition."));
  });

  it("keep raw maps only when given, as frozen copies", () => {
    const names = { "#a": "a" };
    const raw = rawNode("#a = :a", names, { ":a": 1 });
    names["#a"] = "changed";
    expect(raw).toEqual({ kind: "raw", expression: "#a = :a", names: { "#a": "a" }, values: { ":a": 1 } });
    expect(Object.isFrozen(raw.names)).toBe(true);
    expect(rawNode("x")).toEqual({ kind: "raw", expression: "x" });
  });
});
