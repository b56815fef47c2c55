/** Structured logger: one JSON object per line, or a readable line for humans. */
export interface Logger {
  info: (event: string, fields?: Record<string, unknown>) => void;
  warn: (event: string, fields?: Record<string, unknown>) => void;
  error: (event: string, fields?: Record<string, unknown>) => void;
}

export function createLogger(format: "json" | "pretty" | "silent"): Logger {
  const write = (level: string, event: string, fields: Record<string, unknown> = {}) => {
    if (format === "silent") return;
    const stream = level === "error" ? process.stderr : process.stdout;
    if (format === "json") {
      stream.write(`${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`);
    } else {
      const extra = Object.entries(fields)
        .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
        .join(" ");
      stream.write(`${level.padEnd(5)} ${event}${extra ? ` ${extra}` : ""}\n`);
    }
  };
  return {
    info: (e, f) => write("info", e, f),
    warn: (e, f) => write("warn", e, f),
    error: (e, f) => write("error", e, f),
  };
}
