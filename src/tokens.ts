import type { Token } from './model.ts';
// Digit groups keep their separators ("7,276", "2.3"); words keep inner
// apostrophes ("Iraq's") and dotted abbreviations stay whole ("U.S."); currency and percent signs stand alone.
const tokenPattern = /(\d+(?:[.,]\d+)*)|((?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}'’]*)|([$€£¥₹₽₺₩₪₴₡₾₿₭%°²³])|([½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞⅐⅑⅒])|(\S)/gu;

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  let previousEnd = -1;
  tokenPattern.lastIndex = 0;
  for (let m = tokenPattern.exec(text); m !== null; m = tokenPattern.exec(text)) {
    const kind: Token['kind'] = m[1] ? 'number' : m[2] ? 'word' : m[3] ? 'symbol' : m[4] ? 'fraction' : 'punct';
    const start = m.index;
    tokens.push({
      text: m[0],
      lower: m[0].toLowerCase(),
      start: offset + start,
      end: offset + start + m[0].length,
      kind,
      spaced: previousEnd >= 0 && start > previousEnd,
    });
    previousEnd = start + m[0].length;
  }
  if (tokens[0]) tokens[0].spaced = true;
  return tokens;
}

/** Token i exists and no white space separates it from the token before ("5m", "AT-4"). */
export const gluedAt = (tokens: Token[], i: number): boolean => tokens[i] !== undefined && !tokens[i]!.spaced;
