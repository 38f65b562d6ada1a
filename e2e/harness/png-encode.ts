// Smaller PNGs for images that go into git (store/images): Chromium's screenshots are 24-bit RGB
// and already well compressed, so the only real saving is fewer colours. A screenshot of a UI is
// mostly a few flat colours; cut to 256 and written as an 8-bit palette PNG it is about half.
import { deflateSync } from 'node:zlib';
import { decodePng, type Image } from './png';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** The palette when the image has at most 256 colours (alpha included), else null. */
function paletteOf(image: Image): Map<number, number> | null {
  const index = new Map<number, number>();
  const view = new DataView(image.rgba.buffer, image.rgba.byteOffset, image.rgba.byteLength);
  for (let i = 0; i < image.rgba.length; i += 4) {
    const colour = view.getUint32(i);
    if (!index.has(colour)) {
      if (index.size === 256) return null;
      index.set(colour, index.size);
    }
  }
  return index;
}

/**
 * The image reduced to at most 256 colours (lossy, like pngquant but simpler): the most frequent
 * colours stay exact — a screenshot's backgrounds, borders and text — and every other colour
 * (anti-aliasing, gradients) takes its nearest palette colour. Opaque images only.
 */
export function quantize(image: Image): Image {
  const view = new DataView(image.rgba.buffer, image.rgba.byteOffset, image.rgba.byteLength);
  const counts = new Map<number, number>();
  for (let i = 0; i < image.rgba.length; i += 4) {
    const c = view.getUint32(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  if (counts.size <= 256) return image;
  const palette = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 256)
    .map(([c]) => c);
  const nearest = new Map<number, number>(palette.map((c) => [c, c]));
  const out = new Uint8Array(image.rgba);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < out.length; i += 4) {
    const c = view.getUint32(i);
    let best = nearest.get(c);
    if (best === undefined) {
      let bestDistance = Infinity;
      for (const p of palette) {
        const dr = (c >>> 24) - (p >>> 24);
        const dg = ((c >>> 16) & 0xff) - ((p >>> 16) & 0xff);
        const db = ((c >>> 8) & 0xff) - ((p >>> 8) & 0xff);
        const distance = 2 * dr * dr + 4 * dg * dg + 3 * db * db;
        if (distance < bestDistance) [bestDistance, best] = [distance, p];
      }
      nearest.set(c, best!);
    }
    outView.setUint32(i, best!);
  }
  return { ...image, rgba: out };
}

/** A palette PNG of an image with at most 256 colours (alpha included). */
export function encodePalettePng(image: Image): Buffer {
  const { width, height, rgba } = image;
  const palette = paletteOf(image);
  if (palette === null) throw new Error('more than 256 colours: quantize() first');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per index
  header[9] = 3; // colour type: palette
  const view = new DataView(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  // One filter byte (0: none) per row, then the row's palette indices. Indices are not ordered by
  // value, so the prediction filters rarely help here.
  const rows = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = palette.get(view.getUint32((y * width + x) * 4))!;
  const colours = [...palette.keys()];
  const opaque = colours.every((c) => (c & 0xff) === 0xff);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', Buffer.from(colours.flatMap((c) => [c >>> 24, (c >>> 16) & 0xff, (c >>> 8) & 0xff]))),
    ...(opaque ? [] : [chunk('tRNS', Buffer.from(colours.map((c) => c & 0xff)))]),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** `png` in at most 256 colours, as a palette PNG: for images kept in git. */
export function shrinkPng(png: Uint8Array): Buffer {
  return encodePalettePng(quantize(decodePng(png)));
}
