// The `return` setting every operation takes: its usual result, or "request" for the input unsent.
// A wrong value names the values that operation documents.
import { InvalidParameter } from "dynamodel";
import { wantsRequest } from "../../../lib/operations/options";

describe("wantsRequest", () => {
  it("is true only for return: request", () => {
    expect(wantsRequest({ return: "request" }, "get")).toBe(true);
    for (const value of [undefined, null, "item", "items", "response"]) {
      expect(wantsRequest({ return: value }, "get")).toBe(false);
    }
  });

  it.each([
    ["get", "item"],
    ["update", "item"],
    ["batchGet", "items"],
    ["transaction", "items"],
    ["batchPut", "response"],
    ["batchDelete", "response"],
  ])("%s: a wrong value names %p and request", (operation, usual) => {
    const attempt = () => wantsRequest({ return: "bogus" }, operation);
    expect(attempt).toThrow(InvalidParameter);
    expect(attempt).toThrow(`${operation}: return must be "${usual}" or "request" (got "bogus").`);
  });
});
