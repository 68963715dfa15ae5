/** Where the hall keeps its proxy recordings and their key (the server and `npm run hall -- recording …` agree on it). */
import { join } from 'node:path';

export function recordingPaths(dataDir: string): { dir: string; keyDir: string } {
  // The key sits with the hall's other credentials (staff-id.key) in the data folder, not beside the recordings.
  return { dir: join(dataDir, 'recordings'), keyDir: dataDir };
}
