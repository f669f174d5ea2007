import type { Notify, NotifyResp, UspMsg } from '@fleetlog/usp';
import type { Timers } from './timers.js';

export interface NotifierDeps {
  /** Publishes the Notify; false when the agent is offline and nothing went out. */
  send: (msg: UspMsg<Notify>) => Promise<boolean>;
  timers: Timers;
  /** Pause between two tries of a Notify that asked for a NotifyResp. */
  retryMs: number;
  /** A Notify went out again. */
  onRetry: (msg: UspMsg<Notify>) => void;
}

/**
 * Sends Notify messages; one with send_resp is sent again, with the same msg_id, every `retryMs`
 * until its NotifyResp comes. A fixed pause rather than TR-369's doubling one (R-NOT.1), so tests
 * see retries within seconds.
 */
export const createNotifier = ({ send, timers, retryMs, onRetry }: NotifierDeps) => {
  interface Entry {
    msg: UspMsg<Notify>;
    timer: NodeJS.Timeout | undefined;
  }
  const pending = new Map<string, Entry>();

  const arm = (entry: Entry) => {
    entry.timer = timers.later(retryMs, () => {
      if (pending.get(entry.msg.msgId) !== entry) return;
      void send(entry.msg).then((wentOut) => wentOut && onRetry(entry.msg));
      arm(entry);
    });
  };

  return {
    notify(msg: UspMsg<Notify>): void {
      if (msg.body.sendResp) {
        const entry: Entry = { msg, timer: undefined };
        pending.set(msg.msgId, entry);
        arm(entry);
      }
      void send(msg);
    },

    /** R-NOT.9: the NotifyResp settles the Notify with its msg_id only if the subscription id matches too. */
    acknowledge(resp: UspMsg<NotifyResp>): boolean {
      const entry = pending.get(resp.msgId);
      if (entry === undefined || entry.msg.body.subscriptionId !== resp.body.subscriptionId) return false;
      timers.cancel(entry.timer);
      pending.delete(resp.msgId);
      return true;
    },

    pending: (): UspMsg<Notify>[] => [...pending.values()].map((entry) => entry.msg),

    /** Forgets every Notify: the agent rebooted or stopped (R-NOT.4). */
    clear(): void {
      for (const entry of pending.values()) timers.cancel(entry.timer);
      pending.clear();
    },
  };
};

export type Notifier = ReturnType<typeof createNotifier>;
