import { Injectable, PipeTransform } from '@nestjs/common';
import { AppError, ErrorCode } from '../common/app-error';
import { MATERIAL_KINDS, MaterialKind } from './material-states';

/** `?kind=`: `check` (对照检查材料, when absent) or `outline` (发言提纲); anything else a 400. */
@Injectable()
export class MaterialKindPipe implements PipeTransform<string | undefined, MaterialKind> {
  transform(value: string | undefined): MaterialKind {
    if (value === undefined || value === '') return 'check';
    if ((MATERIAL_KINDS as readonly string[]).includes(value)) return value as MaterialKind;
    throw AppError.badRequest(ErrorCode.ValidationFailed, '材料类型 kind 只能是 check（对照检查材料）或 outline（发言提纲）', [{ field: 'kind', message: '只能是 check 或 outline' }]);
  }
}
