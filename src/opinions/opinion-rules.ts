import { AppError, ErrorCode } from '../common/app-error';

/** How the team as a whole is named wherever an opinion's target is shown (target id null). */
export const TEAM_TARGET_NAME = '领导班子（整体）';

/** What an opinion may name: one of the meeting's aspects, one member of its team. */
export interface OpinionChoices {
  aspects: readonly string[];
  /** User ids of the team's members. */
  memberIds: readonly string[];
}

/**
 * The aspect an opinion was filed under, or null when none was chosen; 400 with the field when
 * it is not one of the meeting's (`field` names it in the request as class-validator does, e.g. `opinions.2.aspect`).
 */
export function chosenAspect(choices: OpinionChoices, aspect: string | null | undefined, field = 'aspect'): string | null {
  if (!aspect) return null;
  if (!choices.aspects.includes(aspect)) {
    throw AppError.badRequest(ErrorCode.ValidationFailed, `“${aspect}”不是本次会议的对照检查方面，请从列表中选择`, [
      { field, message: `可选的方面：${choices.aspects.join('、')}` },
    ]);
  }
  return aspect;
}

/** The team member an opinion concerns, or null for the team; 400 when not on the team. */
export function chosenTarget(choices: OpinionChoices, targetMemberId: string | null | undefined, field = 'targetMemberId'): string | null {
  if (!targetMemberId) return null;
  if (!choices.memberIds.includes(targetMemberId)) {
    throw AppError.badRequest(ErrorCode.ValidationFailed, '所选的班子成员不在本次会议的班子中，请从列表中选择', [
      { field, message: '不是本次会议的班子成员' },
    ]);
  }
  return targetMemberId;
}
