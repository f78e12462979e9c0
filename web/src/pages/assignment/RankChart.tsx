// The plan against the first-come sheet: per group, the rank of its best presenting date in each, drawn and in a table.
import { useCallback, useMemo } from 'react';
import type { RolePlanBody } from '../../../../src/contracts/assignment.js';
import { PlotFigure, type PlotModule } from '../../components/PlotFigure.js';

type Group = RolePlanBody['groups'][number];

const shown = (rank: number | null) => (rank === null ? '—' : String(Number(rank.toFixed(1))));

export function RankChart({ groups }: { groups: Group[] }) {
  const rows = useMemo(
    () =>
      groups.flatMap((g) => [
        ...(g.planRank === null ? [] : [{ group: g.groupName, rank: g.planRank, source: 'This plan' }]),
        ...(g.firstComeRank === null
          ? []
          : [{ group: g.groupName, rank: g.firstComeRank, source: 'First-come sheet' }]),
      ]),
    [groups],
  );
  const draw = useCallback(
    (plot: PlotModule, width: number) =>
      plot.plot({
        width,
        height: 40 + groups.length * 28,
        marginLeft: 110,
        x: {
          label: 'Rank (1 = first choice)',
          grid: true,
          nice: true,
          domain: [0, Math.max(3, ...rows.map((r) => r.rank))],
        },
        y: { label: null, domain: groups.map((g) => g.groupName) },
        color: { domain: ['This plan', 'First-come sheet'], range: ['#1d5aa6', '#c2410c'] },
        symbol: { domain: ['This plan', 'First-come sheet'], range: ['circle', 'diamond'] },
        marks: [
          plot.dot(rows, { x: 'rank', y: 'group', fill: 'source', stroke: 'source', symbol: 'source', r: 5 }),
        ],
      }),
    [groups, rows],
  );
  if (rows.length === 0) return null;
  return (
    <PlotFigure
      id="rank-chart"
      caption="Rank each group got: this plan against a first-come sign-up sheet"
      label={`Dot chart of each group's rank in this plan and on a first-come sheet: ${groups
        .map((g) => `${g.groupName} ${shown(g.planRank)} against ${shown(g.firstComeRank)}`)
        .join('; ')}`}
      draw={draw}
    >
      <p className="muted">
        Blue circles: this plan; orange diamonds: first-come, the median over seven fixed sign-up orders, each
        group taking its best remaining date.
      </p>
      <div
        className="table-scroll"
        data-scroll-container=""
        tabIndex={0}
        role="region"
        aria-label="Ranks per group"
      >
        <table className="data-table rank-table">
          <caption className="visually-hidden">Rank of each group’s best presenting date</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">This plan</th>
              <th scope="col">First-come</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.groupId}>
                <th scope="row">{g.groupName}</th>
                <td>{shown(g.planRank)}</td>
                <td>{shown(g.firstComeRank)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </PlotFigure>
  );
}
