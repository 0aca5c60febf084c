// Lexicon and document text shown inside hover Markdown: always literal text, never Markdown, HTML or icons.
// Pure (no vscode import) so the unit tests can check exactly what the hovers are given.

/** Line breaks (CR, LF, NEL, LS, PS) and other control characters: any of them could start a new Markdown block. */
const BREAK = '[\\u0000-\\u0008\\u000a-\\u001f\\u007f-\\u009f\\u2028\\u2029]';
const BREAKS = new RegExp(BREAK, 'g');
const HAS_BREAK = new RegExp(BREAK);
/** VS Code's theme icon syntax, `$(name)` or `$(name~modifier)`. */
const ICON = /\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g;

/**
 * `s` as inline Markdown text: one line (a break would let `# …`, `===`, four-space code or a fence start a block),
 * and every ASCII punctuation character backslash-escaped (CommonMark allows it for all of them), so nothing can
 * become a link, a tag, an autolink, emphasis or a code span.
 *
 * Icons need more: VS Code replaces `$(name)` in the text that is left AFTER Markdown has removed its escapes, unless
 * a backslash is still in front of it. So each icon gets a backslash of its own, escaped like the rest (`\\\$\(`),
 * which is what `MarkdownString.appendText` does.
 */
export function markdownText(s: string): string {
  return s
    .replace(BREAKS, ' ')
    .replace(ICON, (icon) => `\\${icon}`)
    .replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/**
 * `s` shown as code when that is safe: a code span takes no escapes and VS Code may render `$(icon)` even inside one,
 * so text with a backtick, a dollar sign, a break or edge spaces is shown as escaped text in quotes instead.
 */
export function markdownCode(s: string): string {
  if (s === '' || /[`$]/.test(s) || HAS_BREAK.test(s) || s.trim() !== s) return `“${markdownText(s)}”`;
  return `\`${s}\``;
}
