// The status bar item: a spinner while the server reports work, a warning when the server is down,
// and nothing at all while things are idle (an idle item would only take space from the user).
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/protocol';

export const SHOW_LOG_COMMAND = 'awsccCognito.showLog';

export class ServerStatusItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor() {
    this.item = vscode.window.createStatusBarItem('awsccCognito.status', vscode.StatusBarAlignment.Left, 10);
    this.item.name = 'awscc Cognito language server';
    this.item.command = SHOW_LOG_COMMAND;
  }

  starting(): void {
    this.show('$(sync~spin) awscc-cognito', 'Starting the awscc-cognito language server');
  }

  /** Applies one status notification from the server; unknown states are treated as idle. */
  report(params: StatusParams | undefined): void {
    if (params?.state === 'busy') {
      this.show('$(sync~spin) awscc-cognito', params.detail ?? 'The awscc-cognito language server is working');
    } else {
      this.idle();
    }
  }

  idle(): void {
    this.item.hide();
  }

  stopped(reason: string): void {
    this.show('$(warning) awscc-cognito', `${reason} Click to show the log.`);
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
  }

  private show(text: string, tooltip: string): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
