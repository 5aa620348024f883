#!/usr/bin/env node
// Renders assets/icon.png (512×512): a cream flame on a torch-red rounded square, the same
// drawing as renderer/public/favicon.svg. Dependency-free: antialiased by 4×4 supersampling,
// encoded with zlib. Run after changing the drawing: node scripts/make-icon.mjs

import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const RED = [184, 67, 47];
const CREAM = [255, 243, 223];

const inRoundedSquare = (x, y) => {
  const r = 0.22, m = 0.02;
  const dx = Math.max(m + r - x, 0, x - (1 - m - r));
  const dy = Math.max(m + r - y, 0, y - (1 - m - r));
  return x >= m && x <= 1 - m && y >= m && y <= 1 - m && dx * dx + dy * dy <= r * r;
};

// A flame: a circle at the bottom merged with a tip that narrows to a point, leaning right.
const inFlame = (x, y) => {
  const cx = 0.5, cy = 0.62, r = 0.2;
  if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) return true;
  if (y < 0.14 || y > cy) return false;
  const t = (cy - y) / (cy - 0.14); // 0 at the circle's centre, 1 at the tip
  const half = r * (1 - t) ** 0.85;
  const centre = cx + 0.06 * Math.sin(t * Math.PI * 0.9);
  return Math.abs(x - centre) <= half;
};
const inCore = (x, y) => (x - 0.5) ** 2 + (y - 0.68) ** 2 <= 0.075 ** 2;

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let py = 0; py < SIZE; py++) {
  raw[py * (SIZE * 4 + 1)] = 0;
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < 4; sy++) {
      for (let sx = 0; sx < 4; sx++) {
        const x = (px + (sx + 0.5) / 4) / SIZE;
        const y = (py + (sy + 0.5) / 4) / SIZE;
        if (!inRoundedSquare(x, y)) continue;
        const c = inFlame(x, y) && !inCore(x, y) ? CREAM : RED;
        r += c[0]; g += c[1]; b += c[2]; a += 255;
      }
    }
    const n = a / 255 || 1;
    const o = py * (SIZE * 4 + 1) + 1 + px * 4;
    raw[o] = r / n; raw[o + 1] = g / n; raw[o + 2] = b / n; raw[o + 3] = a / 16;
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../assets/icon.png', import.meta.url), png);
console.log(`assets/icon.png: ${png.length} bytes`);
