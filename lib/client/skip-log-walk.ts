// The SDK client's loggerMiddleware runs its sensitive-data filters over every input and output of
// every call, even when the logger is the default NoOpLogger whose methods ignore them (a 100-item
// query: several ms of CPU). For dynamodel's own commands only, and only when the client's logger is
// that no-op, this tells the logger middleware to skip the walk, the same way the SDK's own
// DocumentClient does. A client with a real logger logs exactly as before.

interface LoggingContext {
  logger?: { constructor?: { name?: string } };
  dynamoDbDocumentClientOptions?: Record<string, unknown>;
}

type Handler = (args: unknown) => Promise<unknown>;

const skipFilter = (): undefined => undefined;

/** The SDK's default logger class is named NoOpLogger; it is not exported by our dependencies. */
function isNoOpLogger(logger: LoggingContext["logger"]): boolean {
  return logger === undefined || logger.constructor?.name === "NoOpLogger";
}

const skipLogWalk =
  (next: Handler, context: LoggingContext): Handler =>
  (args) => {
    if (isNoOpLogger(context.logger)) {
      context.dynamoDbDocumentClientOptions = {
        ...context.dynamoDbDocumentClientOptions,
        overrideInputFilterSensitiveLog: skipFilter,
        overrideOutputFilterSensitiveLog: skipFilter,
      };
    }
    return next(args);
  };

interface CommandWithStack {
  middlewareStack?: {
    add(middleware: typeof skipLogWalk, options: { step: "initialize"; name: string }): void;
  };
}

/** Adds the skip to one command (a command object of @aws-sdk/client-dynamodb). */
export function skipNoOpLogWalk<C>(command: C): C {
  (command as CommandWithStack).middlewareStack?.add(skipLogWalk, {
    step: "initialize",
    name: "dynamodelSkipNoOpLogWalk",
  });
  return command;
}
