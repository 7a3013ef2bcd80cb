import { checkFollowUpCopy, type FollowUpCopy } from '../../../core/followUp/email';
import { TEMPLATES_DIR } from '../recipes';
import { type CopyFolder, loadCopyFolder } from '../templateCopy';

const FOLLOW_UP_COPY: CopyFolder<FollowUpCopy> = {
  folder: ['followUp', 'copy'],
  what: 'follow-up copy',
  noEnglish: 'follow-up copy has no English file (templates/followUp/copy/en.json), the last fallback',
  check: checkFollowUpCopy,
};

/**
 * The follow-up email's words per language (<templates>/followUp/copy/<language>.json), checked
 * like user files. A firm adds a language by adding a file. Read once per templates folder, then
 * kept. The default (the source tree) is for tests; the app and the build pass their folder.
 */
export function loadFollowUpCopy(templatesDir: string = TEMPLATES_DIR): Readonly<Record<string, FollowUpCopy>> {
  return loadCopyFolder(FOLLOW_UP_COPY, templatesDir);
}
