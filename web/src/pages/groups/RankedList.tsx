// The editable ranking: each paper by its own title, reordered by buttons, by Alt+↑/↓ on the focused item
// (focus follows the item) or by dragging its handle (pointer events, a line marks where it lands); every
// move is announced in a live region.
import { useEffect, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent, KeyboardEvent as ReactKeyboardEvent } from 'react';
import { Icon } from '../../components/Icon.js';

export interface RankedItem {
  id: string;
  /** The paper's own title: what the item is called everywhere (buttons, announcements). */
  name: string;
  /** The class it is presented in (date, and more papers of that class). */
  detail: string;
}

type Focus = { id: string; on: 'item' | 'up' | 'down' } | null;

/** The list after moving the item at `from` to index `to`. */
function moved(ids: string[], from: number, to: number): string[] {
  const next = [...ids];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

export function RankedList({
  items,
  editable,
  onChange,
  onRemove,
}: {
  items: RankedItem[];
  editable: boolean;
  onChange: (ids: string[]) => void;
  onRemove: (id: string) => void;
}) {
  const [announcement, setAnnouncement] = useState('');
  const [focus, setFocus] = useState<Focus>(null);
  const [drag, setDrag] = useState<{ id: string; over: number } | null>(null);
  const nodes = useRef(new Map<string, HTMLLIElement>());
  const ids = items.map((i) => i.id);

  useEffect(() => {
    if (!focus) return;
    const li = nodes.current.get(focus.id);
    const button =
      focus.on === 'item' ? null : li?.querySelector<HTMLButtonElement>(`button.move-${focus.on}`);
    (button && !button.disabled ? button : li)?.focus();
    setFocus(null);
  }, [focus]);

  const moveTo = (id: string, to: number, on: NonNullable<Focus>['on']) => {
    const from = ids.indexOf(id);
    if (from < 0 || to < 0 || to >= ids.length || to === from) return;
    onChange(moved(ids, from, to));
    const item = items[from]!;
    setAnnouncement(`${item.name} moved to position ${to + 1} of ${ids.length}.`);
    setFocus({ id, on });
  };

  const onKey = (e: ReactKeyboardEvent<HTMLLIElement>, id: string, i: number) => {
    if (!editable || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const on = (e.target as HTMLElement).classList;
    moveTo(
      id,
      e.key === 'ArrowUp' ? i - 1 : i + 1,
      on.contains('move-up') ? 'up' : on.contains('move-down') ? 'down' : 'item',
    );
  };

  /** The index the dragged item lands at for a pointer at `y`: before the first item whose middle is below y. */
  const slotAt = (y: number): number => {
    let slot = ids.length;
    for (let i = 0; i < ids.length; i++) {
      const box = nodes.current.get(ids[i]!)?.getBoundingClientRect();
      if (box && y < box.top + box.height / 2) {
        slot = i;
        break;
      }
    }
    return slot;
  };
  /** Starts a drag on the handle: the window follows the pointer until it is released (or the drag cancelled). */
  const onPointerDown = (e: ReactPointerEvent<HTMLSpanElement>, id: string, i: number) => {
    if (!editable || e.button !== 0) return;
    e.preventDefault();
    let over = i;
    setDrag({ id, over });
    const move = (ev: PointerEvent) => {
      const slot = slotAt(ev.clientY);
      if (slot !== over) {
        over = slot;
        setDrag({ id, over });
      }
    };
    const stop = (ev: PointerEvent) => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', stop);
      window.removeEventListener('pointercancel', stop);
      setDrag(null);
      if (ev.type !== 'pointerup') return;
      const from = ids.indexOf(id);
      // A slot after the item itself shifts up by one once the item leaves its place.
      moveTo(id, over > from ? over - 1 : over, 'item');
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', stop);
    window.addEventListener('pointercancel', stop);
  };

  return (
    <>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      {editable ? (
        <p className="muted">
          Move a paper with its Up and Down buttons, with <kbd>Alt</kbd> + <kbd>↑</kbd> and <kbd>Alt</kbd> +{' '}
          <kbd>↓</kbd> while it has focus, or drag it by its handle.
        </p>
      ) : null}
      <ol className={`ranked${drag ? ' dragging' : ''}`} aria-label="Your ranking, best first">
        {items.map((item, i) => {
          const dropBefore = drag !== null && drag.over === i && drag.id !== item.id;
          const dropAfter = drag !== null && i === ids.length - 1 && drag.over === ids.length;
          return (
            <li
              key={item.id}
              data-id={item.id}
              ref={(el) => {
                if (el) nodes.current.set(item.id, el);
                else nodes.current.delete(item.id);
              }}
              tabIndex={editable ? 0 : undefined}
              aria-label={editable ? `${i + 1}. ${item.name}` : undefined}
              className={[
                drag?.id === item.id ? 'dragged' : '',
                dropBefore ? 'drop-before' : '',
                dropAfter ? 'drop-after' : '',
              ]
                .filter(Boolean)
                .join(' ')}
              onKeyDown={(e) => onKey(e, item.id, i)}
            >
              {editable ? (
                <span
                  className="drag-handle"
                  aria-hidden="true"
                  title="Drag to move"
                  onPointerDown={(e) => onPointerDown(e, item.id, i)}
                >
                  <Icon name="grip" />
                </span>
              ) : null}
              <span className="rank">{i + 1}.</span>
              <span className="what">
                <span className="paper">{item.name}</span>
                <span className="muted"> {item.detail}</span>
              </span>
              {editable ? (
                <span className="ranked-actions">
                  <button
                    type="button"
                    className="button button-secondary small move-up"
                    disabled={i === 0}
                    aria-label={`Move ${item.name} up`}
                    onClick={() => moveTo(item.id, i - 1, 'up')}
                  >
                    <Icon name="arrow-up" />
                    <span className="icon-label">Up</span>
                  </button>
                  <button
                    type="button"
                    className="button button-secondary small move-down"
                    disabled={i === items.length - 1}
                    aria-label={`Move ${item.name} down`}
                    onClick={() => moveTo(item.id, i + 1, 'down')}
                  >
                    <Icon name="arrow-down" />
                    <span className="icon-label">Down</span>
                  </button>
                  <button
                    type="button"
                    className="button button-secondary small"
                    aria-label={`Remove ${item.name}`}
                    onClick={() => {
                      onRemove(item.id);
                      setAnnouncement(`${item.name} removed from the ranking.`);
                    }}
                  >
                    Remove
                  </button>
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}
