// Verb forms and their lemmas from compromise's lexicon and conjugation model
// (no tagger of our own): a word is a verb where compromise's lexicon says so, or
// where its suffix is one compromise's tagger reads as a verb (-ed, -ing); the
// lemma comes from compromise's toInfinitive. Both are cached by word: running
// compromise's whole tagger on every sentence with a figure would cost more than
// the rest of the extraction (measured at 1.5 ms a sentence).
import nlp from 'compromise';
import { predicateLexicon } from '../lexicon/index.ts';

type VerbTag = 'PastTense' | 'Participle' | 'PresentTense' | 'Infinitive' | 'Gerund';
const { methods, model } = nlp.world() as unknown as {
  methods: { two: { transform: { verb: { toInfinitive: (word: string, model: unknown, tag: VerbTag) => string } } } };
  model: { one: { lexicon: Record<string, string | undefined> } };
};
const toInfinitive = methods.two.transform.verb.toInfinitive;
const lexicon = model.one.lexicon;

const verbTags: Record<string, VerbTag> = {
  PastTense: 'PastTense',
  Participle: 'Participle',
  PerfectTense: 'PastTense',
  PresentTense: 'PresentTense',
  Infinitive: 'Infinitive',
  Gerund: 'Gerund',
  Verb: 'Infinitive',
};

const lemmas = new Map<string, string | null>();

function lemmaOf(word: string, tag: VerbTag): string {
  const lemma = toInfinitive(word, model, tag);
  return typeof lemma === 'string' && lemma !== '' ? lemma.toLowerCase() : word;
}

/** "trekked" -> "trek", "axed" -> "axe": compromise's model, else the -ed taken off (and a doubled consonant undone). */
function pastLemma(word: string): string {
  const lemma = lemmaOf(word, 'PastTense');
  if (lemma !== word) return lemma;
  const stem = word.slice(0, -2);
  if (/([bdgkmnprt])\1$/.test(stem)) return stem.slice(0, -1);
  return lexicon[`${stem}e`] === 'Infinitive' ? `${stem}e` : stem;
}

/**
 * The lemma of a word used as a verb ("killed" -> "kill", "rose" -> "rise"), or
 * null when the word is not a verb form. A word compromise lists as a noun counts
 * when its lemma is a verb of change ("profits rose 5%").
 */
export function verbLemma(word: string): string | null {
  const lower = word.toLowerCase();
  const cached = lemmas.get(word);
  if (cached !== undefined) return cached;
  let lemma: string | null = null;
  const listed = predicateLexicon.verbForms.get(lower);
  if (listed !== undefined) lemma = listed;
  // capitals are names and table labels ("STRIP LOIN"), not verbs
  else if (!predicateLexicon.notVerbs.has(lower) && /^\p{Ll}[\p{Ll}-]*$/u.test(word)) {
    const tag = verbTags[lexicon[lower] ?? ''];
    if (tag) lemma = lemmaOf(lower, tag);
    else if (/[a-z]{2}ed$/.test(lower) && !/eed$/.test(lower)) lemma = pastLemma(lower);
    // "between", "children", "often": an -en word is a participle only where compromise knows its verb
    else if (/[a-z]{2}en$/.test(lower) && lemmaOf(lower, 'Participle') !== lower) lemma = lemmaOf(lower, 'Participle');
    else if (/[a-z]{3}ing$/.test(lower)) lemma = lemmaOf(lower, 'Gerund');
    else {
      const past = lemmaOf(lower, 'PastTense');
      const present = lemmaOf(lower, 'PresentTense');
      lemma = predicateLexicon.changeVerbs.has(past) ? past : predicateLexicon.changeVerbs.has(present) ? present : predicateLexicon.changeVerbs.has(lower) ? lower : null;
    }
  }
  if (lemmas.size > 50_000) lemmas.clear();
  lemmas.set(word, lemma);
  return lemma;
}

/** "gather", "lack": a word compromise's lexicon lists as a verb's base form, which after a plural subject is its verb. */
export const isBaseVerb = (word: string): boolean => lexicon[word.toLowerCase()] === 'Infinitive';

/** "nine crew sank", "two passengers came": a past-tense form compromise's lexicon lists, which ends a noun phrase. */
export const isPastVerb = (word: string): boolean => lexicon[word.toLowerCase()] === 'PastTense';
