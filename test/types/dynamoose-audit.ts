// Compile-time tests of Dynamoose-documented calls that an audit found failing to compile or typed too
// loosely: `return: null`, one-sided throughput, Table and item overloads, `aws.ddb()` as the SDK's
// DynamoDB, and `type.UNDEFINED` in item input.
import type {
  CreateTableCommandInput,
  DeleteItemCommandInput,
  DynamoDB,
  PutItemCommandInput,
  PutItemCommandOutput,
  UpdateItemCommandInput,
} from "@aws-sdk/client-dynamodb";
import dynamodel, { Item, model, Table, type } from "dynamodel";
import type { Equal, Expect } from "./assert";

const User = model("TypesAuditUser", {
  id: { type: String, hashKey: true },
  name: String,
  role: { type: String, default: "member" },
  email: { type: String, required: true },
});
declare const user: InstanceType<typeof User>;

// ---- `return: null`, Dynamoose's documented default for Model.delete ------------------------------
const deleted = User.delete("1", { return: null });
type _deleted = Expect<Equal<typeof deleted, Promise<void>>>;
const deletedWithCallback: undefined = User.delete("1", { return: null }, (error) => void error);
void User.transaction.delete("1", { return: null });
const itemDeleted: Promise<void> = user.delete({ return: null });
// @ts-expect-error: not a return value
void User.delete("1", { return: "items" });

// ---- item.delete / item.save / item.populate overloads ---------------------------------------------
const deleteRequest = user.delete({ return: "request" });
type _deleteRequest = Expect<Equal<typeof deleteRequest, Promise<DeleteItemCommandInput>>>;
const deleteRequestCallback: undefined = user.delete({ return: "request" }, (error, request) => {
  type _request = Expect<Equal<typeof request, DeleteItemCommandInput | undefined>>;
});
// A new item's request is a PutItem input (as in Dynamoose); an item read from the table with changes
// saves with an UpdateItem, so the type says both.
const saveRequest = user.save({ return: "request" });
type _saveRequest = Expect<Equal<typeof saveRequest, Promise<PutItemCommandInput | UpdateItemCommandInput>>>;
void saveRequest.then((request) => ("Item" in request ? request.Item : request.UpdateExpression));
const saveRequestCallback: undefined = user.save({ return: "request" }, (error, request) => {
  type _request = Expect<Equal<typeof request, PutItemCommandInput | UpdateItemCommandInput | undefined>>;
});
const saved = user.save({ overwrite: false });
type _saved = Expect<Equal<typeof saved, Promise<typeof user>>>;
const populated = user.populate();
type _populated = Expect<Equal<typeof populated, Promise<typeof user>>>;
const populatedWithSettings = user.populate({ properties: ["friend"] });
type _populatedWithSettings = Expect<Equal<typeof populatedWithSettings, Promise<typeof user>>>;
const populatedWithCallback: undefined = user.populate((error, item) => void [error, item?.id]);

// ---- throughput: one side alone ----------------------------------------------------------------------
new Table("AuditReads", [User], { throughput: { read: 5 } });
new dynamodel.Table("AuditWrites", [User], { throughput: { write: 5 } });
model("TypesAuditThroughput", { id: String }, { throughput: { read: 2 } });
Table.defaults.set({ throughput: { write: 3 } });
// @ts-expect-error: at least one of read and write
new Table("AuditNeither", [User], { throughput: {} });
// @ts-expect-error: units are numbers
new Table("AuditText", [User], { throughput: { read: "5" } });

// ---- Table methods: a promise without a callback, undefined with one ---------------------------------
const table = User.table();
const initialized = table.initialize();
type _initialized = Expect<Equal<typeof initialized, Promise<void>>>;
const initializedWithCallback: undefined = table.initialize((error) => void error);
const created = table.create();
type _created = Expect<Equal<typeof created, Promise<void>>>;
const createRequest = table.create({ return: "request" });
type _createRequest = Expect<Equal<typeof createRequest, Promise<CreateTableCommandInput>>>;
const createRequestCallback: undefined = table.create({ return: "request" }, (error, request) => {
  type _request = Expect<Equal<typeof request, CreateTableCommandInput | undefined>>;
  void request?.TableName;
});
const createdWithCallback: undefined = table.create((error) => void error);

// ---- aws.ddb(): the SDK's DynamoDB, as in Dynamoose --------------------------------------------------
const ddb: DynamoDB = dynamodel.aws.ddb();
const put = dynamodel.aws.ddb().putItem({ TableName: "Cats", Item: { id: { S: "1" } } });
type _put = Expect<Equal<typeof put, Promise<PutItemCommandOutput>>>;
void new dynamodel.Instance().aws.ddb().describeTable({ TableName: "Cats" });
void ddb;

// ---- type.UNDEFINED in item input ----------------------------------------------------------------------
new User({ id: "1", email: "a@b.c", name: dynamodel.type.UNDEFINED });
void User.create({ id: "1", email: "a@b.c", role: type.UNDEFINED });
void User.batchPut([{ id: "1", email: "a@b.c", name: type.UNDEFINED }]);
// @ts-expect-error: a key attribute cannot be left out
new User({ id: type.UNDEFINED, email: "a@b.c" });
// @ts-expect-error: nor a required one
new User({ id: "1", email: type.UNDEFINED });
// @ts-expect-error: another symbol is not type.UNDEFINED
new User({ id: "1", email: "a@b.c", name: Symbol("x") });
// Dynamoose's style too.
class Cat extends Item {
  id!: number;
  name?: string;
}
const CatModel = model<Cat>("TypesAuditCat", { id: Number, name: String });
new CatModel({ id: 1, name: type.UNDEFINED });

export {
  deletedWithCallback,
  itemDeleted,
  deleteRequestCallback,
  saveRequestCallback,
  populatedWithCallback,
  initializedWithCallback,
  createRequestCallback,
  createdWithCallback,
};

// ---- aws.ddb.set() with Dynamoose-style mocks: an object of named methods -------------------------
dynamodel.aws.ddb.set({ getItem: async () => ({ Item: { id: { S: "1" } } }) });
dynamodel.aws.ddb.set({ putItem: (input: PutItemCommandInput) => input, query: () => ({ Items: [] }) });
// @ts-expect-error: not a method of DynamoDB
dynamodel.aws.ddb.set({ fetchItem: async () => ({}) });

// ---- schema.attributes(item?, {includeMaps}?), Dynamoose's public (undocumented) member -------------
const listed = User.schemas[0]!.attributes(undefined, { includeMaps: true });
type _listed = Expect<Equal<typeof listed, string[]>>;
void User.schemas[0]!.attributes({ name: "x" });
// @ts-expect-error: includeMaps is a boolean
void User.schemas[0]!.attributes(undefined, { includeMaps: "yes" });
