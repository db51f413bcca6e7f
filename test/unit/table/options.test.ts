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
      replicaRegions: [],
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

  it("replication: the regions, and the NEW_AND_OLD_IMAGES stream replication needs", () => {
    const regions = ["us-west-2", "eu-central-1", "us-gov-west-1", "cn-north-1"];
    const resolved = resolveTableOptions({ replication: { regions } });
    expect(resolved.replicaRegions).toEqual(regions);
    expect(resolved.streamOptions).toEqual({ enabled: true, type: "NEW_AND_OLD_IMAGES" });
    // The same stream asked for explicitly is fine; no regions is no replication.
    const explicit = { enabled: true, type: "NEW_AND_OLD_IMAGES" as const };
    expect(resolveTableOptions({ replication: { regions }, streamOptions: explicit }).streamOptions).toEqual(
      explicit,
    );
    const none = resolveTableOptions({ replication: { regions: [] } });
    expect([none.replicaRegions, none.streamOptions]).toEqual([[], { enabled: false, type: undefined }]);
    // From the instance's defaults, replaced whole (not merged) by the table's own list.
    expect(resolveTableOptions({}, { replication: { regions: ["us-west-2"] } }).replicaRegions).toEqual([
      "us-west-2",
    ]);
    expect(
      resolveTableOptions(
        { replication: { regions: ["eu-west-1"] } },
        { replication: { regions: ["us-west-2", "us-west-1"] } },
      ).replicaRegions,
    ).toEqual(["eu-west-1"]);
  });

  it.each([
    [5, "Table option `replication` must be {regions: [region names]} (got 5)."],
    [
      { regions: "us-west-2" },
      'Table option `replication.regions` must be an array of region names ("us-west-2") (got "us-west-2").',
    ],
    [
      {},
      'Table option `replication.regions` must be an array of region names ("us-west-2") (got undefined).',
    ],
    [
      { regions: ["us-west-2", "US-EAST-1"] },
      'Table option `replication.regions[1]` must be a region name ("us-west-2") (got "US-EAST-1").',
    ],
    [
      { regions: [""] },
      'Table option `replication.regions[0]` must be a region name ("us-west-2") (got "").',
    ],
    // A hole in the array is a missing region, not skipped.
    [
      { regions: Object.assign(new Array<string>(3), { 0: "us-west-2", 2: "eu-west-1" }) },
      'Table option `replication.regions[1]` must be a region name ("us-west-2") (got undefined).',
    ],
    [{ regions: [7] }, 'Table option `replication.regions[0]` must be a region name ("us-west-2") (got 7).'],
    [
      { regions: ["eu-west-1", "eu-west-1"] },
      'Table option `replication.regions[1]` must be a region not listed before (got "eu-west-1").',
    ],
    [
      { regions: ["eu-west-1"], region: "x" },
      'Unknown table option "replication" setting "region": the known ones are regions.',
    ],
  ])("refuses replication %j, naming the path, the rule and the value", (replication, message) => {
    expect(() => resolveTableOptions({ replication } as never)).toThrow(new InvalidParameter(message));
  });

  it("refuses a stream of another view type with replication", () => {
    expect(() =>
      resolveTableOptions({
        replication: { regions: ["us-west-2"] },
        streamOptions: { enabled: true, type: "KEYS_ONLY" },
      }),
    ).toThrow(
      new InvalidParameter(
        'Table option `streamOptions.type` must be "NEW_AND_OLD_IMAGES" with `replication`, which replicates from that stream (got "KEYS_ONLY").',
      ),
    );
  });

  it("update: true is every part; a list is checked", () => {
    expect(resolveTableOptions({ update: true }).update).toEqual(UPDATE_PARTS);
    expect(resolveTableOptions({ update: ["ttl", "indexes"] }).update).toEqual(["ttl", "indexes"]);
    expect(resolveTableOptions({ update: ["replication"] }).update).toEqual(["replication"]);
    expect(UPDATE_PARTS).toContain("replication");
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
