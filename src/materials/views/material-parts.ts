import { html, SafeHtml } from '../../web/html';
import { dayInWords } from '../../web/dates';
import { sizeInWords } from '../../web/file-size';
import { MATERIAL_KIND_NAMES, MaterialKind, MaterialStatus } from '../material-states';
import { MATERIAL_STATUS_NAMES, MaterialCommentView, MaterialEventView, MaterialView } from '../material.views';

/** What the materials' pages share: badges, the file line, notes, 督导组意见 and the history. */
export const STATUS_BADGES: Record<MaterialStatus, string> = {
  'not-started': 'badge',
  drafting: 'badge warn',
  submitted: 'badge warn',
  returned: 'badge bad',
  approved: 'badge ok',
};

/** The query a page route takes for a kind: none for the 对照检查材料, so its addresses stay as they were. */
export function kindQuery(kind: MaterialKind): string {
  return kind === 'check' ? '' : `?kind=${kind}`;
}

/** A material's anchor on a page: `material-…` for the 对照检查材料 (as before), `outline-…` for the 发言提纲. */
export function materialAnchor(kind: MaterialKind, meetingId: string, memberId: string): string {
  return `${kind === 'check' ? 'material' : kind}-${meetingId}-${memberId}`;
}

export function fileLine(href: string, material: MaterialView): SafeHtml {
  if (!material.file) return html`<p class="muted">尚未上传文件。</p>`;
  return html`<p>文件：<a href="${href}">${material.file.name}</a> <span class="hint">（${material.file.type === 'pdf' ? 'PDF' : 'Word'}，${sizeInWords(material.file.size)}${material.updatedAt ? `，${dayInWords(material.updatedAt)} 更新` : ''}）</span></p>`;
}

export function reviewNote(material: MaterialView): SafeHtml {
  if (!material.reviewComment) return html``;
  return material.status === 'returned'
    ? html`<p class="alert error">退回修改意见：${material.reviewComment}</p>`
    : html`<p class="alert notice">审核意见：${material.reviewComment}</p>`;
}

/** 督导组意见, oldest first, each with its day (and the supervisor's name when the unit knows it). */
export function supervisorComments(comments: MaterialCommentView[]): SafeHtml {
  if (comments.length === 0) return html``;
  return html`<div class="supervision"><h5>督导组意见（${comments.length}）</h5><ul>${comments.map(
    (comment) => html`<li><span class="hint">${dayInWords(comment.at)}${comment.by.name ? ` ${comment.by.name}` : ''}</span> ${comment.text}</li>`,
  )}</ul></div>`;
}

export function historyLine(event: MaterialEventView): SafeHtml {
  const what =
    event.kind === 'upload'
      ? `上传文件 ${event.note ?? ''}`
      : event.kind === 'comment'
        ? `督导组意见：${event.note ?? ''}`
        : `${MATERIAL_STATUS_NAMES[event.from as MaterialStatus] ?? event.from} → ${MATERIAL_STATUS_NAMES[event.to as MaterialStatus] ?? event.to}${event.note ? `：${event.note}` : ''}`;
  return html`<li>${dayInWords(event.at)} ${event.by.name || (event.kind === 'comment' ? '督导组' : '')}：${what}</li>`;
}

/** 审核通过 / 退回修改 on a submitted material, the comment kept when a return was refused. */
export function reviewForm(action: string, fieldId: string, typed: string | undefined): SafeHtml {
  return html`<form method="post" action="${action}">
    <label for="${fieldId}">审核意见 <span class="hint">（退回修改时必填）</span></label>
    <textarea id="${fieldId}" name="comment" maxlength="2000" rows="3">${typed ?? ''}</textarea>
    <button type="submit" name="status" value="approved">审核通过</button>
    <button type="submit" name="status" value="returned" class="quiet">退回修改</button>
  </form>`;
}

export function kindName(kind: MaterialKind): string {
  return MATERIAL_KIND_NAMES[kind];
}

export const MATERIAL_STYLE = new SafeHtml(`
.material{border-top:1px solid #eef1f4;padding:.75rem 0}
.material h4{margin:.25rem 0;font-size:1rem}
.material textarea{min-height:5rem}
.material input[type=file]{padding:.4rem}
.history{padding-left:1.2rem;margin:.5rem 0;font-size:.9rem}
.material details summary{cursor:pointer;color:#57606a}
.supervision{border-left:3px solid #b42318;background:#fff7f5;padding:.4rem .75rem;margin:.5rem 0}
.supervision h5{margin:.1rem 0 .25rem;font-size:.95rem;color:#b42318}
.supervision ul{margin:0;padding-left:1.1rem}
.supervision li{margin:.2rem 0;overflow-wrap:anywhere}
.draft{border-top:1px solid #eef1f4;padding:.5rem 0}
.draft summary{cursor:pointer;font-weight:600}
.draft textarea{width:100%;box-sizing:border-box;min-height:6rem;font-size:1rem;line-height:1.6}
.draft label{display:block;margin-top:.75rem;font-weight:600}
.draft .download{display:inline-block;margin-left:.75rem}
.confirm{display:block;margin:.5rem 0;font-weight:normal}
`);
