import type { Core } from '@strapi/strapi';

/**
 * The admin panel's password rules (`@strapi/admin`, common-validators), checked here so that a
 * bad `ADMIN_PASSWORD` stops the boot with the rule it breaks rather than later, in a browser.
 */
const PASSWORD_RULES: Array<[string, (password: string) => boolean]> = [
  ['be at least 8 characters long', (p) => p.length >= 8],
  ['be at most 72 bytes long', (p) => new TextEncoder().encode(p).length <= 72],
  ['contain at least one lowercase letter', (p) => /[a-z]/.test(p)],
  ['contain at least one uppercase letter', (p) => /[A-Z]/.test(p)],
  ['contain at least one number', (p) => /\d/.test(p)],
];

export const passwordProblems = (password: string): string[] =>
  PASSWORD_RULES.filter(([, holds]) => !holds(password)).map(([rule]) => rule);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface AdminUserService {
  exists(): Promise<boolean>;
  createFirstAdmin(attributes: {
    email: string;
    password: string;
    firstname: string;
    lastname?: string;
  }): Promise<unknown>;
}

/**
 * With `ADMIN_EMAIL` and `ADMIN_PASSWORD` set and no administrator yet, creates the first Super
 * Admin, so headless installs and tests need no browser. Anything wrong stops the boot, saying what.
 */
export const createFirstAdmin = async (
  strapi: Core.Strapi,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> => {
  const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = env;
  if (!email && !password) return;
  if (!email || !password) {
    throw new Error(
      `ADMIN_EMAIL and ADMIN_PASSWORD go together: ${email ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'} is not set.`,
    );
  }
  if (!EMAIL.test(email)) throw new Error(`ADMIN_EMAIL "${email}" is not an email address.`);
  const problems = passwordProblems(password);
  if (problems.length > 0) {
    throw new Error(
      `ADMIN_PASSWORD breaks Strapi's password rules: it must ${problems.join(', and ')}.`,
    );
  }

  const users = strapi.service('admin::user') as unknown as AdminUserService;
  if (await users.exists()) return;
  await users.createFirstAdmin({
    email: email.toLowerCase(),
    password,
    firstname: env.ADMIN_FIRSTNAME || 'Admin',
    lastname: env.ADMIN_LASTNAME || undefined,
  });
  strapi.log.info(`Created the first Super Admin, ${email.toLowerCase()}.`);
};
