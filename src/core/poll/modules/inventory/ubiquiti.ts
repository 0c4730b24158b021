// Ubiquiti UBNT MIBs: UniFi APs (unifiApSystemModel/Version), airMAX (IEEE 802.11 MIB product name/version),
// airFiber, airFiber LTU, airFiber 60 and EdgePower each in their own subtree.
import { vbText } from '../../../snmp/values';
import type { PollModule } from '../registry';
import { readScalars, scalarModule, setIdentity, grab } from './scalars';

const UBNT = '1.3.6.1.4.1.41112.1';
/** "XC.qca955x.v8.5.1.37185.180307.0931" → "8.5.1.37185.180307.0931"; "GP.ipq806x.v2.6.0-RC.46590…" → "v2.6.0-RC". */
const afterV = (s: string | undefined) => grab(s, /\.v(\d.*)$/);
const shortV = (s: string | undefined) => grab(s, /\.(v\d+\.\d+\.\d+(?:-[A-Za-z0-9]+)?)\./) ?? s;

const airos: PollModule = {
  name: 'inventory-airos',
  stage: 'vendor',
  os: ['airos'],
  async run(c, out) {
    // dot11manufacturerProductName/Version, first radio only.
    const [name, ver] = await Promise.all([c.walk('1.2.840.10036.3.1.2.1.3', 1, 1), c.walk('1.2.840.10036.3.1.2.1.4', 1, 1)]);
    setIdentity(out, { hardware: vbText(name[0]), version: afterV(vbText(ver[0])) });
  },
};

export const UBIQUITI_MODULES: PollModule[] = [
  {
    name: 'inventory-unifi',
    stage: 'vendor',
    os: ['unifi'],
    async run(c, out) {
      const v = await readScalars(c, { model: `${UBNT}.6.3.3.0`, version: `${UBNT}.6.3.6.0` });
      if (v.model || v.version) {
        setIdentity(out, { hardware: v.model, version: v.version });
        return;
      }
      // Firmware without the UniFi MIB: the first radio's IEEE 802.11 product name and "BZ.…v4.3.28.11361…" release.
      const [name, ver] = await Promise.all([c.walk('1.2.840.10036.3.1.2.1.3', 1, 1), c.walk('1.2.840.10036.3.1.2.1.4', 1, 1)]);
      setIdentity(out, { hardware: vbText(name[0]), version: grab(vbText(ver[0]), /(v\d+\.\d+\.\d+\.\d+)/) });
    },
  },
  airos,
  scalarModule({
    name: 'inventory-airos-af', os: ['airos-af'],
    oids: { version: `${UBNT}.3.2.1.40.1` },
    fill: (v, out) => setIdentity(out, { version: v.version }),
  }),
  scalarModule({
    name: 'inventory-airos-af-ltu', os: ['airos-af-ltu'],
    oids: { model: `${UBNT}.10.1.3.2.0`, version: `${UBNT}.10.1.3.4.0` },
    fill: (v, out) => setIdentity(out, { hardware: v.model, version: v.version }),
  }),
  scalarModule({
    name: 'inventory-airos-af60', os: ['airos-af60'],
    oids: { model: `${UBNT}.11.1.2.2.1`, version: `${UBNT}.11.1.2.4.1` },
    fill: (v, out) => setIdentity(out, { hardware: v.model, version: shortV(v.version) }),
  }),
  {
    name: 'inventory-edgeos',
    stage: 'vendor',
    os: ['edgeos'],
    async run(c, out) {
      // UBNT-EdgeMAX-MIB ubntModel/ubntVersion where the release has them; older EdgeOS names the router only in the
      // command line of its discovery daemon ("-S UBNT EdgeRouter Lite 3-Port running on v2.0.9…", hrSWRunParameters).
      const v = await readScalars(c, { model: `${UBNT}.5.1.1.0`, version: `${UBNT}.5.1.3.0` });
      let hardware = v.model;
      // Only where the MIB has no model (older EdgeOS): a newer one is never asked for its process table.
      if (!hardware) {
        for (const vb of await c.walk('1.3.6.1.2.1.25.4.2.1.5', 50, 2000)) {
          hardware = grab(vbText(vb), /UBNT (.*) running on/);
          if (hardware) break;
        }
      }
      setIdentity(out, { hardware, version: v.version ?? grab(out.sysDescr, /v(\d+\.\d+\.\d+)/) });
    },
  },
  scalarModule({
    name: 'inventory-edgepower', os: ['edgeos-ep'],
    oids: { model: `${UBNT}.5.1.1.0`, version: `${UBNT}.5.1.3.0` },
    fill: (v, out) => setIdentity(out, { hardware: v.model, version: v.version }),
  }),
];
