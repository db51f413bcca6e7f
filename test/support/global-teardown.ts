// Stops the server started by global-setup.ts. Jest runs teardown after failing tests too;
// startLocal's own exit hook covers a run that dies before teardown.
export default async function globalTeardown(): Promise<void> {
  await globalThis.__dynamodelLocal?.stop();
  globalThis.__dynamodelLocal = undefined;
}
