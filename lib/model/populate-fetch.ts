// The fetching side of `item.populate()`: a reference value (an item, a key object or a bare hash
// value) → its canonical key, and one `get` per distinct key within one populate call. Every place
// a key appears gets an item of its own (a copy of the fetched one), so populated data is always a
// tree: no item is shared between two places, and none can end up containing itself.
import type { ReferencedModel } from "../schema/compiled";
import { isPlainObject } from "../schema/resolve-type";
import { NO_MATCH } from "../schema/types/handler";
import { itemFromImage } from "./persist";
import { itemRuntimeOf } from "./runtime";
import { storedImageOf } from "./stored-images";

export interface ReferenceKey {
  /** Identifies the key within its model (the stored form of its values). */
  readonly id: string;
  /** The key object for `get`. */
  readonly key: Record<string, unknown>;
}

/** The key a reference value stands for, or undefined when the value is no key of `model`. */
export function referenceKeyOf(model: ReferencedModel, value: unknown): ReferenceKey | undefined {
  const source = model.isItem(value) || isPlainObject(value) ? value : undefined;
  const hash = model.hashType.normalize(source ? model.hashOf(source) : value);
  if (hash === NO_MATCH) return undefined;
  const hashId = JSON.stringify(model.hashType.toDynamo(hash));
  if (model.rangeKey === undefined) return { id: hashId, key: { [model.hashKey]: hash } };
  if (!source) return undefined;
  const range = model.rangeType!.normalize(model.rangeOf(source));
  if (range === NO_MATCH) return undefined;
  return {
    id: `${hashId}|${JSON.stringify(model.rangeType!.toDynamo(range))}`,
    key: { [model.hashKey]: hash, [model.rangeKey]: range },
  };
}

interface Fetched {
  readonly item: Promise<object | undefined>;
  /** The fetched item itself is handed out once; later uses get copies. */
  handedOut: boolean;
}

/** Fetches referenced items for one populate call. */
export class ReferenceFetcher {
  readonly #fetched = new Map<ReferencedModel, Map<string, Fetched>>();

  /** The referenced item (an item of its own for each call), or undefined when it does not exist. */
  async fetch(model: ReferencedModel, key: ReferenceKey): Promise<object | undefined> {
    let byKey = this.#fetched.get(model);
    if (!byKey) this.#fetched.set(model, (byKey = new Map()));
    let entry = byKey.get(key.id);
    if (!entry) {
      const item = model
        .get(key.key)
        .then((found) => (typeof found === "object" && found !== null ? found : undefined));
      entry = { item, handedOut: false };
      byKey.set(key.id, entry);
    }
    const item = await entry.item;
    if (item === undefined) return undefined;
    if (!entry.handedOut) {
      entry.handedOut = true;
      return item;
    }
    return copyOf(item);
  }
}

/** A fresh item read from the same stored image (so it saves and diffs like the original). */
function copyOf(item: object): Promise<object> {
  const image = storedImageOf(item)!;
  return Promise.resolve(itemFromImage(itemRuntimeOf(item), image));
}
