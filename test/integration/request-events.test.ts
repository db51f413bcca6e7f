// The global `request` and `response` events (SPEC §9): their payload, with durationMs on both.
import dynamodel from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

describe("request and response events", () => {
  it("carry {operation, input, model, table, durationMs}; durationMs is 0 on request", async () => {
    const instance = new dynamodel.Instance();
    instance.aws.ddb.set(rawClient());
    const Timed = dynamodel.model("TimedModel", { id: String });
    const table = new instance.Table(uniqueTableName("timed"), [Timed], { throughput: "ON_DEMAND" });
    await table.initialize();
    const requests: Record<string, unknown>[] = [];
    const responses: Record<string, unknown>[] = [];
    instance.events.on("request", (event: Record<string, unknown>) => void requests.push(event));
    instance.events.on("response", (event: Record<string, unknown>) => void responses.push(event));
    await Timed.create({ id: "a" });
    await expect(Timed.create({ id: "a" })).rejects.toThrow();

    expect(requests).toHaveLength(2);
    expect(Object.keys(requests[0]!).sort()).toEqual(["durationMs", "input", "model", "operation", "table"]);
    expect(requests[0]).toMatchObject({
      operation: "PutItem",
      model: "TimedModel",
      table: table.name,
      durationMs: 0,
      input: expect.objectContaining({ TableName: table.name }),
    });
    expect(requests[1]!.durationMs).toBe(0);
    const [ok, failed] = responses as [Record<string, unknown>, Record<string, unknown>];
    expect(ok).toMatchObject({ operation: "PutItem", output: expect.any(Object) });
    expect(failed).toMatchObject({ operation: "PutItem", error: expect.any(Error) });
    for (const event of [ok, failed]) {
      expect(typeof event.durationMs).toBe("number");
      expect(event.durationMs).toBeGreaterThan(0);
    }
  });
});
