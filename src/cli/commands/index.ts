// The CLI's command registry: one entry per command family.
import { alertsCommand } from './alerts';
import { discoverCommand } from './discover';
import { eventsCommand } from './events';
import { historyCommand } from './history';
import { inventoryCommand } from './inventory';
import { ldapCommand } from './ldap';
import { netplanCommand } from './netplan';
import { pollCommand } from './poll';
import { prometheusCommand } from './prometheus';
import { snmpdCommand } from './snmpd';
import { reportCommand } from './report';
import { sessionsCommand } from './sessions';
import type { Command } from './types';
import { serveCommand } from './serve';
import { watchCommand } from './watch';

export const commands: Command[] = [pollCommand, discoverCommand, watchCommand, eventsCommand, netplanCommand, sessionsCommand, historyCommand, reportCommand, inventoryCommand, ldapCommand, snmpdCommand, alertsCommand, prometheusCommand, serveCommand];
