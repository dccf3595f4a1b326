import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The secrets Strapi and its plugins need. In production every one must come from the environment;
 * elsewhere a missing one is generated once and kept in `.tmp/secrets.json` (git-ignored), so a fresh
 * clone runs without a hand-made `.env` and never commits a secret.
 */
export const SECRET_NAMES = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
  'PREVIEW_SECRET',
] as const;

export type SecretName = (typeof SECRET_NAMES)[number];
export type Secrets = Record<SecretName, string>;

export class MissingSecretsError extends Error {
  constructor(public readonly missing: string[]) {
    super(
      `Missing required secrets for production: ${missing.join(', ')}. ` +
        'Set each of them in the environment (`npm run secrets` prints fresh values); see docs/configuration.md, "Secrets".',
    );
    this.name = 'MissingSecretsError';
  }
}

const randomSecret = (): string => randomBytes(24).toString('base64');

export const generateSecrets = (): Secrets => ({
  APP_KEYS: Array.from({ length: 4 }, randomSecret).join(','),
  API_TOKEN_SALT: randomSecret(),
  ADMIN_JWT_SECRET: randomSecret(),
  TRANSFER_TOKEN_SALT: randomSecret(),
  JWT_SECRET: randomSecret(),
  ENCRYPTION_KEY: randomSecret(),
  PREVIEW_SECRET: randomSecret(),
});

const readLocalSecrets = (file: string): Partial<Secrets> => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Secrets>;
  } catch {
    return {};
  }
};

interface ResolveOptions {
  env?: NodeJS.ProcessEnv;
  /** Where development secrets are kept; relative to the working directory. */
  localFile?: string;
}

/**
 * Secrets from the environment, or (outside production) from the local file, generating what is
 * missing. Throws a {@link MissingSecretsError} naming every missing variable in production.
 */
export const resolveSecrets = ({
  env = process.env,
  localFile = env.SECRETS_FILE || path.join('.tmp', 'secrets.json'),
}: ResolveOptions = {}): Secrets => {
  const fromEnv = Object.fromEntries(
    SECRET_NAMES.filter((name) => env[name]).map((name) => [name, env[name] as string]),
  ) as Partial<Secrets>;
  const missing = SECRET_NAMES.filter((name) => !fromEnv[name]);
  if (missing.length === 0) return fromEnv as Secrets;

  if (env.NODE_ENV === 'production') throw new MissingSecretsError(missing);

  const file = path.resolve(localFile);
  const stored = readLocalSecrets(file);
  const complete = { ...generateSecrets(), ...stored };
  if (SECRET_NAMES.some((name) => !stored[name])) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(complete, null, 2)}\n`, { mode: 0o600 });
  }
  return { ...complete, ...fromEnv };
};
