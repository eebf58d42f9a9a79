// A multipart/form-data body holding one file in the API's `resume` field, as bytes ready to send. Shared
// by the benchmark, `npm run load` and the tests that drive a real server over raw HTTP.
import { randomBytes } from 'node:crypto';

export interface MultipartUpload {
  body: Buffer;
  /** The request's Content-Type, boundary included. */
  contentType: string;
}

export function multipartResume(
  bytes: Buffer,
  filename: string,
  partType = 'application/octet-stream',
): MultipartUpload {
  const boundary = `----skillbridge-${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="resume"; filename="${filename}"\r\n` +
      `Content-Type: ${partType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, bytes, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}
