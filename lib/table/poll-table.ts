// Waiting on a table during its setup: polled at waitForActive's `check` frequency, up to its timeout.
import { WaitForActiveTimeout } from "../errors";
import type { TableRuntime } from "./table";

/** Resolves after `ms` milliseconds; 0 waits for `setImmediate` only. */
export const sleep = (ms: number) =>
  new Promise<void>((resolve) => (ms === 0 ? setImmediate(resolve) : setTimeout(resolve, ms)));

/**
 * Reads the table every `frequency` ms (waitForActive's `check`) until `done` accepts a reading, and returns
 * it. After `timeout` ms, `WaitForActiveTimeout` saying what was `awaited` and how long it waited.
 */
export async function pollTable<T>(
  table: TableRuntime,
  read: () => Promise<T>,
  done: (reading: T) => boolean,
  awaited: string,
): Promise<T> {
  const { timeout, frequency } = table.options.waitForActive.check;
  const started = Date.now();
  for (;;) {
    const reading = await read();
    if (done(reading)) return reading;
    const waited = Date.now() - started;
    if (waited >= timeout) {
      throw new WaitForActiveTimeout(
        `Waiting for table "${table.name}" ${awaited} timed out after ${waited} ms (timeout ${timeout} ms).`,
      );
    }
    // The last check is at the timeout itself, not one `frequency` before it: a table that gets there in
    // between is not reported as timed out.
    await sleep(Math.min(frequency, timeout - waited));
  }
}
