/**
 * The first Super Admin made from ADMIN_EMAIL and ADMIN_PASSWORD: Strapi's password rules,
 * each broken one named, checked before the database is read; nobody made when an admin exists.
 */

import type { Core } from '@strapi/strapi';

import { createFirstAdmin, passwordProblems } from '../../src/setup/first-admin';

describe('passwordProblems', () => {
  it('finds nothing wrong with a good password', () => {
    expect(passwordProblems('Sup3rSecretPass')).toEqual([]);
  });

  it.each([
    ['Sh0rtPw', ['be at least 8 characters long']],
    ['alllowercase1', ['contain at least one uppercase letter']],
    ['ALLUPPERCASE1', ['contain at least one lowercase letter']],
    ['NoDigitsHere', ['contain at least one number']],
    [
      '',
      [
        'be at least 8 characters long',
        'contain at least one lowercase letter',
        'contain at least one uppercase letter',
        'contain at least one number',
      ],
    ],
    [`Aa1${'x'.repeat(69)}`, []],
    [`Aa1${'x'.repeat(70)}`, ['be at most 72 bytes long']],
    // 38 characters, but 73 bytes in UTF-8.
    [`Aa1${'é'.repeat(35)}`, ['be at most 72 bytes long']],
  ])('%p must %p', (password, problems) => {
    expect(passwordProblems(password)).toEqual(problems);
  });
});

describe('createFirstAdmin', () => {
  const GOOD = { ADMIN_EMAIL: 'Chief.Editor@Newsroom.test', ADMIN_PASSWORD: 'Sup3rSecretPass' };

  const stub = (exists = false) => {
    const users = {
      exists: jest.fn(async () => exists),
      createFirstAdmin: jest.fn(async () => ({ id: 1 })),
    };
    const log = { info: jest.fn(), warn: jest.fn(), error: jest.fn(), debug: jest.fn() };
    const service = jest.fn(() => users);
    // A stand-in with only the members createFirstAdmin touches: not a whole Strapi.
    const strapi = { service, log } as unknown as Core.Strapi;
    return { strapi, users, service, log };
  };

  it('does nothing when neither variable is set', async () => {
    const { strapi, users, service } = stub();

    await createFirstAdmin(strapi, {});

    expect(service).not.toHaveBeenCalled();
    expect(users.createFirstAdmin).not.toHaveBeenCalled();
  });

  it.each([
    [{ ADMIN_EMAIL: GOOD.ADMIN_EMAIL }, 'ADMIN_PASSWORD is not set'],
    [{ ADMIN_PASSWORD: GOOD.ADMIN_PASSWORD }, 'ADMIN_EMAIL is not set'],
    [{ ADMIN_EMAIL: GOOD.ADMIN_EMAIL, ADMIN_PASSWORD: '' }, 'ADMIN_PASSWORD is not set'],
  ])('refuses one variable without the other (%p)', async (env, message) => {
    const { strapi, users } = stub();

    await expect(createFirstAdmin(strapi, env)).rejects.toThrow(message);
    expect(users.createFirstAdmin).not.toHaveBeenCalled();
  });

  it.each(['not-an-email', 'two@@x.test', 'no-dot@localhost', 'spa ce@x.test'])(
    'refuses an ADMIN_EMAIL that is not an email (%p)',
    async (email) => {
      const { strapi, users } = stub();

      await expect(createFirstAdmin(strapi, { ...GOOD, ADMIN_EMAIL: email })).rejects.toThrow(
        `ADMIN_EMAIL "${email}" is not an email address.`,
      );
      expect(users.createFirstAdmin).not.toHaveBeenCalled();
    },
  );

  it("refuses a password that breaks Strapi's rules, naming each rule", async () => {
    const { strapi, users } = stub();

    await expect(createFirstAdmin(strapi, { ...GOOD, ADMIN_PASSWORD: 'short' })).rejects.toThrow(
      "ADMIN_PASSWORD breaks Strapi's password rules: it must be at least 8 characters long, and " +
        'contain at least one uppercase letter, and contain at least one number.',
    );
    expect(users.createFirstAdmin).not.toHaveBeenCalled();
  });

  it('creates the first Super Admin, with a lowercased email and the default first name', async () => {
    const { strapi, users, service, log } = stub();

    await createFirstAdmin(strapi, GOOD);

    expect(service).toHaveBeenCalledWith('admin::user');
    expect(users.createFirstAdmin).toHaveBeenCalledTimes(1);
    expect(users.createFirstAdmin).toHaveBeenCalledWith({
      email: 'chief.editor@newsroom.test',
      password: 'Sup3rSecretPass',
      firstname: 'Admin',
      lastname: undefined,
    });
    expect(log.info).toHaveBeenCalledWith(expect.stringContaining('chief.editor@newsroom.test'));
  });

  it('takes the names from ADMIN_FIRSTNAME and ADMIN_LASTNAME', async () => {
    const { strapi, users } = stub();

    await createFirstAdmin(strapi, { ...GOOD, ADMIN_FIRSTNAME: 'Ada', ADMIN_LASTNAME: 'Lovelace' });

    expect(users.createFirstAdmin).toHaveBeenCalledWith(
      expect.objectContaining({ firstname: 'Ada', lastname: 'Lovelace' }),
    );
  });

  it('creates nobody when an administrator exists', async () => {
    const { strapi, users } = stub(true);

    await createFirstAdmin(strapi, GOOD);

    expect(users.exists).toHaveBeenCalled();
    expect(users.createFirstAdmin).not.toHaveBeenCalled();
  });

  it('checks the variables before looking at the database', async () => {
    const { strapi, users } = stub(true);

    await expect(createFirstAdmin(strapi, { ...GOOD, ADMIN_PASSWORD: 'weak' })).rejects.toThrow(
      'ADMIN_PASSWORD',
    );
    expect(users.exists).not.toHaveBeenCalled();
  });
});
