// Starts ONE DynamoDB Local for the integration project and hands its endpoint to the test workers
// through the environment (workers are forked after global setup, so they inherit it).
import { startLocal, type LocalDynamoDB } from "../../lib/local";

declare global {
  var __dynamodelLocal: LocalDynamoDB | undefined;
}

export default async function globalSetup(): Promise<void> {
  const local = await startLocal();
  globalThis.__dynamodelLocal = local;
  process.env.DYNAMODEL_TEST_ENDPOINT = local.endpoint;
  process.env.DYNAMODEL_TEST_SERVER_PID = String(local.pid ?? "");
}
