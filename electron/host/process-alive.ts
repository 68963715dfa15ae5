/**
 * Whether process `pid` still runs: signal 0 checks without sending
 * anything. EPERM means it runs as another user. Used to sweep what a
 * crashed process left behind (a throwaway data folder, a lock).
 */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
