import { wordList } from '../lexicon/index.ts';
import nlp from 'compromise';
import attribution from '../lexicon/attribution.json' with { type: 'json' };
import { fullNameOf } from './fullNames.ts';

/** Who a sentence's figures are attributed to. */
export interface Attribution {
  speaker: string | null;
  speaker_role: string | null;
}

export interface SentenceText {
  paragraph: number;
  text: string;
}

interface Speaker {
  name: string;
  role: string | null;
  /** Whether the speaker is a person (for "he"/"she"); computed only when a pronoun asks. */
  readonly person: boolean;
}

/** A named speaker whose person-ness is looked up (with compromise) only when needed. */
function namedSpeaker(name: string, role: string | null): Speaker {
  let person: boolean | undefined;
  return {
    name,
    role,
    get person() {
      return (person ??= isPerson(name));
    },
  };
}

const verbs = attribution.verbs.join('|');
const titles = new Set(attribution.titles.map((t) => t.toLowerCase()));
const references = new Set(attribution.referenceHeads.map((t) => t.toLowerCase()));
const organisations = new Set(attribution.organisationHeads.map((t) => t.toLowerCase()));
const personHeads = new Set(attribution.personHeads.map((t) => t.toLowerCase()));
/** "spokesman", and plurals of reference nouns: "diplomats", "witnesses". */
const isReference = (head: string) => references.has(head) || (/s$/.test(head) && (references.has(head.slice(0, -1)) || (/es$/.test(head) && references.has(head.slice(0, -2)))));
const roleWords = new Set(attribution.roleWords.map((t) => t.toLowerCase()));
const particles: ReadonlySet<string> = wordList('speaker', 'particles');

// "..., US military spokesman Colonel Steve Warren said." / "Warren said ..." / "he told AFP"
const verbAt = new RegExp(`\\s(?:${verbs})\\b`, 'u');
const anyCue = new RegExp(`\\b(?:${verbs}|according to|quoted)\\b`, 'u');
// "figures from the State Statistics Institute show", "data released by the Pentagon showed"
const figureVerbs = /\b(?:show|suggest|indicate|reveal)/;
const figuresFrom = /\b(?:figures|data|statistics|estimates|numbers|records)\s+(?:from|by|released by|published by|issued by)\s+((?:the\s+)?[\p{Lu}][\p{L}'’\-]*(?:\s+(?:of|for|and|[\p{Lu}][\p{L}'’\-]*|\([\p{Lu}]+\)))*)\s+(?:show|shows|showed|suggest|suggests|suggested|indicate|indicates|indicated|reveal|revealed)\b/u;
// "Budget documents show", "CNN analysis of images showed": a body's own documents speak for it
const sourcesShow = /(?:^|[,;]\s+|\b(?:and|but)\s+)((?:[\p{Lu}][\p{L}'’\-]*\s+){1,4})(?:documents|analysis|data|figures|statistics|records|filings?)\b[^,;.]{0,40}?\s(?:show|shows|showed|suggest|suggests|suggested|indicate|indicates|indicated|reveal|revealed)\b/u;
// "according to the latest Commerce Department data", "according to official figures"
const accordingToData = /\baccording to (?:the\s+)?(?:latest\s+|new\s+|official\s+|preliminary\s+|final\s+)?((?:[\p{Lu}][\p{L}'’\-]*\s+){1,5})(?:data|figures|statistics|estimates|numbers|records|analysis|survey|poll)\b/u;
const allowedBefore = /[^\p{L}\p{N}'’.,\- ]/gu;

const continues = /\b(?:also|too|another|further|furthermore|in addition|additionally|as well|besides)\b/i;
const agentless = /\b(?:was|were|is|are|been|being)\s+(?:reported|said|believed|thought|feared|estimated|understood)\b(?!\s+by\b)/;
const trailingAdverb = /\s+(?:also|later|earlier|again|previously|now|has|had|have|today|yesterday|tonight|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|last (?:week|month|night|year))$/;
// "Tareq Aziz was quoted as saying", "IRNA quoted the commander ... as saying": the one quoted is the speaker.
const quotedPassive = /\b(?:was|were|is|are|has been|had been|have been)\s+quoted\s+(?:by\s+[^,]{1,60}?\s+|today\s+|yesterday\s+)?as\s+say(?:ing|s)?\b/u;
const quotedActive = /\bquoted\s+((?:the|an?|its|his|her)\s[^,;"“]{1,80}?|[\p{Lu}][^,;"“]{1,80}?)\s+as\s+(?:saying|telling)\b/u;
// "said the Iranians had 15,000 casualties": the capitalised words after the verb begin the reported clause.
const clauseVerb = /^\s+(?:had|has|have|was|were|is|are|would|will|could|can|may|might|should|must|did|does|do|lost|killed|planned|plans|intended|intends|wanted|wants|\p{Ll}+ed)\b/u;
// "Mr Mubanga, who insists he does not feel bitter, said" / "Adbul-Jabbar Mohsen, chief of the defence ministry political department, said":
// the name before a comma-enclosed apposition at the start of the clause is the subject.
const apposed = /(?:^|[.;:"“]\s*|\b(?:and|but)\s+)((?:(?:al-)?[\p{Lu}][\p{L}'’.\-]*\s+){0,4}(?:al-)?[\p{Lu}][\p{L}'’.\-]*)\s*,\s*([^,]{3,90}?)\s*,\s*$/u;

/** The run of words (up to 120 characters) before the first attribution verb: the regex this replaces was quadratic. */
function beforeVerb(text: string): string | null {
  const m = verbAt.exec(text);
  if (!m) return null;
  let run = text.slice(Math.max(0, m.index - 120), m.index);
  let cut = -1;
  for (const bad of run.matchAll(allowedBefore)) cut = bad.index;
  run = run.slice(cut + 1);
  // "Iran earlier today said", "the ministry on Monday said": adverbs between the subject and its verb.
  for (let previous = ''; previous !== run; ) {
    previous = run;
    run = run.replace(trailingAdverb, '');
  }
  return run.trim() === '' ? null : run;
}
// "..., said Colonel Steve Warren." / "according to the Pentagon"
const afterVerb = new RegExp(`(?:\\b(?:${verbs})|according to|quoted)\\s+((?:[\\p{Lu}][\\p{L}'’.\\-]*|the|of|al|bin|\\s)+)`, 'u');
const pronoun = /^(he|she|it|they|we|i)$/i;
const accordingToGeneric = /\baccording to ((?:(?:the|a|an|its|their|his|her|some|local)\s+)?\p{Ll}[\p{Ll}\- ]{0,40}?)(?=\s*(?:[,.;:)]|$))/u;
const blank = (m: string) => ' '.repeat(m.length);
const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const notSpeech = new RegExp(`\\b(?:${attribution.notSpeech.map(escape).join('|')})\\b`, 'giu');
// "Orange added more than five million new customers": a verb of speech followed by a figure adds it
const arithmetic = new RegExp(`\\b(?:${attribution.arithmeticVerbs.join('|')})(?=\\s+(?:about|nearly|some|almost|another|a further|more than|over|up to|[\\d£$€]|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundreds|thousands|millions)\\b))`, 'giu');
const bracketedAcronym = /(?<=\s)\(\p{Lu}[\p{Lu}\p{Ll}]{1,7}\)(?=\s)/gu;

const words = (s: string) => s.split(/\s+/).filter(Boolean);
const isCapitalised = (w: string) => /^[\p{Lu}]/u.test(w) || particles.has(w.toLowerCase()) || /^al-/i.test(w);

/**
 * Splits "US military spokesman Colonel Steve Warren" into name "Colonel Steve Warren"
 * and role "US military spokesman": the name is the trailing run of capitalised
 * words (titles included), the role what comes before it.
 */
function splitNameAndRole(phrase: string): { name: string; role: string | null } | null {
  const tokens = words(phrase.replace(/^[,;:"“”'\s-]+|[,;:"“”'\s]+$/g, '').replace(/(?<=\p{Ll}{2})\.$/u, ''));
  let i = tokens.length;
  for (;;) {
    while (i > 0 && isCapitalised(tokens[i - 1]!) && !roleWords.has(tokens[i - 1]!.toLowerCase())) i--;
    // "Bank of England", "Standard and Poor's", "Union Bank of Switzerland": a name built on "of",
    // "and" or "&" goes on while a capitalised word stands before the joint.
    const joint = tokens[i - 1]?.toLowerCase();
    // ("Ministry of Health": an organisation's own head word joins too, although alone it would be a role)
    const before = tokens[i - 2];
    if (i < tokens.length && (joint === 'of' || joint === 'and' || joint === '&' || joint === 'for') && before !== undefined && /^[\p{Lu}]/u.test(before) && (!roleWords.has(before.toLowerCase()) || organisations.has(before.toLowerCase()))) {
      i -= 2;
      continue;
    }
    break;
  }
  // Titles belong to the name ("Colonel Steve Warren"); role words and a leading article do not.
  while (i < tokens.length && /^the$/i.test(tokens[i]!)) i++;
  const name = tokens.slice(i).join(' ');
  const role = tokens.slice(0, i).join(' ').replace(/^the$/i, '');
  // "February", "Tuesday", "We've": a date or a contraction is no speaker
  if (name === '' || notNames.test(name)) return null;
  return { name, role: role === '' ? null : role };
}

const notNames = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Today|Yesterday|Tonight)(?:['’]s)?$|['’](?:ve|re|ll|d|m)$/i;

/** The noun phrase before an attribution verb, cut at the start of its clause. */
function subjectBefore(clause: string): string {
  const parts = clause.split(/[,;:"“”()]|\b(?:that|which|who|and|but|while|as|when|because|after|before)\b/).map((p) => p.trim());
  // "Raytheon, in a separate release, said": skip a parenthetical phrase back to the subject.
  // (", said Defence Minister Ash Carter" leaves an empty subject: the speaker follows the verb.)
  const parenthetical = (p: string | undefined) => p !== undefined && /^(?:in|on|at|for|during|with|speaking|writing|citing|also|however|meanwhile)\b/.test(p);
  if (parts[parts.length - 1] === '' && parenthetical(parts[parts.length - 2])) parts.pop();
  while (parts.length > 1 && parenthetical(parts[parts.length - 1])) {
    parts.pop();
    while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  }
  return parts.pop() ?? clause.trim();
}

/** Whether a quotation is still open at the end of the text, given whether it was at its start. */
function quoteOpenAfter(text: string, open: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    // a straight quote opens after a space or at the start ('said: "More'), else closes ('economically."')
    if (c === '“' || (c === '"' && (i === 0 || /[\s(—–-]/.test(text[i - 1]!)))) open = true;
    else if (c === '”' || c === '"') open = false;
  }
  return open;
}

/** Whether `phrase` ends `before` right after "but", "while", "although", "though" or "whereas". */
function followsContrast(before: string, phrase: string): boolean {
  const text = before.replace(/\s+$/, '').toLowerCase();
  const lower = phrase.toLowerCase();
  return lower !== '' && text.endsWith(lower) && contrastWord.test(text.slice(0, text.length - lower.length));
}
const contrastWord = /\b(?:but|while|although|though|whereas)\s+$/;

function lastWord(s: string): string {
  return (words(s).pop() ?? '').toLowerCase().replace(/[^\p{L}-]/gu, '');
}

// nlp(name) also runs the chunker, which people() does not need: these hooks alone take 45% of the
// time and agree with it on all 2,983 speaker names of the news corpus. people() finds a name where
// a term is tagged Person, so has('#Person') answers the same without splitting and matching the
// phrase into people (a quarter of what a name cost).
const taggingHooks = ['alias', 'machine', 'index', 'id', 'lexicon', 'preTagger', 'contractionTwo', 'postTagger'];
const personCache = new Map<string, boolean>();
function isPerson(name: string): boolean {
  const first = words(name)[0]?.toLowerCase() ?? '';
  if (titles.has(first.replace(/\.$/, ''))) return true;
  let known = personCache.get(name);
  if (known === undefined) {
    known = (nlp.tokenize(name).compute(taggingHooks) as ReturnType<typeof nlp>).has('#Person');
    if (personCache.size > 10_000) personCache.clear();
    personCache.set(name, known);
  }
  return known;
}

const documentNouns = /\s*\b(?:(?:joint|official|war|military|written|final|weekly|daily)\s+)*(?:statement|communique|report|release|announcement|bulletin)s?$/i;

/** "statement issued by Chad's Paris embassy" -> "Chad's Paris embassy"; "High Command war communique" -> "High Command". */
function issuerOf(phrase: string): string {
  const by = /\b(?:issued|released|published|made)?\s*by\s+(?:the\s+)?(.+)$/i.exec(phrase);
  if (by && documentNouns.test(phrase.slice(0, by.index).trim())) return by[1]!.trim();
  const owner = phrase.replace(documentNouns, '').trim();
  return owner !== '' && (/\p{Lu}/u.test(owner) || organisations.has(lastWord(owner))) ? owner : phrase;
}

/**
 * The speaker of each sentence: `X said`, `said X`, `X told AFP`, `according to X`,
 * with pronouns and generic references ("he", "the statement", "a spokesman")
 * resolved to the latest named speaker, surnames expanded to the full name
 * given earlier, and a quoted paragraph attributed as a whole.
 */
export function attributeSpeakers(sentences: SentenceText[]): Attribution[] {
  let text: string | undefined;
  const written = new Map<string, string>();
  // "Mr Brown" -> "Gordon Brown", from the document's own words
  const writtenOut = (name: string): string => {
    const known = written.get(name);
    if (known !== undefined) return known;
    text ??= sentences.map((s) => s.text).join(' ');
    // "Federal Industries Ltd's spokesman": the body, not its possessive ("Standard and Poor's", "Moody's" keep theirs)
    const owner = /\s/.test(name) && !/(?:\band|&)\s+\S+['’]s$/.test(name) ? name.replace(/['’]s$/, '') : name;
    const full = fullNameOf(owner, text) ?? owner;
    written.set(name, full);
    return full;
  };
  const named: Speaker[] = [];
  const found: (Speaker | 'generic' | null)[] = sentences.map(() => null);
  const genericPhrase: (string | null)[] = sentences.map(() => null);
  let lastNamedAt = -1;
  let lastGeneric: { at: number; person: boolean } | null = null;
  const remember = (s: Speaker) => {
    lastNamedAt = sentenceAt;
    const existing = named.find((n) => n.name === s.name);
    if (existing) named.splice(named.indexOf(existing), 1);
    named.push(s);
  };
  const expand = (name: string): Speaker | null => {
    // "Warren" after "Colonel Steve Warren"
    const surname = (n: string) => (words(n).pop() ?? '').replace(/^al-/i, '').toLowerCase();
    for (let k = named.length - 1; k >= 0; k--) if (surname(named[k]!.name) === surname(name)) return named[k]!;
    return null;
  };
  const latest = (person: boolean | null) => {
    for (let k = named.length - 1; k >= 0; k--) if (person === null || named[k]!.person === person) return named[k]!;
    return null;
  };

  let sentenceAt = 0;
  sentences.forEach((sentence, i) => {
    sentenceAt = i;
    // "The International Organization for Migration (IOM) said": the bracketed acronym is the name again
    const text = sentence.text.replace(bracketedAcronym, blank).replace(notSpeech, blank).replace(arithmetic, blank);
    let phrase: string | null = null;
    // Most sentences have no attribution cue at all: two cheap tests before the long patterns.
    const cue = anyCue.test(text);
    const figures = figureVerbs.test(text) ? figuresFrom.exec(text) ?? sourcesShow.exec(text) : /according to/.test(text) ? accordingToData.exec(text) : null;
    if (figures) {
      const speaker = { name: figures[1]!.trim(), role: null, person: false };
      remember(speaker);
      found[i] = speaker;
      return;
    }
    if (!cue) return;
    const passive = quotedPassive.exec(text);
    const active = passive ? null : quotedActive.exec(text);
    const before = passive ? text.slice(Math.max(0, passive.index - 120), passive.index) : active ? null : beforeVerb(text);
    let after: RegExpExecArray | null = active ? Object.assign([active[0], active[1]!], { index: active.index, input: text }) as RegExpExecArray : afterVerb.exec(text);
    // "said the Iranians had ...": a reported clause, not "said Colonel Steve Warren."
    if (after && !active && !/^according/.test(after[0]) && clauseVerb.test(text.slice(after.index + after[0].length))) after = null;
    // "an officer told AFP": whom a figure is told to is the listener, not the speaker
    if (after && !active && /^(?:told|tells|telling)\b/.test(after[0])) after = null;
    // "said Colonel Steve Warren" / "according to the Pentagon" win over a subject only when the subject is empty.
    if (before) {
      phrase = subjectBefore(before);
      const apposition = phrase === '' ? apposed.exec(before) : null;
      if (apposition) {
        const role = /^(?:who|which|whose|whom)\b/i.test(apposition[2]!) ? null : apposition[2]!.replace(/^(?:the|a|an)\s+/i, '');
        const known = expand(apposition[1]!);
        const speaker = known && words(apposition[1]!).length === 1 ? known : namedSpeaker(apposition[1]!, role);
        remember(speaker);
        found[i] = speaker;
        return;
      }
      // "Marc Ostwald, a strategist at Monument Securities, told Reuters": the name before the apposition.
      const appositive = /([\p{Lu}][\p{L}'’.\-]*(?:\s+(?:al-)?[\p{Lu}][\p{L}'’.\-]*)+)\s*,\s*((?:a|an)\s+[^,]+?)\s*,?\s*$/u.exec(before);
      if (appositive && /^(?:a|an)\s/i.test(phrase)) phrase = `${appositive[2]} ${appositive[1]}`.replace(/^(?:a|an)\s+/i, '');
    }
    if ((!phrase || /^(?:it|he|she|they)$/i.test(phrase) === false && !/[\p{Lu}]/u.test(phrase)) && after) {
      const candidate = after[1]!.trim();
      if (/[\p{Lu}]/u.test(candidate)) phrase = candidate;
    }
    // "according to the report", "according to local officials": a generic source, resolved below like "the statement said"
    if (!phrase) {
      const generic = accordingToGeneric.exec(text);
      if (generic && isReference(lastWord(generic[1]!))) phrase = generic[1]!;
    }
    if (!phrase) return;
    phrase = phrase.replace(/^(?:but|and|so|also|then|however)\s+/i, '').trim();
    if (pronoun.test(phrase)) {
      const personal = /^(he|she)$/i.test(phrase);
      // "An Iranian military commander said ... He said": the unnamed source introduced since the last named one.
      if (lastGeneric && lastGeneric.at > lastNamedAt && lastGeneric.person === personal) {
        found[i] = 'generic';
        genericPhrase[i] = genericPhrase[lastGeneric.at]!.replace('\u0000', '');
        return;
      }
      // the latest named person, else the latest named: the one named so far either way, without tagging it
      const resolved = personal ? (named.length === 1 ? named[0]! : (latest(true) ?? latest(null))) : latest(null);
      found[i] = resolved ?? null;
      return;
    }
    const head = lastWord(phrase);
    const split = splitNameAndRole(phrase);
    const bare = phrase.replace(/^(?:the|a|an)\s+/i, '');
    const mainHead = lastWord(bare.split(/\s+(?:for|of|at|from|in)\s+/)[0]!);
    // "A British naval source in the Gulf said": a reference noun qualified by a place, not a name.
    const qualifiedReference = mainHead !== head && isReference(mainHead) && splitNameAndRole(bare.split(/\s+(?:for|of|at|from|in)\s+/)[0]!) === null;
    const capitalisedName = !qualifiedReference && split && /[\p{Lu}]/u.test(split.name) && !references.has(head) && !organisations.has(head);
    if (capitalisedName) {
      const known = expand(split.name);
      const speaker = known && words(split.name).length === 1 ? known : namedSpeaker(split.name, split.role);
      remember(speaker);
      found[i] = speaker;
      return;
    }
    // "..., but congressional leaders have said that will be cut": a contrasting clause speaks about the figures before it, not for them.
    if (isReference(mainHead) && (references.has(mainHead) || !followsContrast(before ?? '', phrase))) {
      found[i] = 'generic';
      // "an Iranian military commander said" introduces someone new; "the spokesman said" points back.
      // So does a bare plural: "Officials said", "Defence officials said", "Western diplomats said".
      const barePlural = phrase === bare && /s$/.test(mainHead) && !/^(?:his|her|its|their|our|these|those|such|both|the)\b/i.test(phrase);
      genericPhrase[i] = /^(?:a|an)\s/i.test(phrase) || barePlural ? `\u0000${bare}` : bare;
      lastGeneric = { at: i, person: personHeads.has(mainHead.replace(/s$/, '')) };
      return;
    }
    // "Chad's military high command said", "the Pentagon said": a body speaking for itself.
    // "This is the first time any person of authority has said": a clause, not a body's name.
    const bodyName = words(bare).length <= 6 && !/^(?:this|that|it|there|these|those|what|which)\b/i.test(bare);
    if (bodyName && (organisations.has(mainHead) || organisations.has(head))) {
      const speaker = { name: bare, role: null, person: false };
      remember(speaker);
      found[i] = speaker;
    }
  });

  // Generic references ("the statement said", "a spokesman for the coalition") take the
  // nearest named speaker: the latest before, else the next one named with the same role noun.
  const isNamed = (x: Speaker | 'generic' | null | undefined): x is Speaker => x !== null && x !== undefined && x !== 'generic';
  const resolved: (Speaker | null)[] = [];
  found.forEach((f, i) => {
    if (f !== 'generic') {
      resolved.push(f);
      return;
    }
    const indefinite = genericPhrase[i]!.startsWith('\u0000');
    const phrase = genericPhrase[i]!.replace('\u0000', '');
    const head = lastWord(phrase.split(/\s+(?:for|of|at|from|in)\s+/)[0]!);
    // "a spokesman for the coalition ... US military spokesman Colonel Steve Warren": same role noun, nearest first.
    const sameRole = (x: Speaker | 'generic' | null) => isNamed(x) && (x.role ?? '').toLowerCase().includes(head);
    const byDistance = found.map((x, k) => ({ x, d: Math.abs(k - i) })).filter(({ x }) => sameRole(x)).sort((a, b) => a.d - b.d);
    if (byDistance[0]) return void resolved.push(byDistance[0].x as Speaker);
    if (!indefinite) {
      // "Pakistani officials said ... the officials said": the same unnamed source again
      const sameHead = resolved.findLast((x) => isNamed(x) && lastWord(x.name) === head);
      if (sameHead) return void resolved.push(sameHead);
      const previous = resolved.findLast(isNamed);
      if (previous && !/\s(?:for|of|at|from)\s/.test(phrase)) return void resolved.push(previous);
    }
    // "according to the report" with no one named to have written it: no speaker rather than "report"
    const issuer = issuerOf(phrase);
    resolved.push(documentNouns.test(issuer) && issuer.replace(documentNouns, '').replace(/^(?:the|a|an|its|their)$/i, '').trim() === '' ? null : { name: issuer, role: null, person: false });
  });

  // A quoted paragraph attributed at its end ("...," he said.) is attributed as a whole.
  const byParagraph = new Map<number, number[]>();
  // pushed, not copied: a copy per sentence took time quadratic in a long paragraph's sentences
  sentences.forEach((s, i) => {
    const indexes = byParagraph.get(s.paragraph);
    if (indexes) indexes.push(i);
    else byParagraph.set(s.paragraph, [i]);
  });
  for (const indexes of byParagraph.values()) {
    const speakerOf = indexes.map((i) => resolved[i]).find((s) => s);
    const quoted = /^["“]/.test(sentences[indexes[0]!]!.text.trim());
    if (speakerOf && quoted) for (const i of indexes) resolved[i] ??= speakerOf;
    // 'Mark Oaten said: "There's a lot of talking left. I would be uneasy ..."': the sentences of a quote left open are its speaker's
    let open: Speaker | null = null;
    for (const i of indexes) {
      if (open) resolved[i] ??= open;
      open = quoteOpenAfter(sentences[i]!.text, open !== null) ? (resolved[i] ?? open) : null;
    }
    // Wire copy reports a source's statement over several sentences of one paragraph
    // ("It said 81 brigades were destroyed ... The list also included 80 warplanes"):
    // a sentence with no attribution of its own continues the one before it.
    // Only a short wire paragraph, where every sentence reports the same source: in a long
    // paragraph voices alternate.
    // "Fifty-one people were reported killed yesterday": an agentless report is the reporter's own.
    // The continuing sentence says it adds to the report ("also", "another", "as well"); one that
    // does not is background in the reporter's voice ("Its main strongpoint ... was left exposed").
    if (indexes.length <= 3)
      for (let k = 1; k < indexes.length; k++) {
        const next = sentences[indexes[k]!]!.text;
        if (continues.test(next) && !agentless.test(next)) resolved[indexes[k]!] ??= resolved[indexes[k - 1]!]!;
      }
  }
  return resolved.map((s) => (s ? { speaker: writtenOut(s.name), speaker_role: s.role } : { speaker: null, speaker_role: null }));
}
