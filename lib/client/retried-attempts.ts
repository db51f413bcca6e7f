// The SDK retries a throttled or failed attempt inside one send(). A call under a deadline (deadline.ts)
// cut off while the SDK still retries would otherwise only say that it "did not answer", hiding what the
// endpoint did answer (a ThrottlingException, say). Each attempt's failure is noted by the call's signal.

/** A command's middleware stack, as far as it is used here (an SDK command has one; a mock's may not). */
interface AttemptStack {
  add(
    middleware: (next: (args: unknown) => Promise<unknown>) => (args: unknown) => Promise<unknown>,
    options: { step: "deserialize"; priority: "high"; name: string },
  ): void;
}

const lastFailures = new WeakMap<AbortSignal, unknown>();

/** Notes each failed attempt of `command` (inside the SDK's retries) as the last failure of `signal`'s call. */
export function watchAttempts(command: unknown, signal: AbortSignal): void {
  const stack = (command as { middlewareStack?: Partial<AttemptStack> } | null)?.middlewareStack;
  if (typeof stack?.add !== "function") return;
  (stack as AttemptStack).add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        lastFailures.set(signal, error);
        throw error;
      }
    },
    // In the deserialize step, inside the retry middleware: it sees every attempt's error.
    { step: "deserialize", priority: "high", name: "dynamodelAttemptFailures" },
  );
}

/** The last attempt of the call with `signal` that failed, if one did. */
export function lastAttemptFailure(signal: AbortSignal): unknown {
  return lastFailures.get(signal);
}
