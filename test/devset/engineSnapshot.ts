// The engine as one bundle (out/engine/engine.js, `node esbuild.js --only=engine-snapshot`), so that a tool can
// score with the engine of a fixed commit while src/core moves on: build it in a checkout of that commit and pass
// it to `npm run sentence-model -- --engine PATH`.
export { builtinLexicons, Engine } from '../../src/core/index';
export { sentenceSpans } from '../../src/core/sentences';
