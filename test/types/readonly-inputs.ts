// Written values: readonly arrays and ReadonlySets stand for lists and Sets, and any Uint8Array for a
// Buffer, as the runtime takes them (it changes nothing in place). Reads still give arrays, Sets, Buffers.
import { model, Schema } from "dynamodel";
import type { Equal, Expect } from "./assert";

const Tagged = model(
  "TypesReadonlyInputs",
  new Schema({
    id: { type: String, hashKey: true },
    tags: { type: Array, schema: [String] },
    labels: { type: Set, schema: [String] },
    scores: { type: Set, schema: [Number] },
    data: Buffer,
  }),
);
declare const readonlyTags: readonly string[];
declare const readonlyLabels: ReadonlySet<string>;
const bytes = new Uint8Array([1, 2]);

void Tagged.create({ id: "a", tags: readonlyTags, labels: readonlyLabels, data: bytes });
void Tagged.create({ id: "a", labels: readonlyTags, scores: [1, 2] as const });
void new Tagged({ id: "a", tags: readonlyTags, labels: readonlyLabels });
void Tagged.update("a", { tags: readonlyTags, data: bytes });
void Tagged.update("a", { $SET: { tags: readonlyTags, labels: readonlyLabels } });
void Tagged.update("a", { $ADD: { labels: readonlyTags, tags: readonlyTags } });
void Tagged.update("a", { $ADD: { labels: readonlyLabels } });
void Tagged.update("a", { $DELETE: { labels: readonlyLabels } });
void Tagged.batchPut([{ id: "b", tags: readonlyTags }]);

// Still checked: the elements' type.
declare const readonlyNumbers: readonly number[];
// @ts-expect-error: numbers are no String list
void Tagged.create({ id: "a", tags: readonlyNumbers });
// @ts-expect-error: nor String Set members
void Tagged.update("a", { $ADD: { labels: readonlyNumbers } });
// @ts-expect-error: a string is no Buffer
void Tagged.create({ id: "a", data: "bytes" });

export async function reads(): Promise<void> {
  const item = (await Tagged.get("a"))!;
  type _tags = Expect<Equal<typeof item.tags, string[] | undefined>>;
  type _labels = Expect<Equal<typeof item.labels, Set<string> | undefined>>;
  type _data = Expect<Equal<typeof item.data, Buffer | undefined>>;
}
