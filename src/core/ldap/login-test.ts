// The step-by-step login test: connect, service bind, find the user, bind as the user, read groups, decide,
// and say what Observium would grant. Each step is timed; the first failure names its step and its cause.
import { performance } from 'node:perf_hooks';
import type { Client } from 'ldapts';
import { redact, type SecretSource } from '../host';
import { connect, makeClient, tlsOptionsFor, type ServerInfo } from './connect';
import { values } from './entry';
import { dnEquals, domainOf, firstRdnValue } from './dn';
import { adBindDetail, classifyConnectError, classifyLdapError, isResultCodeError, LdapStepError, type FailureReason, type StepName } from './errors';
import { loginAttribute, userSearchFilter } from './filter';
import { explainMembership, readMemberships, resolveGroup, type Memberships, type UserFound } from './membership';
import { levelName, observiumLevel } from './grant';
import type { DirectoryProfile } from './types';

export interface StepResult {
  step: StepName;
  title: string;
  ok: boolean;
  /** True for steps not run because an earlier one failed (or that do not apply). */
  skipped?: boolean;
  ms: number;
  message: string;
  reason?: FailureReason;
}

export interface LoginTestResult {
  profile: string;
  user: string;
  server?: ServerInfo;
  steps: StepResult[];
  userDn?: string;
  groups: string[];
  allowed: boolean;
  observium?: { level: number; levelName: string; through: string[] };
  failure?: { step: StepName; reason: FailureReason; message: string };
}

export interface LoginTestInput {
  user: string;
  password: string;
  /** Resolves profile.credential to the bind password. */
  secrets: SecretSource;
}

const TITLES: Record<StepName, string> = {
  connect: 'Connect (TLS checked)',
  serviceBind: 'Bind as the service account',
  findUser: 'Find the user',
  userBind: 'Bind as the user',
  groups: 'Read group membership',
  decision: 'Allowed?',
  observium: 'What Observium would grant',
};

const ORDER: StepName[] = ['connect', 'serviceBind', 'findUser', 'userBind', 'groups', 'decision', 'observium'];

export async function runLoginTest(profile: DirectoryProfile, input: LoginTestInput): Promise<LoginTestResult> {
  const result: LoginTestResult = { profile: profile.name, user: input.user, steps: [], groups: [], allowed: false };
  const secretsToHide = [input.password];
  let client: Client | undefined;
  let activeDirectory = false;
  let user: UserFound | undefined;
  let memberships: Memberships | undefined;
  let targetDn: string | undefined;

  const run = async (step: StepName, body: () => Promise<string>): Promise<boolean> => {
    const t0 = performance.now();
    try {
      const message = await body();
      result.steps.push({ step, title: TITLES[step], ok: true, ms: elapsed(t0), message: redact(message, secretsToHide) });
      return true;
    } catch (err) {
      const e = err instanceof LdapStepError ? err : new LdapStepError(step, 'ldap-error', (err as Error)?.message ?? String(err));
      const message = redact(e.message, secretsToHide);
      result.steps.push({ step, title: TITLES[step], ok: false, ms: elapsed(t0), message, reason: e.reason });
      result.failure = { step, reason: e.reason, message };
      return false;
    }
  };

  try {
    const ok =
      (await run('connect', async () => {
        const c = await connect(profile);
        client = c.client;
        activeDirectory = c.info.activeDirectory;
        result.server = c.info;
        const skipped = c.skipped.length ? ` (after ${c.skipped.length} unreachable: ${c.skipped.join('; ')})` : '';
        return `${c.info.url}${profile.startTls ? ' + StartTLS' : ''}: ${c.info.tls}${c.info.activeDirectory ? '; Active Directory' : c.info.vendor ? `; ${c.info.vendor}` : ''}${skipped}`;
      })) &&
      (await run('serviceBind', async () => {
        if (!profile.bindDn) return 'anonymous (no bindDn in the profile)';
        const pw = profile.credential ? await input.secrets.get(profile.credential) : undefined;
        if (pw === undefined) {
          throw new LdapStepError('serviceBind', 'missing-secret', `no password stored for credential "${profile.credential}" (CLI: set PARC_CRED_${(profile.credential ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '_')})`);
        }
        secretsToHide.push(pw);
        try {
          await client!.bind(profile.bindDn, pw);
        } catch (err) {
          throw bindError('serviceBind', err, `service account ${profile.bindDn}`);
        }
        return `bound as ${profile.bindDn}`;
      })) &&
      (await run('findUser', async () => {
        user = await findUser(client!, profile, input.user);
        result.userDn = user.dn;
        return `${input.user} is ${user.dn}`;
      })) &&
      (await run('userBind', async () => {
        if (input.password === '') {
          // An empty password makes a simple bind "unauthenticated" and many servers accept it: never test that way.
          throw new LdapStepError('userBind', 'empty-password', 'the password is empty; an empty simple bind would be accepted as anonymous, so it is refused here');
        }
        await bindAsUser(profile, result.server!.url, user!.dn, input.password);
        return `password accepted for ${user!.dn}`;
      })) &&
      (await run('groups', async () => {
        const groupBase = profile.groupBase ?? (profile.group?.includes('=') ? domainOf(profile.group) : undefined) ?? domainOf(profile.userBase) ?? profile.userBase;
        if (profile.group) targetDn = await resolveGroup(client!, profile.group, groupBase);
        memberships = await readMemberships(client!, profile, user!, groupBase, activeDirectory);
        result.groups = memberships.groups;
        const names = memberships.groups.map(firstRdnValue);
        return `${memberships.groups.length} group(s)${names.length ? `: ${names.join(', ')}` : ''} [${memberships.method}]`;
      })) &&
      (await run('decision', async () => {
        if (!targetDn) {
          result.allowed = true;
          return 'allowed: no group is required by this profile, a valid password is enough';
        }
        const member = memberships!.groups.find((g) => dnEquals(g, targetDn!));
        if (!member) {
          const hint = profile.nested ? '' : ' (nested: false — membership through other groups is not followed)';
          throw new LdapStepError('decision', 'not-in-group', `${input.user} is not a member of ${targetDn}${hint}`);
        }
        result.allowed = true;
        return `allowed: member of ${targetDn} ${explainMembership(memberships!, targetDn)}`;
      }));
    if (ok && !profile.levels.length) {
      result.steps.push({ step: 'observium', title: TITLES.observium, ok: true, skipped: true, ms: 0, message: 'no levels in this profile (levels: in parc.yaml, auth_ldap_groups in config.php); without them Observium gives level 0 (no access)' });
    } else if (ok) {
      await run('observium', async () => {
        const groupBase = profile.groupBase ?? domainOf(profile.userBase) ?? profile.userBase;
        const g = observiumLevel(profile.levels, memberships!.groups, groupBase);
        result.observium = { level: g.level, levelName: levelName(g.level), through: g.through };
        return g.level > 0 ? `level ${g.level} (${levelName(g.level)}) through ${g.through.join(', ')}` : 'level 0: none of the auth_ldap_groups match, Observium would let the user in with no access';
      });
    }
  } finally {
    await (client as Client | undefined)?.unbind().catch(() => undefined);
  }
  for (const step of ORDER) {
    if (!result.steps.some((s) => s.step === step)) {
      result.steps.push({ step, title: TITLES[step], ok: false, skipped: true, ms: 0, message: result.failure ? `not run: ${result.failure.step} failed` : 'not run' });
    }
  }
  return result;
}

function elapsed(t0: number): number {
  return Math.round((performance.now() - t0) * 10) / 10;
}

function bindError(step: StepName, err: unknown, who: string): LdapStepError {
  if (isResultCodeError(err) && err.code === 49) {
    const ad = adBindDetail(err.message);
    if (ad) return new LdapStepError(step, ad[0], `${who}: ${ad[1]}`);
    return new LdapStepError(step, 'invalid-credentials', `${who}: ${step === 'serviceBind' ? 'wrong bind DN or password' : 'wrong password'} (invalid credentials)`);
  }
  if (isResultCodeError(err)) {
    const c = classifyLdapError(err, who);
    return new LdapStepError(step, c.reason, c.message);
  }
  const c = classifyConnectError(err, who, undefined);
  return new LdapStepError(step, c.reason, c.message);
}

async function findUser(client: Client, profile: DirectoryProfile, login: string): Promise<UserFound> {
  const filter = userSearchFilter(profile.userFilter, login);
  const attr = loginAttribute(profile.userFilter);
  let entries: Record<string, unknown>[];
  try {
    const r = await client.search(profile.userBase, { scope: 'sub', filter, attributes: ['memberOf', ...(attr ? [attr] : []), 'cn'], sizeLimit: 10 });
    entries = r.searchEntries as Record<string, unknown>[];
  } catch (err) {
    if (isResultCodeError(err) && err.code === 4) throw new LdapStepError('findUser', 'user-ambiguous', `more than 10 entries match ${filter} under ${profile.userBase}; the filter must match exactly one user`);
    const c = classifyLdapError(err, `searching ${filter} under ${profile.userBase}`);
    throw new LdapStepError('findUser', c.reason === 'no-such-base' ? 'no-such-base' : c.reason, c.reason === 'no-such-base' ? `userBase ${profile.userBase} does not exist on this server (check each OU)` : c.message);
  }
  if (!entries.length) throw new LdapStepError('findUser', 'user-not-found', `no entry matches ${filter} under ${profile.userBase}`);
  if (entries.length > 1) {
    throw new LdapStepError('findUser', 'user-ambiguous', `${entries.length} entries match ${filter} under ${profile.userBase} (${entries.map((e) => e.dn as string).join('; ')}); the filter must match exactly one user`);
  }
  const entry = entries[0];
  return { dn: entry.dn as string, login: (attr && values(entry, attr)[0]) || login, entry };
}

/** The user's bind runs on a connection of its own, so the service account's session (used for group reads) is untouched. */
async function bindAsUser(profile: DirectoryProfile, url: string, dn: string, password: string): Promise<void> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const tlsOptions = await tlsOptionsFor(profile, host);
  const { client } = makeClient(url, profile, tlsOptions);
  try {
    if (profile.startTls) await client.startTLS({ ...tlsOptions });
    await client.bind(dn, password);
  } catch (err) {
    throw bindError('userBind', err, dn);
  } finally {
    await client.unbind().catch(() => undefined);
  }
}
