// Wording shared by the server (mails, messages) and the web client: a count with its noun in the right number.

/** "1 page", "2 pages", "0 pages"; `many` for nouns whose plural is not the word plus "s". */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
