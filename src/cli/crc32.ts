// The CRC-32 that the CLI's build files carry (the code cache, the matcher's image), from Node's zlib.
import * as zlib from 'node:zlib';

/** The bytes' CRC-32 as 8 hex digits; null before Node 20.15, which has no `zlib.crc32` (such a Node uses neither file). */
export function crc32Hex(bytes: Uint8Array): string | null {
  const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  return crc32 === undefined ? null : crc32(bytes).toString(16).padStart(8, '0');
}
