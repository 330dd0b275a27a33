// A news report carrying some of the example briefing's facts, in a reporter's words: a source to attach in tests.
export const NEWS_REPORT = [
  "US expands surveillance of Mexican cartels",
  "",
  "The Pentagon has created a special intelligence task force of 140 analysts to analyze surveillance data gathered along the border.",
  "",
  "The Mexican government has deployed 10,000 troops to the border to combat smuggling, officials said on Tuesday.",
  "",
  "Weather in the capital was mild for the season.",
].join("\n");
