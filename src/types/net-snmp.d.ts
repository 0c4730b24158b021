// The part of net-snmp's API that Parc uses (the package ships no types).
declare module 'net-snmp' {
  import { EventEmitter } from 'node:events';
  export interface Varbind { oid: string; type: number; value: unknown }
  export type TableRows = Record<string, Record<string, unknown>>;
  export interface Session extends EventEmitter {
    get(oids: string[], cb: (error: Error | null, varbinds: Varbind[]) => void): void;
    getNext(oids: string[], cb: (error: Error | null, varbinds: Varbind[]) => void): void;
    /** The first nonRepeaters results are varbinds, then one array per repeated OID. */
    getBulk(oids: string[], nonRepeaters: number, maxRepetitions: number, cb: (error: Error | null, varbinds: (Varbind | Varbind[])[]) => void): void;
    subtree(oid: string, maxRepetitions: number, feed: (varbinds: Varbind[]) => boolean | void, done: (error?: Error | null) => void): void;
    table(oid: string, maxRepetitions: number, cb: (error: Error | null, table: TableRows) => void): void;
    close(): void;
  }
  export interface SessionOptions {
    port?: number; retries?: number; timeout?: number; backoff?: number; transport?: 'udp4' | 'udp6';
    version?: number; idBitsSize?: 16 | 32; context?: string; backwardsGetNexts?: boolean;
  }
  export interface User {
    name: string; level: number; authProtocol?: string; authKey?: string; privProtocol?: string; privKey?: string;
  }
  export function createSession(target: string, community: string, options?: SessionOptions): Session;
  export function createV3Session(target: string, user: User, options?: SessionOptions): Session;
  export function isVarbindError(vb: Varbind): boolean;
  export function varbindError(vb: Varbind): string;
  export const Version1: number;
  export const Version2c: number;
  export const Version3: number;
  export const SecurityLevel: { noAuthNoPriv: number; authNoPriv: number; authPriv: number };
  export const AuthProtocols: Record<string, string>;
  export const PrivProtocols: Record<string, string>;
  export const ObjectType: Record<string, number>;
  export const ErrorStatus: Record<string, number>;
  export class RequestTimedOutError extends Error {}
  export class ResponseInvalidError extends Error { code: number }
  export class RequestFailedError extends Error { status: number }
}
