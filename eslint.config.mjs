// Lint rules that keep the architecture true (docs/ARCHITECTURE.md). Deliberately few: the layer boundaries, and
// no `any`. Formatting and style are left to review.
import tseslint from 'typescript-eslint';

const CORE = '^\\.\\./core(/|$)';

/** A no-restricted-imports pattern from a regular expression on the import path. */
function pattern(regex, message, allowTypeImports = false) {
  return { regex, message, allowTypeImports };
}

function restrict(files, patterns, { paths = [], ignores = [] } = {}) {
  return { files, ignores, rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }] } };
}

const noVscode = { name: 'vscode', message: 'Only src/extension talks to VS Code.' };

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', '.vscode-test/', 'test/runner/code-server/'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  // The engine is pure: text and lexicons in, plain data out. It knows nothing of VS Code, files or the terminal.
  restrict(
    ['src/core/**/*.ts'],
    [
      pattern('^\\.\\./(extension|cli|webview|shared)(/|$)', 'src/core imports nothing from the layers above it.'),
      pattern('^(node:)?fs(/|$)', 'src/core reads no files: callers pass text in.'),
    ],
    { paths: [noVscode] },
  ),
  // The command line: no VS Code, nothing of the extension or the webview.
  restrict(['src/cli/**/*.ts'], [pattern('^\\.\\./(extension|webview)(/|$)', 'src/cli uses src/core only.')], { paths: [noVscode] }),
  // In the extension only the store and the engine factory import values from the core; the rest import types
  // only (`import type`) and ask the store for what they need.
  restrict(
    ['src/extension/**/*.ts'],
    [
      pattern(CORE, 'Only store.ts and engineFactory.ts import values from src/core; use `import type`, and ask the store.', true),
      pattern('^\\.\\./(cli|webview)(/|$)', 'src/extension does not import the CLI or the webview.'),
    ],
    // reviewStore.ts is the review half of the store: it reads and writes the annotation store file and anchors
    // reviews with the core's pure review functions (webAnnotation*.ts); it runs no engine, and its views get its
    // snapshots. Matches, text and categories it takes from the analysis store like any view.
    { ignores: ['src/extension/store.ts', 'src/extension/reviewStore.ts', 'src/extension/engineFactory.ts'] },
  ),
  restrict(['src/extension/store.ts', 'src/extension/engineFactory.ts'], [pattern('^\\.\\./(cli|webview)(/|$)', 'src/extension does not import the CLI or the webview.')]),
  restrict(
    ['src/extension/reviewStore.ts'],
    [
      pattern('^\\.\\./(cli|webview)(/|$)', 'src/extension does not import the CLI or the webview.'),
      pattern('^\\.\\./core(/(index|engine|analysis|scan|match|matcher))?$', 'reviewStore.ts runs no engine: ask the analysis store.'),
    ],
  ),
  // The webview is a browser page: it speaks to the extension only through the shared protocol.
  restrict(['src/webview/**/*.ts'], [pattern('^(?!\\./|\\.\\./shared/)', 'src/webview imports only src/shared/ (and its own modules).')]),
  // The protocol is plain data shared by both sides: it imports nothing outside src/shared.
  restrict(['src/shared/**/*.ts'], [pattern('^(?!\\./)', 'src/shared imports only src/shared.')]),
);
