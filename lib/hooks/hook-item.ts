import type { Callback } from "../callbacks";
import type { Item } from "../model/item";
import type { SaveRequest, SaveSettings } from "../model/persist";
import type { PopulateSettings } from "../model/populate";

/**
 * `this` of a document hook (and `post("save")`'s result): the item, its data with the Item methods, so
 * `this.save()` compiles and resolves with the same type.
 *
 * Not `TData & Item`: a class type takes no implicit index signature, and `Schema<{…}>` must stay
 * assignable to `Schema`, whose data type has one (the array of `model(name, [a, b])`). The methods are
 * therefore an anonymous object type; the two that resolve with the item itself are written out so that
 * they resolve with this type rather than with Item.
 */
export type HookItem<TData> = TData & HookItemMethods<TData>;

type HookItemMethods<TData> = { [K in Exclude<keyof Item, "save" | "populate">]: Item[K] } & {
  save(settings: SaveSettings & { return: "request" }): Promise<SaveRequest>;
  save(settings?: SaveSettings): Promise<HookItem<TData>>;
  save(settings: SaveSettings & { return: "request" }, callback: Callback<SaveRequest>): undefined;
  save(callback: Callback<HookItem<TData>>): undefined;
  save(settings: SaveSettings, callback: Callback<HookItem<TData>>): undefined;
  populate(settings?: PopulateSettings): Promise<HookItem<TData>>;
  populate(callback: Callback<HookItem<TData>>): undefined;
  populate(settings: PopulateSettings, callback: Callback<HookItem<TData>>): undefined;
};
