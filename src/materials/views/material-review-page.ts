import { html, SafeHtml } from '../../web/html';
import { dayInWords } from '../../web/dates';
import { alert } from '../../web/layout';
import { Viewer, workbenchPage } from '../../web/workbench';
import { MATERIAL_KINDS, MaterialKind, MemberMaterialKind, readableBySupervisors, TEAM_MATERIAL } from '../material-states';
import { MATERIAL_STATUS_NAMES, MaterialView } from '../material.views';
import { fileLine, kindName, kindQuery, MATERIAL_STYLE, reviewForm, reviewNote, STATUS_BADGES, supervisorComments } from './material-parts';

/** One team member with both their materials. */
export interface ReviewRow {
  memberUserId: string;
  name: string;
  role: 'secretary' | 'member';
  materials: Record<MemberMaterialKind, MaterialView>;
}

export interface MaterialReviewPage {
  viewer: Viewer;
  meeting: { id: string; title: string; materialsUntil: string };
  rows: ReviewRow[];
  /** The 领导班子对照检查材料 (under the secretary's seat), or null while the team has no secretary. */
  team: MaterialView | null;
  /** The viewer writes 督导组意见 (a supervisor); an organiser reads. */
  comments: boolean;
  /** The viewer reads drafts too (an organiser); the 督导组 reads what was submitted. */
  readsDrafts: boolean;
  /** The viewer approves or returns the secretary's materials and the team's (an organiser of the unit). */
  reviews: boolean;
  notice?: string;
  /** A refused comment or review, beside its material, with the words typed. */
  problem?: { memberId: string; kind: MaterialKind; message: string; text?: string; comment?: string };
}

/** The anchor of a material on this page. */
export function reviewAnchor(kind: MaterialKind, memberId: string): string {
  return `${kind}-${memberId}`;
}

/**
 * 材料审阅 (`/meetings/:id/materials`): the 领导班子对照检查材料, then every team member's
 * 对照检查材料 and 发言提纲 with their status; each submitted one to download, its 督导组意见 and,
 * for a supervisor, a form to add one; for an organiser, the review of the secretary's and the team's.
 */
export function renderMaterialReview(view: MaterialReviewPage): string {
  const all = [...(view.team ? [view.team] : []), ...view.rows.flatMap((row) => MATERIAL_KINDS.map((kind) => row.materials[kind]))];
  const submitted = all.filter((material) => readableBySupervisors(material.status)).length;
  const waiting = view.reviews ? all.filter((material) => material.status === 'submitted' && material.reviewedBy === 'organiser').length : 0;
  const placed = view.problem && (view.rows.some((row) => row.memberUserId === view.problem!.memberId) || view.team?.memberUserId === view.problem.memberId);
  return workbenchPage(
    `材料审阅 · ${view.meeting.title}`,
    view.viewer,
    html`
<h1>对照检查材料与发言提纲</h1>
<p class="lead">领导班子对照检查材料由主要负责同志牵头起草、提交，由组织部门或督导组审核；班子成员的对照检查材料和发言提纲由主要负责同志审核，主要负责同志本人的由组织部门或督导组审核。材料提交后，督导组可以下载审阅并提出修改意见，意见记入材料的办理记录，不改变审核状态。</p>
<p class="muted">材料截止：${dayInWords(view.meeting.materialsUntil)} · 已提交 ${submitted} 份，共 ${all.length} 份${waiting ? html` · <strong>${waiting} 份待组织部门审核</strong>` : ''}</p>
${alert('notice', view.notice)}
${view.problem && !placed ? alert('error', view.problem.message) : ''}
${view.team ? html`<section class="card member" id="team"><h2>领导班子</h2><div class="kinds">${renderMaterial(view.team, TEAM_MATERIAL, view)}</div></section>` : ''}
${view.rows.length === 0 ? html`<p class="card">本次会议尚未确定班子成员。</p>` : ''}
${view.rows.map((row) => renderRow(row, view))}`,
    { meeting: view.meeting, current: `/meetings/${view.meeting.id}/materials`, style: html`${MATERIAL_STYLE}${STYLE}` },
  );
}

function renderRow(row: ReviewRow, view: MaterialReviewPage): SafeHtml {
  return html`<section class="card member" id="member-${row.memberUserId}">
  <h2>${row.name} <span class="hint">${row.role === 'secretary' ? '主要负责同志' : '班子成员'}</span></h2>
  <div class="kinds">${MATERIAL_KINDS.map((kind) => renderMaterial(row.materials[kind], kind, view))}</div>
</section>`;
}

function renderMaterial(material: MaterialView, kind: MaterialKind, view: MaterialReviewPage): SafeHtml {
  const base = `/meetings/${view.meeting.id}/materials/${material.memberUserId}`;
  const query = kindQuery(kind);
  const readable = view.readsDrafts || readableBySupervisors(material.status);
  const problem = view.problem?.memberId === material.memberUserId && view.problem.kind === kind ? view.problem : undefined;
  const fieldId = `text-${kind}-${material.memberUserId}`;
  const reviewId = `review-${kind}-${material.memberUserId}`;
  const mine = material.memberUserId === view.viewer.userId;
  return html`<article class="material" id="${reviewAnchor(kind, material.memberUserId)}">
  <h3>${kindName(kind)} <span class="${STATUS_BADGES[material.status]}">${MATERIAL_STATUS_NAMES[material.status]}</span></h3>
  ${kind === TEAM_MATERIAL ? html`<p class="hint">主要负责同志 ${material.name} 牵头起草</p>` : ''}
  ${readable ? fileLine(`${base}/file${query}`, material) : html`<p class="muted">尚未提交，提交后可以查阅。</p>`}
  ${readable ? reviewNote(material) : ''}
  ${supervisorComments(material.comments)}
  ${problem ? alert('error', problem.message) : ''}
  ${view.reviews && material.reviewedBy === 'organiser' && material.status === 'submitted' && !mine ? reviewForm(`${base}/status${query}`, reviewId, problem?.comment) : ''}
  ${view.comments && readableBySupervisors(material.status) && !mine
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
