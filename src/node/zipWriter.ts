// A minimal ZIP writer (PKWARE APPNOTE 6.3, the subset every reader handles): entries are deflated (or stored when
// deflating does not help) and handed out as bytes to write in turn, then the central directory. Names are UTF-8
// (flag bit 11); times are fixed at 1980-01-01 so that the same content gives the same bytes. No ZIP64: an archive
// over 4 GiB or 65,535 entries is refused. Node's zlib does the deflating and the CRC-32; the container is ~60 lines,
// lighter than a dependency for the one archive (.qdpx) the project writes.
import { crc32, deflateRawSync } from 'node:zlib';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const UTF8_NAMES = 1 << 11;
const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
const LIMIT = 0xffffffff;

export class ZipLimitError extends Error {}

export class ZipWriter {
  private offset = 0;
  private readonly central: Buffer[] = [];

  /** The bytes of one entry (local header and data), to be written next. */
  entry(name: string, content: string | Uint8Array): Buffer {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const deflated = deflateRawSync(data);
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const nameBytes = Buffer.from(name, 'utf8');
    if (this.central.length >= 0xffff || this.offset + 30 + nameBytes.length + body.length > LIMIT || data.length > LIMIT) {
      throw new ZipLimitError('the archive would exceed the ZIP limits (4 GiB, 65,535 entries)');
    }
    const crc = crc32(data);
    const common = (b: Buffer, at: number): void => {
      b.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
      b.writeUInt16LE(UTF8_NAMES, at + 2);
      b.writeUInt16LE(stored ? 0 : 8, at + 4);
      b.writeUInt16LE(0, at + 6); // time 00:00:00
      b.writeUInt16LE(DOS_DATE_1980_01_01, at + 8);
      b.writeUInt32LE(crc, at + 10);
      b.writeUInt32LE(body.length, at + 14);
      b.writeUInt32LE(data.length, at + 18);
      b.writeUInt16LE(nameBytes.length, at + 22);
      b.writeUInt16LE(0, at + 24); // extra field length
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    common(local, 4);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL_HEADER, 0);
    header.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0 (no Unix permissions recorded)
    common(header, 6);
    // comment length, disk number, internal and external attributes: 0
    header.writeUInt32LE(this.offset, 42);
    this.central.push(header, nameBytes);
    const out = Buffer.concat([local, nameBytes, body]);
    this.offset += out.length;
    return out;
  }

  /** The central directory and its end record: the last bytes of the archive. */
  finish(): Buffer {
    const directory = Buffer.concat(this.central);
    if (this.offset + directory.length > LIMIT) throw new ZipLimitError('the archive would exceed the ZIP limits (4 GiB, 65,535 entries)');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL, 0);
    end.writeUInt16LE(this.central.length / 2, 8);
    end.writeUInt16LE(this.central.length / 2, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(this.offset, 16);
    return Buffer.concat([directory, end]);
  }
}
