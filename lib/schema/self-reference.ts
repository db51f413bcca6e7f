// The target of a `type.THIS` reference: the model the schema will belong to, bound at `model()`.
import { InvalidParameter } from "../errors";
import type { ReferenceTarget, ReferencedModel, SelfReferenceSlot } from "./compiled";

/** Self references (type.THIS) are bound when the schema's model is created. */
export class SelfReference implements ReferenceTarget, SelfReferenceSlot {
  #model: ReferencedModel | undefined;
  readonly #check: ((model: ReferencedModel) => void) | undefined;
  constructor(check?: (model: ReferencedModel) => void) {
    this.#check = check;
  }
  /** Throws (from `model()`) when the model breaks a rule of this reference (a Set member with a range key). */
  bind(model: ReferencedModel): void {
    this.#check?.(model);
    this.#model = model;
  }
  /** Whether `model()` has bound it: before, only its own schema's key layout is known. */
  get isBound(): boolean {
    return this.#model !== undefined;
  }
  resolve(): ReferencedModel {
    if (!this.#model)
      throw new InvalidParameter("type.THIS is only usable once its schema belongs to a model.");
    return this.#model;
  }
}
