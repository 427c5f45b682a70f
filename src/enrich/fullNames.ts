// The full name a document gives a person it later calls "Mr Brown": a speaker is written
// out in full, so that one person is one speaker however the article refers to them.

const honorific = /^(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+([\p{Lu}][\p{L}'’\-]+)$/u;

const givenBefore = /(?:^|[^\p{L}'’])([\p{Lu}][\p{Ll}'’\-]+\s+(?:\p{Lu}\.\s+)?)$/u;
const notGiven = /^(?:Mr|Mrs|Ms|Miss|Dr|The|A|An|In|On|At|But|And|If|When|Sir|Lord|Lady)$/;
const LOOK_BACK = 40;

/** "Mr Brown" -> "Gordon Brown" when the text names exactly one such person in full. */
export function fullNameOf(name: string, text: string): string | null {
  const m = honorific.exec(name);
  if (!m) return null;
  const surname = m[1]!;
  const found = new Set<string>();
  for (let i = text.indexOf(surname); i >= 0; i = text.indexOf(surname, i + surname.length)) {
    if (/\p{L}/u.test(text[i + surname.length] ?? '')) continue;
    const given = givenBefore.exec(text.slice(Math.max(0, i - LOOK_BACK), i))?.[1]?.trim();
    if (given === undefined || given.split(/\s+/).some((g) => notGiven.test(g))) continue;
    found.add(`${given} ${surname}`);
  }
  return found.size === 1 ? [...found][0]! : null;
}
