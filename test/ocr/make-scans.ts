// Builds hostile scans in memory for the OCR tests: PNG files and image-only PDFs written byte by byte
// (zlib only), so the tests need no image tool. Sizes are declared honestly unless the name says bomb.
import { deflateSync } from 'node:zlib';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

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
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function ihdr(width: number, height: number): Buffer {
  const h = Buffer.alloc(13);
  h.writeUInt32BE(width, 0);
  h.writeUInt32BE(height, 4);
  h.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, no filter, no interlace
  return chunk('IHDR', h);
}

/** A white greyscale PNG of the given size, every row present (a real, decodable page). */
export function whitePng(width: number, height: number): Buffer {
  const row = Buffer.alloc(width + 1, 0xff);
  row[0] = 0; // filter: none
  const raw = Buffer.alloc(row.length * height);
  for (let y = 0; y < height; y++) row.copy(raw, y * row.length);
  return Buffer.concat([PNG_SIGNATURE, ihdr(width, height), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * An image bomb: a few hundred bytes declaring `width` x `height` pixels. Its one IDAT holds a single
 * deflated row repeated; a decoder that trusts the header allocates the whole bitmap first.
 */
export function bombPng(width: number, height: number): Buffer {
  const rows = Buffer.alloc((width + 1) * 16, 0);
  return Buffer.concat([PNG_SIGNATURE, ihdr(width, height), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

export interface GreyImage {
  width: number;
  height: number;
  /** width * height bytes, one per pixel, 0 black to 255 white. */
  pixels: Buffer;
}

/** Deterministic noise (a linear congruential generator), four grey levels: a scanner's worst page. */
export function noiseImage(width: number, height: number, seed: number): GreyImage {
  const pixels = Buffer.alloc(width * height);
  let s = seed >>> 0;
  for (let i = 0; i < pixels.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    pixels[i] = (s >>> 30) * 85;
  }
  return { width, height, pixels };
}

export function blankImage(width: number, height: number): GreyImage {
  return { width, height, pixels: Buffer.alloc(width * height, 0xff) };
}

/**
 * An image-only PDF: one page per image, each image drawn over the whole page (`dpi` sets the page size
 * from the pixel size), greyscale Flate streams, a correct xref table.
 */
export function imagePdf(images: GreyImage[], dpi = 150): Buffer {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string): number => {
    objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    return objects.length;
  };
  const catalog = add('');
  const pages = add('');
  const kids: number[] = [];
  for (const img of images) {
    const w = (img.width * 72) / dpi;
    const h = (img.height * 72) / dpi;
    const data = deflateSync(img.pixels);
    const image = add(
      Buffer.concat([
        Buffer.from(
          `<</Type/XObject/Subtype/Image/Width ${img.width}/Height ${img.height}/ColorSpace/DeviceGray` +
            `/BitsPerComponent 8/Filter/FlateDecode/Length ${data.length}>>\nstream\n`,
          'latin1',
        ),
        data,
        Buffer.from('\nendstream', 'latin1'),
      ]),
    );
    const draw = `q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Im0 Do Q`;
    const content = add(`<</Length ${draw.length}>>\nstream\n${draw}\nendstream`);
    kids.push(
      add(
        `<</Type/Page/Parent ${pages} 0 R/MediaBox[0 0 ${w.toFixed(2)} ${h.toFixed(2)}]` +
          `/Resources<</XObject<</Im0 ${image} 0 R>>>>/Contents ${content} 0 R>>`,
      ),
    );
  }
  objects[catalog - 1] = Buffer.from(`<</Type/Catalog/Pages ${pages} 0 R>>`, 'latin1');
  objects[pages - 1] = Buffer.from(
    `<</Type/Pages/Kids[${kids.map((k) => `${k} 0 R`).join(' ')}]/Count ${kids.length}>>`,
    'latin1',
  );
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(obj);
    offset += obj.length;
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<</Size ${objects.length + 1}/Root ${catalog} 0 R>>\nstartxref\n${offset}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}
