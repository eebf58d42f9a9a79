// Builds documents in memory for tests, the load test and the soak: PDFs with a hand-written xref, zips
// central headers (node:zlib only), so the tests own every byte, including sizes that lie.
import { crc32, deflateRawSync, constants as zlib } from 'node:zlib';

// ---------- PDF ----------

/** Objects are numbered from 1 in order; object 1 must be the catalog. */
export function buildPdf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    parts.push(chunk);
    offset += chunk.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R >>`,
    'startxref',
    String(offset),
    '%%EOF\n',
  ].join('\n');
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

function stream(dict: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream', 'latin1'),
  ]);
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/** A one-page PDF whose page draws `lines` with Helvetica, its content stream optionally deflated. */
export function textPdf(lines: string[], compress = false): Buffer {
  const ops = lines
    .map((l, i) => `BT /F1 11 Tf 50 ${780 - i * 14} Td (${l.replace(/[()\\]/g, '\\$&')}) Tj ET`)
    .join('\n');
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    FONT,
    compress
      ? stream('/Filter /FlateDecode', zlibWrap(deflateRawSync(Buffer.from(ops, 'latin1'))))
      : stream('', Buffer.from(ops, 'latin1')),
  ]);
}

/** zlib framing around raw deflate blocks; the Adler-32 is left wrong, as an attacker would. */
function zlibWrap(raw: Buffer): Buffer {
  return Buffer.concat([Buffer.from([0x78, 0x9c]), raw, Buffer.alloc(4)]);
}

/** Raw deflate of `bytes` copies of `fill` without allocating them: one flushed block, repeated. */
export function deflatedRepeat(fill: number, totalBytes: number, blockBytes = 8 * 1024 * 1024): Buffer {
  const block = deflateRawSync(Buffer.alloc(blockBytes, fill), { finishFlush: zlib.Z_SYNC_FLUSH, level: 9 });
  const count = Math.ceil(totalBytes / blockBytes);
  return Buffer.concat([...Array.from({ length: count }, () => block), deflateRawSync(Buffer.alloc(0))]);
}

/** A content stream that inflates to `gigabytes` of zeros. */
export function flateBombPdf(megabytes = 1024): Buffer {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
    stream('/Filter /FlateDecode', zlibWrap(deflatedRepeat(0x20, megabytes * 1024 * 1024))),
  ]);
}

/** A small file whose compressed content stream shows millions of text runs. */
export function textExplosionPdf(runs = 3_000_000): Buffer {
  const op = Buffer.from('(Project coordination and stakeholder updates) Tj 0 -1 Td\n', 'latin1');
  const body = Buffer.concat([Buffer.from('BT /F1 1 Tf\n'), Buffer.alloc(op.length * runs)]);
  for (let i = 0; i < runs; i++) op.copy(body, 12 + i * op.length);
  const ops = Buffer.concat([body, Buffer.from('ET')]);
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    FONT,
    stream('/Filter /FlateDecode', zlibWrap(deflateRawSync(ops, { level: 9 }))),
  ]);
}

/** The page tree's Kids point back at the tree itself. */
export function pageTreeCyclePdf(): Buffer {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>',
    '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 2 >>',
  ]);
}

/** A real page tree of 200,000 leaves, all the same page object (kept small). */
export function manyPagesPdf(pages = 200_000): Buffer {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${'3 0 R '.repeat(pages)}] /Count ${pages} >>`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
  ]);
}

/** Arrays nested `depth` deep inside the page dictionary. */
export function deepNestingPdf(depth = 100_000): Buffer {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Junk ${'['.repeat(depth)}${']'.repeat(depth)} >>`,
  ]);
}

// ---------- ZIP / DOCX ----------

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** Deflate (default) or store. */
  store?: boolean;
  /** Uncompressed size written in the headers, when it should lie. */
  declaredSize?: number;
  /** Compressed bytes to write instead of deflating `data` (for bombs built without the plaintext). */
  compressed?: Buffer;
}

export function buildZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = e.compressed ?? (e.store ? e.data : deflateRawSync(e.data));
    const method = e.store ? 0 : 8;
    const size = e.declaredSize ?? e.data.length;
    const crc = e.compressed ? 0 : crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export function documentXml(paragraphs: string[], prolog = ''): string {
  const body = paragraphs
    .map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${prolog}<w:document xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}</w:body></w:document>`;
}

/** A DOCX whose word/document.xml entry is given (and may lie about its size). */
export function buildDocx(document: Omit<ZipEntry, 'name'>, extra: ZipEntry[] = []): Buffer {
  return buildZip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(ROOT_RELS) },
    { name: 'word/document.xml', ...document },
    ...extra,
  ]);
}

export function textDocx(paragraphs: string[]): Buffer {
  return buildDocx({ data: Buffer.from(documentXml(paragraphs)) });
}

/** document.xml inflating to `megabytes` of spaces, with honest or lying declared sizes. */
export function zipBombDocx(megabytes: number, lying: boolean): Buffer {
  const size = megabytes * 1024 * 1024;
  const head = Buffer.from(documentXml(['x']).replace('<w:body>', '<w:body><!--'));
  // The comment swallows the padding; the document never closes, as in real bombs.
  const raw = Buffer.concat([
    deflateRawSync(head, { finishFlush: zlib.Z_SYNC_FLUSH }),
    deflatedRepeat(0x20, size),
  ]);
  return buildDocx({ data: Buffer.alloc(0), compressed: raw, declaredSize: lying ? 4096 : size + head.length });
}

/** Millions of empty paragraphs: tiny compressed, a huge DOM. */
export function domExplosionDocx(elements = 3_000_000): Buffer {
  const xml = Buffer.from(documentXml([]).replace('<w:body>', `<w:body>${'<w:p/>'.repeat(elements)}`));
  return buildDocx({ data: xml });
}

export function xxeDocx(): Buffer {
  const prolog = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n';
  return buildDocx({ data: Buffer.from(documentXml(['Customer service lead &xxe; end'], prolog)) });
}

export function billionLaughsDocx(): Buffer {
  const levels = ['<!ENTITY lol0 "lollollollollollollollollollol">'];
  for (let i = 1; i < 10; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  const prolog = `<!DOCTYPE w:document [${levels.join('')}]>\n`;
  return buildDocx({ data: Buffer.from(documentXml(['Laughing &lol9; end'], prolog)) });
}

/** An image relationship pointing outside the package, at `url`. */
export function externalImageDocx(url: string, paragraphs: string[]): Buffer {
  const drawing = `<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="100" cy="100"/><wp:docPr id="1" name="p"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="1" name="p"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:link="rIdImg"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
  const xml = documentXml(paragraphs).replace('<w:body>', `<w:body>${drawing}`);
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${url}" TargetMode="External"/>
</Relationships>`;
  return buildDocx({ data: Buffer.from(xml) }, [{ name: 'word/_rels/document.xml.rels', data: Buffer.from(rels) }]);
}

/** Plain resume lines long enough to pass the NO_TEXT floor. */
export function resumeLines(marker = ''): string[] {
  return [
    `Jordan Example ${marker}`.trim(),
    'Experience',
    'Customer Service Representative, Acme Retail, 2019 - 2023',
    '- Resolved 40 customer escalations a week and coordinated refunds with the finance team',
    '- Trained six new hires on the ticketing system and wrote the onboarding checklist',
    '- Scheduled weekly stakeholder updates for store managers on open issues',
    'Skills',
    'Scheduling, conflict resolution, Excel, Zendesk',
  ];
}
