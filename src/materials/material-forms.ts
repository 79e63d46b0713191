import { validateInput } from '../common/validation';
import { formText } from '../web/forms';
import { MoveMaterialDto } from './dto/move-material.dto';

/** A page's status form as the API's move: the status, the comment when one was written, the confirmation when ticked. */
export function moveFromForm(form: unknown): Promise<MoveMaterialDto> {
  const comment = formText(form, 'comment')?.trim();
  const confirmed = formText(form, 'confirmUncovered') === '1';
  return validateInput(MoveMaterialDto, { status: formText(form, 'status') ?? '', ...(comment ? { comment } : {}), ...(confirmed ? { confirmUncovered: true } : {}) });
}
