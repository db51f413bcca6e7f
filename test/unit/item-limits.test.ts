import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { ValidationError } from "../../lib/errors";
import { compileSchema } from "../../lib/schema/compile";
import { checkItemLimits } from "../../lib/schema/item-limits";
import { checkNestingAt } from "../../lib/schema/nesting";

/** `containers` maps and lists inside one another, alternately, around the string "x". */
function nested(containers: number): AttributeValue {
  let value: AttributeValue = { S: "x" };
  for (let depth = 1; depth <= containers; depth += 1)
    value = depth % 2 ? { M: { k: value } } : { L: [value] };
  return value;
}

// `flat` is stored flattened: its member `deep` is the top-level attribute "flat_deep".
const { shape } = compileSchema({
  id: String,
  flat: { type: Object, schema: { deep: Object }, storage: "flatten" },
});

function thrown(run: () => void): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("nothing was thrown");
}

describe("checkItemLimits", () => {
  it("passes an item within both limits, including one whose cheap bound is over 400 KB", () => {
    expect(() => checkItemLimits(shape, { id: { S: "a" }, deep: nested(31) })).not.toThrow();
    const text = "é".repeat(150_000); // 300,000 bytes, bounded by 450,000
    expect(() => checkItemLimits(shape, { id: { S: "a" }, text: { S: text } })).not.toThrow();
  });

  it("names the path of the first map or list nested too deep, the rule and the value there", () => {
    const error = thrown(() => checkItemLimits(shape, { id: { S: "a" }, ok: nested(3), deep: nested(33) }));
    expect(error.rule).toBe("nesting");
    // nested(33) is a map at the top; the 32nd container is the list around the innermost map.
    expect(error.path).toBe(`deep${".k[0]".repeat(15)}.k`);
    expect(error.value).toEqual([{ k: "x" }]);
    expect(error.message).toBe(
      `"${error.path}" is nested 32 maps and lists deep; DynamoDB stores at most 31 inside one another in ` +
        'an attribute (got [{"k":"x"}])',
    );
  });

  it("names a flattened attribute by its document path", () => {
    const error = thrown(() => checkItemLimits(shape, { id: { S: "a" }, flat_deep: nested(32) }));
    expect(error.path).toBe(`flat.deep${"[0].k".repeat(15)}[0]`);
  });

  it("refuses an item over 400 KB by its exact size", () => {
    // 409,600 bytes of text, 4 of its name, 3 of the key.
    const error = thrown(() => checkItemLimits(shape, { id: { S: "a" }, text: { S: "x".repeat(409_600) } }));
    expect(error.rule).toBe("size");
    expect(error.message).toBe(
      'The item is larger than DynamoDB\'s limit of 409600 bytes (got "409607 bytes")',
    );
  });
});

describe("checkNestingAt", () => {
  it("counts the maps and lists of the path the value is written into", () => {
    expect(() => checkNestingAt(shape, ["a", "b", "c"], nested(29))).not.toThrow(); // 2 above + 29 = 31
    const error = thrown(() => checkNestingAt(shape, ["a", "b", "c"], nested(30)));
    expect(error.path).toBe(`a.b.c${"[0].k".repeat(14)}[0]`);
    expect(error.value).toEqual({ k: "x" });
  });

  it("leaves scalars and sets alone however deep the path", () => {
    const path = Array.from({ length: 40 }, (_, index) => `p${index}`);
    expect(() => checkNestingAt(shape, path, { S: "x" })).not.toThrow();
    expect(() => checkNestingAt(shape, path, { SS: ["x"] })).not.toThrow();
  });
});
