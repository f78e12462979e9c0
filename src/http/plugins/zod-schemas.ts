// Lets routes declare zod schemas: validates requests with zod and hands JSON Schema (OpenAPI 3) to @fastify/swagger.
import type { FastifyInstance } from 'fastify';
import { z, ZodType } from 'zod';

function isZod(value: unknown): value is ZodType {
  return value instanceof ZodType;
}

/** Converts a zod schema to an OpenAPI 3.0 JSON Schema object (no $schema key). */
export function toOpenApiSchema(schema: ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  delete json.$schema;
  return json;
}

/**
 * Request validation by zod: route `schema.params|querystring|body|headers` hold zod schemas; a
 * failure throws the ZodError, which the errors plugin answers as 400 with details.
 * Response schemas are documentation: bodies are serialized with JSON.stringify (strings pass as is).
 */
export function useZodSchemas(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema }) => {
    if (!isZod(schema)) return () => true;
    return (data: unknown) => {
      // PostgreSQL cannot store U+0000 in text: refuse it here for every route, as bad input rather than a 500.
      const nul = pathOfNul(data);
      if (nul) return { error: nulError(nul) };
      const result = schema.safeParse(data);
      return result.success ? { value: result.data } : { error: result.error };
    };
  });
  app.setSerializerCompiler(
    () => (data: unknown) => (typeof data === 'string' ? data : JSON.stringify(data)),
  );
}

/** A ZodError (made by zod itself, so that it is an Error as Fastify expects) saying where the NUL is. */
function nulError(path: Array<string | number>): z.ZodError {
  const refused = z.unknown().superRefine((_, ctx) => {
    ctx.addIssue({ code: 'custom', message: 'Text must not contain NUL characters (U+0000).', path });
  });
  return refused.safeParse(null).error!;
}

/** The path of the first string (value or key) holding U+0000 in request data, or null. Iterative, and linear in the data's size. */
export function pathOfNul(data: unknown): Array<string | number> | null {
  // The usual body, one flat object of plain values, is looked at without building the walk's nodes (same
  // answer: keys first in order, then values from the last, as the walk below finds them).
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const record = data as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.every((k) => record[k] === null || typeof record[k] !== 'object')) {
      for (const key of keys) if (key.includes('\u0000')) return [key];
      for (let i = keys.length - 1; i >= 0; i--) {
        const value = record[keys[i]!];
        if (typeof value === 'string' && value.includes('\u0000')) return [keys[i]!];
      }
      return null;
    }
  }
  interface Node {
    value: unknown;
    key: string | number | null;
    parent: Node | null;
  }
  const pathTo = (node: Node | null, last?: string): Array<string | number> => {
    const path: Array<string | number> = last === undefined ? [] : [last];
    for (let n = node; n !== null && n.key !== null; n = n.parent) path.unshift(n.key);
    return path;
  };
  const stack: Node[] = [{ value: data, key: null, parent: null }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const value = node.value;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return pathTo(node);
    } else if (Array.isArray(value)) {
      value.forEach((item, k) => stack.push({ value: item, key: k, parent: node }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes('\u0000')) return pathTo(node, key);
        stack.push({ value: item, key, parent: node });
      }
    }
  }
  return null;
}

/** @fastify/swagger transform: turns each route's zod schemas into JSON Schema for the OpenAPI document. */
export function swaggerTransform({
  schema,
  url,
}: {
  schema: Record<string, unknown> | undefined;
  url: string;
}) {
  if (!schema) return { schema: schema as never, url };
  const out: Record<string, unknown> = { ...schema };
  for (const part of ['params', 'querystring', 'body', 'headers'] as const) {
    const value = schema[part];
    if (isZod(value)) out[part] = toOpenApiSchema(value, 'input');
  }
  const response = schema.response as Record<string, unknown> | undefined;
  if (response) {
    const converted: Record<string, unknown> = {};
    for (const [status, value] of Object.entries(response)) {
      // z.null() marks a response without a body (304): @fastify/swagger documents `type: 'null'` as no content.
      if (value instanceof z.ZodNull)
        converted[status] = { type: 'null', description: value.description ?? '' };
      else converted[status] = isZod(value) ? toOpenApiSchema(value, 'output') : value;
    }
    out.response = converted;
  }
  return { schema: out as never, url };
}
