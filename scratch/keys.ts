import dynamodel, { Schema } from "../lib";
for (const f of [
  () => new Schema({ r: { type: String, rangeKey: true }, id: String }),
  () => new Schema({ id: { type: String, index: { type: "local" } }, r: { type: String, rangeKey: true } }),
  () => new Schema({ id: { type: String, index: { type: "global" } } }),
  () => new Schema({ id: String, r: { type: String, rangeKey: true, index: { type: "local" } } }),
]) { try { f(); console.log("ok"); } catch (e) { console.log((e as Error).name, (e as Error).message); } }
