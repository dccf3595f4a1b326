import type { Response } from 'supertest';

/**
 * An error in Strapi's shape, `{ data: null, error: { status, name, message, details? } }`, as
 * JSON, with the HTTP status `status` (and the error name `name`, when given). `details` is not
 * required: Koa's body parser answers 400 and 413 without it.
 */
export const expectError = (res: Response, status: number, name?: string) => {
  expect({ status: res.status, body: res.body }).toEqual({
    status,
    body: {
      data: null,
      error: expect.objectContaining({
        status,
        name: name ?? expect.any(String),
        message: expect.any(String),
      }),
    },
  });
  expect(res.headers['content-type']).toMatch(/application\/json/);
};

/**
 * A 400 `ValidationError` whose message contains `message` and, when given, whose details name
 * the field `path`.
 */
export const expectValidationError = (res: Response, message: string | RegExp, path?: string) => {
  expectError(res, 400, 'ValidationError');
  const text = res.body.error.message as string;
  if (typeof message === 'string') expect(text).toContain(message);
  else expect(text).toMatch(message);
  if (path) {
    const errors = (res.body.error.details.errors ?? []) as Array<{ path: string[] }>;
    expect(errors.map((error) => error.path.join('.'))).toContain(path);
  }
};

/** Awaits a promise that must fail, and answers its error. */
export const rejectionOf = async (promise: Promise<unknown>): Promise<Error> => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to be refused, but it succeeded');
};
