import { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument } from '../../src/core/http';
import { createTestApp, TestApp } from '../setup/test-app';

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  enum?: unknown[];
};
type Operation = { operationId?: string; responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> };

/**
 * What a JSON schema leaves undescribed: an object with neither properties nor
 * additionalProperties (a free-form map must say so), an array without items, a schema with no
 * type at all. Each problem comes with its path inside the schema, so a failure names the field.
 */
function undescribed(document: OpenAPIObject, schema: Schema | undefined, at: string, seen = new Set<string>()): string[] {
  if (!schema) return [`${at}: no schema`];
  if (schema.$ref) {
    if (seen.has(schema.$ref)) return [];
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name] as Schema | undefined;
    return target ? undescribed(document, target, `${at}→${name}`, new Set([...seen, schema.$ref])) : [`${at}: ${schema.$ref} is not in the components`];
  }
  const parts = [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];
  if (parts.length > 0) return parts.flatMap((part, index) => undescribed(document, part, `${at}[${index}]`, seen));
  if (schema.type === 'array') return undescribed(document, schema.items, `${at}[]`, seen);
  if (schema.type === 'object' || schema.properties) {
    const problems: string[] = [];
    if (!schema.properties && schema.additionalProperties === undefined) problems.push(`${at}: an object without properties`);
    for (const [name, property] of Object.entries(schema.properties ?? {})) problems.push(...undescribed(document, property, `${at}.${name}`, seen));
    if (typeof schema.additionalProperties === 'object') problems.push(...undescribed(document, schema.additionalProperties, `${at}{}`, seen));
    return problems;
  }
  if (!schema.type && !schema.enum) return [`${at}: no type`];
  return [];
}

// What the API answers is what reviewers read in the OpenAPI snapshot: a field added to an
// answer (the worst case: one that says something about a writer) shows up there only if every
// answer has a schema with its properties.
describe('the OpenAPI document describes every answer of /api/v1', () => {
  let t: TestApp;
  let document: OpenAPIObject;
  beforeAll(async () => {
    t = await createTestApp();
    document = await buildOpenApiDocument(t.app);
  });
  afterAll(() => t?.close());

  it('gives each 2xx answer a schema, and each JSON one its properties, nested objects too', () => {
    const problems: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      if (!path.startsWith('/api/v1/')) continue;
      for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
        const name = `${method.toUpperCase()} ${path} (${operation.operationId})`;
        const successes = Object.entries(operation.responses ?? {}).filter(([status]) => status.startsWith('2'));
        if (successes.length === 0) problems.push(`${name}: no 2xx answer documented`);
        for (const [status, response] of successes) {
          if (status === '204') continue;
          const content = response.content ?? {};
          if (Object.keys(content).length === 0) problems.push(`${name} ${status}: no content documented`);
          for (const [type, media] of Object.entries(content)) {
            if (type === 'application/json') problems.push(...undescribed(document, media.schema, `${name} ${status}`));
            else if (!media.schema?.type || media.schema.type === 'object') problems.push(`${name} ${status} ${type}: not described as text or binary`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
