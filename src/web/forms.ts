import { AppError } from '../common/app-error';

/** A posted form's fields (urlencoded bodies parse to an object; anything else is no fields). */
export function formFields(body: unknown): Record<string, unknown> {
  return (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
}

/** One text field as sent (possibly empty), or undefined when absent or not text. */
export function formText(body: unknown, name: string): string | undefined {
  const value = formFields(body)[name];
  return typeof value === 'string' ? value : undefined;
}

/** A person reads the field messages themselves, without the API's "请求内容有误：" preamble. */
export function pageMessage(error: AppError): string {
  return error.message.replace(/^请求内容有误：/, '');
}
