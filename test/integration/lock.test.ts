// SPEC §11: `dynamodel.lock(table, name, {leaseMs, heartbeatMs?, waitMs?})` → `{release(), extend()}` built
// on conditional writes; a crashed holder's lease expires; never two holders.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import dynamodel, { Instance, InvalidParameter, LockError, type DynamoCall, type Lock } from "dynamodel";
import { rawClient, testEndpoint, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A lock table made with the raw SDK: `dynamodel.lock("name", …)` must find its key by itself. */
async function createRawTable(keys: {
  hash: [string, "S" | "N"];
  range?: [string, "S" | "N"];
}): Promise<string> {
  const name = uniqueTableName("locks_raw");
  const attributes = keys.range ? [keys.hash, keys.range] : [keys.hash];
  await rawClient().createTable({
    TableName: name,
    KeySchema: [
      { AttributeName: keys.hash[0], KeyType: "HASH" },
      ...(keys.range ? [{ AttributeName: keys.range[0], KeyType: "RANGE" as const }] : []),
    ],
    AttributeDefinitions: attributes.map(([AttributeName, AttributeType]) => ({
      AttributeName,
      AttributeType,
    })),
    BillingMode: "PAY_PER_REQUEST",
  });
  return name;
}

async function stored(
  table: string,
  key: Record<string, AttributeValue>,
): Promise<Record<string, AttributeValue> | undefined> {
  const { Item } = await rawClient().getItem({ TableName: table, Key: key, ConsistentRead: true });
  return Item;
}

async function itemCount(table: string): Promise<number> {
  const { Count } = await rawClient().scan({ TableName: table, Select: "COUNT", ConsistentRead: true });
  return Count ?? 0;
}

/** The DynamoDB calls made through the default instance for `table`, while `work` runs. */
async function callsDuring(table: string, work: () => Promise<unknown>): Promise<string[]> {
  const operations: string[] = [];
  const listener = (call: DynamoCall) => void (call.table === table && operations.push(call.operation));
  dynamodel.events.on("request", listener);
  try {
    await work();
  } finally {
    dynamodel.events.off("request", listener);
  }
  return operations;
}

let table: string;
const key = (name: string) => ({ id: { S: name } });
const held: Lock[] = [];
/** Releases whatever a failed test left held, so heartbeats end with the test. */
const track = (lock: Lock) => (held.push(lock), lock);
afterEach(async () => {
  await Promise.allSettled(held.splice(0).map((lock) => lock.release()));
});

beforeAll(async () => {
  table = await createRawTable({ hash: ["id", "S"] });
});

describe("acquire and release", () => {
  it("stores the owner token and the lease end; release deletes the item; a second release is a no-op", async () => {
    const before = Date.now();
    const lock = track(await dynamodel.lock(table, "basic", { leaseMs: 5000 }));
    const item = await stored(table, key("basic"));
    expect(item).toEqual({
      id: { S: "basic" },
      lockOwner: { S: lock.owner },
      lockExpiresAt: { N: String(lock.expiresAt.getTime()) },
    });
    expect(lock.owner).toMatch(/^[0-9a-f-]{36}$/);
    expect(lock.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 5000);
    expect(lock.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 5000);
    expect(lock).toMatchObject({ name: "basic", table, held: true });

    await lock.release();
    expect(await stored(table, key("basic"))).toBeUndefined();
    expect(lock.held).toBe(false);
    await expect(lock.release()).resolves.toBeUndefined();
    await expect(lock.extend()).rejects.toThrow(LockError);
    await expect(lock.extend()).rejects.toThrow(/has been released/);
  });

  it("goes through the instance's middleware and events: DescribeTable, PutItem, UpdateItem, DeleteItem", async () => {
    const seen: string[] = [];
    const remove = dynamodel.use(async (call, next) => {
      if (call.table === table) seen.push(call.operation);
      return next();
    });
    try {
      const events = await callsDuring(table, async () => {
        const lock = track(await dynamodel.lock(table, "observed", { leaseMs: 5000 }));
        await lock.extend();
        await lock.release();
      });
      const expected = ["DescribeTable", "PutItem", "UpdateItem", "DeleteItem"];
      expect(events).toEqual(expected);
      expect(seen).toEqual(expected);
    } finally {
      remove();
    }
  });

  it("extend() moves the stored lease end forward", async () => {
    const lock = track(await dynamodel.lock(table, "extend", { leaseMs: 2000 }));
    const first = Number((await stored(table, key("extend")))!.lockExpiresAt!.N);
    await sleep(50);
    await lock.extend();
    const second = Number((await stored(table, key("extend")))!.lockExpiresAt!.N);
    expect(second).toBeGreaterThanOrEqual(first + 50);
    expect(lock.expiresAt.getTime()).toBe(second);
  });

  it("never overwrites an item with the key that is not a lock", async () => {
    await rawClient().putItem({ TableName: table, Item: { id: { S: "data" }, note: { S: "keep me" } } });
    await expect(dynamodel.lock(table, "data", { leaseMs: 1000 })).rejects.toThrow(LockError);
    expect(await stored(table, key("data"))).toEqual({ id: { S: "data" }, note: { S: "keep me" } });
  });
});

describe("mutual exclusion", () => {
  it("of several concurrent lock() calls without waiting, exactly one holds", async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: 6 }, () => dynamodel.lock(table, "race", { leaseMs: 10_000 })),
    );
    const winners = attempts.flatMap((attempt) =>
      attempt.status === "fulfilled" ? [track(attempt.value)] : [],
    );
    expect(winners).toHaveLength(1);
    for (const attempt of attempts) {
      if (attempt.status === "rejected") {
        expect(attempt.reason).toBeInstanceOf(LockError);
        expect((attempt.reason as Error).message).toBe(
          `Lock "race" on table "${table}" is held by another owner.`,
        );
      }
    }
    expect((await stored(table, key("race")))!.lockOwner).toEqual({ S: winners[0]!.owner });
  });

  it("workers that wait for the lock never overlap in their critical sections", async () => {
    let inside = 0;
    let most = 0;
    let done = 0;
    const worker = async () => {
      for (let round = 0; round < 4; round += 1) {
        const lock = track(await dynamodel.lock(table, "section", { leaseMs: 10_000, waitMs: 20_000 }));
        inside += 1;
        most = Math.max(most, inside);
        await sleep(15);
        inside -= 1;
        done += 1;
        await lock.release();
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    expect(done).toBe(16);
    expect(most).toBe(1);
    expect(await stored(table, key("section"))).toBeUndefined();
  });

  it("a waiter gets the lock as soon as the holder releases it", async () => {
    const first = track(await dynamodel.lock(table, "handover", { leaseMs: 10_000 }));
    let releasedAt = 0;
    const waiting = dynamodel.lock(table, "handover", { leaseMs: 10_000, waitMs: 5000 });
    await sleep(300);
    releasedAt = Date.now();
    await first.release();
    const second = track(await waiting);
    expect(Date.now() - releasedAt).toBeLessThan(1500);
    expect((await stored(table, key("handover")))!.lockOwner).toEqual({ S: second.owner });
  });

  it("gives up with a LockError after waitMs while the holder keeps it", async () => {
    const holder = track(await dynamodel.lock(table, "busy", { leaseMs: 10_000 }));
    const started = Date.now();
    const error = await dynamodel
      .lock(table, "busy", { leaseMs: 1000, waitMs: 400 })
      .catch((e: unknown) => e);
    const waited = Date.now() - started;
    expect(error).toBeInstanceOf(LockError);
    expect((error as Error).message).toBe(
      `Lock "busy" on table "${table}" is held by another owner after waiting 400 ms.`,
    );
    expect((error as Error).cause).toMatchObject({ name: "ConditionalCheckFailedException" });
    expect(waited).toBeGreaterThanOrEqual(400);
    expect(waited).toBeLessThan(3000);
    expect((await stored(table, key("busy")))!.lockOwner).toEqual({ S: holder.owner });
  });

  it("a retried acquire whose first write was applied (its answer lost) finds its own lock", async () => {
    let replayed = false;
    // As the SDK does when a response is lost after DynamoDB applied the write: the same PutItem again.
    const remove = dynamodel.use(async (call, next) => {
      if (call.table !== table || call.operation !== "PutItem" || replayed) return next();
      replayed = true;
      await next();
      return next();
    });
    try {
      const lock = track(await dynamodel.lock(table, "replayed", { leaseMs: 5000, waitMs: 200 }));
      expect(replayed).toBe(true);
      expect((await stored(table, key("replayed")))!.lockOwner).toEqual({ S: lock.owner });
      await lock.release();
      expect(await stored(table, key("replayed"))).toBeUndefined();
    } finally {
      remove();
    }
  });
});

describe("leases", () => {
  it("a crashed holder's lease runs out and the lock is taken over; the old holder can no longer extend or release", async () => {
    const crashed = track(await dynamodel.lock(table, "crash", { leaseMs: 300 })); // no heartbeat: it "crashed"
    await expect(dynamodel.lock(table, "crash", { leaseMs: 10_000 })).rejects.toThrow(LockError);
    const started = Date.now();
    const next = track(await dynamodel.lock(table, "crash", { leaseMs: 10_000, waitMs: 5000 }));
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await stored(table, key("crash")))!.lockOwner).toEqual({ S: next.owner });
    expect(crashed.held).toBe(false);

    await expect(crashed.extend()).rejects.toThrow(/was lost/);
    await expect(crashed.release()).rejects.toThrow(LockError);
    // The old holder's failed writes left the new holder's item alone.
    expect((await stored(table, key("crash")))!.lockOwner).toEqual({ S: next.owner });
    expect(next.held).toBe(true);
  });

  it("an expired lease nobody took can still be extended and released by its holder", async () => {
    const lock = track(await dynamodel.lock(table, "lapsed", { leaseMs: 100 }));
    await sleep(200);
    expect(lock.held).toBe(false);
    await lock.extend();
    expect(lock.held).toBe(true);
    await lock.release();
    expect(await stored(table, key("lapsed"))).toBeUndefined();
  });

  it("heartbeats keep the lock held well past leaseMs, and stop on release", async () => {
    const lock = track(await dynamodel.lock(table, "beating", { leaseMs: 400, heartbeatMs: 100 }));
    const firstExpiry = lock.expiresAt.getTime();
    await sleep(1200);
    expect(lock.held).toBe(true);
    await expect(dynamodel.lock(table, "beating", { leaseMs: 1000 })).rejects.toThrow(LockError);
    const storedExpiry = Number((await stored(table, key("beating")))!.lockExpiresAt!.N);
    expect(storedExpiry).toBeGreaterThan(firstExpiry + 500);
    expect(storedExpiry).toBeGreaterThan(Date.now());

    await lock.release();
    const after = await callsDuring(table, () => sleep(400));
    expect(after).toEqual([]);
    expect(await stored(table, key("beating"))).toBeUndefined();
  });

  it("a slow acquire: heartbeats count from when the lease began, so the lock stays held and exclusive", async () => {
    // The acquiring PutItem takes 250 ms of a 300 ms lease: a first heartbeat 80 ms after lock() resolved
    // would come after the lease ran out, and another owner could take the lock meanwhile.
    let delayed = false;
    const remove = dynamodel.use(async (call, next) => {
      if (call.table === table && call.operation === "PutItem" && !delayed) {
        delayed = true;
        await sleep(250);
      }
      return next();
    });
    let lock: Lock;
    try {
      lock = track(await dynamodel.lock(table, "slow-acquire", { leaseMs: 300, heartbeatMs: 80 }));
    } finally {
      remove();
    }
    await sleep(150);
    expect(lock.held).toBe(true);
    await expect(dynamodel.lock(table, "slow-acquire", { leaseMs: 1000 })).rejects.toThrow(LockError);
    await lock.release();
  });

  it("an acquire slower than the whole lease is not handed out: it tries again, or rejects with a LockError", async () => {
    const remove = dynamodel.use(async (call, next) => {
      if (call.table === table && call.operation === "PutItem") await sleep(150);
      return next();
    });
    try {
      await expect(dynamodel.lock(table, "slower-than-lease", { leaseMs: 100 })).rejects.toThrow(
        new LockError(
          `Lock "slower-than-lease" on table "${table}": acquiring it took longer than its 100 ms lease, so the ` +
            "lease had run out when DynamoDB answered. Use a longer leaseMs.",
        ),
      );
    } finally {
      remove();
    }
  });

  it("a heartbeat that finds the lock taken calls onLost once and stops", async () => {
    const lost: LockError[] = [];
    const lock = track(
      await dynamodel.lock(table, "stolen", {
        leaseMs: 2000,
        heartbeatMs: 100,
        onLost: (error) => lost.push(error),
      }),
    );
    await rawClient().putItem({
      TableName: table,
      Item: {
        id: { S: "stolen" },
        lockOwner: { S: "someone-else" },
        lockExpiresAt: { N: String(Date.now() + 60_000) },
      },
    });
    await sleep(400);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(LockError);
    expect(lock.held).toBe(false);
    expect(await callsDuring(table, () => sleep(300))).toEqual([]);
    expect((await stored(table, key("stolen")))!.lockOwner).toEqual({ S: "someone-else" });
    await expect(lock.release()).rejects.toThrow(/was lost/);
  });

  it("heartbeat timers do not keep the process alive", () => {
    const root = join(__dirname, "../..");
    const script = `
      const { DynamoDB } = require("@aws-sdk/client-dynamodb");
      const dynamodel = require(${JSON.stringify(join(root, "lib/index.ts"))}).default;
      dynamodel.aws.ddb.set(new DynamoDB({ endpoint: ${JSON.stringify(testEndpoint())}, region: "local",
        credentials: { accessKeyId: "local", secretAccessKey: "local" } }));
      dynamodel.lock(${JSON.stringify(table)}, "child", { leaseMs: 60000, heartbeatMs: 50 })
        .then(() => console.log("acquired"), (error) => { console.error(error); process.exit(2); });
    `;
    const started = Date.now();
    const child = spawnSync(process.execPath, ["-r", "esbuild-register", "-e", script], {
      cwd: root,
      encoding: "utf8",
      timeout: 30_000,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    });
    expect(child.stderr).toBe("");
    expect(child.signal).toBeNull(); // not killed by the timeout: it exited by itself
    expect(child.status).toBe(0);
    expect(child.stdout.trim()).toBe("acquired");
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

describe("release() and extend() at the edges", () => {
  it("release() by a holder whose lease was taken over rejects, calls onLost, and leaves the new holder's item", async () => {
    const lost: LockError[] = [];
    const old = track(
      await dynamodel.lock(table, "overtaken", { leaseMs: 150, onLost: (e) => lost.push(e) }),
    );
    const successor = track(await dynamodel.lock(table, "overtaken", { leaseMs: 10_000, waitMs: 3000 }));
    await expect(old.release()).rejects.toThrow(/was lost/);
    expect(lost).toHaveLength(1);
    expect((await stored(table, key("overtaken")))!.lockOwner).toEqual({ S: successor.owner });
    await expect(old.release()).rejects.toThrow(LockError);
  });

  it("concurrent release() calls share one DeleteItem; extend() after release sends nothing", async () => {
    const lock = track(await dynamodel.lock(table, "twice", { leaseMs: 5000 }));
    const calls = await callsDuring(table, async () => {
      await Promise.all([lock.release(), lock.release()]);
      await expect(lock.extend()).rejects.toThrow(/has been released/);
    });
    expect(calls).toEqual(["DeleteItem"]);
  });

  it("a loss found by extend() stops the heartbeats and calls onLost once", async () => {
    const lost: LockError[] = [];
    const lock = track(
      await dynamodel.lock(table, "extend-lost", {
        leaseMs: 5000,
        heartbeatMs: 150,
        onLost: (e) => lost.push(e),
      }),
    );
    await rawClient().putItem({
      TableName: table,
      Item: {
        id: { S: "extend-lost" },
        lockOwner: { S: "thief" },
        lockExpiresAt: { N: String(Date.now() + 60_000) },
      },
    });
    await expect(lock.extend()).rejects.toThrow(/was lost/);
    expect(lost).toHaveLength(1);
    expect(await callsDuring(table, () => sleep(400))).toEqual([]);
    expect(lost).toHaveLength(1);
  });

  it("release() during a heartbeat in flight waits for it, and no heartbeat follows", async () => {
    let beatStarted!: () => void;
    const beating = new Promise<void>((resolve) => (beatStarted = resolve));
    const order: string[] = [];
    const remove = dynamodel.use(async (call, next) => {
      if (call.table !== table) return next();
      if (call.operation !== "UpdateItem") return (order.push(call.operation), next());
      beatStarted();
      await sleep(200);
      const output = await next();
      order.push("UpdateItem done");
      return output;
    });
    try {
      const lock = track(await dynamodel.lock(table, "mid-beat", { leaseMs: 5000, heartbeatMs: 50 }));
      await beating;
      await lock.release();
      expect(order).toEqual(["DescribeTable", "PutItem", "UpdateItem done", "DeleteItem"]);
      expect(await stored(table, key("mid-beat"))).toBeUndefined();
      expect(await callsDuring(table, () => sleep(300))).toEqual([]);
    } finally {
      remove();
    }
  });
});

describe("renewals that race", () => {
  /** Delays the first UpdateItem on `table` by `ms`: it reaches DynamoDB after a renewal sent later. */
  function delayFirstRenewal(ms: number): () => void {
    let delayed = false;
    return dynamodel.use(async (call, next) => {
      if (call.table === table && call.operation === "UpdateItem" && !delayed) {
        delayed = true;
        await sleep(ms);
      }
      return next();
    });
  }

  it("two extend() calls answered out of order: the stored lease end never moves back, and nobody else gets the lock while it is held", async () => {
    const lost: LockError[] = [];
    const lock = track(
      await dynamodel.lock(table, "out-of-order", { leaseMs: 2000, onLost: (e) => lost.push(e) }),
    );
    const remove = delayFirstRenewal(1000);
    let secondSentAt = 0;
    try {
      const first = lock.extend(); // sent first, applied last
      await sleep(500);
      secondSentAt = Date.now();
      await lock.extend();
      await first; // refused (the stored end is later) yet still ours: it resolves
    } finally {
      remove();
    }
    expect(lost).toEqual([]);
    expect(lock.held).toBe(true);
    // The later renewal's end is what is stored, and the holder believes no more than that.
    const storedEnd = Number((await stored(table, key("out-of-order")))!.lockExpiresAt!.N);
    expect(storedEnd).toBeGreaterThanOrEqual(secondSentAt + 2000);
    expect(lock.expiresAt.getTime()).toBe(storedEnd);

    // 250 ms before the lease ends by the holder's own clock: still its alone.
    await sleep(lock.expiresAt.getTime() - Date.now() - 250);
    expect(lock.held).toBe(true);
    await expect(dynamodel.lock(table, "out-of-order", { leaseMs: 10_000 })).rejects.toThrow(LockError);
    expect((await stored(table, key("out-of-order")))!.lockOwner).toEqual({ S: lock.owner });

    // Once it has run out, another owner takes over and the old holder no longer reports held.
    const successor = track(await dynamodel.lock(table, "out-of-order", { leaseMs: 10_000, waitMs: 3000 }));
    expect(lock.held).toBe(false);
    expect(successor.held).toBe(true);
  });

  it("a renewal applied twice (the SDK's retry after a lost answer) is refused the second time, and that is no loss: heartbeats go on", async () => {
    const lost: LockError[] = [];
    // Every heartbeat reaches DynamoDB twice with the same lease end, as a retry after a lost answer does.
    const remove = dynamodel.use(async (call, next) => {
      if (call.table !== table || call.operation !== "UpdateItem") return next();
      await next();
      return next();
    });
    try {
      const lock = track(
        await dynamodel.lock(table, "replayed-beat", {
          leaseMs: 400,
          heartbeatMs: 100,
          onLost: (e) => lost.push(e),
        }),
      );
      const firstEnd = lock.expiresAt.getTime();
      await sleep(700);
      expect(lost).toEqual([]);
      expect(lock.held).toBe(true);
      const storedEnd = Number((await stored(table, key("replayed-beat")))!.lockExpiresAt!.N);
      expect(storedEnd).toBeGreaterThan(firstEnd + 300);
      expect(lock.expiresAt.getTime()).toBeLessThanOrEqual(storedEnd);
      await lock.extend();
      expect(lock.expiresAt.getTime()).toBe(
        Number((await stored(table, key("replayed-beat")))!.lockExpiresAt!.N),
      );
      await lock.release();
    } finally {
      remove();
    }
  });

  it("an endpoint that does not return the stored item with a failed condition: a consistent read tells a late renewal from a lost lock", async () => {
    const lost: LockError[] = [];
    let delayed = false;
    const remove = dynamodel.use(async (call, next) => {
      if (call.table !== table || call.operation !== "UpdateItem") return next();
      if (!delayed) {
        delayed = true;
        await sleep(600);
      }
      try {
        return await next();
      } catch (error) {
        delete (error as { Item?: unknown }).Item;
        throw error;
      }
    });
    try {
      const lock = track(
        await dynamodel.lock(table, "no-old-image", { leaseMs: 5000, onLost: (e) => lost.push(e) }),
      );
      const calls = await callsDuring(table, async () => {
        const first = lock.extend();
        await sleep(200);
        await lock.extend();
        await first;
      });
      expect(calls).toEqual(["UpdateItem", "UpdateItem", "GetItem"]);
      expect(lost).toEqual([]);
      expect(lock.expiresAt.getTime()).toBe(
        Number((await stored(table, key("no-old-image")))!.lockExpiresAt!.N),
      );

      await rawClient().putItem({
        TableName: table,
        Item: {
          id: { S: "no-old-image" },
          lockOwner: { S: "thief" },
          lockExpiresAt: { N: String(Date.now() + 60_000) },
        },
      });
      await expect(lock.extend()).rejects.toThrow(/was lost/);
      expect(lost).toHaveLength(1);
    } finally {
      remove();
    }
  });
});

describe("tables", () => {
  it("a Model: its table is set up on first use and its hash key holds the name", async () => {
    const tableName = uniqueTableName("locks_model");
    const Locks = dynamodel.model("LockTestLocks", { name: String }, { tableName, throughput: "ON_DEMAND" });
    const lock = track(await dynamodel.lock(Locks, "model-lock", { leaseMs: 5000 }));
    expect(lock.table).toBe(tableName);
    expect((await stored(tableName, { name: { S: "model-lock" } }))!.lockOwner).toEqual({ S: lock.owner });
    await lock.release();
    expect(await itemCount(tableName)).toBe(0);
  });

  it('a Table with a range key: the lock item\'s range key is "dynamodel:lock"', async () => {
    const tableName = uniqueTableName("locks_ranged");
    const Entry = dynamodel.model("LockTestRanged", {
      pk: { type: String, hashKey: true },
      sk: { type: String, rangeKey: true },
    });
    const shared = new dynamodel.Table(tableName, [Entry], { throughput: "ON_DEMAND" });
    const lock = track(await dynamodel.lock(shared, "order#1", { leaseMs: 5000 }));
    const item = await stored(tableName, { pk: { S: "order#1" }, sk: { S: "dynamodel:lock" } });
    expect(item?.lockOwner).toEqual({ S: lock.owner });
    await lock.release();
    expect(await itemCount(tableName)).toBe(0);
  });

  it("a table named by a string with a range key works too", async () => {
    const ranged = await createRawTable({ hash: ["pk", "S"], range: ["sk", "S"] });
    const lock = track(await dynamodel.lock(ranged, "job", { leaseMs: 5000 }));
    expect((await stored(ranged, { pk: { S: "job" }, sk: { S: "dynamodel:lock" } }))?.lockOwner).toEqual({
      S: lock.owner,
    });
  });

  it("rejects a table whose keys cannot hold a string name, writing nothing", async () => {
    const numeric = await createRawTable({ hash: ["id", "N"] });
    await expect(dynamodel.lock(numeric, "x", { leaseMs: 1000 })).rejects.toThrow(InvalidParameter);
    await expect(dynamodel.lock(numeric, "x", { leaseMs: 1000 })).rejects.toThrow(
      /"id".*must be a String.*N/,
    );
    const numericRange = await createRawTable({ hash: ["pk", "S"], range: ["at", "N"] });
    await expect(dynamodel.lock(numericRange, "x", { leaseMs: 1000 })).rejects.toThrow(/"at"/);
    expect(await itemCount(numeric)).toBe(0);
    expect(await itemCount(numericRange)).toBe(0);
  });

  it("a Model whose keys cannot hold a string name: rejected before its table is created", async () => {
    const tableName = uniqueTableName("locks_numeric_model");
    const Numbered = dynamodel.model("LockTestNumbered", { id: Number }, { tableName });
    await expect(dynamodel.lock(Numbered, "x", { leaseMs: 1000 })).rejects.toThrow(
      /"id".*must be a String.*N/,
    );
    await expect(rawClient().describeTable({ TableName: tableName })).rejects.toMatchObject({
      name: "ResourceNotFoundException",
    });
  });

  it("a Model whose table setup fails: the error names the model and the setup call, and nothing is created", async () => {
    const instance = new Instance();
    instance.aws.ddb.set(rawClient());
    instance.use(async (call, next) => {
      if (call.operation === "CreateTable") {
        throw Object.assign(new Error("not allowed to create tables"), { name: "AccessDeniedException" });
      }
      return next();
    });
    const tableName = uniqueTableName("locks_denied");
    const Locks = dynamodel.model("LockTestDenied", { name: String });
    new instance.Table(tableName, [Locks], { throughput: "ON_DEMAND" });
    await expect(instance.lock(Locks, "x", { leaseMs: 1000 })).rejects.toMatchObject({
      name: "AccessDeniedException",
      model: "LockTestDenied",
      operation: "CreateTable",
    });
    await expect(rawClient().describeTable({ TableName: tableName })).rejects.toMatchObject({
      name: "ResourceNotFoundException",
    });
  });

  it("a missing table rejects with DynamoDB's own error", async () => {
    await expect(dynamodel.lock(uniqueTableName("missing"), "x", { leaseMs: 1000 })).rejects.toMatchObject({
      name: "ResourceNotFoundException",
    });
  });

  it("an Instance uses its own client, middleware and events", async () => {
    const instance = new Instance();
    instance.aws.ddb.set(rawClient());
    const seen: string[] = [];
    instance.use(async (call, next) => (seen.push(call.operation), next()));
    const defaultCalls = await callsDuring(table, async () => {
      const lock = track(await instance.lock(table, "instance", { leaseMs: 5000 }));
      await lock.release();
    });
    expect(seen).toEqual(["DescribeTable", "PutItem", "DeleteItem"]);
    expect(defaultCalls).toEqual([]);
    expect(dynamodel.lock).toBeInstanceOf(Function);
  });
});

describe("a release whose answer was lost", () => {
  const networkError = () => Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" });

  it("went through: release() again resolves, and the lock was not lost", async () => {
    const lost: unknown[] = [];
    const lock = await dynamodel.lock(table, "answer-lost", {
      leaseMs: 10_000,
      onLost: (error) => lost.push(error),
    });
    let first = true;
    const stop = dynamodel.use(async (call, next) => {
      if (call.operation !== "DeleteItem" || !first) return next();
      first = false;
      await next(); // DynamoDB deleted the item; its answer never arrives
      throw networkError();
    });
    try {
      await expect(lock.release()).rejects.toThrow("ECONNRESET");
      await expect(lock.release()).resolves.toBeUndefined();
    } finally {
      stop();
    }
    expect(lost).toEqual([]);
    expect(lock.held).toBe(false);
    expect(await stored(table, key("answer-lost"))).toBeUndefined();
  });

  it("went through, on an endpoint that returns no item with a refusal: a consistent read tells", async () => {
    const lock = await dynamodel.lock(table, "answer-lost-bare", { leaseMs: 10_000 });
    let first = true;
    const sent: string[] = [];
    const stop = dynamodel.use(async (call, next) => {
      sent.push(call.operation);
      if (call.operation !== "DeleteItem") return next();
      if (first) {
        first = false;
        await next();
        throw networkError();
      }
      try {
        return await next();
      } catch (error) {
        delete (error as { Item?: unknown }).Item; // as an endpoint ignoring ReturnValuesOnConditionCheckFailure
        throw error;
      }
    });
    try {
      await expect(lock.release()).rejects.toThrow("ECONNRESET");
      await expect(lock.release()).resolves.toBeUndefined();
    } finally {
      stop();
    }
    expect(sent).toEqual(["DeleteItem", "DeleteItem", "GetItem"]);
  });

  it("did not, and another owner took the lock meanwhile: release() again is a LockError, and onLost is called", async () => {
    const lost: unknown[] = [];
    const lock = await dynamodel.lock(table, "taken-meanwhile", {
      leaseMs: 300,
      onLost: (error) => lost.push(error),
    });
    const stop = dynamodel.use(async (call, next) => {
      if (call.operation === "DeleteItem") throw networkError(); // never reaches DynamoDB
      return next();
    });
    try {
      await expect(lock.release()).rejects.toThrow("ECONNRESET");
    } finally {
      stop();
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
    const other = new Instance();
    other.aws.ddb.set(rawClient());
    const theirs = track(await other.lock(table, "taken-meanwhile", { leaseMs: 10_000 }));
    await expect(lock.release()).rejects.toThrow(LockError);
    expect(lost).toHaveLength(1);
    expect((await stored(table, key("taken-meanwhile")))!.lockOwner).toEqual({ S: theirs.owner });
  });
});

describe("long leases", () => {
  it("a lease of 30 days (past a timer's reach; only the heartbeat is a timer) is taken and stored", async () => {
    const leaseMs = 30 * 86_400_000;
    const before = Date.now();
    const lock = track(await dynamodel.lock(table, "month-long", { leaseMs }));
    const { Item } = await rawClient().getItem({
      TableName: table,
      Key: key("month-long"),
      ConsistentRead: true,
    });
    expect(Number(Item!.lockExpiresAt!.N)).toBeGreaterThanOrEqual(before + leaseMs);
    await lock.release();
  });

  it("the longest lease taken, 10^15 ms, still ends at a valid Date stored as an exact integer", async () => {
    const lock = track(await dynamodel.lock(table, "longest", { leaseMs: 1e15 }));
    expect(Number.isNaN(lock.expiresAt.getTime())).toBe(false);
    const { Item } = await rawClient().getItem({
      TableName: table,
      Key: key("longest"),
      ConsistentRead: true,
    });
    expect(Number.isSafeInteger(Number(Item!.lockExpiresAt!.N))).toBe(true);
    await lock.release();
  });
});

describe("bad arguments reject with InvalidParameter and write nothing", () => {
  const cases: [string, unknown, unknown, RegExp][] = [
    ["no options", "n", undefined, /options must be an object with leaseMs \(got undefined\)/],
    [
      "no leaseMs",
      "n",
      {},
      /leaseMs must be a positive integer of ms, at most 1000000000000000 \(got undefined\)/,
    ],
    [
      "leaseMs 0",
      "n",
      { leaseMs: 0 },
      /leaseMs must be a positive integer of ms, at most 1000000000000000 \(got 0\)/,
    ],
    ["leaseMs 1e300", "n", { leaseMs: 1e300 }, /leaseMs .*at most 1000000000000000 \(got 1e\+300\)/],
    [
      "heartbeatMs past a timer's reach",
      "n",
      { leaseMs: 2 ** 40, heartbeatMs: 2 ** 31 },
      /heartbeatMs .*at most 2147483647 \(got 2147483648\)/,
    ],
    [
      "waitMs past an exact integer",
      "n",
      { leaseMs: 1000, waitMs: 2 ** 60 },
      /waitMs .*at most 1000000000000000/,
    ],
    ["leaseMs -5", "n", { leaseMs: -5 }, /leaseMs .*\(got -5\)/],
    ["leaseMs 1.5", "n", { leaseMs: 1.5 }, /leaseMs .*\(got 1.5\)/],
    ["leaseMs as text", "n", { leaseMs: "10s" }, /leaseMs .*\(got "10s"\)/],
    [
      "heartbeatMs 0",
      "n",
      { leaseMs: 1000, heartbeatMs: 0 },
      /heartbeatMs must be a positive integer .*\(got 0\)/,
    ],
    [
      "heartbeatMs ≥ leaseMs",
      "n",
      { leaseMs: 1000, heartbeatMs: 1000 },
      /heartbeatMs must be less than leaseMs \(got heartbeatMs 1000, leaseMs 1000\)/,
    ],
    ["waitMs -1", "n", { leaseMs: 1000, waitMs: -1 }, /waitMs must be a non-negative integer .*\(got -1\)/],
    ["waitMs NaN", "n", { leaseMs: 1000, waitMs: NaN }, /waitMs .*\(got NaN\)/],
    ["unknown option", "n", { leaseMs: 1000, lease: 5 }, /unknown option "lease"/],
    ["onLost not a function", "n", { leaseMs: 1000, onLost: true }, /onLost must be a function \(got true\)/],
    ["empty name", "", { leaseMs: 1000 }, /name must be a non-empty string \(got ""\)/],
    ["numeric name", 5, { leaseMs: 1000 }, /name must be a non-empty string \(got 5\)/],
  ];

  it.each(cases)("%s", async (_label, name, options, message) => {
    const operations = await callsDuring(table, async () => {
      const attempt = dynamodel.lock(table, name as string, options as { leaseMs: number });
      await expect(attempt).rejects.toThrow(InvalidParameter);
      await expect(attempt).rejects.toThrow(message);
    });
    expect(operations).toEqual([]);
  });

  it.each([42, {}, null, "", { table: "not a function" }])("table %p", async (bad) => {
    const attempt = dynamodel.lock(bad as string, "n", { leaseMs: 1000 });
    await expect(attempt).rejects.toThrow(InvalidParameter);
    await expect(attempt).rejects.toThrow(/table must be a dynamodel Table, a Model or a table name/);
  });

  afterAll(async () => {
    expect(await stored(table, key("n"))).toBeUndefined();
  });
});
