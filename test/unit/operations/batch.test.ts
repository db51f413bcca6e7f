import { canonicalKey, chunk, runWithConcurrency } from "../../../lib/operations/batch-chunks";
import { backoffDelay, retrySettingsOf, sendWithRetries } from "../../../lib/operations/retry";

describe("batch helpers", () => {
  it("chunks and keys", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(canonicalKey({ id: { N: "1.0" } }, "id", undefined)).toBe(
      canonicalKey({ id: { N: "1" } }, "id", undefined),
    );
    expect(canonicalKey({ a: { S: "x" }, b: { S: "y" } }, "a", "b")).not.toBe(
      canonicalKey({ a: { S: "xy" }, b: { S: "" } }, "a", "b"),
    );
  });

  it("never runs more than `concurrency` at once", async () => {
    let running = 0;
    let peak = 0;
    await runWithConcurrency(20, 3, async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 2));
      running -= 1;
    });
    expect(peak).toBe(3);
  });

  it("retries unprocessed entries and throttling, then reports what is left", async () => {
    const settings = retrySettingsOf({ maxRetries: 3, baseDelay: 0 });
    let calls = 0;
    const left = await sendWithRetries(
      [1, 2, 3, 4],
      async (pending) => {
        calls += 1;
        if (calls === 2) throw Object.assign(new Error("slow"), { name: "ThrottlingException" });
        return pending.slice(1);
      },
      settings,
      () => undefined,
    );
    expect(calls).toBe(4);
    expect(left).toEqual([4]);
    await expect(
      sendWithRetries(
        [1],
        () => Promise.reject(new Error("boom")),
        settings,
        () => undefined,
      ),
    ).rejects.toThrow("boom");
  });

  it("refuses retry settings that are not counts, quoting the value", () => {
    expect(() => retrySettingsOf({ maxRetries: "3" as never })).toThrow(
      'maxRetries must be a non-negative number (got "3").',
    );
    expect(() => retrySettingsOf({ baseDelay: -1 })).toThrow(
      "baseDelay must be a non-negative number (got -1).",
    );
    expect(() => retrySettingsOf({ maxRetries: 1.5 })).toThrow("maxRetries must be an integer (got 1.5).");
  });

  it("backs off with full jitter under a cap", () => {
    const settings = retrySettingsOf({ baseDelay: 10, maxDelay: 50 });
    for (let attempt = 0; attempt < 10; attempt++) {
      const delay = backoffDelay(attempt, settings);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(Math.min(50, 10 * 2 ** attempt));
    }
  });
});
