// natural's index pulls in database clients; we import only the Porter stemmer submodule, which has no typings.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
