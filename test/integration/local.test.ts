import { spawn } from "node:child_process";
import { createConnection } from "node:net";
import { join } from "node:path";
import { startLocal } from "dynamodel/local";
import { assertLocalEndpoint, rawClient, tableExists, testEndpoint, uniqueTableName } from "../support/local";

function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("the run's DynamoDB Local", () => {
  it("is local and answers through the raw SDK", async () => {
    expect(new URL(testEndpoint()).hostname).toBe("127.0.0.1");
    const name = uniqueTableName("harness");
    await rawClient().createTable({
      TableName: name,
      KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
      AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
      BillingMode: "PAY_PER_REQUEST",
    });
    expect(await tableExists(name)).toBe(true);
  });

  it("refuses endpoints that are not on this machine", () => {
    expect(() => assertLocalEndpoint("https://dynamodb.eu-west-1.amazonaws.com")).toThrow(
      "Refusing to run tests against https://dynamodb.eu-west-1.amazonaws.com",
    );
    expect(() => assertLocalEndpoint("http://10.0.0.5:8000")).toThrow("only a local DynamoDB is allowed");
    expect(() => assertLocalEndpoint("http://localhost:8000")).not.toThrow();
  });
});

describe("startLocal", () => {
  it("starts a second server on a given port, which stop() ends", async () => {
    const first = await startLocal();
    const port = first.port;
    await first.stop();
    // Reuse the freed port so the test also covers the `port` option.
    const local = await startLocal({ port });
    expect(local.endpoint).toBe(`http://127.0.0.1:${port}`);
    await local.client.createTable({
      TableName: "started_by_test",
      KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
      AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
      BillingMode: "PAY_PER_REQUEST",
    });
    expect((await local.client.listTables({})).TableNames).toEqual(["started_by_test"]);
    expect(processIsAlive(local.pid!)).toBe(true);

    await local.stop();
    expect(processIsAlive(local.pid!)).toBe(false);
    expect(await portIsOpen(port)).toBe(false);
    await expect(local.stop()).resolves.toBeUndefined();
  }, 60_000);

  it("refuses a port another server holds, rather than connecting to that server", async () => {
    const holder = await startLocal();
    try {
      await holder.client.createTable({
        TableName: "held_by_other",
        KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
        AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
        BillingMode: "PAY_PER_REQUEST",
      });
      await expect(startLocal({ port: holder.port })).rejects.toThrow(
        `Port ${holder.port} is already in use (by another DynamoDB Local?)`,
      );
      // The holder is untouched.
      expect((await holder.client.listTables({})).TableNames).toEqual(["held_by_other"]);
    } finally {
      await holder.stop();
    }
  }, 60_000);
});

it("refuses an unknown option before starting anything", async () => {
  await expect(startLocal({ dbpath: "/tmp/x" } as never)).rejects.toThrow(
    new TypeError(
      'Unknown startLocal() option "dbpath" (allowed: port, dbPath, sharedDb, startTimeoutMs, javaCommand).',
    ),
  );
  await expect(startLocal(null as never)).rejects.toThrow(TypeError);
});

describe("a server whose starting process is killed", () => {
  // A process killed by a signal runs no "exit" listener; the server must end with it all the same.
  it.each(["SIGKILL", "SIGTERM"] as const)(
    "ends with it on %s",
    async (signal) => {
      const script = `
      require(${JSON.stringify(join(__dirname, "../../lib/local.ts"))})
        .startLocal()
        .then((local) => { console.log(local.pid); setInterval(() => {}, 1000); });
    `;
      const starter = spawn(process.execPath, ["-r", "esbuild-register", "-e", script], {
        cwd: join(__dirname, "../.."),
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
        stdio: ["ignore", "pipe", "inherit"],
      });
      const serverPid = await new Promise<number>((resolve, reject) => {
        starter.stdout.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
        starter.once("exit", () =>
          reject(new Error("the starting process ended before the server answered")),
        );
      });
      expect(processIsAlive(serverPid)).toBe(true);
      starter.kill(signal);
      const deadline = Date.now() + 10_000;
      while (processIsAlive(serverPid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const alive = processIsAlive(serverPid);
      if (alive) process.kill(serverPid, "SIGKILL");
      expect(alive).toBe(false);
    },
    60_000,
  );
});
