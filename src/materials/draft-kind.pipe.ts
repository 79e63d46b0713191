import { Injectable, PipeTransform } from '@nestjs/common';
import { AppError, ErrorCode } from '../common/app-error';
import { DRAFT_KINDS, DraftKind } from './draft-assembly';

/** `?kind=` on the draft routes: `check` (对照检查材料, when absent) or `outline` (发言提纲); anything else a 400. */
@Injectable()
export class DraftKindPipe implements PipeTransform<string | undefined, DraftKind> {
  transform(value: string | undefined): DraftKind {
    if (value === undefined || value === '') return 'check';
    if ((DRAFT_KINDS as readonly string[]).includes(value)) return value as DraftKind;
    throw AppError.badRequest(ErrorCode.ValidationFailed, '草稿类型 kind 只能是 check（对照检查材料）或 outline（发言提纲）', [{ field: 'kind', message: '只能是 check 或 outline' }]);
  }
}
