// A deterministic zip writer (and the reader the tests use), over node's zlib.
// Why not a package: the zip libraries in node_modules (jszip, adm-zip) come in only as
// web-ext's dependencies, not ours, and each stamps entries with the current time unless told
// otherwise; ~100 lines here make every byte a choice: entries sorted by name, one fixed date
// (1980-01-01 00:00, the earliest a zip can say), one fixed mode (0644, "made by" Unix), no
// directory entries, no extra fields, no comment. deflateRawSync at level 9 gives the same bytes
// for the same input with the same zlib (BUILD.md names the node release, which bundles zlib).
import { deflateRawSync, inflateRawSync, crc32 as zlibCrc32 } from 'node:zlib';

export interface ZipEntry {
  /** Forward-slash path inside the archive, no leading slash. */
  name: string;
  data: Buffer;
}

export interface ReadEntry extends ZipEntry {
  /** Unix permission bits from the central directory (0o644 for what we write). */
  mode: number;
  /** The MS-DOS date and time fields as stored ((date << 16) | time). */
  dosDateTime: number;
}

const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01: year offset 0, month 1, day 1
const MADE_BY_UNIX = (3 << 8) | 20; // host 3 (Unix), spec 2.0
const NEEDED_VERSION = 20;
const FILE_MODE = 0o100644; // regular file, rw-r--r--
const DEFLATE = 8;
const STORE = 0;

/** CRC-32 of the data (zlib.crc32 is node ≥ 20.15; engines asks for ≥ 20.19). */
const crc32 = (data: Buffer): number => zlibCrc32(data) >>> 0;

function checkName(name: string): void {
  if (!name || name.startsWith('/') || name.includes('\\') || name.split('/').some((p) => p === '..' || p === '')) {
    throw new Error(`zip: unsafe entry name "${name}"`);
  }
}

/** The archive's bytes: same entries in, same bytes out, whatever order or time they come in. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (let i = 0; i < sorted.length; i++) {
    const { name, data } = sorted[i]!;
    checkName(name);
    if (i > 0 && sorted[i - 1]!.name === name) throw new Error(`zip: duplicate entry "${name}"`);
    const deflated = deflateRawSync(data, { level: 9 });
    // Stored when deflate does not help (tiny files): still a pure function of the input.
    const method = deflated.length < data.length ? DEFLATE : STORE;
    const body = method === DEFLATE ? deflated : data;
    const nameBytes = Buffer.from(name, 'utf8');
    const utf8Flag = /^[\x20-\x7e]*$/.test(name) ? 0 : 0x0800;
    const crc = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(NEEDED_VERSION, 4);
    local.writeUInt16LE(utf8Flag, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28); // no extra field (no extended timestamps)
    locals.push(local, nameBytes, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(MADE_BY_UNIX, 4);
    central.writeUInt16LE(NEEDED_VERSION, 6);
    central.writeUInt16LE(utf8Flag, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    // extra length, comment length, disk number, internal attributes: all 0
    central.writeUInt32LE((FILE_MODE << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);

    offset += local.length + nameBytes.length + body.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  if (offset + centralSize > 0xffffffff || sorted.length > 0xffff) throw new Error('zip: too large (no zip64)');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** Every entry of an archive written by writeZip (or any plain zip: no zip64, no encryption). */
export function readZip(zip: Buffer): ReadEntry[] {
  const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0) throw new Error('zip: no end of central directory');
  const count = zip.readUInt16LE(endAt + 10);
  let at = zip.readUInt32LE(endAt + 16);
  const entries: ReadEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('zip: bad central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const dosDateTime = (zip.readUInt16LE(at + 14) << 16) | zip.readUInt16LE(at + 12);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const mode = (zip.readUInt32LE(at + 38) >>> 16) & 0o7777;
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    const body = zip.subarray(dataAt, dataAt + compressedSize);
    if (method !== STORE && method !== DEFLATE) throw new Error(`zip: ${name}: unsupported method ${method}`);
    const data = method === DEFLATE ? inflateRawSync(body) : Buffer.from(body);
    if (crc32(data) !== crc) throw new Error(`zip: ${name}: CRC mismatch`);
    entries.push({ name, data, mode, dosDateTime });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
