import { Meeting } from '../../meetings/meeting.entity';
import { html, SafeHtml } from '../../web/html';
import { dayInWords } from '../../web/dates';
import { sizeInWords } from '../../web/file-size';
import { alert } from '../../web/layout';
import { Viewer, workbenchPage } from '../../web/workbench';
import { MATERIAL_CONTENT_TYPES } from '../../common/file-type';
import { acceptsFile, MaterialKind, TEAM_MATERIAL } from '../material-states';
import { MATERIAL_STATUS_NAMES, MaterialDetailView, MaterialView } from '../material.views';
import { MaterialDraftView } from '../material-draft.views';
import { DraftKind, TEAM } from '../draft-assembly';
import { fileLine, historyLine, kindName, kindQuery, MATERIAL_STYLE, materialAnchor, reviewForm, reviewNote, STATUS_BADGES, supervisorComments } from './material-parts';

/** One kind of material in a meeting: mine, and for the secretary the members' to review. */
export interface MyMaterialKind {
  kind: MaterialKind;
  mine: MaterialDetailView;
  /** For the secretary (主要负责同志): the members' materials of this kind, to review. Empty for a member. */
  toReview: MaterialView[];
  /** Its draft from the claims (the 对照检查材料's, the 发言提纲's). */
  draft?: MaterialDraftView;
}

export interface MyMaterialMeeting {
  meeting: Meeting;
  /** 对照检查材料, then 发言提纲. */
  kinds: MyMaterialKind[];
  /** For the secretary: the 领导班子对照检查材料 they submit for the team, and its draft from the team items' claims. */
  team?: { mine: MaterialDetailView; draft: MaterialDraftView };
}

export interface MyMaterialPage {
  viewer: Viewer;
  meetings: MyMaterialMeeting[];
  /** The uploads' limit, said beside the file input. */
  maxBytes: number;
  notice?: string;
  /** A refusal to show beside one material, with the note typed. */
  problem?: { meetingId: string; memberId: string; kind: MaterialKind; message: string; comment?: string };
  /** A refused draft save: shown in that draft only, with the sections as typed (by key) so nothing is lost. */
  draftProblem?: { meetingId: string; memberId: string; kind: DraftKind; message: string; typed: Record<string, string> };
  /** The draft to show open (its anchor), after a save. */
  openDraft?: string;
}

const ACCEPT = `.pdf,.docx,${Object.values(MATERIAL_CONTENT_TYPES).join(',')}`;

/** 对照检查材料 and 发言提纲: mine in each meeting; for the secretary, the members' to review. */
export function renderMyMaterial(view: MyMaterialPage): string {
  const placed = (problem: NonNullable<MyMaterialPage['problem']>) =>
    view.meetings.some(
      (entry) =>
        entry.meeting.id === problem.meetingId &&
        (entry.kinds.some((part) => part.kind === problem.kind && [part.mine, ...part.toReview].some((material) => material.memberUserId === problem.memberId)) ||
          (problem.kind === TEAM_MATERIAL && entry.team?.mine.memberUserId === problem.memberId)),
    );
  const draftShown = (problem: NonNullable<MyMaterialPage['draftProblem']>) =>
    view.meetings.some(
      (entry) =>
        entry.meeting.id === problem.meetingId &&
        (problem.memberId === TEAM ? Boolean(entry.team) : entry.kinds.some((part) => part.draft && part.kind === problem.kind && part.mine.memberUserId === problem.memberId)),
    );
  return workbenchPage(
    '对照检查材料',
    view.viewer,
    html`
<h1>对照检查材料</h1>
<p class="lead">请上传本人的对照检查材料和发言提纲（PDF 或 Word .docx 文件），完成后分别提交审核。班子成员的材料由主要负责同志审核，主要负责同志的材料由组织部门或督导组审核；材料提交后，上级督导组可以查阅并提出意见。</p>
${alert('notice', view.notice)}
${view.problem && !placed(view.problem) ? alert('error', view.problem.message) : ''}
${view.draftProblem && !draftShown(view.draftProblem) ? alert('error', view.draftProblem.message) : ''}
${view.meetings.length === 0 ? html`<p class="card">您目前不在任何一次民主生活会的班子中。</p>` : ''}
${view.meetings.map((entry) => renderMeeting(entry, view))}`,
    { current: '/me/material', style: MATERIAL_STYLE },
  );
}

function renderMeeting(entry: MyMaterialMeeting, view: MyMaterialPage): SafeHtml {
  const { meeting } = entry;
  return html`<section class="card" id="meeting-${meeting.id}">
  <h2>${meeting.title}</h2>
  <p class="muted">材料截止：${dayInWords(meeting.materialsUntil)}</p>
  ${entry.kinds.map((part) => renderKind(meeting.id, part, view))}
  ${entry.team
    ? html`<div class="kind" id="team-${meeting.id}"><h3>领导班子对照检查材料</h3>
  <p class="hint">由您牵头起草，根据班子认领事项的问题认识和整改措施生成草稿；提交后由组织部门或督导组审核。</p>
  ${renderMine(meeting.id, TEAM_MATERIAL, entry.team.mine, view, entry.team.draft)}
  ${renderDraft(meeting.id, TEAM, entry.team.draft, view)}</div>`
    : ''}
</section>`;
}

function renderKind(meetingId: string, part: MyMaterialKind, view: MyMaterialPage): SafeHtml {
  const { kind, mine, toReview } = part;
  const waiting = toReview.filter((material) => material.status === 'submitted').length;
  return html`<div class="kind" id="${kind}-${meetingId}">
  <h3>我的${kindName(kind)}</h3>
  ${renderMine(meetingId, kind, mine, view, part.draft)}
  ${part.draft ? renderDraft(meetingId, mine.memberUserId, part.draft, view, kind === 'outline' ? 'outline' : 'check') : ''}
  ${toReview.length
    ? html`<h3>班子成员的${kindName(kind)}${waiting ? html`（${waiting} 份待审核）` : ''}</h3>
  ${toReview.map((material) => renderToReview(meetingId, kind, material, view))}`
    : ''}
</div>`;
}

function problemFor(view: MyMaterialPage, meetingId: string, kind: MaterialKind, memberId: string) {
  const problem = view.problem;
  return problem?.meetingId === meetingId && problem.memberId === memberId && problem.kind === kind ? problem : undefined;
}

function renderMine(meetingId: string, kind: MaterialKind, mine: MaterialDetailView, view: MyMaterialPage, draft?: MaterialDraftView): SafeHtml {
  const base = `/me/material/${meetingId}/${mine.memberUserId}`;
  const query = kindQuery(kind);
  const problem = problemFor(view, meetingId, kind, mine.memberUserId);
  // A saved draft is the material when no file is uploaded.
  const fromDraft = mine.file === null && draft?.version != null;
  const canSubmit = (mine.file !== null && (mine.status === 'drafting' || mine.status === 'returned')) || (fromDraft && acceptsFile(mine.status));
  const unanswered = fromDraft ? (draft?.coverage.missing.length ?? 0) : 0;
  const inputId = kind === 'check' ? `file-${meetingId}` : `file-${kind}-${meetingId}`;
  return html`<article class="material" id="${materialAnchor(kind, meetingId, mine.memberUserId)}">
  <p>状态：<span class="${STATUS_BADGES[mine.status]}">${MATERIAL_STATUS_NAMES[mine.status]}</span> <span class="hint">${mine.reviewedBy === 'secretary' ? '由主要负责同志审核' : '由组织部门或督导组审核'}</span></p>
  ${fileLine(`${base}/file${query}`, mine)}
  ${reviewNote(mine)}
  ${supervisorComments(mine.comments)}
  ${problem ? alert('error', problem.message) : ''}
  ${acceptsFile(mine.status)
    ? html`<form method="post" action="${base}/file${query}" enctype="multipart/form-data">
    <label for="${inputId}">${mine.file ? '重新上传' : `上传${kindName(kind)}文件`} <span class="hint">PDF 或 Word（.docx），不超过 ${sizeInWords(view.maxBytes)}${mine.file ? '；新文件将替换原文件' : ''}</span></label>
    <input id="${inputId}" type="file" name="file" accept="${ACCEPT}" required>
    <button type="submit"${canSubmit ? html` class="quiet"` : ''}>上传文件</button>
  </form>`
    : ''}
  ${canSubmit
    ? html`<form method="post" action="${base}/status${query}"><input type="hidden" name="status" value="submitted">${fromDraft ? html`<p class="hint">未上传文件：将以草稿第${draft!.version}版作为材料提交。</p>` : ''}${unanswered
        ? html`<label class="confirm"><input type="checkbox" name="confirmUncovered" value="1" required> 草稿还有 ${unanswered} 条认领事项未回应，确认仍要提交</label>`
        : ''}<button type="submit">提交审核</button></form>`
    : ''}
  ${mine.status === 'submitted' ? html`<p class="hint">已提交，等待审核；审核期间不能更换文件。</p>` : ''}
  ${mine.history.length ? html`<details><summary>办理记录（${mine.history.length}）</summary><ul class="history">${mine.history.map(historyLine)}</ul></details>` : ''}
</article>`;
}

function renderToReview(meetingId: string, kind: MaterialKind, material: MaterialView, view: MyMaterialPage): SafeHtml {
  const base = `/me/material/${meetingId}/${material.memberUserId}`;
  const query = kindQuery(kind);
  const problem = problemFor(view, meetingId, kind, material.memberUserId);
  const commentId = kind === 'check' ? `comment-${material.memberUserId}` : `comment-${kind}-${material.memberUserId}`;
  return html`<article class="material" id="${materialAnchor(kind, meetingId, material.memberUserId)}">
  <h4>${material.name} <span class="${STATUS_BADGES[material.status]}">${MATERIAL_STATUS_NAMES[material.status]}</span></h4>
  ${fileLine(`${base}/file${query}`, material)}
  ${reviewNote(material)}
  ${supervisorComments(material.comments)}
  ${problem ? alert('error', problem.message) : ''}
  ${material.status === 'submitted' ? reviewForm(`${base}/status${query}`, commentId, problem?.comment) : ''}
</article>`;
}

/**
 * The draft from the claims, section by section in textareas (one paragraph a line), saved as a
 * new version each time; its coverage of the claimed items; the Word document.
 */
function renderDraft(meetingId: string, memberId: string, draft: MaterialDraftView, view: MyMaterialPage, kind: DraftKind = 'check'): SafeHtml {
  const base = `/me/material/${meetingId}/${memberId}/draft`;
  const query = kind === 'outline' ? '?kind=outline' : '';
  const problem = view.draftProblem?.meetingId === meetingId && view.draftProblem.memberId === memberId && view.draftProblem.kind === kind ? view.draftProblem : undefined;
  const { coverage } = draft;
  const anchor = draftAnchor(meetingId, memberId, kind);
  return html`<details class="draft" id="${anchor}"${view.openDraft === anchor ? html` open` : ''}>
  <summary>草稿：${draft.title}</summary>
  <p class="hint">${draft.version === null ? '根据认领事项的问题认识和整改措施自动生成，尚未保存。' : `第${draft.version}版 · 保存于${dayInWords(draft.savedAt!)}`}</p>
  <p class="${coverage.missing.length ? 'alert error' : 'alert notice'}">已回应 ${coverage.answered}/${coverage.claimed} 条认领事项${coverage.missingItems.length ? html`，未回应：${coverage.missingItems.map((item, index) => html`${index ? '；' : ''}“${item.summary}”`)}` : '。'}</p>
  ${problem ? alert('error', problem.message) : ''}
  <form method="post" action="${base}${query}">
    ${draft.sections.map(
      (section) => html`<label for="${anchor}-${section.key}">${section.title} <span class="hint">每行一段</span></label>
    <textarea id="${anchor}-${section.key}" name="${section.key}" rows="${Math.min(16, Math.max(4, section.paragraphs.length * 2))}">${problem?.typed[section.key] ?? section.paragraphs.join('\n')}</textarea>`,
    )}
    <button type="submit">保存草稿</button>
    <a class="download" href="${base}.docx${query}">下载 Word 文档</a>
  </form>
</details>`;
}

/** A draft's anchor on the page: `draft-…` for the 对照检查材料's (as before), `draft-outline-…` for the 发言提纲's. */
export function draftAnchor(meetingId: string, memberId: string, kind: DraftKind = 'check'): string {
  return `draft-${kind === 'outline' ? 'outline-' : ''}${meetingId}-${memberId}`;
}
