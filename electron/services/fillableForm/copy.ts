import { checkIntakeFormCopy, type IntakeFormCopy } from '../../../core/intake/fillableFormCopy';
import { TEMPLATES_DIR } from '../recipes';
import { type CopyFolder, loadCopyFolder } from '../templateCopy';

const FORM_COPY: CopyFolder<IntakeFormCopy> = {
  folder: ['fillableForm'],
  what: 'intake form copy',
  noEnglish: 'the intake form has no English copy (templates/fillableForm/en.json), the last fallback',
  check: checkIntakeFormCopy,
};

/**
 * The intake form's words per language (<templates>/fillableForm/<language>.json), checked like
 * user files. A firm adds a language by adding a file. Read once per templates folder.
 */
export function loadIntakeFormCopy(templatesDir: string = TEMPLATES_DIR): Readonly<Record<string, IntakeFormCopy>> {
  return loadCopyFolder(FORM_COPY, templatesDir);
}
