// The core's Logger on a LogOutputChannel, with every secret Parc has handed out removed first.
import type * as vscode from 'vscode';
import { redact, type Logger } from '../core/host';
import { safeText } from '../core/sanitize';

export class ChannelLogger implements Logger {
  constructor(
    private readonly channel: vscode.LogOutputChannel,
    private readonly secrets: () => Iterable<string>,
  ) {}

  /** Also used for messages shown to the user. */
  clean(message: string): string {
    return safeText(redact(message, this.secrets()));
  }

  debug(message: string): void {
    this.channel.debug(this.clean(message));
  }
  info(message: string): void {
    this.channel.info(this.clean(message));
  }
  warn(message: string): void {
    this.channel.warn(this.clean(message));
  }
  error(message: string): void {
    this.channel.error(this.clean(message));
  }
}
