import { DataFileError } from '../../src/taxonomy/read-data-file.js';

/** The DataFileError `fn` throws; fails the test when it throws nothing or something else. */
export function dataFileErrorOf(fn: () => unknown): DataFileError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DataFileError) return err;
    throw err;
  }
  throw new Error('expected a DataFileError');
}
