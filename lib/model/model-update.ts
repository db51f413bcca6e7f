// `Model.update`'s overloads, apart from the rest of ModelType (types.ts) for their number: the two-
// and one-argument forms, `return: "request"`, `returnValues` (UPDATED_NEW/UPDATED_OLD resolve with only
// the named attributes), and callbacks.
import type { UpdateItemCommandInput } from "@aws-sdk/client-dynamodb";
import type { Callback } from "../callbacks";
import type { UpdateSettings } from "../operations/update";
import type { KeyAndUpdate } from "../schema/infer";
import type { ModelItem } from "./types";

/** The `update` method of a model whose items are `TItem`, keys `TKey` and update objects `TUpdate`. */
export interface ModelUpdate<TItem, TKey, TUpdate> {
  /**
   * Updates one item in place (UpdateItem): plain attributes and `$SET` set values (through the write
   * pipeline), `$ADD`, `$REMOVE`, `$DELETE`; document paths (`"address.city"`) change only that path.
   * Resolves with the item as DynamoDB returns it (`returnValues`, default `"ALL_NEW"`).
   * @example `await Cat.update({ id: 1 }, { name: "Tom", $ADD: { lives: -1 } })`
   */
  update(
    key: TKey,
    update: TUpdate,
    settings: UpdateSettings & { return: "request" },
  ): Promise<UpdateItemCommandInput>;
  update(
    key: TKey,
    update: TUpdate,
    settings?: Omit<UpdateSettings, "returnValues"> & { returnValues?: "ALL_NEW" },
  ): Promise<ModelItem<TItem>>;
  /** `UPDATED_NEW` / `UPDATED_OLD`: only the attributes the update named, so each may be missing. */
  update(
    key: TKey,
    update: TUpdate,
    settings: UpdateSettings & { returnValues: "UPDATED_NEW" | "UPDATED_OLD" },
  ): Promise<ModelItem<Partial<TItem>> | undefined>;
  update(key: TKey, update: TUpdate, settings: UpdateSettings): Promise<ModelItem<TItem> | undefined>;
  update(keyAndUpdate: KeyAndUpdate<TKey, TUpdate>): Promise<ModelItem<TItem>>;
  /** The one-argument form with settings: `update({...key, ...changes}, null, settings)`. */
  update(
    keyAndUpdate: KeyAndUpdate<TKey, TUpdate>,
    update: null | undefined,
    settings: UpdateSettings & { return: "request" },
  ): Promise<UpdateItemCommandInput>;
  update(
    keyAndUpdate: KeyAndUpdate<TKey, TUpdate>,
    update: null | undefined,
    settings: UpdateSettings & { returnValues: "UPDATED_NEW" | "UPDATED_OLD" },
  ): Promise<ModelItem<Partial<TItem>> | undefined>;
  update(
    keyAndUpdate: KeyAndUpdate<TKey, TUpdate>,
    update: null | undefined,
    settings: UpdateSettings,
  ): Promise<ModelItem<TItem> | undefined>;
  update(keyAndUpdate: KeyAndUpdate<TKey, TUpdate>, callback: Callback<ModelItem<TItem>>): undefined;
  update(key: TKey, update: TUpdate, callback: Callback<ModelItem<TItem>>): undefined;
  update(
    key: TKey,
    update: TUpdate,
    settings: UpdateSettings & { return: "request" },
    callback: Callback<UpdateItemCommandInput>,
  ): undefined;
  update(
    key: TKey,
    update: TUpdate,
    settings: UpdateSettings,
    callback: Callback<ModelItem<TItem> | undefined>,
  ): undefined;
}
