import { MaterialStatus } from './material-states';

export class MaterialFileView {
  name: string;
  type: 'pdf' | 'docx';
  size: number;
}

/** One team member's material as the progress list shows it. */
export class MaterialView {
  memberUserId: string;
  name: string;
  role: 'secretary' | 'member';
  status: MaterialStatus;
  /** Who reviews it: the secretary for members; an organiser or supervisor for the secretary. */
  reviewedBy: 'secretary' | 'organiser';
  file: MaterialFileView | null;
  reviewComment: string | null;
  updatedAt: string | null;
}

export class MaterialEventView {
  kind: 'status' | 'upload';
  from: string;
  to: string;
  note: string | null;
  by: { userId: string; name: string };
  at: string;
}

export class MaterialDetailView extends MaterialView {
  history: MaterialEventView[];
}

/** 未开始 … 审核通过, for messages. */
export const MATERIAL_STATUS_NAMES: Record<MaterialStatus, string> = {
  'not-started': '未开始',
  drafting: '起草中',
  submitted: '已提交',
  returned: '退回修改',
  approved: '审核通过',
};
