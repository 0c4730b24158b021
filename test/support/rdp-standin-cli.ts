// The stand-in programs' entry point: rdp-standin-cli.js STATEFILE PROGRAM ARGS... (see rdp-standin.ts).
import { readFileSync } from 'node:fs';
import * as iconv from 'iconv-lite';
import { netGroupText, quserText, tasklistText, WORDS, writeAtomic, type StandinState } from './rdp-standin';

function main(): number {
  const [stateFile, program, ...args] = process.argv.slice(2);
  const st = JSON.parse(readFileSync(stateFile, 'utf8')) as StandinState;
  const enc = st.codepage === 65001 ? 'utf8' : `cp${st.codepage}`;
  const out = (t: string) => process.stdout.write(iconv.encode(t, enc));
  const err = (t: string) => process.stderr.write(iconv.encode(t, enc));
  const save = () => writeAtomic(stateFile, JSON.stringify(st, null, 2));
  const local = args.filter((a) => !a.toLowerCase().startsWith('/server:'));
  st.calls.push([program, ...args]);
  const id = Number(local[0]);
  const find = () => st.sessions.find((s) => s.id === id);
  let code = 0;
  switch (program) {
    case 'chcp':
      out(`${WORDS[st.language].chcp}${st.codepage}\r\n`);
      break;
    case 'quser': {
      st.quserCalls++;
      if (st.sessions.length) out(quserText(st));
      else {
        err(`${WORDS[st.language].noUser}\r\n`);
        code = 1;
      }
      const change = st.changes.find((c) => c.afterQuser === st.quserCalls);
      if (change) st.sessions = change.sessions;
      break;
    }
    case 'logoff':
    case 'tsdiscon': {
      const s = find();
      if (!s) {
        err(`Session ID ${local[0]} not found\r\n`);
        code = 1;
      } else if (program === 'logoff') st.sessions = st.sessions.filter((x) => x !== s);
      else Object.assign(s, { state: 'Disc', session: '' });
      break;
    }
    case 'net': {
      const domain = local[0] === 'group' && local.some((a) => a.toLowerCase() === '/domain');
      const text = netGroupText(st, domain, local[1] ?? '');
      if (text) out(text);
      else {
        err(`System error ${domain ? 2220 : 1376} has occurred.\r\n\r\nThe specified ${domain ? 'group' : 'local group'} does not exist.\r\n`);
        code = 2;
      }
      break;
    }
    case 'tasklist':
      out(tasklistText(st));
      break;
    case 'msg':
      if (!find()) {
        err(`Session ${local[0]} not found\r\n`);
        code = 1;
      } else st.messages.push({ id, text: local.slice(1).join(' ') });
      break;
    default:
      err(`'${program}' is not recognized as an internal or external command\r\n`);
      code = 1;
  }
  save();
  return code;
}

process.exitCode = main();
