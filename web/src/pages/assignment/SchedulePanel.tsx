// The panel of one lecture on the schedule: presenters and summary writers (the authors) and the reviewers, once published.
import { useEffect, useState } from 'react';
import type { PanelsBody } from '../../../../src/contracts/assignment.js';
import { call } from '../../auth/client.js';
import './assignment.css';

type Panel = PanelsBody['panels'][number];
type PanelGroup = Panel['presenters'][number];

// One request per course per page load, shared by every meeting of the schedule.
const loads = new Map<string, Promise<PanelsBody | null>>();
function loadPanels(slug: string): Promise<PanelsBody | null> {
  let hit = loads.get(slug);
  if (!hit) {
    hit = call<PanelsBody>('GET', `/api/courses/${encodeURIComponent(slug)}/assignment`).catch(() => null);
    loads.set(slug, hit);
  }
  return hit;
}

function names(groups: PanelGroup[]): string {
  return groups
    .map((g) => (g.members && g.members.length > 0 ? `${g.name} (${g.members.join(', ')})` : g.name))
    .join('; ');
}

export function MeetingPanel({ slug, meetingId }: { slug: string; meetingId: string }) {
  const [panel, setPanel] = useState<Panel | null>(null);
  const [draft, setDraft] = useState(false);
  useEffect(() => {
    let live = true;
    void loadPanels(slug).then((body) => {
      if (!live || !body) return;
      setPanel(body.panels.find((p) => p.meetingId === meetingId) ?? null);
      setDraft(!body.published);
    });
    return () => {
      live = false;
    };
  }, [slug, meetingId]);
  if (!panel || panel.presenters.length + panel.summarizers.length + panel.reviewers.length === 0)
    return null;
  const authors = [...panel.presenters, ...panel.summarizers];
  return (
    <div className="panel">
      {draft ? <p className="muted">Panel not published yet (staff only).</p> : null}
      <dl>
        {authors.length > 0 ? (
          <>
            <dt>Authors:</dt>
            <dd>
              presenting {names(panel.presenters) || '—'}; summary {names(panel.summarizers) || '—'}
            </dd>
          </>
        ) : null}
        {panel.reviewers.length > 0 ? (
          <>
            <dt>Reviewers:</dt>
            <dd>{names(panel.reviewers)}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
