// Most vendor identity MIBs are a few scalars: one GET of the OIDs a vendor file names, then its own rules.
import type { SnmpClient } from '../../../snmp/client';
import { vbText } from '../../../snmp/values';
import type { DevicePoll } from '../../types';
import { getTolerant } from '../get-tolerant';
import type { PollModule } from '../registry';
import { meaningful } from './entity';

export type Values = Readonly<Record<string, string | undefined>>;

export interface ScalarSpec {
  name: string;
  /** OS codes the module applies to. */
  os: readonly string[];
  /** label → OID; read in one GET. */
  oids: Readonly<Record<string, string>>;
  applies?(out: DevicePoll): boolean;
  fill(v: Values, out: DevicePoll): void;
}

export async function readScalars(client: SnmpClient, oids: Readonly<Record<string, string>>): Promise<Values> {
  const keys = Object.keys(oids);
  const vbs = await getTolerant(client, keys.map((k) => oids[k]));
  const v: Record<string, string | undefined> = {};
  keys.forEach((k, i) => {
    v[k] = meaningful(vbText(vbs[i]));
  });
  return v;
}

export function scalarModule(spec: ScalarSpec): PollModule {
  return {
    name: spec.name,
    stage: 'vendor',
    os: spec.os,
    applies: spec.applies,
    async run(c, out) {
      spec.fill(await readScalars(c, spec.oids), out);
    },
  };
}

/** Sets the identity fields given (non-empty values only), leaving the others as they are. */
export function setIdentity(out: DevicePoll, f: { hardware?: string; serial?: string; version?: string }): void {
  const h = meaningful(f.hardware);
  const s = meaningful(f.serial);
  const v = meaningful(f.version);
  if (h) out.hardware = h;
  if (s) out.serial = s;
  if (v) out.version = v;
}

/** First capture group of `re` in `s`. */
export function grab(s: string | undefined, re: RegExp): string | undefined {
  const m = s ? re.exec(s) : null;
  return m ? m[1] : undefined;
}
