// natural ships typings for its package entry only; we import the stemmer module directly (see stem.ts).
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const PorterStemmer: { stem(token: string): string };
  export = PorterStemmer;
}
