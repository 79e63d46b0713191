import { TEAM_ROLE_NAMES } from '../../meetings/team-member.entity';
import { userKey } from '../../talks/talk-rules';
import { PAIR_STATUS_NAMES, TalkMatrixView } from '../../talks/talk.views';
import { html, SafeHtml } from '../../web/html';

type Cell = TalkMatrixView['cells'][number];
type Column = { key: string; userId: string | null; name: string; hint?: string };

/**
 * 谈心谈话完成情况 as a grid: a row per team member, a column per person they must talk with.
 * The team's own columns come first and read both ways (a pair is required once, so A–B shows in
 * B's row too); then the department heads and branch members the rules add. Each cell has its
 * status in words as well as in colour.
 */
export function talkGrid(matrix: TalkMatrixView): SafeHtml {
  if (matrix.rows.length === 0) return html`<p class="hint">尚未设置班子成员。</p>`;
  const team = new Set(matrix.rows.map((row) => row.userId));
  const columns: Column[] = [
    ...matrix.rows.map((row) => ({ key: userKey(row.userId), userId: row.userId, name: row.name })),
    ...matrix.columns
      .filter((column) => !column.userId || !team.has(column.userId))
      .map((column) => ({ key: column.key, userId: column.userId, name: column.name, hint: column.departmentName ?? (column.role === 'branch-member' ? '支部党员' : undefined) })),
  ];
  const cells = new Map(matrix.cells.map((cell) => [`${cell.row}|${cell.column}`, cell]));
  const cellOf = (rowId: string, column: Column): Cell | undefined =>
    cells.get(`${rowId}|${column.key}`) ?? (column.userId && team.has(column.userId) ? cells.get(`${column.userId}|${userKey(rowId)}`) : undefined);

  return html`<div class="table-wrap"><table class="talk-grid" id="talk-grid">
<caption class="sr-only">谈心谈话完成情况：行为班子成员，列为谈话对象</caption>
<thead><tr><th scope="col">班子成员</th>${columns.map((column) => html`<th scope="col">${column.name}${column.hint ? html`<span class="hint">${column.hint}</span>` : ''}</th>`)}</tr></thead>
<tbody>${matrix.rows.map(
    (row) => html`<tr><th scope="row">${row.name}${row.role === 'secretary' ? html`<span class="hint">${TEAM_ROLE_NAMES.secretary}</span>` : ''}</th>${columns.map((column) =>
      column.userId === row.userId ? html`<td class="talk-self" aria-label="本人">·</td>` : statusCell(cellOf(row.userId, column)),
    )}</tr>`,
  )}</tbody>
</table></div>
<p class="legend"><span class="swatch talk-pending"></span>未谈 <span class="swatch talk-held"></span>已谈待确认 <span class="swatch talk-confirmed"></span>已确认 <span class="swatch talk-none"></span>无需谈话</p>`;
}

function statusCell(cell: Cell | undefined): SafeHtml {
  if (!cell) return html`<td class="talk-none" title="无需谈话"><span aria-hidden="true">—</span><span class="sr-only">无需谈话</span></td>`;
  const words = PAIR_STATUS_NAMES[cell.status] + (cell.overdue ? '（逾期）' : '');
  return html`<td class="talk-${cell.status}${cell.overdue ? ' talk-overdue' : ''}">${words}</td>`;
}
