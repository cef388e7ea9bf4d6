/** Progress of a long download on stderr: a bar on a terminal, a line per tenth elsewhere. */
export interface Progress {
  start(label: string): ProgressTask;
}

export interface ProgressTask {
  total(bytes: number | null): void;
  advance(bytes: number): void;
  done(summary: string): void;
}

export function progressReporter(stream: { write(s: string): unknown; isTTY?: boolean }, quiet: boolean): Progress {
  return {
    start(label) {
      let total: number | null = null;
      let seen = 0;
      let lastTenth = -1;
      let lastDraw = 0;
      const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
      return {
        total: (bytes) => {
          total = bytes;
          if (!quiet && !stream.isTTY) stream.write(`${label}: downloading${total ? ` ${mb(total)}` : ''}\n`);
        },
        advance: (bytes) => {
          seen += bytes;
          if (quiet) return;
          if (stream.isTTY) {
            const now = Date.now();
            if (now - lastDraw < 100) return;
            lastDraw = now;
            const share = total ? Math.min(1, seen / total) : null;
            const bar = share === null ? '' : `[${'#'.repeat(Math.round(share * 30)).padEnd(30, '-')}] ${Math.round(share * 100)}% `;
            stream.write(`\r${label} ${bar}${mb(seen)}${total ? ` of ${mb(total)}` : ''}   `);
          } else if (total) {
            const tenth = Math.floor((seen / total) * 10);
            if (tenth > lastTenth && tenth < 10) {
              lastTenth = tenth;
              if (tenth > 0) stream.write(`${label}: ${tenth * 10}% (${mb(seen)})\n`);
            }
          }
        },
        done: (summary) => {
          if (!quiet) stream.write(`${stream.isTTY ? '\r' : ''}${label}: ${mb(seen)}, ${summary}${stream.isTTY ? '                    ' : ''}\n`);
        },
      };
    },
  };
}
