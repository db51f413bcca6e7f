// A bad argument anywhere in a query or scan chain is the query's failure: exec() rejects (or calls back)
// with it, as with every other failure of the query, and nothing is sent.
import dynamodel, {
  InvalidFilterComparison,
  InvalidParameter,
  InvalidParameterType,
  Schema,
} from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const Cat = dynamodel.model(
  "DeferredErrorCat",
  new Schema({ id: { type: Number, hashKey: true }, name: String, age: Number }),
  { tableName: uniqueTableName("deferred"), throughput: "ON_DEMAND" },
);

let sent: string[] = [];
let stopWatching: () => void;
beforeAll(async () => {
  await Cat.create({ id: 1, name: "Tom", age: 3 });
  stopWatching = dynamodel.use(async (call, next) => {
    sent.push(call.operation);
    return next();
  });
});
afterAll(() => stopWatching());
beforeEach(() => {
  sent = [];
});

const execWithCallback = (builder: { exec(callback: (error: unknown, result?: unknown) => void): void }) =>
  new Promise<unknown>((resolve) => builder.exec((error) => resolve(error)));

describe("bad arguments in a query or scan chain", () => {
  it.each<[string, () => { exec(): Promise<unknown> }, string]>([
    ["in([])", () => Cat.scan("name").in([]), 'in() on "name" needs a non-empty array (got [])'],
    ["eq(undefined)", () => Cat.scan("name").eq(undefined), 'eq() on "name" needs a value (got undefined)'],
    ["between(1)", () => Cat.scan("age").between(1), 'between() on "age" needs two values (got 1)'],
    ["limit(0)", () => Cat.scan().limit(0), "limit() must be a whole number of at least 1 (got 0)."],
    [
      "sort(up)",
      () =>
        Cat.query("id")
          .eq(1)
          .sort("up" as never),
      'sort() takes "ascending" or "descending"',
    ],
    ["parallel(-1)", () => Cat.scan().parallel(-1), "parallel() must be a whole number of at least 1"],
    ["using('')", () => Cat.query("id").eq(1).using(""), 'using() needs an index name (got "")'],
    [
      "or() with no comparator",
      () => Cat.scan("name").or(),
      'or() cannot follow "name" before it has a comparator',
    ],
  ])(
    "%s: the chain does not throw; exec() rejects with the InvalidParameter",
    async (_name, build, message) => {
      const builder = build(); // no throw here
      await expect(builder.exec()).rejects.toThrow(InvalidParameter);
      await expect(builder.exec()).rejects.toThrow(message);
      expect(sent).toEqual([]);
    },
  );

  it("goes to the callback, to getRequest(), to pages() and to for await alike", async () => {
    const bad = Cat.scan("name").in([]);
    expect(await execWithCallback(bad)).toBeInstanceOf(InvalidParameter);
    await expect(bad.getRequest()).rejects.toThrow("needs a non-empty array");
    await expect(bad.pages().next()).rejects.toThrow("needs a non-empty array");
    const iterate = async () => {
      for await (const _cat of bad) break;
    };
    await expect(iterate()).rejects.toThrow("needs a non-empty array");
    expect(sent).toEqual([]);
  });

  it("reports the first bad step; the steps after it change nothing", async () => {
    const bad = Cat.scan().limit(-1).where("age").between(1).parallel(0);
    await expect(bad.exec()).rejects.toThrow("limit() must be a whole number of at least 1 (got -1).");
  });

  it("leaves a bad condition given to scan() or query() itself a throw, as in Dynamoose", () => {
    expect(() => Cat.scan({ age: { bigger: 3 } } as never)).toThrow(
      new InvalidFilterComparison("The type: bigger is invalid for the scan operation."),
    );
    expect(() => Cat.query(5 as never)).toThrow(InvalidParameterType);
    expect(sent).toEqual([]);
  });

  it("counts even an undefined thrown by a group() function as the failure", async () => {
    const bad = Cat.scan("name")
      .eq("Tom")
      .and()
      .group(() => {
        throw undefined;
      });
    await expect(bad.exec()).rejects.toBeUndefined();
    expect(sent).toEqual([]);
  });

  it("reports a failed step before count() when iterating, not count()'s own refusal", async () => {
    const iterate = async () => {
      for await (const _cat of Cat.scan().limit(0).count() as unknown as AsyncIterable<unknown>) break;
    };
    await expect(iterate()).rejects.toThrow("limit() must be a whole number of at least 1 (got 0).");
  });

  it("is observed the same by exec(), pages() and for await: scan hooks, error handlers, the error event", async () => {
    const seen: string[] = [];
    const watchedSchema = new Schema({ id: { type: Number, hashKey: true }, name: String });
    watchedSchema.pre("scan", () => void seen.push("pre"));
    watchedSchema.post("scan", (error: unknown, _result: unknown, next: (error?: unknown) => void) => {
      seen.push(`handler: ${(error as Error).message}`);
      next(new InvalidParameter("replaced by the error handler"));
    });
    const Watched = dynamodel.model("DeferredErrorWatched", watchedSchema, {
      tableName: uniqueTableName("deferredWatched"),
      throughput: "ON_DEMAND",
    });
    Watched.on("error", (error) => void seen.push(`event: ${(error as Error).message}`));
    const runs: [string, (bad: ReturnType<typeof Watched.scan>) => Promise<unknown>][] = [
      ["exec()", (bad) => bad.exec()],
      ["pages()", (bad) => bad.pages().next()],
      [
        "for await",
        async (bad) => {
          for await (const _item of bad) break;
        },
      ],
      [
        "for await of a count()",
        async (bad) => {
          for await (const _item of bad.count() as unknown as AsyncIterable<unknown>) break;
        },
      ],
    ];
    for (const [, run] of runs) {
      seen.length = 0;
      await expect(run(Watched.scan("name").in([]))).rejects.toThrow("replaced by the error handler");
      expect(seen).toEqual([
        "pre",
        'handler: in() on "name" needs a non-empty array (got []).',
        "event: replaced by the error handler",
      ]);
    }
    // A count() iterated is refused the same way: through the handlers, to the error event.
    seen.length = 0;
    const iterateCount = async () => {
      for await (const _item of Watched.scan().count() as unknown as AsyncIterable<unknown>) break;
    };
    await expect(iterateCount()).rejects.toThrow("replaced by the error handler");
    expect(seen).toEqual([
      "pre",
      "handler: A count() has no items to iterate: use exec() for the counts.",
      "event: replaced by the error handler",
    ]);
    expect(sent).toEqual([]);
  });

  it("keeps the first failure on the builder: it changes in place, so a later run reports it", async () => {
    const byName = Cat.scan("name").eq("Tom");
    byName.limit(0);
    await expect(byName.exec()).rejects.toThrow("limit() must be a whole number of at least 1 (got 0).");
    byName.limit(null).limit(1);
    await expect(byName.exec()).rejects.toThrow("limit() must be a whole number of at least 1 (got 0).");
  });
});
