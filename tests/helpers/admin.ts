import supertest from 'supertest';

import { TEST_ADMIN, type TestApp } from './strapi';

const CM = '/content-manager/collection-types';

/** Logs in to the admin API (as the first Super Admin unless told) and answers its bearer token. */
export const adminLogin = async (
  app: TestApp,
  credentials: { email: string; password: string } = TEST_ADMIN,
): Promise<string> => {
  const res = await app.request().post('/admin/login').send(credentials);
  if (res.status !== 200)
    throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.token as string;
};

/** The content manager's routes, as the admin panel calls them, for one admin user. */
export const contentManager = (app: TestApp, token: string) => {
  const call = (test: supertest.Test) => test.set('Authorization', `Bearer ${token}`);
  const agent = () => app.request();
  return {
    create: (uid: string, data: Record<string, unknown>) =>
      call(agent().post(`${CM}/${uid}`).send(data)),
    update: (uid: string, documentId: string, data: Record<string, unknown>) =>
      call(agent().put(`${CM}/${uid}/${documentId}`).send(data)),
    findOne: (uid: string, documentId: string, query = '') =>
      call(agent().get(`${CM}/${uid}/${documentId}${query}`)),
    findMany: (uid: string, query = '') => call(agent().get(`${CM}/${uid}${query}`)),
    publish: (uid: string, documentId: string, data: Record<string, unknown> = {}) =>
      call(agent().post(`${CM}/${uid}/${documentId}/actions/publish`).send(data)),
    unpublish: (uid: string, documentId: string) =>
      call(agent().post(`${CM}/${uid}/${documentId}/actions/unpublish`).send({})),
    bulkPublish: (uid: string, documentIds: string[]) =>
      call(agent().post(`${CM}/${uid}/actions/bulkPublish`).send({ documentIds })),
    remove: (uid: string, documentId: string) => call(agent().delete(`${CM}/${uid}/${documentId}`)),
    bulkDelete: (uid: string, documentIds: string[]) =>
      call(agent().post(`${CM}/${uid}/actions/bulkDelete`).send({ documentIds })),
    generateUid: (uid: string, field: string, data: Record<string, unknown>) =>
      call(
        agent().post('/content-manager/uid/generate').send({ contentTypeUID: uid, field, data }),
      ),
  };
};
