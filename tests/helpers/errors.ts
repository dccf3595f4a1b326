import type { Response } from 'supertest';

/**
 * A 400 in Strapi's error shape (`{ data: null, error: { status, name, message, details } }`)
 * whose message contains `message` and, when given, whose details name the field `path`.
 */
export const expectValidationError = (res: Response, message: string | RegExp, path?: string) => {
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject({
    data: null,
    error: {
      status: 400,
      name: 'ValidationError',
      message: expect.any(String),
      details: expect.any(Object),
    },
  });
  const text = res.body.error.message as string;
  if (typeof message === 'string') expect(text).toContain(message);
  else expect(text).toMatch(message);
  if (path) {
    const errors = (res.body.error.details.errors ?? []) as Array<{ path: string[] }>;
    expect(errors.map((error) => error.path.join('.'))).toContain(path);
  }
};
