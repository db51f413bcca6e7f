// The default export is the named exports on one object, each member typed as its named export (and
// documented by the Dynamodel interface, so editors show the JSDoc on `dynamodel.model` and the rest).
import dynamodel, * as named from "dynamodel";
import type { Dynamodel } from "dynamodel";
import type { Equal, Expect } from "./assert";

type _isDynamodel = Expect<Equal<typeof dynamodel, Dynamodel>>;
type _model = Expect<Equal<Dynamodel["model"], typeof named.model>>;
type _events = Expect<Equal<Dynamodel["events"], typeof named.events>>;
type _table = Expect<Equal<Dynamodel["Table"], typeof named.Table>>;
type _errors = Expect<Equal<Dynamodel["TransactionCanceledError"], typeof named.TransactionCanceledError>>;
type _type = Expect<Equal<Dynamodel["type"], typeof named.type>>;
type _logger = Expect<Equal<Dynamodel["logger"], typeof named.logger>>;

// Every runtime named export but the types-only ones is a member.
type RuntimeNames = Exclude<
  keyof typeof named,
  | "default"
  | "Retriever"
  | "Query"
  | "Scan"
  | "AnyItem"
  | "IndexType"
  | "SortOrder"
  | "TransactionReturnOptions"
  | "TableUpdateOptions"
>;
type _complete = Expect<Equal<Exclude<RuntimeNames, keyof Dynamodel>, never>>;

// @ts-expect-error: not a member
void dynamodel.notAMember;
