import fs from 'node:fs'
import path from 'node:path'

/**
 * Stand-ins for the Electron distributions electron-builder would download (`electronDist`): the
 * same layout, with executables that are small scripts. The binary that carries the fuses holds
 * Electron's fuse sentinel and a V1 wire with Electron's own defaults, so @electron/fuses flips
 * them exactly as in a real package.
 */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
// RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on, asar integrity off,
// only-load-from-asar off, browser V8 snapshot off, file:// privileges on.
const ELECTRON_DEFAULT_FUSES = '10110001'

const fuseCarrier = (name: string) =>
  Buffer.concat([Buffer.from(`stand-in ${name}\n`), Buffer.from(FUSE_SENTINEL), Buffer.from([1, ELECTRON_DEFAULT_FUSES.length]), Buffer.from(ELECTRON_DEFAULT_FUSES)])

const infoPlist = (executable: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0"><dict>
<key>CFBundleExecutable</key><string>${executable}</string>
<key>CFBundleIdentifier</key><string>com.github.Electron</string>
<key>CFBundleName</key><string>${executable}</string>
<key>CFBundleDisplayName</key><string>${executable}</string>
</dict></plist>
`

function write(file: string, content: string | Buffer, mode = 0o644): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, content, { mode })
}

export function layOutLinuxElectron(dir: string, version: string): void {
  write(path.join(dir, 'electron'), fuseCarrier('electron'), 0o755)
  write(path.join(dir, 'version'), version)
}

export function layOutMacElectron(dir: string, version: string): void {
  const contents = path.join(dir, 'Electron.app/Contents')
  write(path.join(contents, 'Info.plist'), infoPlist('Electron'))
  write(path.join(contents, 'MacOS/Electron'), '#!/bin/sh\n', 0o755)
  write(path.join(contents, 'Frameworks/Electron Framework.framework/Electron Framework'), fuseCarrier('Electron Framework'))
  for (const helper of ['Electron Helper', 'Electron Helper (GPU)', 'Electron Helper (Renderer)', 'Electron Helper (Plugin)']) {
    write(path.join(contents, `Frameworks/${helper}.app/Contents/Info.plist`), infoPlist(helper))
    write(path.join(contents, `Frameworks/${helper}.app/Contents/MacOS/${helper}`), '#!/bin/sh\n', 0o755)
  }
  write(path.join(dir, 'version'), version)
}

/**
 * An .icns holding the app's 1024 px PNG: electron-builder converts a PNG icon to .icns with a tool
 * it downloads, which cannot run here; given an .icns it copies it as it is.
 */
export function icnsFromPng(pngFile: string, icnsFile: string): void {
  const png = fs.readFileSync(pngFile)
  const header = (type: string, length: number) => {
    const bytes = Buffer.alloc(8)
    bytes.write(type)
    bytes.writeUInt32BE(length, 4)
    return bytes
  }
  write(icnsFile, Buffer.concat([header('icns', 16 + png.length), header('ic10', 8 + png.length), png]))
}
