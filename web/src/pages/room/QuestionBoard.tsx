// The class's questions by paper and by similarity: upvotes for the class, "now discussing" and "answered" for the panel.
import type { RoomQuestion, RoomQuestionStatus, RoomState } from '../../../../src/contracts/room.js';
import { plural } from '../../../../src/contracts/words.js';
import { boardSections, type BoardCard } from './room-state.js';

export interface BoardActions {
  vote: (q: RoomQuestion) => void;
  mark: (q: RoomQuestion, status: RoomQuestionStatus) => void;
  busy: boolean;
}

const STATUS_WORDS: Record<RoomQuestionStatus, string> = {
  open: 'Open',
  discussing: 'Now discussing',
  answered: 'Answered',
};

export function QuestionBoard({ room, actions }: { room: RoomState; actions: BoardActions }) {
  const sections = boardSections(room);
  const total = room.questions.length;
  return (
    <section className="room-board" aria-labelledby="board-title">
      <h2 id="board-title">Questions ({total})</h2>
      {total === 0 ? <p className="muted">{emptyWords(room)}</p> : null}
      {sections.map((s) => (
        <section
          key={s.paperIndex ?? 'class'}
          className="board-paper"
          aria-labelledby={`paper-${s.paperIndex ?? 'class'}`}
        >
          <h3 id={`paper-${s.paperIndex ?? 'class'}`}>
            {s.title}{' '}
            <span className="muted">
              (
              {plural(
                s.cards.reduce((n, c) => n + c.questions.length, 0),
                'question',
              )}
              )
            </span>
          </h3>
          {s.cards.length === 0 ? (
            <p className="muted">No questions on this paper yet.</p>
          ) : (
            <ol className="board-cards">
              {s.cards.map((card) => (
                <li key={card.cluster.id}>
                  <Card card={card} room={room} actions={actions} />
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </section>
  );
}

function emptyWords(room: RoomState): string {
  if (room.closed) return 'No questions were asked in this class.';
  if (room.questionsDueAt && !room.questions.some((q) => q.source === 'handed-in'))
    return 'The questions handed in before class join the board at the question deadline.';
  return room.abilities.ask ? 'No questions yet: ask the first one.' : 'No questions yet.';
}

function Card({ card, room, actions }: { card: BoardCard; room: RoomState; actions: BoardActions }) {
  const [first, ...rest] = card.questions;
  if (!first) return null;
  const classes = ['board-card', card.discussing ? 'is-discussing' : '', card.answered ? 'is-answered' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <article className={classes}>
      <Question q={first} room={room} actions={actions} />
      {rest.length > 0 ? (
        <details className="board-similar">
          <summary>
            {card.questions.length} similar questions
            <span className="muted">
              {' '}
              · {plural(card.votes, 'vote')} in all · {card.cluster.label}
            </span>
          </summary>
          <ol className="board-similar-list">
            {rest.map((q) => (
              <li key={q.id}>
                <Question q={q} room={room} actions={actions} />
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </article>
  );
}

function Question({ q, room, actions }: { q: RoomQuestion; room: RoomState; actions: BoardActions }) {
  const { abilities } = room;
  const who = q.mine ? 'You' : (q.author ?? 'A classmate');
  const canVote = abilities.vote && !room.closed;
  return (
    <div className={`board-question board-${q.status}`}>
      <div className="board-votes">
        {canVote ? (
          <button
            type="button"
            className={`vote-button${q.myVote ? ' is-voted' : ''}`}
            aria-pressed={q.myVote}
            disabled={actions.busy}
            onClick={() => actions.vote(q)}
          >
            <span className="vote-count">{q.votes}</span>
            <span className="vote-label">{q.myVote ? 'Upvoted' : 'Upvote'}</span>
            <span className="visually-hidden">: {q.text.slice(0, 80)}</span>
          </button>
        ) : (
          <p className="vote-tally">
            <span className="vote-count">{q.votes}</span>
            <span className="vote-label">{q.votes === 1 ? 'vote' : 'votes'}</span>
          </p>
        )}
      </div>
      <div className="board-body">
        <p className="board-text">{q.text}</p>
        <p className="board-meta">
          {q.status !== 'open' ? (
            <span className={`badge status-badge status-${q.status}`}>{STATUS_WORDS[q.status]}</span>
          ) : null}{' '}
          <span className="muted">
            {who} · {q.source === 'live' ? 'asked in class' : 'handed in before class'}
          </span>
        </p>
        {abilities.mark && !room.closed ? <MarkButtons q={q} actions={actions} /> : null}
      </div>
    </div>
  );
}

function MarkButtons({ q, actions }: { q: RoomQuestion; actions: BoardActions }) {
  const label = q.text.slice(0, 60);
  return (
    <div className="board-marks" role="group" aria-label={`Mark: ${label}`}>
      {q.status !== 'discussing' ? (
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={actions.busy}
          onClick={() => actions.mark(q, 'discussing')}
        >
          Discuss now
        </button>
      ) : null}
      {q.status !== 'answered' ? (
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={actions.busy}
          onClick={() => actions.mark(q, 'answered')}
        >
          Mark answered
        </button>
      ) : (
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={actions.busy}
          onClick={() => actions.mark(q, 'open')}
        >
          Reopen
        </button>
      )}
    </div>
  );
}
