// node:crypto, loaded when first used: loading it was about 10 ms of every start of the command-line tool, and most
// runs hash nothing (the text table; a report of the built-in lexicons, whose hash is computed at build time).
import type * as Crypto from 'node:crypto';

let crypto: typeof Crypto | null = null;

export function nodeCrypto(): typeof Crypto {
  crypto ??= require('node:crypto') as typeof Crypto;
  return crypto;
}

/** SHA-256 of `data` (strings as UTF-8), in hex. */
export function sha256Hex(data: string): string {
  return nodeCrypto().createHash('sha256').update(data, 'utf8').digest('hex');
}
