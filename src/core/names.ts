// Names of bodies, offices, programmes and laws: "the Privacy Office", "the Public Company Accounting Oversight
// Board", "the Right to Financial Privacy Act", 《消费者权益保护法》. A lexicon word inside a name says which body or law
// is meant, not what the text does (scheme: topic nouns are not stances), so its match is shown and not counted.
import { isPatternSpace } from './chars';

/** How far a name may reach around a match: the longest name worth reading as one. */
const NAME_REACH = 80;
/** Small words that stand inside a capitalised name ("Officer for Civil Rights and Civil Liberties"). */
const NAME_JOINERS = new Set(['of', 'for', 'and', 'on', 'the', 'to', 'in', 'de', 'des', 'du']);
const LONGEST_JOINER = Math.max(...[...NAME_JOINERS].map((w) => w.length));

/**
 * True when the match `text[start, end)` is part of a longer name: in Latin script, every word of the match is
 * capitalised (small joining words aside) and a capitalised word stands right before or after it, joined by spaces and
 * joining words only ("Privacy Office", "Oversight Board" in "Accounting Oversight Board"); in Chinese, the match
 * stands inside a title in book-title marks (《…》). A match that is a whole capitalised phrase on its own
 * ("the Federal Register", "Privacy protections") is no name. `bookTitle`: false when no 《 stands before the match in
 * its block (the scanner notes one), which spares a Chinese match the search for it.
 */
export function isInName(text: string, start: number, end: number, bookTitle: boolean): boolean {
  const first = text.charCodeAt(start);
  if (first >= 0x3400) return bookTitle && inBookTitle(text, start, end);
  if (!isUpper(first) || !wordsCapitalised(text, start, end)) return false;
  return capitalisedBefore(text, start) || capitalisedAfter(text, end);
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A word of a name: a capital, then at least one small letter ("Office", not "MONITOR", which shouts, nor "A"). */
function isNameWord(word: string): boolean {
  return isNameWordAt(word, 0, word.length);
}

/** isNameWord of `text[start, end)`, read in place. */
function isNameWordAt(text: string, start: number, end: number): boolean {
  if (end - start < 2 || !isUpper(text.charCodeAt(start))) return false;
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

/**
 * Every word of the match is a word of a name, joining words aside; words are what `\s` separates. Read in place: it
 * runs for every match that starts with a capital, and a split made an array and a string per word.
 */
function wordsCapitalised(text: string, start: number, end: number): boolean {
  let i = start;
  for (;;) {
    while (i < end && isPatternSpace(text.charCodeAt(i))) i++;
    if (i >= end) return true;
    const wordStart = i;
    while (i < end && !isPatternSpace(text.charCodeAt(i))) i++;
    // Lower-casing never shortens a word, so one longer than every joining word is none of them, unsliced.
    if (!isNameWordAt(text, wordStart, i) && (i - wordStart > LONGEST_JOINER || !NAME_JOINERS.has(text.slice(wordStart, i).toLowerCase()))) return false;
  }
}

/** The nearest word before `at`, reached over spaces only, skipping joining words; true when it is capitalised. */
function capitalisedBefore(text: string, at: number): boolean {
  let i = at;
  const stop = Math.max(0, at - NAME_REACH);
  for (;;) {
    let j = i;
    while (j > stop && (text.charCodeAt(j - 1) === 32 || text.charCodeAt(j - 1) === 0xa0)) j--;
    if (j === i || j <= stop) return false;
    let k = j;
    while (k > stop && isLetter(text.charCodeAt(k - 1))) k--;
    if (k === j) return false;
    // A word opening the sentence or a line is capitalised anyway: only one after a space or a letter counts.
    const word = text.slice(k, j);
    if (NAME_JOINERS.has(word)) {
      i = k;
      continue;
    }
    return isNameWord(word) && k > 0 && text.charCodeAt(k - 1) === 32 && !opensSentence(text, k);
  }
}

/** The nearest word after `at`, reached over spaces only, skipping joining words; true when it is capitalised. */
function capitalisedAfter(text: string, at: number): boolean {
  let i = at;
  const stop = Math.min(text.length, at + NAME_REACH);
  for (;;) {
    let j = i;
    while (j < stop && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 0xa0)) j++;
    if (j === i || j >= stop) return false;
    let k = j;
    while (k < stop && isLetter(text.charCodeAt(k))) k++;
    if (k === j) return false;
    const word = text.slice(j, k);
    if (NAME_JOINERS.has(word)) {
      i = k;
      continue;
    }
    return isNameWord(word);
  }
}

/** True when the word at `k` opens a sentence: only white space or a sentence mark and a label stand before it. */
function opensSentence(text: string, k: number): boolean {
  let i = k - 1;
  while (i >= 0 && text.charCodeAt(i) === 32) i--;
  if (i < 0) return true;
  const c = text.charCodeAt(i);
  return c === 10 || c === 46 || c === 41 || c === 33 || c === 63 || c === 58;
}

/** True when a 《 opens before the match and a 》 closes after it, with neither mark nor a sentence end between. */
function inBookTitle(text: string, start: number, end: number): boolean {
  let open = false;
  for (let i = start - 1; i >= 0 && start - i <= NAME_REACH; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x300a) {
      open = true;
      break;
    }
    if (c === 0x300b || c === 0x3002 || c === 10) return false;
  }
  if (!open) return false;
  for (let i = end; i < text.length && i - end <= NAME_REACH; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x300b) return true;
    if (c === 0x300a || c === 0x3002 || c === 10) return false;
  }
  return false;
}
