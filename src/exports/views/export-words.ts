import { ExportFormat, ExportKind, ExportStatus } from '../export-job.entity';

/** The documents the meeting page offers, one button each: every `what` and `format` the API accepts. */
export const EXPORT_CHOICES: ReadonlyArray<{ what: ExportKind; format: ExportFormat; label: string }> = [
  { what: 'opinion-list', format: 'xlsx', label: '导出意见清单 Excel' },
  { what: 'opinion-list', format: 'docx', label: '导出意见清单 Word' },
  { what: 'talk-coverage', format: 'xlsx', label: '导出谈心谈话情况 Excel' },
  { what: 'progress-report', format: 'docx', label: '导出筹备情况报告 Word' },
  { what: 'rectification-ledger', format: 'xlsx', label: '导出整改台账 Excel' },
  { what: 'rectification-ledger', format: 'docx', label: '导出整改台账 Word' },
];

export const EXPORT_NAMES: Record<ExportKind, string> = { 'opinion-list': '意见清单', 'talk-coverage': '谈心谈话情况', 'progress-report': '筹备情况报告', 'rectification-ledger': '整改台账' };
export const FORMAT_NAMES: Record<ExportFormat, string> = { xlsx: 'Excel', docx: 'Word' };
export const STATUS_NAMES: Record<ExportStatus, string> = { queued: '排队中', running: '正在生成', done: '已完成', failed: '生成失败' };
export const STATUS_BADGES: Record<ExportStatus, string> = { queued: 'warn', running: 'warn', done: 'ok', failed: 'bad' };
