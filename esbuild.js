// Builds every target with one esbuild context each.
// Usage: node esbuild.js [--production] [--watch] [--only name,name]
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const zlib = require('node:zlib');
const { spawnSync } = require('node:child_process');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const only = onlyArg ? onlyArg.slice('--only='.length).split(',') : null;

/** Every *.test.ts below a folder, so new test files need no registration. */
function testFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true })
    .filter((f) => /\.ts$/.test(f))
    .map((f) => path.join(dir, f));
}

/**
 * The built-in lexicons as JSON.parse of their text rather than as object literals: V8 parses JSON text several
 * times faster than the same data written as code, and every start of the CLI (and of the extension) loads them.
 */
const lexiconsAsJson = {
  name: 'lexicons-as-json',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]core[\\/]lexicons[\\/][^\\/]+\.json$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      JSON.parse(text); // A malformed lexicon fails the build here, as esbuild's own JSON loader would.
      // Pure, so that a bundle that never reads the lexicons (the CLI worker, sent its own) leaves them out.
      return { contents: `export default /* @__PURE__ */ JSON.parse(${JSON.stringify(text)});`, loader: 'js' };
    });
  },
};

/**
 * Non-ASCII characters written as \uXXXX escapes: V8 keeps a script's source for as long as its functions live, and one
 * character above U+00FF (a Chinese numeral in a regular expression, a dash in a comment) makes it a two-byte string,
 * twice the size. The extension host holds the extension's (about 1.1 MB of text), the CLI and each of its worker
 * threads theirs (about 1 MB and 0.6 MB).
 * esbuild escapes strings itself but leaves regular expression literals and comments as they are.
 */
const asciiOutput = {
  name: 'ascii-output',
  setup(build) {
    build.onEnd(async (result) => {
      const file = build.initialOptions.outfile;
      if (result.errors.length > 0 || !file) return;
      const text = await fs.promises.readFile(file, 'utf8');
      const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      if (ascii !== text) await fs.promises.writeFile(file, ascii);
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's UMD "main" requires its modules at run time, which a bundle cannot resolve; its ESM build bundles.
  mainFields: ['module', 'main'],
  plugins: [lexiconsAsJson],
};

/** One entry per target: the extension, the CLI and its worker, the webview script, the test suites. */
const targets = [
  {
    name: 'extension',
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [lexiconsAsJson, asciiOutput],
  },
  {
    name: 'cli',
    entryPoints: ['src/cli/launch.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    name: 'cli',
    entryPoints: ['src/cli/cli.ts'],
    outfile: 'dist/cliMain.js',
    codeCache: 'dist/cliMain.cache',
    plugins: [lexiconsAsJson, asciiOutput],
  },
  {
    name: 'cli-worker',
    entryPoints: ['src/cli/worker.ts'],
    outfile: 'dist/cliWorker.js',
    plugins: [lexiconsAsJson, asciiOutput],
  },
  {
    name: 'webview',
    entryPoints: ['src/webview/sidebar.ts'],
    outfile: 'dist/webview/sidebar.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  {
    name: 'unit-tests',
    entryPoints: testFiles('test/unit'),
    outdir: 'out/test/unit',
    outbase: 'test/unit',
    external: ['mocha', 'ajv'],
    sourcemap: true,
    minify: false,
  },
  {
    name: 'integration-tests',
    entryPoints: testFiles('test/integration'),
    outdir: 'out/test/integration',
    outbase: 'test/integration',
    external: ['vscode', 'mocha', 'ajv'],
    sourcemap: true,
    minify: false,
  },
  {
    name: 'host-bench',
    entryPoints: ['test/hostBench/index.ts'],
    outfile: 'out/test/hostBench/index.js',
    external: ['vscode'],
    sourcemap: true,
    minify: false,
  },
  {
    name: 'runner',
    entryPoints: ['test/runner/checkPrerequisites.ts', 'test/runner/run.ts', 'test/runner/desktop.ts', 'test/runner/screenshots.ts', 'test/runner/screenshotDriver.ts'],
    outdir: 'out/test/runner',
    outbase: 'test/runner',
    external: ['vscode', 'playwright-core', '@vscode/test-electron'],
    sourcemap: true,
    minify: false,
  },
  {
    name: 'tools',
    entryPoints: ['test/devset/devset.ts', 'test/devset/sentenceModel.ts', 'test/devset/secondCodingDraw.ts', 'test/devset/agreement.ts', 'test/devset/relabel.ts'],
    outdir: 'out/tools',
    outbase: 'test/devset',
    minify: false,
  },
  {
    name: 'engine-snapshot',
    entryPoints: ['test/devset/engineSnapshot.ts'],
    outfile: 'out/engine/engine.js',
    minify: false,
  },
  {
    name: 'fuzz',
    entryPoints: ['test/fuzz/fuzz.ts'],
    outfile: 'out/fuzz/fuzz.js',
    minify: false,
  },
  {
    name: 'bench',
    entryPoints: ['test/bench/bench.ts', 'test/bench/doc.ts'],
    outdir: 'out/bench',
    // A native addon with prebuilt binaries per platform: loaded from node_modules, not bundled.
    external: ['@node-rs/jieba', '@node-rs/jieba/dict'],
    minify: false,
  },
];

/**
 * What the engine would compute from the built-in lexicons at every start of the CLI (src/core/builtinCompiled.ts):
 * their words' stems, their SHA-256 and their matchers' tables, computed here by the engine's own code. In watch mode they are left out, since
 * the code that computes them may change while the bundles are rebuilt; the engine then computes them itself.
 */
async function builtinCompiled() {
  if (watch) return {};
  const generator = await esbuild.build({
    stdin: {
      contents: [
        "import { Engine } from './src/core/engine';",
        "import { Matcher } from './src/core/matcher';",
        "import { builtinLexicons } from './src/core/builtin';",
        "import { BUILTIN_MATCHER_SETS } from './src/core/builtinCompiled';",
        "import { encodeMatcherImage } from './src/core/matcherImage';",
        'const lexicons = builtinLexicons();',
        'const matchers = Object.fromEntries(BUILTIN_MATCHER_SETS.map((set) => [set.join(","), JSON.stringify(new Matcher(set.map((i) => lexicons[i])).tables())]));',
        // The image of all of them, made as a run that finds the file damaged makes it again: from the bundled tables.
        'const image = encodeMatcherImage(new Matcher(lexicons, JSON.parse(JSON.stringify(new Matcher(lexicons).tables()))).image());',
        'module.exports = { sha256: new Engine(lexicons).lexiconInfo.sha256, stems: new Matcher(lexicons).wordStems().flat(), matchers, image };',
      ].join('\n'),
      resolveDir: __dirname,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    mainFields: common.mainFields,
    write: false,
    logLevel: 'warning',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', generator.outputFiles[0].text)(module, module.exports, require);
  const { image, ...compiled } = module.exports;
  matcherImage = image;
  const imageCrc32 = zlib.crc32 === undefined ? undefined : zlib.crc32(image).toString(16).padStart(8, '0');
  return { POLICY_LENS_BUILTIN_COMPILED: JSON.stringify(JSON.stringify({ ...compiled, imageCrc32 })) };
}

/** The image of the built-in lexicons' matcher that builtinCompiled() made, written beside the CLI's bundle (src/cli/matcherImageFile.ts). */
let matcherImage = null;
const MATCHER_IMAGE_FILE = 'dist/builtinMatcher.bin';

/**
 * Ends a bundle with a tag naming its text and makes its V8 code cache by running the CLI once over the samples
 * (src/cli/codeCache.ts, which reads the tag line and the variable below): the cache then holds the functions such a
 * run compiles, and a bundle with another tag never uses it. Without a cache the CLI compiles as usual.
 */
function makeCodeCache(bundle, cacheFile) {
  const text = fs.readFileSync(bundle, 'utf8');
  const tag = crypto.createHash('sha256').update(text).digest('hex').slice(0, 32);
  fs.writeFileSync(bundle, `${text}\n//# policyLensBuild=${tag}\n`);
  const partial = `${cacheFile}.${process.pid}`;
  // V8 keys the cache to its flags, and the data is taken at exit: two documents and no worker threads, so that the
  // run ends with the flags every run starts with (see heapSettings.ts).
  const samples = fs.readdirSync('media/samples').filter((f) => f.endsWith('.policy.txt')).map((f) => path.join('media/samples', f));
  const run = spawnSync(process.execPath, ['dist/cli.js', '--jobs', '1', '--format', 'json', ...samples], {
    env: { ...process.env, POLICY_LENS_CODE_CACHE_OUT: partial },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (run.status === 0 && fs.existsSync(partial)) {
    fs.renameSync(partial, cacheFile);
  } else {
    fs.rmSync(partial, { force: true });
    console.warn(`esbuild.js: no code cache for ${bundle}: ${run.error?.message ?? run.stderr.toString().trim()}`);
  }
}

async function main() {
  const selected = targets.filter((t) => (!only || only.includes(t.name)) && t.entryPoints.every((e) => fs.existsSync(e)) && t.entryPoints.length > 0);
  const define = selected.some((t) => t.platform !== 'browser') ? await builtinCompiled() : {};
  const cached = selected.filter((t) => t.codeCache);
  // A cache is of one build: the old one goes before anything is rebuilt, and a watch build makes none.
  for (const t of cached) fs.rmSync(t.codeCache, { force: true });
  const contexts = await Promise.all(selected.map(({ name, codeCache, ...options }) => esbuild.context({ ...common, define, ...options })));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    console.log(`[watch] building ${selected.map((t) => t.name).join(', ')}`);
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  if (fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
  if (matcherImage !== null && selected.some((t) => t.name === 'cli')) fs.writeFileSync(MATCHER_IMAGE_FILE, matcherImage);
  for (const t of cached) makeCodeCache(t.outfile, t.codeCache);
}

main().catch((err) => {
  console.error(err.message || err);
  process.exit(1);
});
