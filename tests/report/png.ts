import { readFileSync } from 'node:fs'
import { inflateSync } from 'node:zlib'

export interface RgbImage {
  width: number
  height: number
  /** `channels` bytes per pixel, rows top to bottom */
  pixels: Uint8Array
  channels: number
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c
  const pa = Math.abs(p - a)
  const pb = Math.abs(p - b)
  const pc = Math.abs(p - c)
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}

/** Decodes the 8-bit, non-interlaced gray/RGB/RGBA PNGs pdftoppm writes (enough for pixel tests). */
export function readPng(path: string): RgbImage {
  const data = readFileSync(path)
  let offset = 8
  let width = 0
  let height = 0
  let channels = 0
  const idat: Buffer[] = []
  while (offset < data.length) {
    const length = data.readUInt32BE(offset)
    const type = data.toString('latin1', offset + 4, offset + 8)
    const body = data.subarray(offset + 8, offset + 8 + length)
    if (type === 'IHDR') {
      width = body.readUInt32BE(0)
      height = body.readUInt32BE(4)
      const [bitDepth, colorType, , , interlace] = [body[8], body[9], body[10], body[11], body[12]]
      if (bitDepth !== 8 || interlace !== 0)
        throw new Error(`unsupported PNG: depth ${bitDepth}, interlace ${interlace}`)
      channels = ({ 0: 1, 2: 3, 6: 4 } as Record<number, number>)[colorType] ?? 0
      if (!channels) throw new Error(`unsupported PNG colour type ${colorType}`)
    } else if (type === 'IDAT') idat.push(body)
    offset += 12 + length
  }
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * channels
  const pixels = new Uint8Array(stride * height)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[y * stride + x - channels] : 0
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0
      const upLeft = y > 0 && x >= channels ? pixels[(y - 1) * stride + x - channels] : 0
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter]
      pixels[y * stride + x] = (line[x] + predictor) & 0xff
    }
  }
  return { width, height, pixels, channels }
}

export function pixelAt(image: RgbImage, x: number, y: number): [number, number, number] {
  const i = (y * image.width + x) * image.channels
  return image.channels === 1
    ? [image.pixels[i], image.pixels[i], image.pixels[i]]
    : [image.pixels[i], image.pixels[i + 1], image.pixels[i + 2]]
}
