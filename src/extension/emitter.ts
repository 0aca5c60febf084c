// An event source with VS Code's Event signature that needs no `vscode` at run time, so that the analysis store can
// be unit-tested in plain Node.
import type * as vscode from 'vscode';

export class Emitter<T> {
  private listeners: ((e: T) => unknown)[] = [];

  readonly event: vscode.Event<T> = (listener, thisArgs, disposables) => {
    const bound = (e: T): unknown => listener.call(thisArgs, e);
    this.listeners.push(bound);
    const subscription = { dispose: (): void => void (this.listeners = this.listeners.filter((l) => l !== bound)) };
    disposables?.push(subscription);
    return subscription;
  };

  /** Calls every listener; one that throws is logged and does not keep the others from hearing the event. */
  fire(e: T): void {
    for (const listener of this.listeners.slice()) {
      try {
        listener(e);
      } catch (err) {
        console.error('Policy Lens: an event listener failed', err);
      }
    }
  }

  dispose(): void {
    this.listeners = [];
  }
}
