/** A problem that stops the run before or instead of output: its message is the one line for stderr. */
export class FatalError extends Error {}
