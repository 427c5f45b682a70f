// The full name a document gives a person it later calls "Mr Brown": a speaker is written
// out in full, so that one person is one speaker however the article refers to them.

const honorific = /^(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+([\p{Lu}][\p{L}'’\-]+)$/u;

/** "Mr Brown" -> "Gordon Brown" when the text names exactly one such person in full. */
export function fullNameOf(name: string, text: string): string | null {
  const m = honorific.exec(name);
  if (!m) return null;
  const surname = m[1]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const full = new RegExp(`(?<![\\p{L}'’])([\\p{Lu}][\\p{Ll}'’\\-]+\\s+(?:[\\p{Lu}]\\.\\s+)?)${surname}(?![\\p{L}])`, 'gu');
  const found = new Set<string>();
  for (const f of text.matchAll(full)) {
    const given = f[1]!.trim().split(/\s+/);
    if (given.some((g) => /^(?:Mr|Mrs|Ms|Miss|Dr|The|A|An|In|On|At|But|And|If|When|Sir|Lord|Lady)$/.test(g))) continue;
    found.add(`${given.join(' ')} ${m[1]}`);
  }
  return found.size === 1 ? [...found][0]! : null;
}
