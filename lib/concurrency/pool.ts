/**
 * `dynamodel.pool(n)`: runs asynchronous work — any function, typically dynamodel operations — with at
 * most `n` functions in flight at once. Work waits in one first-in, first-out queue shared by every
 * `run()` and `all()` call on the same pool, so one pool caps a whole part of a program.
 *
 * @example
 * ```ts
 * const pool = dynamodel.pool(4);
 * const cats = await pool.all(ids.map((id) => () => Cat.get(id))); // at most 4 GetItems at once
 * await pool.run(() => Cat.create({ id: 9, name: "Bob" }));
 * ```
 */
import { describeValue, InvalidParameter } from "../errors";

/** The results of `all()`: each function's resolved value, at its function's position. */
export type PoolResults<F extends readonly (() => unknown)[]> = {
  -readonly [K in keyof F]: Awaited<ReturnType<F[K]>>;
};

/** The outcomes of `allSettled()`, at each function's position. */
export type PoolSettledResults<F extends readonly (() => unknown)[]> = {
  -readonly [K in keyof F]: PromiseSettledResult<Awaited<ReturnType<F[K]>>>;
};

/** A concurrency limiter. See {@link pool}. */
export interface Pool {
  /** The most functions this pool runs at once (the `n` of `pool(n)`). */
  readonly size: number;
  /** How many functions are running now. */
  readonly active: number;
  /** How many functions are queued, waiting for a free slot. */
  readonly pending: number;
  /**
   * Runs `task` when a slot is free; resolves or rejects as it does.
   *
   * @example
   * ```ts
   * const tom = await pool.run(() => Cat.get(1));
   * ```
   */
  run<R>(task: () => R): Promise<Awaited<R>>;
  /**
   * Runs every function (at most `size` at once, started in order) and resolves with their results in
   * the same order. On the first failure the functions of this call that have not started are skipped,
   * and once those already running have settled, the promise rejects with that first error: when it
   * rejects, nothing of this call is still running.
   *
   * @example
   * ```ts
   * const [tom, rex] = await pool.all([() => Cat.get(1), () => Dog.get(2)]);
   * ```
   */
  all<const F extends readonly (() => unknown)[]>(tasks: F): Promise<PoolResults<F>>;
  /**
   * Runs every function (at most `size` at once) and resolves, once all have settled, with one
   * `{status, value | reason}` per function in the same order, like `Promise.allSettled`. Never rejects
   * because a function failed.
   *
   * @example
   * ```ts
   * const outcomes = await pool.allSettled(cats.map((cat) => () => cat.save()));
   * const failed = outcomes.filter((outcome) => outcome.status === "rejected");
   * ```
   */
  allSettled<const F extends readonly (() => unknown)[]>(tasks: F): Promise<PoolSettledResults<F>>;
}

/** A queued function and what to do with its outcome. */
interface Entry {
  readonly task: () => unknown;
  readonly settle: (ok: boolean, value: unknown) => void;
  /** Set when the `all()` it belongs to has failed before this entry started. */
  skipped: boolean;
  started: boolean;
}

function checkTasks(tasks: unknown, method: string): readonly (() => unknown)[] {
  if (!Array.isArray(tasks)) {
    throw new InvalidParameter(`pool.${method}() needs an array of functions (got ${describeValue(tasks)}).`);
  }
  tasks.forEach((task: unknown, index) => {
    if (typeof task !== "function") {
      throw new InvalidParameter(
        `pool.${method}() needs an array of functions (got ${describeValue(task)} at index ${index}).`,
      );
    }
  });
  return tasks as readonly (() => unknown)[];
}

class TaskPool implements Pool {
  readonly size: number;
  #active = 0;
  #pending = 0;
  // A FIFO queue: an array and the index of its head, compacted now and then (shift() is O(n)).
  // Taken entries are cleared from their slot (undefined): a finished task, and whatever it and its
  // caller's results captured, must not stay reachable from a long-lived pool.
  #queue: (Entry | undefined)[] = [];
  #head = 0;

  constructor(size: number) {
    this.size = size;
  }

  get active(): number {
    return this.#active;
  }

  get pending(): number {
    return this.#pending;
  }

  run<R>(task: () => R): Promise<Awaited<R>> {
    if (typeof task !== "function") {
      return Promise.reject(
        new InvalidParameter(`pool.run() needs a function (got ${describeValue(task)}).`),
      );
    }
    return new Promise((resolve, reject) => {
      this.#enqueue(task, (ok, value) => (ok ? resolve(value as Awaited<R>) : reject(value)));
    });
  }

  all<const F extends readonly (() => unknown)[]>(tasks: F): Promise<PoolResults<F>> {
    let list: readonly (() => unknown)[];
    try {
      list = checkTasks(tasks, "all");
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      const results: unknown[] = new Array(list.length);
      let unfinished = list.length;
      let failure: { error: unknown } | undefined;
      const finishOne = () => {
        unfinished -= 1;
        if (unfinished > 0) return;
        if (failure) reject(failure.error);
        else resolve(results as PoolResults<F>);
      };
      const entries = list.map((task, index) =>
        this.#enqueue(task, (ok, value) => {
          if (ok) results[index] = value;
          else if (!failure) {
            failure = { error: value };
            // Not-yet-started work of this call is dropped; each dropped entry counts as finished.
            for (const entry of entries) {
              if (!entry.started && !entry.skipped) {
                entry.skipped = true;
                this.#pending -= 1;
                unfinished -= 1;
              }
            }
          }
          finishOne();
        }),
      );
      if (list.length === 0) resolve([] as unknown as PoolResults<F>);
    });
  }

  allSettled<const F extends readonly (() => unknown)[]>(tasks: F): Promise<PoolSettledResults<F>> {
    let list: readonly (() => unknown)[];
    try {
      list = checkTasks(tasks, "allSettled");
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve) => {
      const outcomes: PromiseSettledResult<unknown>[] = new Array(list.length);
      let unfinished = list.length;
      list.forEach((task, index) =>
        this.#enqueue(task, (ok, value) => {
          outcomes[index] = ok ? { status: "fulfilled", value } : { status: "rejected", reason: value };
          unfinished -= 1;
          if (unfinished === 0) resolve(outcomes as PoolSettledResults<F>);
        }),
      );
      if (list.length === 0) resolve([] as unknown as PoolSettledResults<F>);
    });
  }

  #enqueue(task: () => unknown, settle: Entry["settle"]): Entry {
    const entry: Entry = { task, settle, skipped: false, started: false };
    this.#queue.push(entry);
    this.#pending += 1;
    this.#pump();
    return entry;
  }

  /** Starts queued entries while there are free slots. Safe to re-enter (a task may call run()). */
  #pump(): void {
    while (this.#active < this.size && this.#head < this.#queue.length) {
      const entry = this.#queue[this.#head]!;
      this.#queue[this.#head] = undefined;
      this.#head += 1;
      if (entry.skipped) continue;
      this.#pending -= 1;
      this.#active += 1;
      entry.started = true;
      this.#start(entry);
    }
    if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
  }

  #start(entry: Entry): void {
    // `new Promise` turns a synchronous throw of the task into a rejection, like an async function.
    new Promise<unknown>((resolve) => resolve(entry.task())).then(
      (value) => this.#finish(entry, true, value),
      (error: unknown) => this.#finish(entry, false, error),
    );
  }

  #finish(entry: Entry, ok: boolean, value: unknown): void {
    this.#active -= 1;
    entry.settle(ok, value);
    this.#pump();
  }
}

/**
 * A pool that runs at most `size` functions at once; `size` must be a positive integer
 * (else `InvalidParameter`). Pools are independent of Instances: the functions decide what they call.
 *
 * @example
 * ```ts
 * const pool = dynamodel.pool(8);
 * const saved = await pool.all(rows.map((row) => () => Order.create(row)));
 * console.log(pool.size, pool.active, pool.pending); // 8 0 0
 * ```
 */
export function pool(size: number): Pool {
  if (typeof size !== "number" || !Number.isInteger(size) || size < 1) {
    throw new InvalidParameter(`pool(): size must be a positive integer (got ${describeValue(size)}).`);
  }
  return new TaskPool(size);
}
