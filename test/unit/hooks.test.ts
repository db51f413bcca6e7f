import { InvalidParameter } from "../../lib/errors";
import { HookRegistry, withHooks } from "../../lib/hooks/hooks";
import { Schema } from "../../lib/schema/schema";

describe("hooks", () => {
  it("runs pre hooks in registration order, sync, next-style and async, then the operation, then post hooks", async () => {
    const registry = new HookRegistry();
    const calls: string[] = [];
    registry.addPre("save", function () {
      calls.push("pre sync");
    });
    registry.addPre("save", function (next: () => void) {
      setTimeout(() => {
        calls.push("pre next");
        next();
      }, 1);
    });
    registry.addPre("save", async function () {
      await Promise.resolve();
      calls.push("pre async");
    });
    registry.addPost("save", function (result: unknown) {
      calls.push(`post ${String(result)}`);
    });
    registry.addPost("save", function (result: unknown, next: () => void) {
      calls.push(`post next ${String(result)}`);
      next();
    });
    const target = { name: "item" };
    const result = await withHooks(registry, "save", target, async () => {
      calls.push("operation");
      return "done";
    });
    expect(result).toBe("done");
    expect(calls).toEqual(["pre sync", "pre next", "pre async", "operation", "post done", "post next done"]);
  });

  it("calls hooks with this = the target, so a pre hook can change it", async () => {
    const registry = new HookRegistry();
    registry.addPre("update", function (this: { key: number }) {
      this.key = 2;
    });
    const context = { key: 1 };
    await withHooks(registry, "update", context, async () => context.key);
    expect(context.key).toBe(2);
  });

  it.each([
    [
      "throws",
      () => {
        throw new Error("no");
      },
    ],
    [
      "rejects",
      async () => {
        throw new Error("no");
      },
    ],
    ["calls next(error)", (next: (error?: unknown) => void) => next(new Error("no"))],
  ])("aborts the operation when a pre hook %s", async (_how, hook) => {
    const registry = new HookRegistry();
    registry.addPre("delete", hook);
    const operation = jest.fn(async () => "ran");
    await expect(withHooks(registry, "delete", {}, operation)).rejects.toThrow("no");
    expect(operation).not.toHaveBeenCalled();
  });

  it("lets error handlers observe and replace the error; post hooks do not run", async () => {
    const registry = new HookRegistry();
    const seen: unknown[] = [];
    const post = jest.fn();
    registry.addPost("get", post);
    registry.addPost("get", function (error: unknown, _result: unknown, next: (error?: unknown) => void) {
      seen.push((error as Error).message);
      next(new RangeError("replaced"));
    });
    registry.addPost("get", function (error: unknown, _result: unknown, next: () => void) {
      seen.push((error as Error).message);
      next();
    });
    await expect(
      withHooks(registry, "get", {}, async () => {
        throw new Error("original");
      }),
    ).rejects.toThrow(RangeError);
    expect(seen).toEqual(["original", "replaced"]);
    expect(post).not.toHaveBeenCalled();
  });

  it("sends a post hook's failure to the error handlers with the result, and skips later post hooks", async () => {
    const registry = new HookRegistry();
    const seen: unknown[] = [];
    const later = jest.fn();
    registry.addPost("save", function () {
      throw new Error("post failed");
    });
    registry.addPost("save", later);
    registry.addPost("save", function (error: unknown, result: unknown, next: (error?: unknown) => void) {
      seen.push([(error as Error).message, result]);
      next(new RangeError("replaced"));
    });
    const operation = jest.fn(async () => "written");
    await expect(withHooks(registry, "save", {}, operation)).rejects.toThrow(RangeError);
    expect(operation).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([["post failed", "written"]]);
    expect(later).not.toHaveBeenCalled();
  });

  it("gives error handlers no result when the operation itself failed", async () => {
    const registry = new HookRegistry();
    const results: unknown[] = [];
    registry.addPost("get", function (_error: unknown, result: unknown, next: () => void) {
      results.push(result);
      next();
    });
    await expect(
      withHooks(registry, "get", {}, async () => {
        throw new Error("original");
      }),
    ).rejects.toThrow("original");
    expect(results).toEqual([undefined]);
  });

  describe("a hook that declares next and returns a promise (Kareem's rule)", () => {
    it("continues when the promise resolves, even if next is never called", async () => {
      const registry = new HookRegistry();
      const calls: string[] = [];
      registry.addPre("save", async function (_next: () => void) {
        calls.push("pre");
      });
      registry.addPost("save", async function (_result: unknown, _next: () => void) {
        calls.push("post");
      });
      const operation = jest.fn(async () => "done");
      const hung = new Promise((resolve) => setTimeout(resolve, 500, "hung"));
      await expect(Promise.race([withHooks(registry, "save", {}, operation), hung])).resolves.toBe("done");
      expect(calls).toEqual(["pre", "post"]);
      expect(operation).toHaveBeenCalledTimes(1);
    });

    it("fails when the promise rejects, without running the operation", async () => {
      const registry = new HookRegistry();
      registry.addPre("save", async function (_next: () => void) {
        throw new Error("rejected");
      });
      const operation = jest.fn(async () => "done");
      await expect(withHooks(registry, "save", {}, operation)).rejects.toThrow("rejected");
      expect(operation).not.toHaveBeenCalled();
    });

    it("continues once when the hook both calls next and resolves", async () => {
      const registry = new HookRegistry();
      const after = jest.fn();
      registry.addPre("save", async function (next: () => void) {
        next();
        await Promise.resolve();
        next();
      });
      registry.addPre("save", after);
      const operation = jest.fn(async () => "done");
      await withHooks(registry, "save", {}, operation);
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(after).toHaveBeenCalledTimes(1);
      expect(operation).toHaveBeenCalledTimes(1);
    });

    it("keeps the first outcome: next(error) then resolving still fails", async () => {
      const registry = new HookRegistry();
      registry.addPre("save", async function (next: (error?: unknown) => void) {
        next(new Error("first"));
      });
      const operation = jest.fn(async () => "done");
      await expect(withHooks(registry, "save", {}, operation)).rejects.toThrow("first");
      expect(operation).not.toHaveBeenCalled();
    });
  });

  it("runs a built-in first step before the user's pre hooks; its failure is the operation's", async () => {
    const registry = new HookRegistry();
    const calls: string[] = [];
    registry.addPre("save", () => void calls.push("user pre"));
    registry.addPost("save", (error: unknown, _result: unknown, next: () => void) => {
      calls.push(`handler ${(error as Error).message}`);
      next();
    });
    const first = async () => void calls.push("first");
    await withHooks(registry, "save", {}, async () => void calls.push("operation"), first);
    expect(calls).toEqual(["first", "user pre", "operation"]);
    calls.length = 0;
    const failing = async () => {
      throw new Error("invalid");
    };
    await expect(
      withHooks(registry, "save", {}, async () => calls.push("operation"), failing),
    ).rejects.toThrow("invalid");
    expect(calls).toEqual(["handler invalid"]);
    calls.length = 0;
    await withHooks(undefined, "save", {}, async () => void calls.push("operation"), first);
    expect(calls).toEqual(["first", "operation"]);
  });

  it("costs nothing for an operation without hooks", async () => {
    const registry = new HookRegistry();
    registry.addPre("save", () => undefined);
    const promise = Promise.resolve(1);
    expect(withHooks(registry, "get", {}, () => promise)).toBe(promise);
    expect(withHooks(undefined, "get", {}, () => promise)).toBe(promise);
  });

  it("rejects unknown operations and non-functions", () => {
    const registry = new HookRegistry();
    expect(() => registry.addPre("explode", () => undefined)).toThrow('Unknown hook operation "explode"');
    expect(() => registry.addPost("save", "not a function")).toThrow(
      new InvalidParameter('schema.post("save", …): a hook must be a function (got "not a function").'),
    );
    expect(() => registry.addPre(["get", "query"], undefined)).toThrow(
      new InvalidParameter('schema.pre(["get","query"], …): a hook must be a function (got undefined).'),
    );
  });

  it("refuses Mongoose's options argument with a message that says so", async () => {
    const schema = new Schema({ id: String });
    const hook = () => undefined;
    const call = (): unknown =>
      Reflect.apply(schema.pre, schema, ["delete", { document: true, query: false }, hook]);
    expect(call).toThrow(
      new InvalidParameter(
        'schema.pre("delete", …): hook options such as Mongoose\'s {document, query} are not supported ' +
          '(got {"document":true,"query":false}). Pass the hook function as the second argument.',
      ),
    );
    const post = (): unknown => Reflect.apply(schema.post, schema, ["save", { errorHandler: true }, hook]);
    expect(post).toThrow(/^schema\.post\("save", …\): hook options such as Mongoose's/);
    // An object with nothing after it is just not a function.
    expect(() => Reflect.apply(schema.pre, schema, ["save", { document: true }])).toThrow(
      new InvalidParameter('schema.pre("save", …): a hook must be a function (got {"document":true}).'),
    );
  });
});
