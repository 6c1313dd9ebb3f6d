// What the examples share: how long to run (`--seconds N`, default until Ctrl+C).
export function runUntilStopped(): Promise<void> {
  const index = process.argv.indexOf('--seconds');
  const seconds = index >= 0 ? Number(process.argv[index + 1]) : 0;
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    if (seconds > 0) setTimeout(resolve, seconds * 1000);
    else setInterval(() => undefined, 60_000);  // keep running until a signal
  });
}
