// The ahocorasick package ships no types; the bench uses only its constructor and search.
declare module 'ahocorasick' {
  class AhoCorasick {
    constructor(keywords: string[]);
    /** Each hit: the index of the last character, and the keywords ending there. */
    search(text: string): Array<[number, string[]]>;
  }
  export = AhoCorasick;
}
