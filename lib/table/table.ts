// A model's table at run time: its name and the setup flow (create if missing, wait until ACTIVE),
// run once. If setup fails, every pending and later request on the table rejects with that error.
import type { DescribeTableCommandOutput } from "@aws-sdk/client-dynamodb";
import { WaitForActiveTimeout } from "../errors";
import type { CompiledSchema } from "../schema/compiled";
import { send, type SendContext } from "../client/send";
import { buildCreateTableInput, type Throughput } from "./definition";

export interface WaitForActiveOptions {
  enabled: boolean;
  check: { timeout: number; frequency: number };
}

export interface TableOptions {
  /** Create the table when it does not exist. Default: true. */
  create?: boolean;
  /** Wait until the table and its indexes are ACTIVE. Default: enabled, 180 s timeout, 1 s polls. */
  waitForActive?: boolean | Partial<WaitForActiveOptions>;
  /** Default: `{read: 1, write: 1}`. */
  throughput?: Throughput;
  prefix?: string;
  suffix?: string;
  /** Run the setup flow on first use. Default: true. */
  initialize?: boolean;
}

export interface ResolvedTableOptions {
  create: boolean;
  waitForActive: WaitForActiveOptions;
  throughput: Throughput;
  prefix: string;
  suffix: string;
  initialize: boolean;
}

export function resolveTableOptions(options: TableOptions = {}): ResolvedTableOptions {
  const wait = options.waitForActive;
  const waitForActive: WaitForActiveOptions =
    typeof wait === "boolean"
      ? { enabled: wait, check: { timeout: 180_000, frequency: 1000 } }
      : {
          enabled: wait?.enabled ?? true,
          check: { timeout: wait?.check?.timeout ?? 180_000, frequency: wait?.check?.frequency ?? 1000 },
        };
  return {
    create: options.create ?? true,
    waitForActive,
    throughput: options.throughput ?? { read: 1, write: 1 },
    prefix: options.prefix ?? "",
    suffix: options.suffix ?? "",
    initialize: options.initialize ?? true,
  };
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && error.name === "ResourceNotFoundException";
}

export class TableRuntime {
  #ready: Promise<void> | undefined;

  constructor(
    readonly name: string,
    readonly schemas: () => readonly CompiledSchema[],
    readonly options: ResolvedTableOptions,
    readonly context: () => SendContext,
  ) {}

  /** Resolves when the table is usable; the setup flow runs once. */
  ready(): Promise<void> {
    if (!this.options.initialize) return Promise.resolve();
    if (!this.#ready) {
      this.#ready = this.#setup();
      // Nobody may be waiting yet; the rejection is delivered to every request that awaits it.
      this.#ready.catch(() => undefined);
    }
    return this.#ready;
  }

  /** The CreateTable input this table's schemas call for. */
  createInput() {
    return buildCreateTableInput(this.name, this.schemas(), { throughput: this.options.throughput });
  }

  async #describe(): Promise<DescribeTableCommandOutput["Table"] | undefined> {
    try {
      const output = await send<DescribeTableCommandOutput>(this.context(), {
        operation: "DescribeTable",
        input: { TableName: this.name },
        table: this.name,
      });
      return output.Table;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async #setup(): Promise<void> {
    if (this.options.create) {
      const existing = await this.#describe();
      if (!existing) {
        try {
          await send(this.context(), {
            operation: "CreateTable",
            input: this.createInput(),
            table: this.name,
          });
        } catch (error) {
          // Another process (or model sharing the table) created it first: that is fine.
          if (!(error instanceof Error && error.name === "ResourceInUseException")) throw error;
        }
      }
    }
    if (this.options.waitForActive.enabled) await this.#waitForActive();
  }

  async #waitForActive(): Promise<void> {
    const { timeout, frequency } = this.options.waitForActive.check;
    const deadline = Date.now() + timeout;
    for (;;) {
      const table = await this.#describe();
      const indexesActive = (table?.GlobalSecondaryIndexes ?? []).every(
        (index) => index.IndexStatus === "ACTIVE",
      );
      if (table?.TableStatus === "ACTIVE" && indexesActive) return;
      if (Date.now() + frequency > deadline) {
        throw new WaitForActiveTimeout(
          `Waiting for table "${this.name}" to be active timed out after ${timeout} ms.`,
        );
      }
      await new Promise((resolve) =>
        frequency === 0 ? setImmediate(resolve) : setTimeout(resolve, frequency),
      );
    }
  }
}
