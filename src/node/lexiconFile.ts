// What a lexicon file may be, for the CLI and the extension alike: a regular file of at most 64 MB. A pipe or a
// device would block the reader or never end (/dev/zero grew to 4 GB); a lexicon is a file of a few megabytes.

/** The built-in lexicons together are under 200 KB; 100,000 user entries are about 8 MB. */
const MAX_LEXICON_BYTES = 64 * 1024 * 1024;

/** What is needed of a stat: fs.Stats and the extension's view of vscode.FileStat both give it. */
export interface LexiconFileStat {
  isFile(): boolean;
  size: number;
}

/** Why a file with this stat is not read as a lexicon, or null when it may be. */
export function lexiconFileRefusal(stat: LexiconFileStat): string | null {
  if (!stat.isFile()) return 'not a regular file';
  if (stat.size > MAX_LEXICON_BYTES) return `larger than ${MAX_LEXICON_BYTES / 1024 / 1024} MB`;
  return null;
}
