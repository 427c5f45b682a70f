const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Strict UTF-8: a document with invalid bytes is rejected rather than read with
 * replacement characters, so no figure is silently corrupted. A BOM is dropped,
 * CRLF and CR line ends become LF (offsets index the normalised text).
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'invalid UTF-8' };
  }
  if (text.includes('\u0000')) return { ok: false, reason: 'binary content (NUL bytes)' };
  return { ok: true, text: normaliseNewlines(text) };
}

export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
