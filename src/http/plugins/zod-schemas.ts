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
      const result = schema.safeParse(data);
      return result.success ? { value: result.data } : { error: result.error };
    };
  });
  app.setSerializerCompiler(
    () => (data: unknown) => (typeof data === 'string' ? data : JSON.stringify(data)),
  );
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
