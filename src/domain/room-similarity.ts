// Near-duplicate questions, term-based and deterministic: words less stop words (lightly stemmed), TF-IDF weights
// over the class's questions, cosine similarity, and clusters of each paper's questions linked at a threshold.

/** Two questions at least this similar (cosine of their TF-IDF vectors) sit in one cluster. */
export const SIMILARITY_THRESHOLD = 0.3;

const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both ' +
    'but by can could did do does doing down during each few for from further had has have having he her here hers him ' +
    'his how i if in into is it its itself just me more most my no nor not now of off on once only or other our ours out ' +
    'over own same she should so some such than that the their theirs them then there these they this those through to ' +
    'too under until up very was we were what when where which while who whom why will with would you your yours ' +
    'paper author authors authors\u2019 think question questions use used using way ways also get make might may one two ' +
    'does did do many much well like'
  ).split(' '),
);

/** Lower case, accents off, words of letters and digits, stop words out, plural and -ing/-ed endings trimmed. */
export function terms(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u);
  const out: string[] = [];
  for (const word of words) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    out.push(stem(word));
  }
  return out;
}

function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return undouble(word.slice(0, -3));
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('ed')) return undouble(word.slice(0, -2));
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** "overfitt" (from overfitting) → "overfit". */
function undouble(word: string): string {
  const n = word.length;
  return n > 3 && word[n - 1] === word[n - 2] && !/[aeiouls]/.test(word[n - 1]!) ? word.slice(0, -1) : word;
}

type Vector = Map<string, number>;

/** TF-IDF vectors (unit length) of the documents, with a smoothed IDF so a term in every document still counts a little. */
export function tfidfVectors(docs: string[][]): Vector[] {
  const df = new Map<string, number>();
  for (const doc of docs) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  return docs.map((doc) => {
    const tf = new Map<string, number>();
    for (const t of doc) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v: Vector = new Map();
    let norm = 0;
    for (const [t, count] of tf) {
      const w = count * (Math.log((1 + n) / (1 + (df.get(t) ?? 0))) + 1);
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) dot += w * (large.get(t) ?? 0);
  return dot;
}

export interface ClusterInput {
  id: string;
  paperIndex: number | null;
  text: string;
}

export interface QuestionCluster {
  id: string;
  paperIndex: number | null;
  label: string;
  questionIds: string[];
}

/**
 * Clusters of each paper's questions (single link at the threshold), in the order of their first question; members
 * keep the input order. The same input gives the same clusters: ids are "c-" and the first member's id.
 */
export function clusterQuestions(
  questions: ClusterInput[],
  threshold: number = SIMILARITY_THRESHOLD,
): QuestionCluster[] {
  const docs = questions.map((q) => terms(q.text));
  const vectors = tfidfVectors(docs);
  const parent = questions.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let i = 0; i < questions.length; i++)
    for (let j = i + 1; j < questions.length; j++) {
      if (questions[i]!.paperIndex !== questions[j]!.paperIndex) continue;
      if (cosine(vectors[i]!, vectors[j]!) < threshold) continue;
      const [a, b] = [root(i), root(j)];
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  const groups = new Map<number, number[]>();
  questions.forEach((_, i) => {
    const r = root(i);
    groups.set(r, [...(groups.get(r) ?? []), i]);
  });
  return [...groups.values()].map((members) => {
    const first = questions[members[0]!]!;
    return {
      id: `c-${first.id}`,
      paperIndex: first.paperIndex,
      label: members.length === 1 ? firstWords(first.text) : sharedTerms(members.map((i) => vectors[i]!)),
      questionIds: members.map((i) => questions[i]!.id),
    };
  });
}

/** The heaviest terms of a cluster (summed weights; ties alphabetical), at most three. */
function sharedTerms(vectors: Vector[]): string {
  const sum = new Map<string, number>();
  for (const v of vectors) for (const [t, w] of v) sum.set(t, (sum.get(t) ?? 0) + w);
  return [...sum]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, 3)
    .map(([t]) => t)
    .join(', ');
}

function firstWords(text: string): string {
  const words = text.trim().split(/\s+/);
  return words.length <= 8 ? words.join(' ') : `${words.slice(0, 8).join(' ')}…`;
}
