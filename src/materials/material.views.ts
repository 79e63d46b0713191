import { MaterialEventKind } from './material-event.entity';
import { MaterialKind, MaterialStatus } from './material-states';

export class MaterialFileView {
  name: string;
  type: 'pdf' | 'docx';
  size: number;
}

/** A comment of the 督导组 (督导组意见) on a material: it changes no status. */
export class MaterialCommentView {
  text: string;
  /** The supervisor who wrote it; name is empty when their account is not the unit's own. */
  by: { userId: string; name: string };
  at: string;
}

/** One team member's material as the progress list shows it. */
export class MaterialView {
  memberUserId: string;
  name: string;
  role: 'secretary' | 'member';
  /** `check` (对照检查材料) or `outline` (发言提纲). */
  kind: MaterialKind;
  status: MaterialStatus;
  /** Who reviews it: the secretary for members; an organiser or supervisor for the secretary. */
  reviewedBy: 'secretary' | 'organiser';
  file: MaterialFileView | null;
  reviewComment: string | null;
  updatedAt: string | null;
  /**
   * 督导组意见, oldest first: for the member, the secretary, organisers and supervisors; empty for a
   * fellow member, who reads the status only.
   */
  comments: MaterialCommentView[];
}

export class MaterialEventView {
  kind: MaterialEventKind;
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
