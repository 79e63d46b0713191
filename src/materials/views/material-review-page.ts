import { html, SafeHtml } from '../../web/html';
import { dayInWords } from '../../web/dates';
import { alert } from '../../web/layout';
import { Viewer, workbenchPage } from '../../web/workbench';
import { MATERIAL_KINDS, MaterialKind, readableBySupervisors } from '../material-states';
import { MATERIAL_STATUS_NAMES, MaterialView } from '../material.views';
import { fileLine, kindName, kindQuery, MATERIAL_STYLE, reviewNote, STATUS_BADGES, supervisorComments } from './material-parts';

/** One team member with both their materials. */
export interface ReviewRow {
  memberUserId: string;
  name: string;
  role: 'secretary' | 'member';
  materials: Record<MaterialKind, MaterialView>;
}

export interface MaterialReviewPage {
  viewer: Viewer;
  meeting: { id: string; title: string; materialsUntil: string };
  rows: ReviewRow[];
  /** The viewer writes 督导组意见 (a supervisor); an organiser reads. */
  comments: boolean;
  /** The viewer reads drafts too (an organiser); the 督导组 reads what was submitted. */
  readsDrafts: boolean;
  notice?: string;
  /** A refused comment, beside its material, with the words typed. */
  problem?: { memberId: string; kind: MaterialKind; message: string; text?: string };
}

/** The anchor of a material on this page. */
export function reviewAnchor(kind: MaterialKind, memberId: string): string {
  return `${kind}-${memberId}`;
}

/**
 * 材料审阅 (`/meetings/:id/materials`): every team member's 对照检查材料 and 发言提纲 with their
 * status; each submitted one to download, its 督导组意见 and, for a supervisor, a form to add one.
 */
export function renderMaterialReview(view: MaterialReviewPage): string {
  const submitted = view.rows.reduce((count, row) => count + MATERIAL_KINDS.filter((kind) => readableBySupervisors(row.materials[kind].status)).length, 0);
  const placed = view.problem && view.rows.some((row) => row.memberUserId === view.problem!.memberId);
  return workbenchPage(
    `材料审阅 · ${view.meeting.title}`,
    view.viewer,
    html`
<h1>对照检查材料与发言提纲</h1>
<p class="lead">班子成员的对照检查材料和发言提纲提交后，督导组可以下载审阅并提出修改意见；意见记入材料的办理记录，本人、主要负责同志和组织部门都能看到。督导组意见不改变材料的审核状态，审核仍由主要负责同志（班子成员的材料）或组织部门（主要负责同志的材料）办理。</p>
<p class="muted">材料截止：${dayInWords(view.meeting.materialsUntil)} · 已提交 ${submitted} 份，共 ${view.rows.length * MATERIAL_KINDS.length} 份</p>
${alert('notice', view.notice)}
${view.problem && !placed ? alert('error', view.problem.message) : ''}
${view.rows.length === 0 ? html`<p class="card">本次会议尚未确定班子成员。</p>` : ''}
${view.rows.map((row) => renderRow(row, view))}`,
    { meeting: view.meeting, current: `/meetings/${view.meeting.id}/materials`, style: html`${MATERIAL_STYLE}${STYLE}` },
  );
}

function renderRow(row: ReviewRow, view: MaterialReviewPage): SafeHtml {
  return html`<section class="card member" id="member-${row.memberUserId}">
  <h2>${row.name} <span class="hint">${row.role === 'secretary' ? '主要负责同志' : '班子成员'}</span></h2>
  <div class="kinds">${MATERIAL_KINDS.map((kind) => renderMaterial(row, kind, view))}</div>
</section>`;
}

function renderMaterial(row: ReviewRow, kind: MaterialKind, view: MaterialReviewPage): SafeHtml {
  const material = row.materials[kind];
  const base = `/meetings/${view.meeting.id}/materials/${row.memberUserId}`;
  const query = kindQuery(kind);
  const readable = view.readsDrafts || readableBySupervisors(material.status);
  const problem = view.problem?.memberId === row.memberUserId && view.problem.kind === kind ? view.problem : undefined;
  const fieldId = `text-${kind}-${row.memberUserId}`;
  return html`<article class="material" id="${reviewAnchor(kind, row.memberUserId)}">
  <h3>${kindName(kind)} <span class="${STATUS_BADGES[material.status]}">${MATERIAL_STATUS_NAMES[material.status]}</span></h3>
  ${readable ? fileLine(`${base}/file${query}`, material) : html`<p class="muted">尚未提交，提交后可以查阅。</p>`}
  ${readable ? reviewNote(material) : ''}
  ${supervisorComments(material.comments)}
  ${problem ? alert('error', problem.message) : ''}
  ${view.comments && readableBySupervisors(material.status) && row.memberUserId !== view.viewer.userId
    ? html`<form method="post" action="${base}/comments${query}">
    <label for="${fieldId}">督导组意见 <span class="hint">（本人、主要负责同志和组织部门可见）</span></label>
    <textarea id="${fieldId}" name="text" maxlength="2000" rows="3" required>${problem?.text ?? ''}</textarea>
    <button type="submit">提出意见</button>
  </form>`
    : ''}
</article>`;
}

const STYLE = new SafeHtml(`
.member h2{font-size:1.1rem;margin:.1rem 0 .25rem}
.kinds{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:0 1.5rem}
.kinds h3{font-size:1rem;margin:.25rem 0}
`);
