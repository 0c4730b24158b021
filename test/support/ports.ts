import * as dgram from 'node:dgram';
import * as net from 'node:net';

// Why not bind(0): the kernel hands out ports from the ephemeral range (32768–60999), and once
// released the same port is soon handed to some client socket (an SNMP request, a DNS lookup) of
// another test process, so the daemon that was meant to take it fails to bind ("Error opening
// specified endpoint"). Test daemons take ports below that range instead, each test process from
// its own stretch (by pid), checked free by binding it, never handed out twice by one process.
const LOW = 20000;
const HIGH = 32000;
const SPAN = HIGH - LOW;
let next = LOW + ((process.pid * 389) % SPAN);
const given = new Set<number>();

function udpFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = dgram.createSocket('udp4');
    s.once('error', () => resolve(false));
    s.bind(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

function tcpFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

async function pick(free: (port: number) => Promise<boolean>): Promise<number> {
  for (let tries = 0; tries < SPAN; tries++) {
    const port = next;
    next = next + 1 >= HIGH ? LOW : next + 1;
    if (given.has(port)) continue;
    if (await free(port)) {
      given.add(port);
      return port;
    }
  }
  throw new Error(`no free port on 127.0.0.1 between ${LOW} and ${HIGH}`);
}

/** A free UDP port on 127.0.0.1 (checked and released, so the agent can take it). */
export function freeUdpPort(): Promise<number> {
  return pick(udpFree);
}

export function freeTcpPort(): Promise<number> {
  return pick(tcpFree);
}

/** Whether a daemon's failure reads as "the port was taken meanwhile" (worth one more try on another port). */
export function portTaken(message: string): boolean {
  return /Error opening specified endpoint|EADDRINUSE|Address already in use|address in use/i.test(message);
}
