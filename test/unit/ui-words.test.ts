// The UI's words (issue 21): French typography (a no-break space before : ; ? ! and inside
// « »), counts in the singular when there is one, and every English key said in French.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { fr } from '../../renderer/src/i18n/fr';
import { translator } from '../../renderer/src/i18n';

const ROOT = resolve(import.meta.dirname, '../..');

describe('French words', () => {
  it('never lets a colon, semicolon, question or exclamation mark start a line', () => {
    const bad = Object.entries(fr).filter(([, text]) => / [:;?!]|« | »/.test(text));
    expect(bad).toEqual([]);
    const summary = readFileSync(resolve(ROOT, 'templates/summary/copy/fr.json'), 'utf8');
    expect(summary).not.toMatch(/ [:;?!]/);
  });

  it('has every English key', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('says Défaire for Undo, and the next follow-up with a no-break space before the colon', () => {
    const t = translator('fr');
    expect(t('undo')).toBe('Défaire');
    expect(t('followUpLine', { when: 'mardi' })).toMatch(/^Prochain suivi[\u00a0\u202f]: mardi$/);
  });
});

describe('counts', () => {
  it('uses the singular for one (English) and for zero and one (French)', () => {
    const t = translator('en');
    expect(t('fixProblems', { n: 1 })).toBe('1 problem to fix before saving');
    expect(t('fixProblems', { n: 2 })).toBe('2 problems to fix before saving');
    expect(t('wuFixProblems', { n: 1 })).toBe('1 problem to fix');
    const f = translator('fr');
    expect(f('fixProblems', { n: 1 })).toMatch(/^1 problème à corriger/);
    expect(f('fixProblems', { n: 3 })).toMatch(/^3 problèmes à corriger/);
  });
});
