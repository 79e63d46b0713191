import { PipeTransform } from '@nestjs/common';
import { AppError, ErrorCode } from './app-error';

/** `value` when it is one of `choices`, `fallback` when it is absent or empty, else null. */
export function choiceOf<T extends string>(choices: readonly T[], value: unknown, fallback: T): T | null {
  if (value === undefined || value === '') return fallback;
  return choices.find((choice) => choice === value) ?? null;
}

/**
 * A query parameter that takes one of a few words (e.g. `?kind=`): `fallback` when absent, 400
 * VALIDATION_FAILED with the message given for anything else. Subclassed once per parameter, so
 * that a route names it as a class (`@Query('kind', MaterialKindPipe)`).
 */
export abstract class ChoicePipe<T extends string> implements PipeTransform<string | undefined, T> {
  protected constructor(
    private readonly field: string,
    private readonly choices: readonly T[],
    private readonly fallback: T,
    /** Said to a person: what the parameter is and which words it takes. */
    private readonly message: string,
  ) {}

  transform(value: string | undefined): T {
    const choice = choiceOf(this.choices, value, this.fallback);
    if (choice === null) throw AppError.badRequest(ErrorCode.ValidationFailed, this.message, [{ field: this.field, message: `只能是 ${this.choices.join('、')}` }]);
    return choice;
  }
}
