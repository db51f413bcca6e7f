// `Model.table()`: the model's Table (the one it was given to, or its implicit table), the same object
// on every call.
import { publicTableOf } from "../table/table-class";
import type { Table } from "../table/table-class";
import type { ModelRuntime } from "./runtime";

export function tableFacade(runtime: ModelRuntime): Table {
  return publicTableOf(runtime.table);
}
