import { objectLexicon } from '../lexicon/index.ts';

/** The singular, lower-case form of a head noun: "missiles" -> "missile", "countries" -> "country". */
export function singularHead(word: string): string {
  const lower = word.toLowerCase();
  // "AIDS", "MRAPs": an acronym is its own singular, less a lower-case plural s
  if (/^\p{Lu}{2,}s?$/u.test(word)) return word.endsWith('s') ? lower.slice(0, -1) : lower;
  const irregular = objectLexicon.irregularPlurals.get(lower);
  if (irregular) return irregular;
  // "Iraqis", "Israelis": capitalised demonyms in -is are plurals, unlike "crisis".
  if (/^\p{Lu}\p{Ll}+is$/u.test(word)) return lower.slice(0, -1);
  // "seamen", "policemen", "militiamen"
  if (/[a-z]{2}men$/.test(lower) && !['specimen', 'abdomen', 'regimen', 'stamen', 'semen'].includes(lower)) return lower.slice(0, -3) + 'man';
  if (/[^aeiou]ies$/.test(lower)) return lower.slice(0, -3) + 'y';
  if (/(?:ss|sh|ch|x|zz)es$/.test(lower)) return lower.slice(0, -2);
  if (/(?:ss|us|is|ics)$/.test(lower)) return lower;
  if (/[a-z]s$/.test(lower) && lower.length > 3) return lower.slice(0, -1);
  return lower;
}
