// Where the syllabus comes from: pasted Markdown, a .md file, or the address of the raw file (fetched by the server).
import { useState } from 'react';

export type Given = { source: string; baseUrl?: string } | { url: string };

const MAX_BYTES = 5 * 1024 * 1024;
type Way = 'paste' | 'file' | 'url';

export function SyllabusSource({ busy, onRead }: { busy: boolean; onRead: (given: Given) => void }) {
  const [way, setWay] = useState<Way>('paste');
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  async function readFile(file: File) {
    setProblem(null);
    if (file.size > MAX_BYTES)
      return setProblem(`${file.name} is larger than 5 MB; a syllabus is a Markdown file.`);
    onRead({ source: await file.text() });
  }

  return (
    <section className="syllabus-source card" aria-labelledby="give-h">
      <h2 id="give-h">The syllabus</h2>
      <fieldset className="source-ways">
        <legend className="visually-hidden">How to give the syllabus</legend>
        {(
          [
            ['paste', 'Paste Markdown'],
            ['file', 'Upload a .md file'],
            ['url', 'From an address'],
          ] as const
        ).map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name="source-way"
              value={value}
              checked={way === value}
              onChange={() => setWay(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {problem ? <p className="field-error">{problem}</p> : null}
      {way === 'paste' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) onRead({ source: text });
          }}
        >
          <p className="field">
            <label htmlFor="syllabus-text">Markdown of the syllabus</label>
            <textarea
              id="syllabus-text"
              rows={8}
              value={text}
              spellCheck={false}
              onChange={(e) => setText(e.target.value)}
            />
          </p>
          <button type="submit" className="button" disabled={busy || !text.trim()}>
            Read syllabus
          </button>
        </form>
      ) : null}
      {way === 'file' ? (
        <p className="field">
          <label htmlFor="syllabus-file">Syllabus file (.md)</label>
          <input
            id="syllabus-file"
            type="file"
            accept=".md,.markdown,.txt,text/markdown,text/plain"
            disabled={busy}
            onChange={(e) => {
              const chosen = e.target.files?.[0] ?? null;
              e.target.value = '';
              if (chosen) void readFile(chosen);
            }}
          />
          <span className="hint">It is read as soon as you choose it.</span>
        </p>
      ) : null}
      {way === 'url' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (url.trim()) onRead({ url: url.trim() });
          }}
        >
          <p className="field">
            <label htmlFor="syllabus-url">Address of the raw Markdown file</label>
            <input
              id="syllabus-url"
              type="url"
              value={url}
              maxLength={2000}
              placeholder="https://raw.githubusercontent.com/…/README.md"
              onChange={(e) => setUrl(e.target.value)}
              aria-describedby="syllabus-url-hint"
            />
            <span className="hint" id="syllabus-url-hint">
              A public http(s) address. Relative links in the syllabus are read against its folder.
            </span>
          </p>
          <button type="submit" className="button" disabled={busy || !url.trim()}>
            Fetch and read
          </button>
        </form>
      ) : null}
    </section>
  );
}
