// References and Set elements without a client: which populate paths match, what a Set of
// references or of element definitions compiles and writes to, and what is refused at construction.
import dynamodel, { InvalidParameter, Schema, TypeMismatch } from "dynamodel";
import { compiledSchemaOf } from "../../lib/schema/links";
import { readPipeline } from "../../lib/schema/read";
import { writePipeline } from "../../lib/schema/write";
import { compilePopulateMatcher } from "../../lib/model/populate-paths";
import { populatePlanOf } from "../../lib/model/populate-plan";

function write(schema: Schema, input: Record<string, unknown>) {
  return writePipeline(compiledSchemaOf(schema)!, input, { isNew: true });
}

describe("populate properties", () => {
  it.each([
    [true, "a.b.c", true],
    [undefined, "a", true],
    ["owner", "owner", true],
    ["owner", "owner.pet", false],
    ["owner", "other", false],
    ["parent.owner", "parent", true], // on the way to a wanted path
    ["parent.owner", "parent.owner", true],
    ["parent.owner", "parent.parent", false],
    ["o.*", "o.q", true],
    ["o.*", "o.q.r", false],
    ["o.**", "o.q.r", true],
    ["**", "anything.at.all", true],
    ["list.*.p", "list.3.p", true],
    ["list.1.p", "list.0.p", false],
    [["a", "b.c"], "b.c", true],
  ])("properties %j, path %s → %s", (properties, path, expected) => {
    expect(compilePopulateMatcher(properties)!(path)).toBe(expected);
  });

  it("populates nothing for false or an empty list, and refuses other values", () => {
    expect(compilePopulateMatcher(false)).toBeUndefined();
    expect(compilePopulateMatcher([])).toBeUndefined();
    expect(() => compilePopulateMatcher(3)).toThrow(InvalidParameter);
    expect(() => compilePopulateMatcher(["a", 1])).toThrow(InvalidParameter);
  });
});

describe("model references in schemas", () => {
  const P = dynamodel.model("UnitRefP", { id: Number, name: String });
  const Ranged = dynamodel.model("UnitRefRanged", { id: String, at: { type: Number, rangeKey: true } });

  it("writes a Set of references as the referenced hash keys, collapsing duplicates", async () => {
    const schema = new Schema({ id: String, ps: { type: Set, schema: [P] } });
    const { attributes, item } = await write(schema, { id: "x", ps: [2, new P({ id: 1 }), { id: 2 }, 1] });
    expect(attributes.ps).toEqual({ NS: ["2", "1"] });
    expect((item.ps as Set<unknown>).size).toBe(2);
    expect(schema.getAttributeType("ps")).toBe("NS");
    const read = await readPipeline(compiledSchemaOf(schema)!, { id: { S: "x" }, ps: { NS: ["1", "2"] } });
    expect(read.ps).toEqual(new Set([1, 2]));
    await expect(write(schema, { id: "x", ps: ["1"] })).rejects.toThrow(TypeMismatch);
  });

  it("accepts a key object for a reference to a model with only a hash key", async () => {
    const schema = new Schema({ id: String, p: P });
    await expect(write(schema, { id: "x", p: { id: 4 } })).resolves.toMatchObject({
      attributes: { p: { N: "4" } },
    });
    await expect(write(schema, { id: "x", p: { name: "no key" } })).rejects.toThrow(TypeMismatch);
  });

  it("refuses a Set of references to a model with a range key", () => {
    expect(() => new Schema({ id: String, rs: { type: Set, schema: [Ranged] } })).toThrow(
      'Attribute "rs": a Set cannot hold references to UnitRefRanged',
    );
  });

  it("plans populate only where references are", () => {
    const plain = new Schema({
      id: String,
      o: { type: Object, schema: { a: String } },
      l: { type: Array, schema: [Number] },
    });
    expect(populatePlanOf(compiledSchemaOf(plain)!.shape)).toEqual([]);
    const nested = new Schema({
      id: String,
      o: { type: Object, schema: { a: String, q: P } },
      ps: { type: Set, schema: [P] },
      tags: { type: Set, schema: [String] },
    });
    expect(populatePlanOf(compiledSchemaOf(nested)!.shape).map((field) => field.name)).toEqual(["o", "ps"]);
  });
});

describe("Set elements written as attribute definitions", () => {
  it("stores {type: Date} as NS, ISO dates as SS and {type: String} as SS", async () => {
    const schema = new Schema({
      id: String,
      ms: { type: Set, schema: [{ type: Date }] },
      iso: { type: Set, schema: [{ type: { value: Date, settings: { storage: "iso" } } }] },
      names: { type: Set, schema: [{ type: "string" }] },
    });
    const { attributes } = await write(schema, {
      id: "b",
      ms: [new Date(7)],
      iso: [new Date(0)],
      names: new Set(["a"]),
    });
    expect(attributes).toMatchObject({
      ms: { NS: ["7"] },
      iso: { SS: ["1970-01-01T00:00:00.000Z"] },
      names: { SS: ["a"] },
    });
  });

  it("refuses element definitions that cannot apply to members", () => {
    expect(
      () => new Schema({ id: String, s: { type: Set, schema: [{ type: String, validate: /x/ }] } }),
    ).toThrow(InvalidParameter);
    expect(() => new Schema({ id: String, s: { type: Set, schema: [{ type: [String, Number] }] } })).toThrow(
      'Attribute "s": a Set\'s elements must all have one type.',
    );
  });
});
