// Draws the tray icons in resources/tray: a ring (the app) with a dot in the colour of today's
// recovery zone (none: no dot), at 16 and 32 pixels (`@2x`, which Electron picks on high-DPI
// screens). Run `node scripts/makeTrayIcons.mjs` after changing the drawing; the PNGs are committed.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const zones = { none: null, green: [0x16, 0xa3, 0x4a], yellow: [0xea, 0xb3, 0x08], red: [0xdc, 0x26, 0x26] }
const ring = [0x8a, 0x8f, 0x98]

/** One pixel's colour and coverage, sampled 4×4 for smooth edges. */
function pixel(x, y, size, dot) {
  let ringCover = 0
  let dotCover = 0
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const dx = (x + (sx + 0.5) / 4) / size - 0.5
      const dy = (y + (sy + 0.5) / 4) / size - 0.5
      const r = Math.hypot(dx, dy)
      if (r <= 0.47 && r >= 0.33) ringCover++
      if (dot && r <= 0.24) dotCover++
    }
  }
  if (dotCover) return [...dot, Math.round((dotCover / 16) * 255)]
  return [...ring, Math.round((ringCover / 16) * 255)]
}

function png(size, dot) {
  const rows = []
  for (let y = 0; y < size; y++) {
    rows.push(0)
    for (let x = 0; x < size; x++) rows.push(...pixel(x, y, size, dot))
  }
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(zlib.crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0))
  ])
}

const folder = path.join(import.meta.dirname, '..', 'resources', 'tray')
fs.mkdirSync(folder, { recursive: true })
for (const [zone, dot] of Object.entries(zones)) {
  fs.writeFileSync(path.join(folder, `tray-${zone}.png`), png(16, dot))
  fs.writeFileSync(path.join(folder, `tray-${zone}@2x.png`), png(32, dot))
}
