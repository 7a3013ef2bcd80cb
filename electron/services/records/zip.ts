// A plain zip a compliance officer opens with what their system has (Windows Explorer, macOS
// Archive Utility, unzip): entries stored as they are (PDFs and decks do not shrink much, and a
// stored file is byte for byte the file whose SHA-256 the manifest lists), UTF-8 names, CRC-32
// from zlib. No zip64: an export is refused past 4 GB or 65,535 files rather than written broken.
import { crc32 } from 'node:zlib';

export interface ZipFile {
  /** Forward slashes, no leading slash, no `..` (the caller's paths are data-folder paths). */
  name: string;
  bytes: Uint8Array;
}

const LIMIT = 0xffff_ffff;

/** DOS date and time of an instant (the zip's own clock field; local time, as zip tools read it). */
function dosTime(ms: number): { time: number; date: number } {
  const d = new Date(ms);
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** Writes a zip through `write` (a file, or memory), one entry at a time. */
export class ZipWriter {
  #offset = 0;
  readonly #central: Buffer[] = [];
  #count = 0;

  constructor(
    private readonly write: (chunk: Buffer) => Promise<void>,
    private readonly when: number,
  ) {}

  async add(file: ZipFile): Promise<void> {
    if (file.name.startsWith('/') || file.name.split('/').includes('..'))
      throw new Error(`not a zip entry name: ${file.name}`);
    const name = Buffer.from(file.name, 'utf8');
    const size = file.bytes.byteLength;
    if (size > LIMIT || this.#offset > LIMIT || this.#count >= 0xffff)
      throw new Error(
        'the export is too large for a zip file (over 4 GB or 65,535 files): narrow it with --from, --to or --prospect',
      );
    const crc = crc32(file.bytes);
    const { time, date } = dosTime(this.when);
    // The local header and the central directory's entry share one run of fields.
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at); // version needed: 2.0
      header.writeUInt16LE(0x0800, at + 2); // names are UTF-8
      header.writeUInt16LE(0, at + 4); // stored
      header.writeUInt16LE(time, at + 6);
      header.writeUInt16LE(date, at + 8);
      header.writeUInt32LE(crc, at + 10);
      header.writeUInt32LE(size, at + 14);
      header.writeUInt32LE(size, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x031e, 4); // made by: Unix, 3.0 (so the permissions below are read)
    fields(central, 6);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    central.writeUInt32LE(this.#offset, 42);
    this.#central.push(central, name);
    this.#count++;
    await this.write(local);
    await this.write(name);
    await this.write(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, size));
    this.#offset += local.length + name.length + size;
  }

  async finish(): Promise<void> {
    const directory = Buffer.concat(this.#central);
    if (this.#offset + directory.length > LIMIT) throw new Error('the export is too large for a zip file (over 4 GB)');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.#count, 8);
    end.writeUInt16LE(this.#count, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(this.#offset, 16);
    await this.write(directory);
    await this.write(end);
  }
}
