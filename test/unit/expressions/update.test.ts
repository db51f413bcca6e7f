import { InvalidParameter } from "../../../lib/errors";
import { compileUpdate, PlaceholderRegistry, type UpdateAction } from "../../../lib/expressions";

function update(actions: UpdateAction[], registry = new PlaceholderRegistry()) {
  const expression = compileUpdate(actions, registry);
  return { expression, names: registry.names, values: registry.values };
}

describe("compileUpdate", () => {
  it.each<[string, UpdateAction, string, Record<string, unknown>]>([
    ["set", { kind: "set", path: ["a"], value: { S: "x" } }, "SET #n0 = :v0", { ":v0": { S: "x" } }],
    [
      "set if_not_exists",
      { kind: "set", path: ["a"], value: { N: "0" }, ifNotExists: true },
      "SET #n0 = if_not_exists(#n0, :v0)",
      { ":v0": { N: "0" } },
    ],
    [
      "append",
      { kind: "append", path: ["a"], value: { L: [{ S: "x" }] } },
      "SET #n0 = list_append(if_not_exists(#n0, :v0), :v1)",
      { ":v0": { L: [] }, ":v1": { L: [{ S: "x" }] } },
    ],
    [
      "prepend",
      { kind: "prepend", path: ["a"], value: { L: [{ S: "x" }] } },
      "SET #n0 = list_append(:v0, if_not_exists(#n0, :v1))",
      { ":v0": { L: [{ S: "x" }] }, ":v1": { L: [] } },
    ],
    ["add a number", { kind: "add", path: ["a"], value: { N: "2" } }, "ADD #n0 :v0", { ":v0": { N: "2" } }],
    [
      "add to a set",
      { kind: "add", path: ["a"], value: { SS: ["x"] } },
      "ADD #n0 :v0",
      { ":v0": { SS: ["x"] } },
    ],
    [
      "delete from a set",
      { kind: "delete", path: ["a"], value: { NS: ["1"] } },
      "DELETE #n0 :v0",
      { ":v0": { NS: ["1"] } },
    ],
  ])("%s", (_name, action, expression, values) => {
    expect(update([action])).toEqual({ expression, names: { "#n0": "a" }, values });
  });

  it("remove", () => {
    expect(update([{ kind: "remove", path: ["a"] }])).toEqual({
      expression: "REMOVE #n0",
      names: { "#n0": "a" },
      values: undefined,
    });
  });

  it("orders clauses SET, REMOVE, ADD, DELETE and keeps action order within a clause", () => {
    expect(
      update([
        { kind: "delete", path: ["g"], value: { SS: ["x"] } },
        { kind: "add", path: ["f"], value: { N: "1" } },
        { kind: "remove", path: ["e"] },
        { kind: "set", path: ["a"], value: { S: "1" } },
        { kind: "set", path: ["b", "c"], value: { S: "2" }, ifNotExists: true },
        { kind: "append", path: ["d"], value: { L: [] } },
        { kind: "remove", path: ["b", "x", 2] },
      ]),
    ).toEqual({
      expression:
        "SET #n3 = :v2, #n4.#n5 = if_not_exists(#n4.#n5, :v3), #n6 = list_append(if_not_exists(#n6, :v4), :v5) " +
        "REMOVE #n2, #n4.#n7[2] ADD #n1 :v1 DELETE #n0 :v0",
      names: {
        "#n0": "g",
        "#n1": "f",
        "#n2": "e",
        "#n3": "a",
        "#n4": "b",
        "#n5": "c",
        "#n6": "d",
        "#n7": "x",
      },
      values: {
        ":v0": { SS: ["x"] },
        ":v1": { N: "1" },
        ":v2": { S: "1" },
        ":v3": { S: "2" },
        ":v4": { L: [] },
        ":v5": { L: [] },
      },
    });
  });

  it("uses the request's registry, after a condition's placeholders", () => {
    const registry = new PlaceholderRegistry();
    registry.name("id");
    registry.value({ S: "k" });
    expect(update([{ kind: "set", path: ["id"], value: { S: "v" } }], registry)).toEqual({
      expression: "SET #n0 = :v1",
      names: { "#n0": "id" },
      values: { ":v0": { S: "k" }, ":v1": { S: "v" } },
    });
  });

  it("keeps hostile names and values out of the expression", () => {
    const name = "x = :v0, #n1 = :v1 REMOVE y";
    expect(
      update([{ kind: "set", path: [name, "a b"], value: { S: "x) OR (attribute_exists(id)" } }]),
    ).toEqual({
      expression: "SET #n0.#n1 = :v0",
      names: { "#n0": name, "#n1": "a b" },
      values: { ":v0": { S: "x) OR (attribute_exists(id)" } },
    });
  });

  it.each<[string, UpdateAction[], string]>([
    ["no actions", [], "An update needs at least one change."],
    ["an empty path", [{ kind: "remove", path: [] }], "A document path must have at least one name."],
    [
      "the same path twice",
      [
        { kind: "set", path: ["a"], value: { S: "x" } },
        { kind: "add", path: ["a"], value: { N: "1" } },
      ],
      'The update names "a" twice (by its name and an alias, or under two operators)',
    ],
    [
      "a path inside an earlier one",
      [
        { kind: "set", path: ["a"], value: { M: {} } },
        { kind: "remove", path: ["a", "b", 0] },
      ],
      'The update paths "a" and "a.b[0]" overlap',
    ],
    [
      "a path containing an earlier one",
      [
        { kind: "remove", path: ["a", "b", 0] },
        { kind: "set", path: ["a", "b"], value: { L: [] } },
      ],
      'The update paths "a.b[0]" and "a.b" overlap',
    ],
    [
      "append without a list",
      [{ kind: "append", path: ["a"], value: { S: "x" } }],
      'The append update of "a" needs a list (L).',
    ],
    [
      "prepend without a list",
      [{ kind: "prepend", path: ["a"], value: { N: "1" } }],
      'The prepend update of "a" needs a list (L).',
    ],
    [
      "add of a string",
      [{ kind: "add", path: ["a"], value: { S: "x" } }],
      'The add update of "a" needs a number (N) or a set (SS, NS, BS).',
    ],
    [
      "delete of a list",
      [{ kind: "delete", path: ["a"], value: { L: [] } }],
      'The delete update of "a" needs a set (SS, NS, BS).',
    ],
  ])("rejects %s", (_name, actions, message) => {
    expect(() => compileUpdate(actions, new PlaceholderRegistry())).toThrow(InvalidParameter);
    expect(() => compileUpdate(actions, new PlaceholderRegistry())).toThrow(message);
  });

  it("allows sibling and differently indexed paths", () => {
    expect(
      update([
        { kind: "set", path: ["a", "b"], value: { S: "1" } },
        { kind: "set", path: ["a", "c"], value: { S: "2" } },
        { kind: "remove", path: ["l", 0] },
        { kind: "remove", path: ["l", 1] },
      ]).expression,
    ).toBe("SET #n0.#n1 = :v0, #n0.#n2 = :v1 REMOVE #n3[0], #n3[1]");
  });
});
