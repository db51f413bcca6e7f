// Compile-time tests of transactions: element builders checked against the schema, get results typed per
// position, write results null, `return: "request"` the request.
import dynamodel, {
  Condition,
  model,
  transaction,
  type ModelItem,
  type TransactionGetElement,
  type TransactionRequest,
} from "dynamodel";
import type { Equal, Expect } from "./assert";

const Cat = model("TypesTxCat", { id: { type: Number, hashKey: true }, name: String, lives: Number });
const Owner = model("TypesTxOwner", { email: { type: String, hashKey: true }, age: Number });

type CatItem = ModelItem<{ id: number; name?: string; lives?: number }>;

async function checks(): Promise<void> {
  const [cat, owner] = await dynamodel.transaction([Cat.transaction.get(1), Owner.transaction.get("a@b.c")]);
  type _cat = Expect<Equal<typeof cat, CatItem | undefined>>;
  void owner?.email.toUpperCase();
  // @ts-expect-error: a Cat has no email
  void cat?.email;

  const written = await transaction([
    Cat.transaction.create({ id: 2, name: "Tom" }),
    Cat.transaction.update({ id: 1 }, { $ADD: { lives: -1 } }, { condition: new Condition("lives").gt(0) }),
    Owner.transaction.delete("x@y.z"),
    Owner.transaction.condition({ email: "a@b.c" }, new Condition("age").ge(18)),
  ]);
  type _written = Expect<Equal<typeof written, null>>;

  const request = await dynamodel.transaction([Cat.transaction.delete(1)], { return: "request" });
  type _request = Expect<Equal<typeof request, TransactionRequest>>;

  // Raw elements are accepted.
  const raw = await dynamodel.transaction([{ Get: { TableName: "TypesTxCat", Key: { id: { N: "1" } } } }]);
  type _raw = Expect<Equal<typeof raw, [Record<string, unknown> | undefined]>>;

  // A callback instead of a promise.
  const none = dynamodel.transaction([Cat.transaction.get(1)], (error, items) => void [error, items]);
  type _none = Expect<Equal<typeof none, undefined>>;
}
void checks;

// @ts-expect-error: the key of a Cat is a number
void Cat.transaction.get("1");
// @ts-expect-error: lives is a number
void Cat.transaction.create({ id: 3, lives: "nine" });
// @ts-expect-error: $ADD of a string to a number
void Cat.transaction.update({ id: 1 }, { $ADD: { lives: "1" } });
// @ts-expect-error: only get, write
void dynamodel.transaction([Cat.transaction.get(1)], { type: "read" });
// @ts-expect-error: elements are Get/Put/Update/Delete/ConditionCheck objects
void dynamodel.transaction([{ Scan: { TableName: "TypesTxCat" } }]);

// The helpers take the single-item operation's settings (ignored where they mean nothing in a transaction).
void Cat.transaction.get(1, { consistent: true, attributes: ["name"] });
void Cat.transaction.update({ id: 1 }, { lives: 8 }, { returnValues: "ALL_OLD", return: "request" });
void Cat.transaction.delete(1, { return: "request" });
// @ts-expect-error: not a DynamoDB ReturnValues
void Cat.transaction.update({ id: 1 }, { lives: 8 }, { returnValues: "SOME" });
// @ts-expect-error: get has no condition
void Cat.transaction.get(1, { condition: new Condition("lives").gt(0) });

// A trailing callback hears of the element (or the error); the element's promise is still returned.
export const withCallback = Cat.transaction.get(1, (error, element) => {
  type _element = Expect<Equal<typeof element, TransactionGetElement<CatItem> | undefined>>;
  void error?.message;
});
type _stillPromise = Expect<Equal<typeof withCallback, Promise<TransactionGetElement<CatItem>>>>;
void Cat.transaction.create({ id: 3 }, { overwrite: true }, (_error, element) => void element?.Put);
void Cat.transaction.update({ id: 1, lives: 2 }, () => undefined);
void Cat.transaction.update({ id: 1 }, { lives: 2 }, () => undefined);
void Cat.transaction.delete(1, {}, () => undefined);
void Cat.transaction.condition(1, new Condition("lives").gt(0), () => undefined);
void dynamodel.transaction([Cat.transaction.delete(1, () => undefined)]);
