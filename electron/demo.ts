// `npm run demo`: builds the sample intake and advisor into out/demo/ and says where the files are.
import { resolve } from 'node:path';
import { build, SAMPLE_ADVISOR, SAMPLE_INTAKE } from './services/build';
import { TEMPLATES_DIR } from './services/recipes';
import { printProblems, printWarnings } from './problems';

const outDir = resolve('out', 'demo');
const result = await build({
  intakePath: SAMPLE_INTAKE,
  advisorPath: SAMPLE_ADVISOR,
  outDir,
  templatesDir: TEMPLATES_DIR,
});
if (!result.ok) {
  printProblems(result.invalid, (line) => console.error(line));
  process.exit(2);
}
const { deck, prospect, followUp } = result.plan;
console.log(
  `Advisor Deck demo: ${prospect.fullName}, ${deck.slides.length} slides, ` +
    `${deck.plannedMinutes} min planned + ${deck.qaMinutes} min for questions (${deck.aspectRatio}).`,
);
console.log(`Follow-up: ${followUp.dueAt} (${followUp.timeZone})`);
console.log(`Files in ${outDir}:`);
printWarnings(result.warnings, (line) => console.error(line));
for (const file of result.files) console.log(`  ${file}`);
