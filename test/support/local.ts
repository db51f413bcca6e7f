// Helpers for integration tests: the endpoint of the run's DynamoDB Local, a raw SDK client to check
// what is really stored, and table names that are unique per test file.
import { DynamoDB, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { randomBytes } from "node:crypto";
import dynamodel from "dynamodel";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** The endpoint of the DynamoDB Local started by global setup; refuses anything that is not local. */
export function testEndpoint(): string {
  const endpoint = process.env.DYNAMODEL_TEST_ENDPOINT;
  if (!endpoint) {
    throw new Error("DYNAMODEL_TEST_ENDPOINT is not set: integration tests run under jest's global setup");
  }
  assertLocalEndpoint(endpoint);
  return endpoint;
}

/** Throws unless `endpoint` points at this machine: tests must never touch a real AWS account. */
export function assertLocalEndpoint(endpoint: string): void {
  const { hostname } = new URL(endpoint);
  if (!LOCAL_HOSTS.has(hostname)) {
    throw new Error(`Refusing to run tests against ${endpoint}: only a local DynamoDB is allowed`);
  }
}

let client: DynamoDB | undefined;

/** A raw SDK client for the test server, to read back what is really stored. */
export function rawClient(): DynamoDB {
  client ??= new DynamoDB({
    endpoint: testEndpoint(),
    region: "local",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  return client;
}

const fileToken = randomBytes(4).toString("hex");
let tableCounter = 0;

/** A table name unique to this test file and call, so test files never share tables. */
export function uniqueTableName(base: string): string {
  tableCounter += 1;
  return `${base}_${fileToken}_${tableCounter}`;
}

/** The item stored under `key` in `tableName`, read back through the raw SDK with a consistent read. */
export async function storedItem(
  tableName: string,
  key: Record<string, AttributeValue>,
): Promise<Record<string, AttributeValue> | undefined> {
  const { Item } = await rawClient().getItem({ TableName: tableName, Key: key, ConsistentRead: true });
  return Item;
}

/**
 * Whether the table exists, asked by name: the shared server holds more tables than one ListTables page
 * (100 names), so a name missing from the first page proves nothing.
 */
export async function tableExists(name: string, client: DynamoDB = rawClient()): Promise<boolean> {
  try {
    await client.describeTable({ TableName: name });
    return true;
  } catch (error) {
    if ((error as Error).name === "ResourceNotFoundException") return false;
    throw error;
  }
}

/**
 * Runs `run` and says what it threw (undefined when it resolved) and which DynamoDB operations dynamodel
 * sent meanwhile (seen by a middleware), so a test can show that a refused call sent nothing.
 */
export async function outcomeAndOperationsSent(
  run: () => Promise<unknown>,
): Promise<{ error: unknown; sent: string[] }> {
  const sent: string[] = [];
  const stop = dynamodel.use(async (call, next) => {
    sent.push(call.operation);
    return next();
  });
  try {
    await run();
    return { error: undefined, sent };
  } catch (error) {
    return { error, sent };
  } finally {
    stop();
  }
}
