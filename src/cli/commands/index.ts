// The CLI's command registry: one entry per command family.
import { discoverCommand } from './discover';
import { eventsCommand } from './events';
import { netplanCommand } from './netplan';
import { pollCommand } from './poll';
import { sessionsCommand } from './sessions';
import type { Command } from './types';
import { watchCommand } from './watch';

export const commands: Command[] = [pollCommand, discoverCommand, watchCommand, eventsCommand, netplanCommand, sessionsCommand];
