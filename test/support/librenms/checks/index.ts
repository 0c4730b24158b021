// Every field compared with LibreNMS. Each area adds its checks file here.
import { identityChecks } from './identity';
import { portChecks } from './ports';
import { supplyChecks } from './supplies';
import { upsChecks } from './ups';
import type { FieldCheck } from './types';

export const CHECKS: FieldCheck[] = [
  ...identityChecks,
  ...portChecks,
  ...supplyChecks,
  ...upsChecks,
];
