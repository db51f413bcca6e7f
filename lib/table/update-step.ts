// The shape of one step of a table update (diff.ts, settings-diff.ts), as setup.ts sends it.
import type {
  TableDescription,
  Tag,
  TagResourceCommandInput,
  UntagResourceCommandInput,
  UpdateTableCommandInput,
} from "@aws-sdk/client-dynamodb";

/** The parts of an update that UpdateTable makes. */
type UpdateTablePart = "throughput" | "indexes" | "tableClass" | "streams" | "replication";

export type TableUpdateStep =
  | {
      readonly part: UpdateTablePart;
      readonly operation: "UpdateTable";
      readonly input: UpdateTableCommandInput;
      /** Index steps wait for the table and its indexes to be ACTIVE before the next one may start. */
      readonly wait: boolean;
      /**
       * The endpoint did not report the current value (no `TableClassSummary`), so the change may already
       * be in place: DynamoDB Local, which accepts a table class but never reports one, answers such a call
       * with ValidationException "Nothing to update", which setup.ts then skips with a warning. It answers
       * replica changes the same way (it has no global tables), and reports no `Replicas` either. A
       * throughput change on an endpoint that reports no capacity may be answered "equals the current value".
       */
      readonly unverified?: true;
    }
  | {
      readonly part: "tags";
      readonly operation: "UntagResource";
      readonly input: UntagResourceCommandInput;
      readonly wait: false;
    }
  | {
      readonly part: "tags";
      readonly operation: "TagResource";
      readonly input: TagResourceCommandInput;
      readonly wait: false;
    };

export interface CurrentTable {
  readonly table: TableDescription;
  /** The table's tags, when tags are being updated and the endpoint supports tagging. */
  readonly tags?: readonly Tag[] | undefined;
  /** The client's region, where the table itself is (no replica is made there), when it is known. */
  readonly region?: string | undefined;
}

/** A step that sends UpdateTable. */
export type UpdateTableStep = Extract<TableUpdateStep, { operation: "UpdateTable" }>;

/** Every throughput, index, table class, stream and replica change is an UpdateTable that must finish first. */
export const updateTable = (part: UpdateTablePart, input: UpdateTableCommandInput): UpdateTableStep => ({
  part,
  operation: "UpdateTable",
  input,
  wait: true,
});
