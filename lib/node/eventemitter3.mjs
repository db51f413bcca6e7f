// What `#eventemitter3` resolves to when Node.js itself runs the ESM build (package.json "imports",
// condition "node-addons", which Node sets and bundlers do not). It is the same eventemitter3 module that
// `import { EventEmitter } from "eventemitter3"` gives, loaded without its ESM wrapper: importing a
// CommonJS package through an ES module that is not the entry point costs Node 20's loader about 9 ms
// of cold start, measured in test/bench/cold-start.ts. Bundlers take the "default" condition, a plain
// import of eventemitter3, and so still see (and bundle) the dependency.
import { createRequire } from "node:module";

const { EventEmitter } = createRequire(import.meta.url)("eventemitter3");

export { EventEmitter };
