// resolveTableOptions: built-in defaults, custom defaults and constructor options, merged deeply.
import { InvalidParameter } from "../../../lib/errors";
import { resolveTableOptions, UPDATE_PARTS } from "../../../lib/table/options";

describe("resolveTableOptions", () => {
  it("has SPEC §7's defaults", () => {
    expect(resolveTableOptions()).toEqual({
      create: true,
      update: [],
      waitForActive: { enabled: true, check: { timeout: 180_000, frequency: 1000 } },
      throughput: { read: 1, write: 1 },
      prefix: "",
      suffix: "",
      expires: undefined,
      tags: {},
      tableClass: "standard",
      streamOptions: { enabled: false, type: undefined },
      initialize: true,
      entityAttribute: undefined,
      populate: false,
    });
  });

  it("names the value given for a bad update or tableClass", () => {
    expect(() => resolveTableOptions({ update: "yes" } as never)).toThrow(
      new InvalidParameter('Table option `update` must be a boolean or an array (got "yes").'),
    );
    expect(() => resolveTableOptions({ tableClass: "cold" } as never)).toThrow(
      new InvalidParameter(
        'Table option `tableClass` must be "standard" or "infrequentAccess" (got "cold").',
      ),
    );
  });

  it("merges options over custom defaults over built-ins, key by key", () => {
    const resolved = resolveTableOptions(
      { waitForActive: { check: { frequency: 10 } }, prefix: "own_" },
      { waitForActive: { check: { timeout: 5000 } }, prefix: "d_", suffix: "_d", throughput: "ON_DEMAND" },
    );
    expect(resolved.waitForActive).toEqual({ enabled: true, check: { timeout: 5000, frequency: 10 } });
    expect([resolved.prefix, resolved.suffix, resolved.throughput]).toEqual(["own_", "_d", "ON_DEMAND"]);
    expect(resolveTableOptions({ waitForActive: false }).waitForActive).toEqual({
      enabled: false,
      check: { timeout: 180_000, frequency: 1000 },
    });
  });

  it("expires: a number, or the full object with attribute and returnExpired defaults", () => {
    expect(resolveTableOptions({ expires: 1000 }).expires).toEqual({
      ttl: 1000,
      attribute: "ttl",
      returnExpired: true,
    });
    expect(
      resolveTableOptions({ expires: { attribute: "exp", items: { returnExpired: false } } }).expires,
    ).toEqual({
      ttl: undefined,
      attribute: "exp",
      returnExpired: false,
    });
    expect(() => resolveTableOptions({ expires: "soon" as unknown as number })).toThrow(InvalidParameter);
  });

  it("update: true is every part; a list is checked", () => {
    expect(resolveTableOptions({ update: true }).update).toEqual(UPDATE_PARTS);
    expect(resolveTableOptions({ update: ["ttl", "indexes"] }).update).toEqual(["ttl", "indexes"]);
    expect(() => resolveTableOptions({ update: ["everything" as "ttl"] })).toThrow(InvalidParameter);
  });

  it("throughput: a whole number ≥ 1, {read, write} of them, or ON_DEMAND; anything else names option and value", () => {
    expect(resolveTableOptions({ throughput: 5 }).throughput).toBe(5);
    expect(resolveTableOptions({ throughput: { read: 2, write: 3 } }).throughput).toEqual({
      read: 2,
      write: 3,
    });
    // An object merges key by key over the default {read: 1, write: 1}, as in Dynamoose.
    expect(
      resolveTableOptions({ throughput: { read: 4 } as { read: number; write: number } }).throughput,
    ).toEqual({
      read: 4,
      write: 1,
    });
    expect(resolveTableOptions({ throughput: "ON_DEMAND" }).throughput).toBe("ON_DEMAND");
    const bad: [unknown, string][] = [
      ["bogus", '"bogus"'],
      [-1, "-1"],
      [0, "0"],
      [1.5, "1.5"],
      [null, "null"],
      [Number.NaN, "NaN"],
      [{ read: 1, write: "2" }, '{"read":1,"write":"2"}'],
      [{ read: 1, write: 1, extra: 1 }, '{"read":1,"write":1,"extra":1}'],
      [[1, 1], "[1,1]"],
    ];
    for (const [throughput, shown] of bad) {
      const resolve = () => resolveTableOptions({ throughput: throughput as number });
      expect(resolve).toThrow(InvalidParameter);
      expect(resolve).toThrow(`Table option \`throughput\``);
      expect(resolve).toThrow(`(got ${shown})`);
    }
    // Custom defaults are checked too.
    expect(() => resolveTableOptions({}, { throughput: "bogus" as "ON_DEMAND" })).toThrow(InvalidParameter);
  });
});
