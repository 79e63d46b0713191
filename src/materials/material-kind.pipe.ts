import { Injectable } from '@nestjs/common';
import { ChoicePipe } from '../common/choice.pipe';
import { ALL_MATERIAL_KINDS, MaterialKind } from './material-states';

/** `?kind=`: `check` (对照检查材料, when absent), `outline` (发言提纲) or `team` (领导班子对照检查材料); anything else a 400. */
@Injectable()
export class MaterialKindPipe extends ChoicePipe<MaterialKind> {
  constructor() {
    super('kind', ALL_MATERIAL_KINDS, 'check', '材料类型 kind 只能是 check（对照检查材料）、outline（发言提纲）或 team（领导班子对照检查材料）');
  }
}
