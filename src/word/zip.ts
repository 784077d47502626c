/**
 * A .docx is a zip. mtad changes one entry of it and must leave every other entry exactly as the
 * user's writer stored it, so this reads the central directory itself and copies the untouched
 * entries' stored (compressed) bytes: re-compressing them would change bytes no one asked to change.
 * fflate does the inflating and deflating.
 */
import { deflateSync, inflateSync } from 'fflate';

/** One entry of a zip archive, as its central directory records it. */
interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header in the archive. */
  localOffset: number;
  /** Offset and length of the entry's central directory record. */
  centralOffset: number;
  centralLength: number;
}

/** A zip archive read from bytes: its entries in central-directory order. */
export interface ZipArchive {
  bytes: Uint8Array;
  entries: ZipEntry[];
  centralOffset: number;
  centralSize: number;
  endOffset: number;
}

/** Why a zip could not be read (a finding's reason, not an exception). */
export type ZipResult = { ok: true; zip: ZipArchive } | { ok: false; reason: string };

const END_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** Bit 3 of the flags: sizes and CRC follow the data in a data descriptor. */
const DATA_DESCRIPTOR_FLAG = 0x0008;

const view = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Reads a zip's central directory. ZIP64 archives are refused: no .docx is 4 GiB. */
export function readZip(bytes: Uint8Array): ZipResult {
  const data = view(bytes);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (data.getUint32(i, true) === END_SIGNATURE) {
      end = i;
      break;
    }
  }
  if (end < 0) return { ok: false, reason: 'not a zip archive (no end of central directory)' };
  const count = data.getUint16(end + 10, true);
  const centralSize = data.getUint32(end + 12, true);
  const centralOffset = data.getUint32(end + 16, true);
  if (count === 0xffff || centralOffset === 0xffffffff)
    return { ok: false, reason: 'ZIP64 archives are not supported' };
  if (centralOffset + centralSize > end) return { ok: false, reason: 'the central directory lies outside the archive' };
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let at = centralOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || data.getUint32(at, true) !== CENTRAL_SIGNATURE)
      return { ok: false, reason: 'a central directory record is damaged' };
    const nameLength = data.getUint16(at + 28, true);
    const length = 46 + nameLength + data.getUint16(at + 30, true) + data.getUint16(at + 32, true);
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: data.getUint16(at + 8, true),
      method: data.getUint16(at + 10, true),
      crc: data.getUint32(at + 16, true),
      compressedSize: data.getUint32(at + 20, true),
      size: data.getUint32(at + 24, true),
      localOffset: data.getUint32(at + 42, true),
      centralOffset: at,
      centralLength: length,
    };
    if (entry.localOffset + 30 > centralOffset || data.getUint32(entry.localOffset, true) !== LOCAL_SIGNATURE) {
      return { ok: false, reason: `the local header of ${entry.name} is damaged` };
    }
    entries.push(entry);
    at += length;
  }
  return { ok: true, zip: { bytes, entries, centralOffset, centralSize, endOffset: end } };
}

/** Where an entry's stored data starts. */
function dataOffset(zip: ZipArchive, entry: ZipEntry): number {
  const data = view(zip.bytes);
  return (
    entry.localOffset + 30 + data.getUint16(entry.localOffset + 26, true) + data.getUint16(entry.localOffset + 28, true)
  );
}

/**
 * The largest part mtad inflates (256 MiB): a hostile archive can declare any size, and the
 * engine allocates what the archive declares.
 */
const MAX_ENTRY_SIZE = 256 * 1024 * 1024;

/** An entry's uncompressed bytes, or the reason they cannot be had. */
export function readEntry(
  zip: ZipArchive,
  name: string,
): { ok: true; bytes: Uint8Array } | { ok: false; reason: string } {
  const entry = zip.entries.find((e) => e.name === name);
  if (!entry) return { ok: false, reason: `the package has no ${name}` };
  const start = dataOffset(zip, entry);
  const stored = zip.bytes.subarray(start, start + entry.compressedSize);
  if (entry.flags & 0x0001) return { ok: false, reason: `${name} is encrypted` };
  if (entry.size > MAX_ENTRY_SIZE)
    return {
      ok: false,
      reason:
        `${name} would be ${entry.size} bytes uncompressed, more than the ${MAX_ENTRY_SIZE} a Word part can be ` +
        `here`,
    };
  if (entry.method !== 0 && entry.method !== 8)
    return { ok: false, reason: `${name} uses compression method ${entry.method}, which mtad does not read` };
  let bytes: Uint8Array;
  try {
    bytes = entry.method === 0 ? stored : inflateSync(stored, { out: new Uint8Array(entry.size) });
  } catch (error) {
    return { ok: false, reason: `${name} cannot be decompressed (${(error as Error).message})` };
  }
  if (bytes.length !== entry.size || crc32(bytes) !== entry.crc)
    return { ok: false, reason: `${name} is damaged (its size or checksum is not the one recorded)` };
  return { ok: true, bytes };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The CRC-32 a zip records for an entry's uncompressed bytes. */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A copy of the archive in which one entry holds new bytes (deflated) and every other entry's
 * local record (header, stored data, data descriptor) and central record are the input's bytes;
 * only their offsets move.
 */
export function replaceEntry(zip: ZipArchive, name: string, content: Uint8Array): Uint8Array {
  const source = view(zip.bytes);
  const compressed = deflateSync(content, { level: 6 });
  const crc = crc32(content);
  const byOffset = [...zip.entries].sort((a, b) => a.localOffset - b.localOffset);
  const chunks: Uint8Array[] = [];
  const newOffsets = new Map<ZipEntry, number>();
  let written = 0;
  // Bytes before the first local header (rare, but kept) belong to no entry.
  const first = byOffset[0]?.localOffset ?? zip.centralOffset;
  chunks.push(zip.bytes.subarray(0, first));
  written += first;
  byOffset.forEach((entry, i) => {
    newOffsets.set(entry, written);
    const next = byOffset[i + 1]?.localOffset ?? zip.centralOffset;
    if (entry.name !== name) {
      const raw = zip.bytes.subarray(entry.localOffset, next);
      chunks.push(raw);
      written += raw.length;
      return;
    }
    const nameLength = source.getUint16(entry.localOffset + 26, true);
    const header = new Uint8Array(30 + nameLength);
    header.set(zip.bytes.subarray(entry.localOffset, entry.localOffset + 30 + nameLength));
    const out = view(header);
    out.setUint16(6, entry.flags & ~DATA_DESCRIPTOR_FLAG, true);
    out.setUint16(8, 8, true);
    out.setUint32(14, crc, true);
    out.setUint32(18, compressed.length, true);
    out.setUint32(22, content.length, true);
    out.setUint16(28, 0, true);
    chunks.push(header, compressed);
    written += header.length + compressed.length;
  });
  const centralStart = written;
  for (const entry of zip.entries) {
    const record = zip.bytes.slice(entry.centralOffset, entry.centralOffset + entry.centralLength);
    const out = view(record);
    out.setUint32(42, newOffsets.get(entry) ?? 0, true);
    if (entry.name === name) {
      out.setUint16(8, entry.flags & ~DATA_DESCRIPTOR_FLAG, true);
      out.setUint16(10, 8, true);
      out.setUint32(16, crc, true);
      out.setUint32(20, compressed.length, true);
      out.setUint32(24, content.length, true);
    }
    chunks.push(record);
    written += record.length;
  }
  const end = zip.bytes.slice(zip.endOffset);
  view(end).setUint32(16, centralStart, true);
  chunks.push(end);
  const result = new Uint8Array(written + end.length);
  let at = 0;
  for (const chunk of chunks) {
    result.set(chunk, at);
    at += chunk.length;
  }
  return result;
}
