import { Injectable } from '@nestjs/common';
import { ChoicePipe } from '../common/choice.pipe';
import { DRAFT_KINDS, DraftKind } from './draft-assembly';

/** `?kind=` on the draft routes: `check` (对照检查材料, when absent) or `outline` (发言提纲); anything else a 400. */
@Injectable()
export class DraftKindPipe extends ChoicePipe<DraftKind> {
  constructor() {
    super('kind', DRAFT_KINDS, 'check', '草稿类型 kind 只能是 check（对照检查材料）或 outline（发言提纲）');
  }
}
