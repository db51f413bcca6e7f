// Types of `dynamodel.pool(n)` and `dynamodel.lock(table, name, options)` (SPEC §11).
import dynamodel, {
  Instance,
  lock,
  LockError,
  model,
  pool,
  type Lock,
  type LockOptions,
  type LockTable,
  type Pool,
} from "dynamodel";
import type { Equal, Expect } from "./assert";

// pool(): on the default export, as a named export, and on every Instance.
const p: Pool = dynamodel.pool(4);
const sameFunction: typeof pool = dynamodel.pool;
const fromInstance: Pool = new Instance().pool(2);
type _size = Expect<Equal<Pool["size"], number>>;
type _active = Expect<Equal<Pool["active"], number>>;
type _pending = Expect<Equal<Pool["pending"], number>>;

// run(): the function's awaited result.
const Cat = model("PoolLockCat", { id: { type: Number, hashKey: true }, name: String });
async function poolTypes(): Promise<void> {
  const fromSync = await p.run(() => 1);
  type _fromSync = Expect<Equal<typeof fromSync, number>>;
  const running = p.run(async () => "x");
  type _running = Expect<Equal<typeof running, Promise<string>>>;
  const fromAsync = await running;
  type _fromAsync = Expect<Equal<typeof fromAsync, string>>;
  const cat = await p.run(() => Cat.get(1));
  const catName: string | undefined = cat?.name;

  // all(): a tuple keeps each position's type; an array gives an array.
  const [one, two] = await p.all([() => 1, async () => "two"]);
  type _one = Expect<Equal<typeof one, number>>;
  type _two = Expect<Equal<typeof two, string>>;
  const many = await p.all([1, 2, 3].map((id) => () => Cat.get(id)));
  const firstName: string | undefined = many[0]?.name;
  type _manyIsArray = Expect<Equal<(typeof many)["length"], number>>;

  // allSettled(): one PromiseSettledResult per position.
  const [settled] = await p.allSettled([async () => 1]);
  type _settled = Expect<Equal<typeof settled, PromiseSettledResult<number>>>;

  // @ts-expect-error: all() takes functions, not promises
  await p.all([Cat.get(1)]);
  // @ts-expect-error: run() takes a function
  await p.run(Promise.resolve(1));
  // @ts-expect-error: pool() takes a number
  dynamodel.pool("4");
  void catName;
}

// lock(): a Table, a Model or a table name; resolves with a Lock.
async function lockTypes(): Promise<void> {
  const Locks = model("PoolLockLocks", { id: String });
  const table = new dynamodel.Table("PoolLockTable", [model("PoolLockRow", { id: String })]);
  const options: LockOptions = { leaseMs: 10_000, heartbeatMs: 3_000, waitMs: 5_000 };
  const byModel: Lock = await dynamodel.lock(Locks, "job", options);
  const byTable: Lock = await lock(table, "job", { leaseMs: 1000 });
  const byName: Lock = await new Instance().lock("Locks", "job", {
    leaseMs: 1000,
    onLost: (error) => {
      type _lostError = Expect<Equal<typeof error, LockError>>;
    },
  });
  type _release = Expect<Equal<ReturnType<Lock["release"]>, Promise<void>>>;
  type _extend = Expect<Equal<ReturnType<Lock["extend"]>, Promise<void>>>;
  type _expiresAt = Expect<Equal<Lock["expiresAt"], Date>>;
  type _held = Expect<Equal<Lock["held"], boolean>>;
  type _owner = Expect<Equal<Lock["owner"], string>>;
  const tables: LockTable[] = [Locks, table, "Locks"];

  // @ts-expect-error: leaseMs is required
  await dynamodel.lock(Locks, "job", {});
  // @ts-expect-error: leaseMs is a number of ms
  await dynamodel.lock(Locks, "job", { leaseMs: "10s" });
  // @ts-expect-error: unknown option
  await dynamodel.lock(Locks, "job", { leaseMs: 1000, lease: 5 });
  // @ts-expect-error: options are required
  await dynamodel.lock(Locks, "job");
  // @ts-expect-error: a number is not a table
  await dynamodel.lock(42, "job", { leaseMs: 1000 });
  // @ts-expect-error: extend() takes no arguments
  await byModel.extend(5000);
  void byTable;
  void byName;
  void tables;
}

void sameFunction;
void fromInstance;
void poolTypes;
void lockTypes;
