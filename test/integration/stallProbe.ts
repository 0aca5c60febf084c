// Measures how long the extension host's thread goes without yielding, from inside it (the tests and the host bench
// run in that thread). A 5 ms timer's lateness is the event-loop lag; on a shared machine a timer also comes late
// when the thread merely waited for a core, so a stall is the lag capped by the CPU time the thread itself used.
import * as fs from 'node:fs';

/** CPU time of the calling thread in milliseconds, from Linux's /proc, or undefined where it cannot be read. */
function threadCpuMs(): number | undefined {
  try {
    return Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

/** CPU time of this thread, or where /proc cannot tell, of the whole process (all threads: an overestimate). */
function cpuClock(): () => number {
  if (threadCpuMs() !== undefined) return () => threadCpuMs() ?? 0;
  return () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
}

export class StallProbe {
  /** Per interval: how late the timer came (ms). */
  readonly lags: number[] = [];
  /** Per interval: the lag capped by the CPU time this thread used meanwhile (ms). */
  readonly stalls: number[] = [];
  /** Per interval: when it ended (performance.now()). */
  readonly ends: number[] = [];
  private readonly cpu = cpuClock();
  private last = performance.now();
  private lastCpu: number;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly interval = 5) {
    this.lastCpu = this.cpu();
    this.timer = setInterval(() => this.sample(), interval);
  }

  /** Stops the probe; the interval it stops in counts too. Returns the stalls. */
  stop(): number[] {
    clearInterval(this.timer);
    this.sample();
    return this.stalls;
  }

  private sample(): void {
    const now = performance.now();
    const cpu = this.cpu();
    const lag = Math.max(0, now - this.last - this.interval);
    this.lags.push(lag);
    this.stalls.push(Math.min(lag, cpu - this.lastCpu));
    this.ends.push(now);
    this.last = now;
    this.lastCpu = cpu;
  }
}
