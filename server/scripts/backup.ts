/**
 * Backs up the room file of a server, running or not, into a new file:
 *
 *   npm run backup -- <file>          (DATA_DIR as the server's, ./data by default)
 *
 * Restore by stopping the server and putting the file in place as
 * `DATA_DIR/rooms.sqlite` (with no `rooms.sqlite-wal` or `-shm` beside it).
 */
import { resolve } from "node:path";
import { loadConfig } from "../src/config.ts";
import { backupRooms } from "../src/store/backup.ts";

const dest = process.argv[2];
if (!dest || dest.startsWith("-")) {
  process.stderr.write("usage: npm run backup -- <file>   (reads DATA_DIR, ./data by default)\n");
  process.exit(2);
}
try {
  const { dataDir } = loadConfig(process.env);
  const s = await backupRooms(dataDir, resolve(dest));
  process.stdout.write(
    `backed up ${dataDir} to ${s.file}: ${s.rooms} rooms, ${s.documents} documents, ${s.updates} updates, ` +
      `${(s.bytes / 1024).toFixed(0)} KiB, integrity ok\n`,
  );
} catch (err) {
  process.stderr.write(`backup failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
