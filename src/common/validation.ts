import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
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

/** Whitelist, refuse unknown fields, transform; every failure becomes VALIDATION_FAILED. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
