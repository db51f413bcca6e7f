// timeToLiveSteps: DescribeTimeToLive vs the `expires` attribute → UpdateTimeToLive calls. Pure.
import { timeToLiveSteps } from "../../../lib/table/ttl";

const on = (AttributeName: string) => ({ TimeToLiveStatus: "ENABLED" as const, AttributeName });
const call = (AttributeName: string, Enabled: boolean) => ({
  TableName: "T",
  TimeToLiveSpecification: { AttributeName, Enabled },
});

describe("timeToLiveSteps", () => {
  it("turns TTL on where it is off (or being turned off, or not described)", () => {
    for (const current of [
      { TimeToLiveStatus: "DISABLED" as const },
      { TimeToLiveStatus: "DISABLING" as const },
      undefined,
    ]) {
      expect(timeToLiveSteps("T", current, "exp", false)).toEqual([call("exp", true)]);
      expect(timeToLiveSteps("T", current, "exp", true)).toEqual([call("exp", true)]);
    }
  });

  it("leaves TTL on the wanted attribute alone", () => {
    expect(timeToLiveSteps("T", on("exp"), "exp", true)).toEqual([]);
    expect(timeToLiveSteps("T", { TimeToLiveStatus: "ENABLING", AttributeName: "exp" }, "exp", true)).toEqual(
      [],
    );
  });

  it("another attribute: turned off then on for the wanted one, only when bringing the table in line", () => {
    expect(timeToLiveSteps("T", on("old"), "newAttr", true)).toEqual([
      call("old", false),
      call("newAttr", true),
    ]);
    expect(timeToLiveSteps("T", on("old"), "newAttr", false)).toEqual([]);
  });

  it("TTL said to be on without an attribute name: nothing to compare or turn off", () => {
    expect(timeToLiveSteps("T", { TimeToLiveStatus: "ENABLED" }, "exp", true)).toEqual([]);
  });
});
