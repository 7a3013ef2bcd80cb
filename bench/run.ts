// `npm run bench`: speed and size targets, printed as one table. Timings are for this machine;
// compare rows across commits on the same machine, not across machines.
import { printTable, type Row } from './measure';
import { benchPlan } from './plan.bench';
import { benchDeck } from './deck.bench';
import { benchSummary } from './summary.bench';
import { benchFollowUps } from './followups.bench';
import { benchApp } from './app.bench';
import { benchMeeting } from './meeting.bench';
import { benchTablet } from './tablet.bench';
import { benchIntakeForm } from './intakeform.bench';
import { benchCli } from './cli.bench';
import { benchPackage } from './package.bench';
import { benchRecords } from './records.bench';

// `npm run bench -- app deck` runs only those groups; no argument runs them all.
const groups: Record<string, () => Promise<Row[]>> = {
  plan: benchPlan,
  deck: benchDeck,
  summary: benchSummary,
  followups: benchFollowUps,
  app: benchApp,
  meeting: benchMeeting,
  tablet: benchTablet,
  intakeform: benchIntakeForm,
  cli: benchCli,
  package: benchPackage,
  records: benchRecords,
};
const wanted = process.argv.slice(2).filter((a) => a in groups);
const rows: Row[] = [];
for (const [name, bench] of Object.entries(groups))
  if (wanted.length === 0 || wanted.includes(name)) rows.push(...(await bench()));
printTable(rows);
