import dynamodel from "../lib";
let calls = 0;
const M = dynamodel.model("DirtyDefaults", { id: Number, n: { type: Number, default: () => { calls++; return 5; } } }, { create: false });
const m = new M({ id: 1 });
console.log(m.modifiedPaths(), m.isDirty(), m.isDirty("n"), calls);
