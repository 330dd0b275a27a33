// Types for the Porter2 stemmer file shipped inside wink-eng-lite-web-model (used without loading the model).
declare module "wink-eng-lite-web-model/dist/porter-stemmer.js" {
  /** Returns the Porter2 stem of an English word (lower-cased). */
  const stem: (word: string) => string;
  export default stem;
}
