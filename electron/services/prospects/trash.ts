// trash/: a deleted prospect's folder is moved there whole, as <id>.<time>, and can be moved
// back. Its id is never given to another prospect while it is there.
import { mkdir, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { PROSPECTS_DIR, TRASH_DIR } from '../../../core/dataFolder';
import { fileStamp } from '../setAside';

/** Moves the prospect's folder into the trash; returns its name there (the trash id). */
export async function moveToTrash(folder: string, id: string, now: number): Promise<string> {
  const trashId = `${id}.${fileStamp(now)}`;
  await mkdir(join(folder, TRASH_DIR), { recursive: true });
  await rename(join(folder, PROSPECTS_DIR, id), join(folder, TRASH_DIR, trashId));
  return trashId;
}

/** Whether a prospect of this id is in the trash. */
export async function inTrash(folder: string, id: string): Promise<boolean> {
  const trashed = await readdir(join(folder, TRASH_DIR)).catch(() => [] as string[]);
  return trashed.some((name) => name.startsWith(`${id}.`));
}

/** The prospect id of a trash id, or undefined when it is not one. */
export function trashedId(trashId: string): string | undefined {
  return /^(p-[0-9a-f]{16}|[a-z0-9][a-z0-9-]{0,63})\.[0-9TZ-]+$/.exec(trashId)?.[1];
}

/** Moves a prospect's folder back from the trash. */
export async function moveBack(folder: string, trashId: string, id: string): Promise<void> {
  await rename(join(folder, TRASH_DIR, trashId), join(folder, PROSPECTS_DIR, id));
}
