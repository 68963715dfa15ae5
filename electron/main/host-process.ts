/** Starts the host in an Electron utility process and adapts it for the supervisor. */
import { utilityProcess, type UtilityProcess } from 'electron';
import type { HostControlMessage } from './channels';
import type { HostChild } from './supervisor';

/** The utility process's `serviceName`, as `child-process-gone` reports it. */
export const HOST_SERVICE_NAME = 'OneDoor host';

/** A running host process: the supervisor's view plus message passing. */
export interface HostProcess extends HostChild {
  readonly process: UtilityProcess;
}

export interface HostProcessOptions {
  /** Absolute path of the bundled utility entry (dist/electron/host/utility-process-entry.cjs). */
  entryPath: string;
  /** Config file handed to the host, or undefined for the embedded defaults. */
  configPath: string | undefined;
  /** resources/ as shipped (outside the asar when packaged); given to the host as ONEDOOR_RESOURCES_DIR. */
  resourcesDir: string;
}

/** Forks the host. stdout/stderr are inherited so its pino log reaches the journal. */
export function spawnHostProcess({ entryPath, configPath, resourcesDir }: HostProcessOptions): HostProcess {
  const args = configPath ? [`--config=${configPath}`] : [];
  const env = { ...process.env, ONEDOOR_RESOURCES_DIR: resourcesDir };
  const child = utilityProcess.fork(entryPath, args, { serviceName: HOST_SERVICE_NAME, stdio: 'inherit', env });
  return {
    process: child,
    get pid() {
      return child.pid;
    },
    onMessage(listener) {
      child.on('message', listener);
    },
    onExit(listener) {
      child.on('exit', listener);
    },
    kill() {
      child.kill();
    },
    requestStop() {
      const stop: HostControlMessage = { type: 'stop' };
      child.postMessage(stop);
    },
  };
}
