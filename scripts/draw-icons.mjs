#!/usr/bin/env node
// Draws the extension icon (a risk gauge: green → amber → red arc with a needle)
// at 16/32/48/128 px and writes icons/icon-<size>.png.
//
// Why a script instead of an image editor: the icon is ours, reproducible and
// reviewable as code, and needs no image library — PNG is just zlib-deflated
// RGBA rows plus CRC-checked chunks (node's zlib has both deflate and crc32).
// The output is deterministic, so re-running it must not change the committed PNGs.
//
// Usage: node scripts/draw-icons.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const OUT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'icons');
const SIZES = [16, 32, 48, 128];
const SUPERSAMPLE = 4; // 4×4 samples per pixel = cheap anti-aliasing

const BG = [27, 36, 51]; // dark slate
const GREEN = [47, 191, 113];
const AMBER = [242, 177, 52];
const RED = [229, 72, 77];
const WHITE = [245, 247, 250];

// Geometry in unit space (0..1, y grows downwards).
const CX = 0.5,
  CY = 0.64; // gauge centre
const R = 0.32,
  THICK = 0.13; // arc radius and stroke width
const NEEDLE_ANGLE = 1.25; // radians from the positive x axis: pointing into the amber zone, near red
const NEEDLE_LEN = 0.36;

/** Distance from p to segment a-b, and the position t (0..1) along it. */
function segment(px, py, ax, ay, bx, by) {
  const dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return { d: Math.hypot(px - (ax + t * dx), py - (ay + t * dy)), t };
}

function insideRoundedSquare(x, y, inset, radius) {
  const lo = inset + radius,
    hi = 1 - inset - radius;
  const qx = Math.max(lo - x, 0, x - hi),
    qy = Math.max(lo - y, 0, y - hi);
  return x >= inset && x <= 1 - inset && y >= inset && y <= 1 - inset && Math.hypot(qx, qy) <= radius;
}

/** Colour of one sample point, or null when transparent. Painter's order: last match wins. */
function sample(x, y, size) {
  // Small icons get no padding and no segment gaps: every pixel counts at 16 px.
  const small = size <= 32;
  if (!insideRoundedSquare(x, y, small ? 0 : 0.04, small ? 0.18 : 0.2)) return null;
  let colour = BG;

  const r = Math.hypot(x - CX, y - CY);
  const theta = Math.atan2(CY - y, x - CX); // 0 = right, π = left, positive = above centre
  if (y <= CY + 0.001 && Math.abs(r - R) <= THICK / 2) {
    const gap = small ? 0 : 0.07;
    const third = Math.PI / 3;
    const inGap = Math.abs(theta - third) < gap / 2 || Math.abs(theta - 2 * third) < gap / 2;
    if (!inGap) colour = theta > 2 * third ? GREEN : theta > third ? AMBER : RED;
  }

  const tipX = CX + NEEDLE_LEN * Math.cos(NEEDLE_ANGLE);
  const tipY = CY - NEEDLE_LEN * Math.sin(NEEDLE_ANGLE);
  const { d, t } = segment(x, y, CX, CY, tipX, tipY);
  const halfWidth = (small ? 0.06 : 0.045) * (1 - t) + 0.012 * t; // tapers to the tip
  if (d <= halfWidth) colour = WHITE;
  if (r <= (small ? 0.1 : 0.075)) colour = WHITE; // hub
  return colour;
}

function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const c = sample((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size, size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = (py * size + px) * 4;
      // Un-premultiply: average colour over covered samples, alpha = coverage.
      rgba[o] = a ? Math.round(r / a) : 0;
      rgba[o + 1] = a ? Math.round(g / a) : 0;
      rgba[o + 2] = a ? Math.round(b / a) : 0;
      rgba[o + 3] = Math.round((255 * a) / n);
    }
  }
  return rgba;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  // bytes 10-12: compression, filter, interlace = 0
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride); // filter byte 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT_DIR, { recursive: true });
for (const size of SIZES) {
  const file = path.join(OUT_DIR, `icon-${size}.png`);
  writeFileSync(file, encodePng(size, render(size)));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
