// The public types of a Model class. TItem is what reads return, TInput what writes accept, TKey the
// key argument; they are inferred from the schema (see schema/infer.ts) or given Dynamoose-style.
import type {
  DeleteItemCommandInput,
  GetItemCommandInput,
  PutItemCommandInput,
} from "@aws-sdk/client-dynamodb";
import type { Callback } from "../callbacks";
import type { Middleware } from "../client/send";
import type { DeleteSettings } from "../operations/delete";
import type { GetSettings } from "../operations/get";
import type { Schema } from "../schema/schema";
import type { Item } from "./item";
import type { SaveSettings } from "./persist";
import type { SerializerOptions } from "./serializer";

/** An item of a model: its data plus the Item methods. */
export type ModelItem<TItem> = TItem & Item;

export interface TableHandle {
  readonly name: string;
  readonly hashKey: string;
  readonly rangeKey: string | undefined;
  initialize(): Promise<void>;
  create(settings?: { return?: "request" }): Promise<unknown>;
}

export interface ModelType<TItem = Record<string, unknown>, TInput = Partial<TItem>, TKey = unknown> {
  new (object?: TInput): ModelItem<TItem>;
  readonly prototype: ModelItem<TItem>;
  readonly name: string;
  readonly schema: Schema;
  readonly schemas: readonly Schema[];

  /** The item with this key, or `undefined`. */
  get(key: TKey, settings: GetSettings & { return: "request" }): Promise<GetItemCommandInput>;
  get(key: TKey, settings?: GetSettings): Promise<ModelItem<TItem> | undefined>;
  get(key: TKey, callback: Callback<ModelItem<TItem> | undefined>): undefined;
  get(key: TKey, settings: GetSettings, callback: Callback<ModelItem<TItem> | undefined>): undefined;

  /** Saves a new item; fails if an item with its key exists (unless `overwrite: true`). */
  create(object: TInput, settings: SaveSettings & { return: "request" }): Promise<PutItemCommandInput>;
  create(object: TInput, settings?: SaveSettings): Promise<ModelItem<TItem>>;
  create(object: TInput, callback: Callback<ModelItem<TItem>>): undefined;
  create(object: TInput, settings: SaveSettings, callback: Callback<ModelItem<TItem>>): undefined;

  /** Deletes the item with this key. */
  delete(key: TKey, settings: DeleteSettings & { return: "request" }): Promise<DeleteItemCommandInput>;
  delete(key: TKey, settings?: DeleteSettings): Promise<void>;
  delete(key: TKey, callback: Callback<void>): undefined;
  delete(key: TKey, settings: DeleteSettings, callback: Callback<void>): undefined;

  table(): TableHandle;
  readonly methods: {
    set(name: string, fn: (this: ModelType<TItem, TInput, TKey>, ...args: never[]) => unknown): void;
    delete(name: string): void;
    item: {
      set(name: string, fn: (this: ModelItem<TItem>, ...args: never[]) => unknown): void;
      delete(name: string): void;
    };
  };
  readonly serializer: {
    add(name: string, options: SerializerOptions | readonly string[]): void;
    delete(name: string): void;
    default: { set(name?: string): void };
  };
  serializeMany(
    items: readonly ModelItem<TItem>[],
    nameOrOptions?: string | SerializerOptions,
  ): Record<string, unknown>[];
  /** Middleware around this model's DynamoDB calls; returns a function that removes it. */
  use(middleware: Middleware): () => void;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  once(event: string, listener: (...args: unknown[]) => void): unknown;
  off(event: string, listener?: (...args: unknown[]) => void): unknown;
}
