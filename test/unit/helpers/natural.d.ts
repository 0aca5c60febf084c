// natural ships typings for its package entry only; the test imports the stemmer module directly.
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const PorterStemmer: { stem(token: string): string };
  export = PorterStemmer;
}
