// The words of alert messages in the inventory's language (`language: fr|en`). The core has no
// VS Code l10n (messages are sent by `parc watch` too), so the two dictionaries live here.
import type { Language, MessageKind } from './types';

const en = {
  'type.down': 'Device down',
  'type.interface-down': 'Port down',
  'type.storage-high': 'Storage almost full',
  'type.processor-high': 'Processor overloaded',
  'type.reboot': 'Device rebooted',
  'type.delivery-failed': 'Alert delivery failing',
  'type.test': 'Test alert',
  'type.other': 'Alert',
  'kind.problem': 'ALERT',
  'kind.repeat': 'STILL OPEN',
  'kind.escalation': 'ESCALATED',
  'kind.recovery': 'RECOVERED',
  'kind.test': 'TEST',
  what: 'What happened',
  device: 'Device',
  site: 'Site',
  since: 'Since',
  details: 'Details',
  recovered: 'Recovered',
  open: 'Open in Parc',
  acknowledged: 'acknowledged',
  unplaced: '(no site)',
  alerts: '{0} alerts',
  intro: {
    problem: 'Parc has detected a problem.',
    repeat: 'This alert is still open and has not been acknowledged.',
    escalation: 'This alert has not been acknowledged in time and is escalated to you.',
    recovery: 'The problem is over.',
    test: 'This is a test message sent by Parc; no device is affected.',
  } as Record<MessageKind, string>,
  introGroup: {
    problem: 'Parc has detected {0} problems.',
    repeat: '{0} alerts are still open and have not been acknowledged.',
    escalation: '{0} alerts have not been acknowledged in time and are escalated to you.',
    recovery: '{0} problems are over.',
    test: 'This is a test message sent by Parc; no device is affected.',
  } as Record<MessageKind, string>,
  footer: 'Sent by Parc. Acknowledge the alert in VS Code or with `parc alerts ack` to stop reminders.',
};

type Dict = typeof en;

const fr: Dict = {
  'type.down': 'Équipement injoignable',
  'type.interface-down': 'Port hors service',
  'type.storage-high': 'Stockage presque plein',
  'type.processor-high': 'Processeur surchargé',
  'type.reboot': 'Équipement redémarré',
  'type.delivery-failed': "Échec de l'envoi des alertes",
  'type.test': 'Alerte de test',
  'type.other': 'Alerte',
  'kind.problem': 'ALERTE',
  'kind.repeat': 'TOUJOURS OUVERTE',
  'kind.escalation': 'ESCALADE',
  'kind.recovery': 'RÉTABLI',
  'kind.test': 'TEST',
  what: "Ce qui s'est passé",
  device: 'Équipement',
  site: 'Site',
  since: 'Depuis',
  details: 'Détails',
  recovered: 'Rétabli',
  open: 'Ouvrir dans Parc',
  acknowledged: 'acquittée',
  unplaced: '(sans site)',
  alerts: '{0} alertes',
  intro: {
    problem: 'Parc a détecté un problème.',
    repeat: "Cette alerte est toujours ouverte et n'a pas été acquittée.",
    escalation: "Cette alerte n'a pas été acquittée à temps et vous est transmise.",
    recovery: 'Le problème est résolu.',
    test: "Ceci est un message de test envoyé par Parc ; aucun équipement n'est concerné.",
  },
  introGroup: {
    problem: 'Parc a détecté {0} problèmes.',
    repeat: "{0} alertes sont toujours ouvertes et n'ont pas été acquittées.",
    escalation: "{0} alertes n'ont pas été acquittées à temps et vous sont transmises.",
    recovery: '{0} problèmes sont résolus.',
    test: "Ceci est un message de test envoyé par Parc ; aucun équipement n'est concerné.",
  },
  footer: "Envoyé par Parc. Acquittez l'alerte dans VS Code ou avec `parc alerts ack` pour arrêter les rappels.",
};

export type Words = Dict;

export function words(lang: Language): Words {
  return lang === 'fr' ? fr : en;
}

export function typeLabel(w: Words, type: string): string {
  const k = `type.${type}` as keyof Words;
  const v = Object.hasOwn(w, k) ? w[k] : w['type.other'];
  return typeof v === 'string' ? v : w['type.other'];
}

export function fill(s: string, ...args: (string | number)[]): string {
  return s.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}
