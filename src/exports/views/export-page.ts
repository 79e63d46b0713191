import { html } from '../../web/html';
import { dayInWords } from '../../web/dates';
import { Viewer, workbenchPage } from '../../web/workbench';
import { ExportEntry } from '../exports.service';
import { EXPORT_NAMES, FORMAT_NAMES, STATUS_BADGES, STATUS_NAMES } from './export-words';

/**
 * One export: where it stands and, once built, its download link. While it is being built the page
 * asks again every 3 seconds by itself (a meta refresh: no script).
 */
export function renderExport(viewer: Viewer, view: { meeting: { id: string; title: string }; entry: ExportEntry; createdAt: string }): string {
  const { entry } = view;
  const pending = entry.status === 'queued' || entry.status === 'running';
  const body = html`${pending ? html`<meta http-equiv="refresh" content="3">` : ''}
<h1>导出${EXPORT_NAMES[entry.what]}（${FORMAT_NAMES[entry.format]}）</h1>
<div class="card">
<p>状态：<span class="badge ${STATUS_BADGES[entry.status]}" id="export-status">${STATUS_NAMES[entry.status]}</span> <span class="muted">申请于 ${dayInWords(view.createdAt)}</span></p>
${pending ? html`<p class="muted">文件正在生成，本页每 3 秒自动刷新；也可以稍后回到会议概况页查看。</p>` : ''}
${entry.status === 'done' ? html`<p><a class="button" id="download" href="/exports/${entry.id}/download">下载 ${entry.fileName ?? ''}</a></p>` : ''}
${entry.status === 'failed' ? html`<p class="alert error">文件生成失败${entry.error ? `：${entry.error}` : ''}。请回到会议概况页重新导出。</p>` : ''}
<p><a href="/meetings/${view.meeting.id}#exports">返回会议概况</a></p>
</div>`;
  return workbenchPage(`导出${EXPORT_NAMES[entry.what]}`, viewer, body, { meeting: view.meeting, current: `/meetings/${view.meeting.id}` });
}
