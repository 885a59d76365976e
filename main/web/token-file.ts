import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, stat, unlink } from "node:fs/promises";
import { dirname, isAbsolute, join, resolve } from "node:path";

/** A token file that cannot be used; the message says what was expected and what was found. */
export class TokenFileError extends Error {}

const MIN_LENGTH = 32;
/** A 32-character token of a few distinct characters ("aaaa...", "abab...") is a password, not a secret. */
const MIN_DISTINCT = 12;

/**
 * The access token kept in a file, so a bookmarked URL survives restarts (as Jupyter's does):
 * created with a fresh random token and mode 0600 when missing; otherwise read, and refused when
 * others may read it (a group or world permission bit, or another owner) or when its content is
 * too short or too simple to be a secret. The token itself is never printed in an error.
 */
export async function tokenFromFile(path: string): Promise<string> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw new TokenFileError(`cannot read the token file ${path}: ${error.message}`);
  });
  if (info === null) return create(path);
  if (!info.isFile()) throw new TokenFileError(`the token file ${path} is not a file`);
  if (process.platform !== "win32") {
    if ((info.mode & 0o077) !== 0) {
      throw new TokenFileError(
        `the token file ${path} may be read by others (mode ${(info.mode & 0o777).toString(8).padStart(4, "0")}); expected 0600 (owner only): run chmod 600 ${path}`,
      );
    }
    if (typeof process.getuid === "function" && info.uid !== process.getuid()) {
      throw new TokenFileError(
        `the token file ${path} belongs to another user (uid ${info.uid}); expected your own file`,
      );
    }
  }
  return check(path, (await readFile(path, "utf8")).trim());
}

function check(path: string, token: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(token)) {
    throw new TokenFileError(
      `the token file ${path} holds characters other than A-Z, a-z, 0-9, "-" and "_"; expected one line of those (delete the file to get a new token)`,
    );
  }
  if (token.length < MIN_LENGTH) {
    throw new TokenFileError(
      `the token in ${path} is ${token.length} characters long; expected at least ${MIN_LENGTH} (delete the file to get a new random one)`,
    );
  }
  const distinct = new Set(token).size;
  if (distinct < MIN_DISTINCT) {
    throw new TokenFileError(
      `the token in ${path} uses only ${distinct} different characters; expected a random one with at least ${MIN_DISTINCT} (delete the file to get a new one)`,
    );
  }
  return token;
}

async function create(path: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  // "wx": if another server created it meanwhile, its token wins (read below), never overwritten.
  const handle = await open(path, "wx", 0o600).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "EEXIST") return null;
    throw new TokenFileError(`cannot create the token file ${path}: ${error.message}`);
  });
  if (handle === null) return tokenFromFile(path);
  try {
    await handle.writeFile(`${token}\n`);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(path).catch(() => {}); // half a token file (disk full) would be refused at every start
    throw new TokenFileError(`cannot write the token file ${path}: ${(error as Error).message}`);
  }
  await handle.close();
  return token;
}

/**
 * Which token file a server uses: `--token-file` (relative to the working folder), else the
 * NETFORGE_TOKEN_FILE setting (relative to the config folder, so `token` means one per config
 * folder), else none: a fresh token for each start.
 */
export function tokenFilePath(flag: string | undefined, env: NodeJS.ProcessEnv, configDir: string): string | null {
  if (flag !== undefined) return resolve(flag);
  const setting = env.NETFORGE_TOKEN_FILE;
  if (!setting) return null;
  return isAbsolute(setting) ? setting : join(configDir, setting);
}
