import { Injectable, PipeTransform } from '@nestjs/common';
import { AppError, ErrorCode } from '../common/app-error';
import { ALL_MATERIAL_KINDS, MaterialKind } from './material-states';

/** `?kind=`: `check` (对照检查材料, when absent), `outline` (发言提纲) or `team` (领导班子对照检查材料); anything else a 400. */
@Injectable()
export class MaterialKindPipe implements PipeTransform<string | undefined, MaterialKind> {
  transform(value: string | undefined): MaterialKind {
    if (value === undefined || value === '') return 'check';
    if ((ALL_MATERIAL_KINDS as readonly string[]).includes(value)) return value as MaterialKind;
    throw AppError.badRequest(ErrorCode.ValidationFailed, '材料类型 kind 只能是 check（对照检查材料）、outline（发言提纲）或 team（领导班子对照检查材料）', [{ field: 'kind', message: '只能是 check、outline 或 team' }]);
  }
}
