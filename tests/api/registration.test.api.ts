/**
 * Public registration (`POST /api/auth/local/register`) is off unless PUBLIC_REGISTRATION=true:
 * off, it is refused with users-permissions' 403 in Strapi's error shape and makes no account;
 * on, it answers 200 and the account exists. The boot step that sets it runs at every start, and
 * sets back what an administrator changed by hand; the step is run again here as a boot runs it.
 */

import { UP_PERMISSION_UID, UP_REGISTER_ACTION, UP_ROLE_UID } from '../../src/constants';
import { describeWithDatabase } from '../helpers/services';
import { appModule, bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

type RegistrationStep = typeof import('../../src/setup/public-registration');

describeWithDatabase('public registration', () => {
  let app: TestApp;
  let step: RegistrationStep;
  let registrations = 0;

  /** A sign-up with fresh credentials; answers the response and the email it used. */
  const register = async () => {
    registrations += 1;
    const email = `signup-${registrations}@newsroom.test`;
    const res = await app
      .request()
      .post('/api/auth/local/register')
      .send({ username: `signup-${registrations}`, email, password: 'Signup-Passw0rd' });
    return { res, email };
  };
  const accountsWith = (email: string) =>
    app.strapi.db.query('plugin::users-permissions.user').count({ where: { email } });
  /** Runs the boot step as a start with `PUBLIC_REGISTRATION=value` runs it. */
  const bootStepWith = (value?: string) =>
    step.setPublicRegistration(
      app.strapi,
      value === undefined ? {} : { PUBLIC_REGISTRATION: value },
    );

  const expectRefused = async () => {
    const { res, email } = await register();
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      data: null,
      error: { status: 403, name: 'ForbiddenError', message: 'Forbidden', details: {} },
    });
    expect(await accountsWith(email)).toBe(0);
  };

  beforeAll(async () => {
    app = await bootStrapi();
    step = appModule<RegistrationStep>('setup/public-registration');
  });
  afterAll(stopStrapi);

  it('is refused by default (403), and makes no account', expectRefused);

  it('is open with PUBLIC_REGISTRATION=true: 200, a JWT, and the account', async () => {
    await bootStepWith('true');
    const { res, email } = await register();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ jwt: expect.any(String), user: { email } });
    expect(await accountsWith(email)).toBe(1);
  });

  it('is closed again by the next start without the setting', async () => {
    await bootStepWith('false');
    await expectRefused();
  });

  it("sets back at start what an administrator opened by hand (the plugin's setting and the permission)", async () => {
    const store = app.strapi.store({ type: 'plugin', name: 'users-permissions' });
    const advanced = (await store.get({ key: 'advanced' })) as Record<string, unknown>;
    expect(advanced.allow_register).toBe(false);
    await store.set({ key: 'advanced', value: { ...advanced, allow_register: true } });
    const role = await app.strapi.db.query(UP_ROLE_UID).findOne({ where: { type: 'public' } });
    await app.strapi.db
      .query(UP_PERMISSION_UID)
      .create({ data: { role: role.id, action: UP_REGISTER_ACTION } });
    expect((await register()).res.status).toBe(200);

    await bootStepWith(undefined);
    await expectRefused();
    expect(((await store.get({ key: 'advanced' })) as Record<string, unknown>).allow_register).toBe(
      false,
    );
  });

  it.each(['yes', '1', 'on'])('stops the start on PUBLIC_REGISTRATION=%j, naming it', (value) => {
    expect(() => step.publicRegistrationEnabled({ PUBLIC_REGISTRATION: value })).toThrow(
      `PUBLIC_REGISTRATION must be true or false (unset: false), not "${value}".`,
    );
  });
});
