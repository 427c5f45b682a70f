// Byte-stream plumbing for the readers: peeking at the head, gunzipping, splitting lines.
import { Inflate, type ZStream } from 'pako';

/** The first bytes of a stream (at least `min`, unless it is shorter) and the whole stream again. */
export async function peek(chunks: AsyncIterable<Buffer>, min = 512): Promise<{ head: Buffer; chunks: AsyncIterable<Buffer> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < min) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    seen.push(next.value);
    length += next.value.length;
  }
  async function* replay(): AsyncGenerator<Buffer> {
    yield* seen;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head: Buffer.concat(seen), chunks: replay() };
}

export const isGzip = (head: Buffer) => head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;

/** A gzip stream that cannot be read on: `code` is zlib's (Z_BUF_ERROR when cut short, Z_DATA_ERROR when corrupt). */
export class GzipError extends Error {
  constructor(
    readonly code: 'Z_BUF_ERROR' | 'Z_DATA_ERROR',
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/**
 * Gunzipped chunks (concatenated members too); a truncated or corrupt stream throws
 * where it breaks, after yielding all it decoded before the break. (node's zlib drops
 * the output of the write that fails, which lost whole records before the damage;
 * pako's decoder state keeps it.)
 */
export async function* gunzip(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const inflate = new Inflate({ chunkSize: 64 * 1024 });
  let stream: ZStream | null = null;
  inflate.onStart = (strm) => {
    stream = strm;
  };
  const decoded: Buffer[] = [];
  inflate.onData = (chunk) => {
    decoded.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  };
  inflate.onEnd = () => {};
  const settle = function* (): Generator<Buffer> {
    yield* decoded.splice(0);
    if (inflate.err === 0) return;
    // what the failing call decoded before the damage is still in the output buffer
    const partial = stream as ZStream | null;
    if (partial && partial.next_out > 0) yield Buffer.from(partial.output.subarray(0, partial.next_out));
    throw new GzipError(inflate.err === -5 ? 'Z_BUF_ERROR' : 'Z_DATA_ERROR', inflate.msg || 'corrupt data');
  };
  for await (const chunk of chunks) {
    // bytes after the last member are not gzip: ignored, as gunzip(1) does
    if (inflate.ended) break;
    inflate.push(chunk);
    yield* settle();
  }
  if (!inflate.ended) inflate.push(new Uint8Array(0), true);
  yield* settle();
}

export class TooLarge extends Error {}

/** All bytes of a stream, refusing past `maxBytes` without holding more than that. */
export async function readAll(chunks: AsyncIterable<Buffer>, maxBytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    length += chunk.length;
    if (length > maxBytes) throw new TooLarge(`over ${maxBytes} bytes`);
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

export type Line = { number: number; bytes: Buffer } | { number: number; tooLong: number };

/**
 * Lines of a byte stream (LF-terminated; a final unterminated line counts), numbered from 1.
 * A line longer than `maxBytes` is reported by its length, not kept: one
 * pathological record never holds the memory of the whole run.
 */
export async function* lines(chunks: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Line> {
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let dropped = 0;
  let number = 0;
  const finish = (tail: Buffer): Line => {
    number++;
    const length = pendingLength + tail.length;
    const line: Line = dropped > 0 || length > maxBytes ? { number, tooLong: dropped + length } : { number, bytes: pending.length ? Buffer.concat([...pending, tail]) : tail };
    pending = [];
    pendingLength = 0;
    dropped = 0;
    return line;
  };
  for await (const chunk of chunks) {
    let from = 0;
    for (let to = chunk.indexOf(0x0a, from); to >= 0; to = chunk.indexOf(0x0a, from)) {
      yield finish(chunk.subarray(from, to));
      from = to + 1;
    }
    if (from < chunk.length) {
      const rest = chunk.subarray(from);
      if (dropped > 0 || pendingLength + rest.length > maxBytes) {
        dropped += pendingLength + rest.length;
        pending = [];
        pendingLength = 0;
      } else {
        pending.push(rest);
        pendingLength += rest.length;
      }
    }
  }
  if (pendingLength > 0 || dropped > 0) yield finish(Buffer.alloc(0));
}

/** Counts bytes as they pass (for progress). */
export async function* counted(chunks: AsyncIterable<Buffer>, onBytes: (n: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    onBytes(chunk.length);
    yield chunk;
  }
}
