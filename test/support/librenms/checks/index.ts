// Every field compared with LibreNMS. Each area adds its checks file here.
import { identityChecks } from './identity';
import { mempoolChecks } from './mempools';
import { portChecks } from './ports';
import { processorChecks } from './processors';
import { storageChecks } from './storage';
import { sensorChecks } from './sensors';
import { supplyChecks } from './supplies';
import { upsChecks } from './ups';
import type { FieldCheck } from './types';

export const CHECKS: FieldCheck[] = [
  ...identityChecks,
  ...portChecks,
  ...processorChecks,
  ...mempoolChecks,
  ...storageChecks,
  ...sensorChecks,
  ...supplyChecks,
  ...upsChecks,
];
