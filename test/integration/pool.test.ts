// SPEC §11: `dynamodel.pool(n)` runs many operations with at most n in flight.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import dynamodel, { Instance, InvalidParameter, pool, type DynamoCall } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Tasks that record how many of them run at once and in which order they started. */
function tracked() {
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const task =
    <T>(id: number, ms: number, outcome: () => T = () => id as T) =>
    async (): Promise<T> => {
      started.push(id);
      running += 1;
      most = Math.max(most, running);
      try {
        await sleep(ms);
        return outcome();
      } finally {
        running -= 1;
      }
    };
  return { task, started, most: () => most, running: () => running };
}

describe("pool(n): validation", () => {
  it.each([0, -1, 1.5, NaN, Infinity, "4", undefined, null])(
    "rejects size %p with InvalidParameter",
    (size) => {
      expect(() => pool(size as number)).toThrow(InvalidParameter);
      expect(() => pool(size as number)).toThrow(/size must be a positive integer/);
    },
  );

  it("names the bad value", () => {
    expect(() => pool(0)).toThrow("pool(): size must be a positive integer (got 0).");
    expect(() => pool("4" as unknown as number)).toThrow('(got "4")');
  });

  it("rejects what is not an array of functions, before running any of it", async () => {
    const p = pool(2);
    let ran = 0;
    const count = () => void (ran += 1);
    await expect(p.all("nope" as unknown as [])).rejects.toThrow(InvalidParameter);
    await expect(p.all([count, 1 as unknown as () => void])).rejects.toThrow(/got 1 at index 1/);
    await expect(p.allSettled([count, null as unknown as () => void])).rejects.toThrow(InvalidParameter);
    await expect(p.run("x" as unknown as () => void)).rejects.toThrow(InvalidParameter);
    expect(ran).toBe(0);
  });

  it("is on the default export and on every Instance", () => {
    expect(dynamodel.pool).toBe(pool);
    expect(new Instance().pool(3).size).toBe(3);
    expect(() => new Instance().pool(0)).toThrow(InvalidParameter);
  });
});

describe("pool(n): limits", () => {
  it("runs at most n at once, using all n slots, and reports active and pending", async () => {
    const p = pool(3);
    const { task, most } = tracked();
    const work = p.all(Array.from({ length: 12 }, (_unused, id) => task(id, 20)));
    expect(p.size).toBe(3);
    expect(p.active).toBe(3);
    expect(p.pending).toBe(9);
    await work;
    expect(most()).toBe(3);
    expect(p.active).toBe(0);
    expect(p.pending).toBe(0);
  });

  it("shares one limit between run() and all() calls, started first in, first out", async () => {
    const p = pool(2);
    const { task, started, most } = tracked();
    const singles = [p.run(task(0, 30)), p.run(task(1, 10))];
    const batch = p.all([task(2, 10), task(3, 10)]);
    const last = p.run(task(4, 10));
    expect(p.pending).toBe(3);
    await Promise.all([...singles, batch, last]);
    expect(most()).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it("pool(1) runs strictly one after another", async () => {
    const p = pool(1);
    const { task, most } = tracked();
    await p.all([task(0, 5), task(1, 5), task(2, 5)]);
    expect(most()).toBe(1);
  });

  it("caps the DynamoDB calls in flight (observed by middleware) and every write lands", async () => {
    const tableName = uniqueTableName("pool");
    const Row = dynamodel.model("PoolRow", { id: String, n: Number }, { tableName, throughput: "ON_DEMAND" });
    await Row.get("warm-up"); // the table's setup flow, outside the measurement
    let inFlight = 0;
    let most = 0;
    const remove = dynamodel.use(async (call: DynamoCall, next) => {
      if (call.table !== tableName) return next();
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        await sleep(5);
        return await next();
      } finally {
        inFlight -= 1;
      }
    });
    try {
      const p = pool(2);
      const created = await p.all(
        Array.from({ length: 10 }, (_unused, n) => () => Row.create({ id: `r${n}`, n })),
      );
      expect(created.map((row) => row.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(most).toBe(2);
    } finally {
      remove();
    }
    const { Items = [] } = await rawClient().scan({ TableName: tableName, ConsistentRead: true });
    expect(Items.map((item) => unmarshall(item).n).sort((a, b) => a - b)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
  });
});

describe("pool(n): results and errors", () => {
  it("all() resolves in input order whatever the finishing order; typed per position", async () => {
    const p = pool(4);
    const { task } = tracked();
    const results = await p.all(Array.from({ length: 8 }, (_unused, id) => task(id, 40 - id * 5)));
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const [text, number] = await p.all([() => "a", async () => 2]);
    expect([text, number]).toEqual(["a", 2]);
    await expect(p.all([])).resolves.toEqual([]);
  });

  it("run() resolves and rejects as its function does, synchronous throws included", async () => {
    const p = pool(1);
    await expect(p.run(() => 7)).resolves.toBe(7);
    await expect(p.run(async () => "x")).resolves.toBe("x");
    await expect(
      p.run(() => {
        throw new Error("sync");
      }),
    ).rejects.toThrow("sync");
    await expect(p.run(() => Promise.reject(new Error("async")))).rejects.toThrow("async");
    // The slot was given back after each failure.
    await expect(p.run(() => "still works")).resolves.toBe("still works");
    expect(p.active).toBe(0);
  });

  it("all() rejects with the first error once the running functions settled; unstarted ones are skipped", async () => {
    const p = pool(2);
    const { task, started, running } = tracked();
    let runningWhenRejected = -1;
    const failing = p.all([
      task(0, 60),
      task(1, 10, () => {
        throw new Error("first");
      }),
      task(2, 5, () => {
        throw new Error("second");
      }),
      task(3, 5),
      task(4, 5),
    ]);
    await expect(
      failing.catch((error: unknown) => {
        runningWhenRejected = running();
        throw error;
      }),
    ).rejects.toThrow("first");
    // 1's failure freed a slot, but 2, 3 and 4 were skipped; the rejection waited for 0 to finish.
    expect(started).toEqual([0, 1]);
    expect(runningWhenRejected).toBe(0);
    expect(p.active).toBe(0);
    expect(p.pending).toBe(0);
  });

  it("a failed all() does not disturb other work queued on the same pool", async () => {
    const p = pool(1);
    const failing = p.all([() => Promise.reject(new Error("boom")), () => "skipped"]);
    const other = p.run(() => "other");
    await expect(failing).rejects.toThrow("boom");
    await expect(other).resolves.toBe("other");
  });

  it("allSettled() runs everything and reports each outcome in order", async () => {
    const p = pool(2);
    const { task, started } = tracked();
    const outcomes = await p.allSettled([
      task(0, 10),
      task(1, 5, () => {
        throw new Error("bad");
      }),
      task(2, 1),
    ]);
    expect(started).toEqual([0, 1, 2]);
    expect(outcomes[0]).toEqual({ status: "fulfilled", value: 0 });
    expect(outcomes[1]).toMatchObject({ status: "rejected", reason: new Error("bad") });
    expect(outcomes[2]).toEqual({ status: "fulfilled", value: 2 });
    await expect(p.allSettled([])).resolves.toEqual([]);
  });
});

describe("pool(n): memory", () => {
  /** Node's garbage collector, reachable without starting jest with --expose-gc. */
  function collectGarbage(): void {
    setFlagsFromString("--expose-gc");
    (runInNewContext("gc") as () => void)();
  }

  it("a long-lived pool keeps nothing of the work it finished: tasks, what they captured, their results", async () => {
    const p = pool(2);
    const refs: WeakRef<object>[] = [];
    // In a function of its own, so that nothing on this test's stack still holds the captured objects.
    const runBatch = async () => {
      const tasks = Array.from({ length: 10 }, () => {
        const captured = { payload: new Uint8Array(1000) };
        refs.push(new WeakRef(captured));
        return async () => captured.payload.length;
      });
      const result = { lengths: await p.all(tasks) };
      refs.push(new WeakRef(result));
      const single = { value: 1 };
      refs.push(new WeakRef(single));
      await p.run(() => single);
    };
    await runBatch();
    await new Promise((resolve) => setImmediate(resolve)); // WeakRefs hold their targets until the job ends
    collectGarbage();
    expect(refs).toHaveLength(12);
    expect(refs.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
    expect([p.active, p.pending]).toEqual([0, 0]);
  });
});
