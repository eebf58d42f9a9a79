// Every file of ../shared/corpus/adversarial through the real HTTP server: each gets the outcome
// pinned here (reviewed by hand: NO_TEXT for image-only or near-empty files, 415 for zips that hold
// no word/document.xml, 422 UNREADABLE_DOCUMENT for corrupt containers), never a 500 or a hang.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_DEFINITIONS } from '../../src/errors.js';
import { corpusName, listFiles, SHARED_CORPUS } from '../helpers/corpus.js';
import { startServer, type TestServer } from '../helpers/server.js';

const ADVERSARIAL = join(SHARED_CORPUS, 'adversarial');

const EXPECTED: Record<string, [number, string]> = {
  'mammoth-docx/comments.docx': [422, 'NO_TEXT'],
  'mammoth-docx/empty.docx': [422, 'NO_TEXT'],
  'mammoth-docx/empty.zip': [415, 'UNSUPPORTED_MEDIA_TYPE'],
  'mammoth-docx/endnotes.docx': [422, 'NO_TEXT'],
  'mammoth-docx/external-picture.docx': [422, 'NO_TEXT'],
  'mammoth-docx/footnotes.docx': [422, 'NO_TEXT'],
  'mammoth-docx/hello.zip': [415, 'UNSUPPORTED_MEDIA_TYPE'],
  'mammoth-docx/strict-format.docx': [422, 'NO_TEXT'],
  'mammoth-docx/tables.docx': [422, 'NO_TEXT'],
  'mammoth-docx/text-box.docx': [422, 'NO_TEXT'],
  'mammoth-docx/utf8-bom.docx': [422, 'NO_TEXT'],
  'pdfjs/ArabicCIDTrueType.pdf': [200, 'OK'],
  'pdfjs/GHOSTSCRIPT-698804-1-fuzzed.pdf': [422, 'NO_TEXT'],
  'pdfjs/TrueType_without_cmap.pdf': [422, 'NO_TEXT'],
  'pdfjs/bitmap-p32-eof.pdf': [422, 'NO_TEXT'],
  'pdfjs/bug866395.pdf': [422, 'NO_TEXT'],
  'pdfjs/cidfont_cmap_overflow.pdf': [422, 'NO_TEXT'],
  'pdfjs/empty_protected.pdf': [422, 'NO_TEXT'],
  'pdfjs/helloworld-bad.pdf': [422, 'NO_TEXT'],
  'pdfjs/issue3521.pdf': [422, 'NO_TEXT'],
  'pdfjs/issue4684.pdf': [200, 'OK'],
  'pdfjs/issue5564_reduced.pdf': [422, 'NO_TEXT'],
  'pdfjs/issue6010_1.pdf': [422, 'ENCRYPTED_DOCUMENT'],
  'pdfjs/issue7665.pdf': [422, 'NO_TEXT'],
  'pdfjs/multiple-filters-length-zero.pdf': [422, 'NO_TEXT'],
  'pdfjs/pdfjsbad1586.pdf': [422, 'NO_TEXT'],
  'pdfjs/poppler-742-0-fuzzed.pdf': [422, 'UNREADABLE_DOCUMENT'],
  'pdfjs/pr4922.pdf': [200, 'OK'],
  'pdfjs/xfa_issue14315.pdf': [200, 'OK'],
  'py-pdf-sample-files/habibi-rotated.pdf': [200, 'OK'],
  'py-pdf-sample-files/imagemagick-CCITTFaxDecode.pdf': [422, 'NO_TEXT'],
  'py-pdf-sample-files/inline-image.pdf': [422, 'NO_TEXT'],
  'py-pdf-sample-files/libreoffice-writer-password.pdf': [422, 'ENCRYPTED_DOCUMENT'],
  'py-pdf-sample-files/mistitled_outlines_example.pdf': [200, 'OK'],
  'py-pdf-sample-files/multicolumn.pdf': [200, 'OK'],
  'yauzl-bad-zips/End_of_central_directory_record_signature_not_found_Either_not_a_zip_file_or_file_is_truncated.zip':
    [422, 'UNREADABLE_DOCUMENT'],
  'yauzl-bad-zips/End_of_central_directory_record_signature_not_found_Either_not_a_zip_file_or_file_is_truncated_1.zip':
    [400, 'MISSING_RESUME'],
  'yauzl-bad-zips/Invalid_comment_length_Expected_1_Found_0_Are_there_extra_bytes_at_the_end_of_the_file_Or_is_the_end_of_central_dir_signature_PK_in_the_com.zip':
    [422, 'UNREADABLE_DOCUMENT'],
  'yauzl-bad-zips/absolute_path_C_xt.zip': [422, 'UNREADABLE_DOCUMENT'],
  'yauzl-bad-zips/absolute_path_atxt.zip': [422, 'UNREADABLE_DOCUMENT'],
  'yauzl-bad-zips/compressed_uncompressed_size_mismatch_for_stored_file_2147483647_5.zip': [
    422,
    'UNREADABLE_DOCUMENT',
  ],
  'yauzl-bad-zips/extra_field_length_exceeds_extra_field_buffer_size.zip': [422, 'UNREADABLE_DOCUMENT'],
  'yauzl-bad-zips/file_data_overflows_file_bounds_63_2147483647_308.zip': [415, 'UNSUPPORTED_MEDIA_TYPE'],
  'yauzl-bad-zips/invalid_central_directory_file_header_signature_0x1014b50.zip': [
    422,
    'UNREADABLE_DOCUMENT',
  ],
  'yauzl-bad-zips/invalid_characters_in_fileName_a_txt.zip': [415, 'UNSUPPORTED_MEDIA_TYPE'],
  'yauzl-bad-zips/invalid_code_lengths_set.zip': [415, 'UNSUPPORTED_MEDIA_TYPE'],
  'yauzl-bad-zips/invalid_local_file_header_signature_0x3034b50.zip': [415, 'UNSUPPORTED_MEDIA_TYPE'],
  'yauzl-bad-zips/invalid_relative_path_xt.zip': [422, 'UNREADABLE_DOCUMENT'],
  'yauzl-bad-zips/invalid_zip64_end_of_central_directory_record_signature.zip': [
    415,
    'UNSUPPORTED_MEDIA_TYPE',
  ],
  'yauzl-bad-zips/multi-disk_zip_files_are_not_supported_found_disk_number_1.zip': [
    422,
    'UNREADABLE_DOCUMENT',
  ],
  'yauzl-bad-zips/not_enough_bytes_in_the_stream_expected_2048576_got_only_1000000.zip': [
    415,
    'UNSUPPORTED_MEDIA_TYPE',
  ],
  'yauzl-bad-zips/strong_encryption_is_not_supported.zip': [422, 'UNREADABLE_DOCUMENT'],
  'yauzl-bad-zips/too_many_bytes_in_the_stream_expected_82496_got_at_least_98304.zip': [
    415,
    'UNSUPPORTED_MEDIA_TYPE',
  ],
  'yauzl-bad-zips/too_many_length_or_distance_symbols.zip': [415, 'UNSUPPORTED_MEDIA_TYPE'],
  'yauzl-bad-zips/unexpected_EOF.zip': [415, 'UNSUPPORTED_MEDIA_TYPE'],
  'yauzl-bad-zips/unsupported_compression_method_1.zip': [415, 'UNSUPPORTED_MEDIA_TYPE'],
  'yauzl-bad-zips/zip64_extended_information_extra_field_does_not_include_compressed_size.zip': [
    422,
    'UNREADABLE_DOCUMENT',
  ],
  'yauzl-bad-zips/zip64_extended_information_extra_field_does_not_include_relative_header_offset.zip': [
    422,
    'UNREADABLE_DOCUMENT',
  ],
  'yauzl-bad-zips/zip64_extended_information_extra_field_does_not_include_uncompressed_size.zip': [
    422,
    'UNREADABLE_DOCUMENT',
  ],
};

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server.close());

describe.skipIf(!existsSync(ADVERSARIAL))('adversarial corpus', () => {
  const files = existsSync(ADVERSARIAL) ? listFiles(ADVERSARIAL) : [];

  it('pins an outcome for every file of the corpus', () => {
    expect(files.map((f) => corpusName(f).replace(/^adversarial\//, '')).sort()).toEqual(
      Object.keys(EXPECTED).sort(),
    );
  });

  it.each(files.map((f) => [corpusName(f), f]))('%s', async (_name, file) => {
    const [status, code] = EXPECTED[corpusName(file).replace(/^adversarial\//, '')]!;
    const res = await request(server.url)
      .post('/v1/documents')
      .attach('resume', readFileSync(file), 'upload.bin');
    expect(res.status).toBe(status);
    if (status === 200) {
      for (const b of res.body.bullets) expect(res.body.text.slice(b.start, b.end)).toBe(b.text);
    } else {
      expect(res.body.code).toBe(code);
      expect(ERROR_DEFINITIONS[code as keyof typeof ERROR_DEFINITIONS].status).toBe(status);
    }
  });

  it('stays healthy afterwards', async () => {
    const res = await request(server.url).get('/healthz');
    expect(res.status).toBe(200);
  });
});
