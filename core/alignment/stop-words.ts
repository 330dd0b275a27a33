// English function words that carry no evidence on their own when matching claims to sources.

/** Lower-case function words (articles, pronouns, auxiliaries, prepositions, conjunctions). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be became because been
  before being below between both but by can could did do does doing down during each few for from
  further had has have having he her here hers herself him himself his how i if in into is it its
  itself just me more most my myself no nor not now of off on once only or other our ours ourselves
  out over own same she should so some such than that the their theirs them themselves then there
  these they this those through to too under until up upon very was we were what when where which
  while who whom whose why will with would you your yours yourself yourselves one ones s t also
  may might must shall can't cannot won't don't doesn't didn't isn't wasn't weren't hasn't haven't
  hadn't shouldn't wouldn't couldn't among amongst via per us let get got like well yet still
  many much several since though although however thus therefore according said says say
  including include includes included`
    .split(/\s+/)
    .filter(Boolean),
);
