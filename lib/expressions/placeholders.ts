/**
 * The placeholders of one request: every attribute name becomes `#nN` and every value `:vN`, so no user
 * string is ever part of an expression's text.
 *
 * @example
 * ```ts
 * const registry = new PlaceholderRegistry();
 * const text = `${registry.path(["address", "city"])} = ${registry.value({ S: "Oslo" })}`;
 * // text: "#n0.#n1 = :v0"
 * registry.names; // { "#n0": "address", "#n1": "city" }
 * registry.values; // { ":v0": { S: "Oslo" } }
 * ```
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { InvalidParameter, describeValue } from "../errors";
import { rawValueToAttributeValue } from "./attribute-value";
import { formatDocumentPath, type PathSegment } from "./path";
import { isPending, markPendingValues, pendingSlot } from "../pending-values";

/** The placeholder syntax DynamoDB accepts; raw expressions must use it for their own placeholders. */
const NAME_PLACEHOLDER = /^#[A-Za-z0-9_]+$/;
const VALUE_PLACEHOLDER = /^:[A-Za-z0-9_]+$/;
/** Greedy, so `#ab` is one token and never matched as `#a` followed by `b`. */
const PLACEHOLDER_TOKEN = /[#:][A-Za-z0-9_]+/g;

/**
 * Collects `ExpressionAttributeNames` and `ExpressionAttributeValues` for one request. Create one per
 * request and pass it to every compiler (condition, key condition, update, projection) of that request,
 * so their placeholders never collide.
 *
 * @example
 * ```ts
 * const registry = new PlaceholderRegistry();
 * registry.name("age"); // "#n0"
 * registry.name("age"); // "#n0" again: one placeholder per name
 * registry.value({ N: "5" }); // ":v0"
 * registry.value({ N: "5" }); // ":v1": values are never shared
 * ```
 */
export class PlaceholderRegistry {
  /** placeholder → attribute name, for generated and adopted placeholders alike. */
  readonly #names = new Map<string, string>();
  /** attribute name → the placeholder reused for it. */
  readonly #nameToPlaceholder = new Map<string, string>();
  readonly #values = new Map<string, AttributeValue>();
  // The maps as plain objects, built on first read after a change (null: stale).
  #namesObject: Record<string, string> | undefined | null = null;
  #valuesObject: Record<string, AttributeValue> | undefined | null = null;
  #nextName = 0;
  #nextValue = 0;
  /** The fillings of values an asynchronous `set` has not produced yet (pending-values.ts). */
  #pending: Promise<void>[] | undefined;

  /**
   * The placeholder for an attribute name (one segment of a path, never a dotted path).
   *
   * @example
   * ```ts
   * registry.name("a.b"); // "#n0", standing for an attribute literally named "a.b"
   * ```
   */
  name(attributeName: string): string {
    const existing = this.#nameToPlaceholder.get(attributeName);
    if (existing !== undefined) return existing;
    let placeholder: string;
    // Skip numbers that an adopted raw expression already uses.
    do placeholder = `#n${this.#nextName++}`;
    while (this.#names.has(placeholder));
    this.#names.set(placeholder, attributeName);
    this.#namesObject = null;
    this.#nameToPlaceholder.set(attributeName, placeholder);
    return placeholder;
  }

  /**
   * A new placeholder for a value. Every call gets its own, even for equal values. A value still to come
   * (a promise, from an asynchronous `set`) holds a slot that is filled when it settles: wait for
   * `valuesSettled(input)` before sending or showing the input.
   *
   * @example
   * ```ts
   * registry.value({ S: "x" }); // ":v0"
   * ```
   */
  value(attributeValue: AttributeValue | PromiseLike<AttributeValue>): string {
    let placeholder: string;
    do placeholder = `:v${this.#nextValue++}`;
    while (this.#values.has(placeholder));
    if (isPending(attributeValue)) {
      const { slot, filled } = pendingSlot(attributeValue);
      (this.#pending ??= []).push(filled);
      this.#values.set(placeholder, slot);
    } else this.#values.set(placeholder, attributeValue);
    this.#valuesObject = null;
    return placeholder;
  }

  /**
   * Renders a document path with a placeholder per name: `["a", "b", 3]` → `"#n0.#n1[3]"`.
   *
   * @throws InvalidParameter for an empty path, a path starting with an index, or an index that is not a
   * non-negative integer.
   *
   * @example
   * ```ts
   * registry.path(["tags", 0]); // "#n0[0]"
   * ```
   */
  path(segments: readonly PathSegment[]): string {
    if (segments.length === 0) throw new InvalidParameter("A document path must have at least one name.");
    if (typeof segments[0] !== "string") {
      throw new InvalidParameter(
        `The document path ${formatDocumentPath(segments)} must start with a name, not a list index.`,
      );
    }
    let text = "";
    for (const segment of segments) {
      if (typeof segment === "string") {
        text += text === "" ? this.name(segment) : `.${this.name(segment)}`;
      } else if (Number.isSafeInteger(segment) && segment >= 0) {
        text += `[${segment}]`;
      } else {
        throw new InvalidParameter(
          `The list index ${segment} in ${formatDocumentPath(segments)} is not a non-negative integer.`,
        );
      }
    }
    return text;
  }

  /**
   * Merges a hand-written expression and its placeholders into this request. A raw placeholder keeps its
   * name when it is free (or, for names, already stands for the same attribute); otherwise it is renamed
   * to a fresh one, and the returned expression is rewritten to match. Raw values that are not already
   * AttributeValues are converted like schemaless values (Dates become millisecond numbers).
   *
   * @throws InvalidParameter for a placeholder key that is not `#name` / `:name` (letters, digits, `_`).
   *
   * @example
   * ```ts
   * registry.name("id"); // "#n0"
   * registry.adoptRaw("#n0 > :v0", { "#n0": "age" }, { ":v0": 5 }); // "#n1 > :v0"
   * registry.names; // { "#n0": "id", "#n1": "age" }
   * registry.values; // { ":v0": { N: "5" } }
   * ```
   */
  adoptRaw(
    expression: string,
    names?: Readonly<Record<string, string>>,
    values?: Readonly<Record<string, unknown>>,
  ): string {
    const renames = new Map<string, string>();
    for (const [placeholder, attributeName] of Object.entries(names ?? {})) {
      if (!NAME_PLACEHOLDER.test(placeholder)) {
        throw new InvalidParameter(
          `The name placeholder ${describeValue(placeholder)} must be "#" followed by letters, digits or "_".`,
        );
      }
      if (typeof attributeName !== "string") {
        throw new InvalidParameter(`The name placeholder ${placeholder} must stand for a string.`);
      }
      const current = this.#names.get(placeholder);
      if (current === undefined) {
        this.#names.set(placeholder, attributeName);
        this.#namesObject = null;
        this.#namesObject = null;
        if (!this.#nameToPlaceholder.has(attributeName))
          this.#nameToPlaceholder.set(attributeName, placeholder);
      } else if (current !== attributeName) {
        renames.set(placeholder, this.name(attributeName));
      }
    }
    for (const [placeholder, raw] of Object.entries(values ?? {})) {
      if (!VALUE_PLACEHOLDER.test(placeholder)) {
        throw new InvalidParameter(
          `The value placeholder ${describeValue(placeholder)} must be ":" followed by letters, digits or "_".`,
        );
      }
      const attributeValue = rawValueToAttributeValue(raw);
      if (this.#values.has(placeholder)) renames.set(placeholder, this.value(attributeValue));
      else {
        this.#values.set(placeholder, attributeValue);
        this.#valuesObject = null;
      }
    }
    if (renames.size === 0) return expression;
    // One pass over the original text, so a renamed `#a` → `#n0` is never renamed again as `#n0`.
    return expression.replace(PLACEHOLDER_TOKEN, (token) => renames.get(token) ?? token);
  }

  /**
   * `ExpressionAttributeNames`, or undefined when there are none (DynamoDB rejects an empty map).
   * Shared until the registry changes (a registry serves one request): builders read it more than once.
   */
  get names(): Record<string, string> | undefined {
    if (this.#namesObject === null) this.#namesObject = objectOf(this.#names);
    return this.#namesObject;
  }

  /** `ExpressionAttributeValues`, or undefined when there are none (DynamoDB rejects an empty map). */
  get values(): Record<string, AttributeValue> | undefined {
    if (this.#valuesObject === null) {
      this.#valuesObject = objectOf(this.#values);
      if (this.#pending !== undefined && this.#valuesObject !== undefined) {
        markPendingValues(
          this.#valuesObject,
          Promise.all(this.#pending).then(() => undefined),
        );
      }
    }
    return this.#valuesObject;
  }
}

/** A Map as a plain object; a loop, because `Object.fromEntries` is several times slower on small maps. */
function objectOf<V>(map: ReadonlyMap<string, V>): Record<string, V> | undefined {
  if (map.size === 0) return undefined;
  const object: Record<string, V> = {};
  for (const [key, value] of map) object[key] = value;
  return object;
}
