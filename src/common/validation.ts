import { ArgumentMetadata, HttpStatus, ValidationError, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';
import { AppError, ErrorCode, ErrorDetail } from './app-error';

/** class-validator's constraint names, said so that a person understands them. */
const PHRASES: Record<string, (field: string, args: string) => string> = {
  whitelistValidation: (field) => `不允许的字段 ${field}`,
  isNotEmpty: (field) => `${field} 不能为空`,
  isDefined: (field) => `缺少 ${field}`,
  isString: (field) => `${field} 应为文本`,
  isInt: (field) => `${field} 应为整数`,
  isBoolean: (field) => `${field} 应为 true 或 false`,
  isArray: (field) => `${field} 应为数组`,
  isIn: (field) => `${field} 的取值不在允许范围内`,
  isEnum: (field) => `${field} 的取值不在允许范围内`,
  min: (field) => `${field} 过小`,
  max: (field) => `${field} 过大`,
  minLength: (field) => `${field} 过短`,
  maxLength: (field) => `${field} 过长`,
  arrayMinSize: (field) => `${field} 的项数过少`,
  arrayMaxSize: (field) => `${field} 的项数过多`,
  isDateString: (field) => `${field} 应为 YYYY-MM-DD 格式的日期`,
  matches: (field) => `${field} 格式不正确`,
  isUrl: (field) => `${field} 应为 http(s) 地址`,
  nestedValidation: (field) => `${field} 格式不正确`,
};

function flatten(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, original]) => ({
      field,
      constraint,
      // A message the DTO wrote in Chinese stands; class-validator's English defaults are reworded.
      message: /[\u4e00-\u9fff]/.test(original) ? original : PHRASES[constraint]?.(field, original) ?? original,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * A field that may be left out, but not sent as null: its validators run on null as on any other
 * value, so `{"title": null}` is a 400 naming `title` (class-validator's `@IsOptional()` skips
 * null too, and the null reached the services). Fields for which null means something (“null
 * clears it”) keep `@IsOptional()` with `@ValidateIf((_, value) => value !== null)`.
 */
export function IsOptionalNotNull(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}

/**
 * A YYYY-MM-DD date that is on the calendar, in the years a DATE column holds (1000–9999):
 * `2026-02-30` matched the date patterns, and a DATE column on MariaDB refused it (a 500). The
 * format itself is left to the field's pattern (`@Matches`), which says so in its own words.
 */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => {
          const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
          if (!match) return true;
          const [year, month, day] = match.slice(1).map(Number);
          const date = new Date(Date.UTC(year, month - 1, day));
          return year >= 1000 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
        },
        defaultMessage: (args) => `${args?.property ?? '日期'} 不是日历上有的日期`,
      },
    },
    options,
  );
}

/**
 * The global pipe: a DTO body must be a JSON object. Nest's own pipe reads a missing or null
 * body as `{}`, which an update of nothing then failed on; an array, string or number is refused
 * here too, naming `body`.
 */
class BodyValidationPipe extends ValidationPipe {
  constructor(options: ValidationPipeOptions) {
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && this.toValidate(metadata) && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      const message = value === undefined || value === null ? '缺少请求内容：请以 JSON 对象提交' : '请求内容应为 JSON 对象';
      throw new AppError(ErrorCode.ValidationFailed, HttpStatus.BAD_REQUEST, `请求内容有误：${message}`, [
        { field: 'body', constraint: 'isObject', message },
      ]);
    }
    return super.transform(value, metadata);
  }
}

/** Whitelist, refuse unknown fields, transform; every failure becomes VALIDATION_FAILED. */
export function createValidationPipe(): ValidationPipe {
  return new BodyValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      return new AppError(
        ErrorCode.ValidationFailed,
        HttpStatus.BAD_REQUEST,
        `请求内容有误：${details.map((detail) => detail.message).join('；')}`,
        details,
      );
    },
  });
}

const pagePipe = createValidationPipe();

/** The API's validation, for input that does not come through a JSON body (the pages' forms). */
export async function validateInput<T extends object>(type: new () => T, plain: object): Promise<T> {
  return pagePipe.transform(plain, { type: 'body', metatype: type }) as Promise<T>;
}
