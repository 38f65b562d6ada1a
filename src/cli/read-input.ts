// Reading the CLI's input with a hard byte cap, before anything is parsed. A regular file's size
// is known from fstat, so a file over the cap is refused without reading it; anything else (a
// pipe, a FIFO, /dev/zero, a terminal) is read only up to one byte past the cap, which is enough
// to know it is too large. Without the cap, `--input /dev/zero` grows until memory runs out.
import { open } from 'node:fs/promises';
import { clipText } from '../core/errors';

/** The most the CLI reads, from stdin or from a file. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

export class InputTooLarge extends Error {}
export class UnreadableInput extends Error {}

const CHUNK = 64 * 1024;

/**
 * A file's whole text. Throws InputTooLarge past MAX_INPUT_BYTES (a regular file: before reading
 * it), UnreadableInput when it cannot be opened or read or is a directory.
 */
export async function readInputFile(file: string): Promise<string> {
  const name = JSON.stringify(clipText(file));
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new UnreadableInput(`cannot read --input ${name}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new UnreadableInput(`cannot read --input ${name}: it is a directory`);
    if (info.isFile() && info.size > MAX_INPUT_BYTES) throw new InputTooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    while (size <= MAX_INPUT_BYTES) {
      const buffer = Buffer.alloc(Math.min(CHUNK, MAX_INPUT_BYTES + 1 - size));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      size += bytesRead;
    }
    if (size > MAX_INPUT_BYTES) throw new InputTooLarge();
    return Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    if (error instanceof InputTooLarge || error instanceof UnreadableInput) throw error;
    throw new UnreadableInput(`cannot read --input ${name}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  } finally {
    await handle.close();
  }
}

/** Standard input's whole text; throws InputTooLarge past MAX_INPUT_BYTES (the same cap as a file). */
export async function readStdin(stream: AsyncIterable<Buffer | string> = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += bytes.length;
    // Stop at once: the rest of a 10 GB pipe is not worth reading to say it is too large.
    if (size > MAX_INPUT_BYTES) throw new InputTooLarge();
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}
